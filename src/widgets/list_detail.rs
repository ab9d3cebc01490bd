//! The list-and-detail screen shape shared by the questions, the techniques, the phases, the
//! relatives' section and the figures: a bordered list with headings on the left, the chosen
//! item on the right, or one at a time on a narrow terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::doc::Doc;
use super::fit::ellipsize;
use crate::i18n::Strings;
use crate::theme::Theme;
use crate::widgets::list_nav::ListNav;

/// Below this width the list and the detail do not fit side by side.
pub const TWO_COLUMNS_MIN_WIDTH: u16 = 70;

/// Where the parts go; computed the same way for drawing and for keys and clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Lines above the list for a filter or a search field (may be empty).
    pub top: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub two_columns: bool,
}

impl Split {
    /// `top_lines` above everything; the list takes `list_percent` of the width in two columns.
    pub fn new(area: Rect, top_lines: u16, list_percent: u16) -> Self {
        let [top, body] = Layout::vertical([Constraint::Length(top_lines), Constraint::Fill(1)]).areas(area);
        let two_columns = area.width >= TWO_COLUMNS_MIN_WIDTH;
        let (list, detail) = if two_columns {
            let [l, d] =
                Layout::horizontal([Constraint::Percentage(list_percent), Constraint::Fill(1)]).areas(body);
            (l, d)
        } else {
            (body, body)
        };
        Self { top, list, detail, two_columns }
    }

    pub fn list_inner(&self) -> Rect {
        Block::bordered().inner(self.list)
    }

    pub fn detail_inner(&self) -> Rect {
        Block::bordered().inner(self.detail)
    }

    pub fn list_rows(&self) -> usize {
        usize::from(self.list_inner().height)
    }

    /// Lines the detail scrolls by for a page.
    pub fn detail_page(&self) -> u16 {
        self.detail_inner().height.saturating_sub(1).max(1)
    }

    pub fn shows_list(&self, detail_focused: bool) -> bool {
        self.two_columns || !detail_focused
    }

    /// The selected row of the list drawn in `list` (see [`list_cursor`]), while the list is
    /// on screen with the keys.
    pub fn list_cursor(&self, nav: &ListNav, len: usize) -> Option<Position> {
        if self.shows_list(false) { list_cursor(self.list, nav, len) } else { None }
    }

    pub fn shows_detail(&self, detail_focused: bool) -> bool {
        self.two_columns || detail_focused
    }
}

/// A row of a list as the pane builds it; the list adds the selection marker and style.
pub enum ListRow<'a> {
    Heading(Line<'a>),
    Item(Line<'a>),
}

/// The frame of a list: its title, whether it has the keys, and what to say when it is empty.
pub struct ListBox<'s> {
    pub title: &'s str,
    pub focused: bool,
    pub empty: &'s str,
}

/// Draws the visible rows of a list of `len` rows, `row(i)` building row `i` on demand.
pub fn render_list<'a>(
    area: Rect,
    buf: &mut Buffer,
    frame: ListBox,
    nav: &ListNav,
    len: usize,
    row: impl Fn(usize) -> ListRow<'a>,
    theme: &Theme,
) {
    let block = Block::bordered()
        .border_style(if frame.focused { theme.title } else { theme.border })
        .title(Span::styled(format!(" {} ", frame.title), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    if len == 0 {
        Paragraph::new(frame.empty).style(theme.dim).wrap(Wrap { trim: true }).render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let lines: Vec<Line> = (nav.offset..len)
        .take(usize::from(inner.height))
        .map(|i| match row(i) {
            ListRow::Heading(line) => ellipsize(line.patch_style(theme.heading), width),
            ListRow::Item(line) => {
                let selected = i == nav.selected;
                let mut spans = vec![Span::raw(if selected { "› " } else { "  " })];
                spans.extend(line.spans);
                let line = ellipsize(Line::from(spans), width);
                if selected { line.style(theme.selected) } else { line }
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The first cell of the selected row of a list drawn by [`render_list`] in `area`: where the
/// terminal's cursor goes, so a screen reader follows the selection.
pub fn list_cursor(area: Rect, nav: &ListNav, len: usize) -> Option<Position> {
    let inner = Block::bordered().inner(area);
    let row = nav.selected.checked_sub(nav.offset)?;
    (nav.selected < len && row < usize::from(inner.height))
        .then(|| Position::new(inner.x, inner.y + row as u16))
}

/// The first cell of the text in a bordered box, where reading starts.
pub fn box_cursor(area: Rect) -> Option<Position> {
    let inner = Block::bordered().inner(area);
    (!inner.is_empty()).then(|| inner.as_position())
}

/// The end of the query on the search line, where the next letter goes.
pub fn search_cursor(area: Rect, query: &str, s: &Strings) -> Option<Position> {
    use unicode_width::UnicodeWidthStr;
    let x = area.x.saturating_add((s.search_prompt.width() + query.width()) as u16);
    (area.height > 0 && x < area.right()).then(|| Position::new(x, area.y))
}

/// Draws the chosen item's text in a bordered box, scrolled by `scroll` lines (clamped).
pub fn render_detail(
    area: Rect,
    buf: &mut Buffer,
    title: Option<Line>,
    focused: bool,
    doc: &Doc,
    scroll: u16,
    theme: &Theme,
) {
    let mut block = Block::bordered().border_style(if focused { theme.title } else { theme.border });
    if let Some(title) = title {
        block = block.title(title);
    }
    let inner = block.inner(area);
    block.render(area, buf);
    doc.render(inner, buf, scroll);
}

/// The detail box with only a hint in it, when nothing is chosen.
pub fn render_empty_detail(area: Rect, buf: &mut Buffer, hint: &str, theme: &Theme) {
    let block = Block::bordered().border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(hint).style(theme.dim).wrap(Wrap { trim: true }).render(inner, buf);
}

/// The search line: prompt, query, a cursor while typing, and how many items match.
pub fn render_search(
    area: Rect,
    buf: &mut Buffer,
    query: &str,
    typing: bool,
    count: usize,
    s: &Strings,
    theme: &Theme,
) {
    let mut spans = vec![Span::styled(s.search_prompt, theme.key), Span::styled(query, theme.emphasis)];
    if typing {
        spans.push(Span::styled("_", theme.key));
        if query.is_empty() {
            spans.push(Span::styled(format!("  {}", s.search_hint), theme.dim));
        }
    }
    if !query.is_empty() {
        spans.push(Span::styled(format!("  ({count} {})", s.matches), theme.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

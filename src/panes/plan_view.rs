//! Drawing the plan: the nine parts with how many entries each has, and the chosen part's
//! question and entries.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::View;
use super::goals_view::spread;
use super::plan::{Focus, Mode, PlanPane};
use crate::domain::plan::Section;
use crate::widgets::list_detail::{ListBox, ListRow, Split, render_list};

const LIST_PERCENT: u16 = 40;

fn split(area: Rect) -> Split {
    Split::new(area, 0, LIST_PERCENT)
}

pub fn list_inner(area: Rect) -> Rect {
    split(area).list_inner()
}

impl PlanPane {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = split(area);
        let focused = self.focus != Focus::Sections;
        if split.shows_list(focused) {
            self.render_sections(&split, buf, view);
        }
        if split.shows_detail(focused) {
            self.render_entries(split.detail, buf, view);
        }
        match &self.mode {
            Mode::Browse => {}
            Mode::Form(_, form) => form.render(area, buf, view),
            Mode::Confirm(question) => question.render(area, buf, view),
        }
    }

    fn render_sections(&self, split: &Split, buf: &mut Buffer, view: &View) {
        let (t, theme) = (&view.strings.plan, view.theme);
        let width = split.list_inner().width.saturating_sub(2);
        let row = |i: usize| {
            let section = Section::ALL[i];
            let count = self.count(section);
            let right = if count > 0 { count.to_string() } else { String::new() };
            ListRow::Item(spread(
                vec![Span::raw(t.sections[section.index()])],
                Span::styled(right, theme.dim),
                width,
            ))
        };
        let frame = ListBox { title: t.tab, focused: self.focus == Focus::Sections, empty: "" };
        render_list(split.list, buf, frame, &self.nav, Section::ALL.len(), row, theme);
    }

    fn render_entries(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (t, theme) = (&view.strings.plan, view.theme);
        let section = self.section();
        let focused = self.focus != Focus::Sections;
        let block = Block::bordered()
            .border_style(if focused { theme.title } else { theme.border })
            .title(Span::styled(format!(" {} ", t.sections[section.index()]), theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let (prompt, hint) = self.texts(view);
        let [top, _, body, keys] = Self::entry_areas(inner, &prompt, &hint);
        prompt.render(top, buf);
        let (lines, cursor_line) = self.entry_lines(view);
        let scroll = if focused { super::goals_view::scroll_to(&lines, cursor_line, body) } else { 0 };
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)).render(body, buf);
        hint.render(keys, buf);
    }

    /// The part's question, and the keys (or what the plan is for, while the parts have them).
    fn texts(&self, view: &View) -> (Paragraph<'static>, Paragraph<'static>) {
        let (t, theme) = (&view.strings.plan, view.theme);
        let focused = self.focus != Focus::Sections;
        let prompt =
            Paragraph::new(t.prompts[self.section().index()]).style(theme.dim).wrap(Wrap { trim: true });
        let hint = Paragraph::new(if focused { t.entry_keys } else { t.intro })
            .style(theme.dim)
            .wrap(Wrap { trim: true });
        (prompt, hint)
    }

    /// The question on top, a blank line, the entries, and the keys at the bottom.
    fn entry_areas(inner: Rect, prompt: &Paragraph, hint: &Paragraph) -> [Rect; 4] {
        let prompt_height = (prompt.line_count(inner.width) as u16).min(inner.height / 2);
        let hint_height = (hint.line_count(inner.width) as u16).min(3);
        Layout::vertical([
            Constraint::Length(prompt_height),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(hint_height),
        ])
        .areas(inner)
    }

    /// The entries (and "+ add" while they have the keys), and the line of the cursor.
    fn entry_lines(&self, view: &View) -> (Vec<Line<'static>>, usize) {
        let (t, theme) = (&view.strings.plan, view.theme);
        let focused = self.focus != Focus::Sections;
        let cursor = match self.focus {
            Focus::Entries(c) => Some(c),
            Focus::Sections => None,
        };
        let entries = self.entries();
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor_line = 0;
        for (i, entry) in entries.iter().enumerate() {
            let selected = cursor == Some(i);
            if selected {
                cursor_line = lines.len();
            }
            let mut spans =
                vec![Span::raw(if selected { "› " } else { "• " }), Span::raw(entry.item.text.clone())];
            if !entry.item.phone.is_empty() {
                spans.push(Span::styled(format!("  {}", entry.item.phone), theme.key));
            }
            let line = Line::from(spans);
            lines.push(if selected { line.style(theme.selected) } else { line });
        }
        if entries.is_empty() && !focused {
            lines.push(Line::styled(t.empty_section, theme.dim));
        }
        let on_add = cursor == Some(entries.len());
        if focused {
            if on_add {
                cursor_line = lines.len();
            }
            let add = Line::styled(format!("{}{}", if on_add { "› " } else { "  " }, t.add_entry), theme.dim);
            lines.push(if on_add { add.style(theme.selected) } else { add });
        }
        (lines, cursor_line)
    }

    /// The selected part, or the entry under the cursor, the field being typed in, or the
    /// question being asked.
    pub fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        match &self.mode {
            Mode::Form(_, form) => return form.cursor(area),
            Mode::Confirm(question) => return question.cursor(area, view.strings),
            Mode::Browse => {}
        }
        let split = split(area);
        if self.focus == Focus::Sections {
            return split.list_cursor(&self.nav, Section::ALL.len());
        }
        let (prompt, hint) = self.texts(view);
        let [_, _, body, _] = Self::entry_areas(Block::bordered().inner(split.detail), &prompt, &hint);
        let (lines, cursor) = self.entry_lines(view);
        super::cursor::wrapped_line(&lines, cursor, body, super::goals_view::scroll_to(&lines, cursor, body))
    }
}

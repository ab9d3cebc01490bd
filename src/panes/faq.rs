//! "Spørsmål og svar": every question of both articles, grouped by topic, with a search that
//! filters as you type. Wide terminals show the list and the answer side by side; narrow ones
//! show one at a time.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::list_nav::ListNav;
use super::{Ctx, View};
use crate::action::Action;
use crate::content::{Faq, FaqTopic, faq};
use crate::domain::search::{Finder, Hit, MatchKind, Query, Searchable};
use crate::i18n::{Lang, Strings};
use crate::theme::Theme;

/// Below this width the list and the answer do not fit side by side.
const TWO_COLUMNS_MIN_WIDTH: u16 = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Answer,
    Search,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Topic(FaqTopic),
    Item(usize),
}

pub struct FaqPane {
    lang: Lang,
    rows: Vec<Row>,
    nav: ListNav,
    focus: Focus,
    query: String,
    /// Per item, where the query matched; empty while there is no query.
    hits: Vec<Option<Hit>>,
    /// Built on the first search, not at start-up: most visits never search.
    index: Option<Vec<[Searchable; 2]>>,
    finder: Finder,
    answer_scroll: u16,
}

impl FaqPane {
    pub fn new(lang: Lang) -> Self {
        let mut pane = Self {
            lang,
            rows: Vec::new(),
            nav: ListNav::default(),
            focus: Focus::List,
            query: String::new(),
            hits: Vec::new(),
            index: None,
            finder: Finder::default(),
            answer_scroll: 0,
        };
        pane.rebuild_rows();
        pane
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// True while typed keys belong to the search field.
    pub fn text_mode(&self) -> bool {
        self.focus == Focus::Search
    }

    /// The question under the cursor, if the list is not empty.
    pub fn selected(&self) -> Option<&'static Faq> {
        match self.rows.get(self.nav.selected)? {
            Row::Item(i) => faq::all(self.lang).get(*i),
            Row::Topic(_) => None,
        }
    }

    /// How many questions the current filter shows.
    pub fn visible_count(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r, Row::Item(_))).count()
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) {
        let layout = PaneLayout::new(ctx.area, self.shows_search_line());
        match self.focus {
            Focus::Search => self.handle_search(action),
            Focus::List => self.handle_list(action, &layout),
            Focus::Answer => self.handle_answer(action, &layout),
        }
        let layout = PaneLayout::new(ctx.area, self.shows_search_line());
        self.nav.ensure_visible(layout.list_rows());
    }

    fn handle_search(&mut self, action: &Action) {
        match action {
            Action::Open => self.focus = Focus::List,
            Action::Back => {
                self.focus = Focus::List;
                self.set_query(String::new());
            }
            Action::Text(key) => match (key.code, key.modifiers) {
                (KeyCode::Char('u'), KeyModifiers::CONTROL) => self.set_query(String::new()),
                (KeyCode::Char('w'), KeyModifiers::CONTROL) => {
                    let kept = self.query.trim_end().rsplit_once(' ').map_or("", |(head, _)| head);
                    self.set_query(format!("{kept} ").trim_start().to_owned());
                }
                (KeyCode::Char(c), m) if !m.contains(KeyModifiers::CONTROL) => {
                    let mut q = self.query.clone();
                    q.push(c);
                    self.set_query(q);
                }
                (KeyCode::Backspace, _) => {
                    let mut q = self.query.clone();
                    q.pop();
                    self.set_query(q);
                }
                (KeyCode::Down, _) => self.move_selection(1),
                (KeyCode::Up, _) => self.move_selection(-1),
                _ => {}
            },
            _ => {}
        }
    }

    fn handle_list(&mut self, action: &Action, layout: &PaneLayout) {
        let page = layout.list_rows().max(1) as isize;
        match action {
            Action::Up | Action::ScrollUp => self.move_selection(-1),
            Action::Down | Action::ScrollDown => self.move_selection(1),
            Action::PageUp => self.move_selection(-page),
            Action::PageDown => self.move_selection(page),
            Action::Top => {
                let rows = &self.rows;
                self.nav.first(rows.len(), |i| matches!(rows[i], Row::Item(_)));
                self.answer_scroll = 0;
            }
            Action::Bottom => {
                let rows = &self.rows;
                self.nav.last(rows.len(), |i| matches!(rows[i], Row::Item(_)));
                self.answer_scroll = 0;
            }
            Action::Open if self.selected().is_some() => {
                self.focus = Focus::Answer;
                self.answer_scroll = 0;
            }
            Action::Back if !self.query.is_empty() => self.set_query(String::new()),
            Action::Search => self.focus = Focus::Search,
            Action::Click { column, row } => self.click(*column, *row, layout),
            _ => {}
        }
    }

    fn handle_answer(&mut self, action: &Action, layout: &PaneLayout) {
        let page = layout.answer.height.saturating_sub(3).max(1);
        match action {
            Action::Up | Action::ScrollUp => self.answer_scroll = self.answer_scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.answer_scroll = self.answer_scroll.saturating_add(1),
            Action::PageUp => self.answer_scroll = self.answer_scroll.saturating_sub(page),
            Action::PageDown => self.answer_scroll = self.answer_scroll.saturating_add(page),
            Action::Top => self.answer_scroll = 0,
            Action::Back => self.focus = Focus::List,
            Action::Search => self.focus = Focus::Search,
            Action::Click { column, row } if layout.two_columns => self.click(*column, *row, layout),
            _ => {}
        }
        self.answer_scroll = self.answer_scroll.min(self.max_answer_scroll(layout));
    }

    fn click(&mut self, column: u16, row: u16, layout: &PaneLayout) {
        let inner = layout.list_inner();
        if !inner.contains((column, row).into()) {
            return;
        }
        if let Some(i) = self.nav.row_at(usize::from(row - inner.y), self.rows.len())
            && matches!(self.rows[i], Row::Item(_))
        {
            self.nav.selected = i;
            self.focus = Focus::List;
            self.answer_scroll = 0;
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = &self.rows;
        self.nav.move_by(delta, rows.len(), |i| matches!(rows[i], Row::Item(_)));
        self.answer_scroll = 0;
    }

    fn shows_search_line(&self) -> bool {
        self.focus == Focus::Search || !self.query.is_empty()
    }

    fn set_query(&mut self, query: String) {
        self.query = query;
        let items = faq::all(self.lang);
        self.hits = match Query::new(&self.query) {
            None => Vec::new(),
            Some(q) => {
                let index = self.index.get_or_insert_with(|| {
                    items.iter().map(|f| [Searchable::new(&f.question), Searchable::new(&f.answer)]).collect()
                });
                index
                    .iter()
                    .map(|[question, answer]| {
                        self.finder.find(&q, &[(question, MatchKind::Fuzzy), (answer, MatchKind::Substring)])
                    })
                    .collect()
            }
        };
        self.rebuild_rows();
    }

    /// Topic headings followed by their (matching) questions, in the content's order.
    fn rebuild_rows(&mut self) {
        let items = faq::all(self.lang);
        let keep = |i: usize| self.hits.is_empty() || self.hits[i].is_some();
        self.rows.clear();
        for topic in FaqTopic::ALL {
            let mut members =
                items.iter().enumerate().filter(|(i, f)| f.topic == topic && keep(*i)).peekable();
            if members.peek().is_some() {
                self.rows.push(Row::Topic(topic));
                self.rows.extend(members.map(|(i, _)| Row::Item(i)));
            }
        }
        let rows = &self.rows;
        self.nav.first(rows.len(), |i| matches!(rows[i], Row::Item(_)));
        self.answer_scroll = 0;
        if self.focus == Focus::Answer && self.selected().is_none() {
            self.focus = Focus::List;
        }
    }

    fn max_answer_scroll(&self, layout: &PaneLayout) -> u16 {
        let Some(item) = self.selected() else { return 0 };
        let inner = Block::bordered().inner(layout.answer);
        let strings = self.lang.strings();
        let lines = answer_text(item, None, strings, &Theme::MONO);
        let total = Paragraph::new(lines).wrap(Wrap { trim: false }).line_count(inner.width);
        u16::try_from(total.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let layout = PaneLayout::new(area, self.shows_search_line());
        if let Some(search) = layout.search {
            self.render_search(search, buf, view);
        }
        let show_list = layout.two_columns || self.focus != Focus::Answer;
        let show_answer = layout.two_columns || self.focus == Focus::Answer;
        if show_list {
            self.render_list(layout.list, buf, view);
        }
        if show_answer {
            self.render_answer(layout.answer, buf, view);
        }
    }

    fn render_search(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.strings;
        let mut spans = vec![
            Span::styled(s.search_prompt, view.theme.key),
            Span::styled(self.query.as_str(), view.theme.emphasis),
        ];
        if self.focus == Focus::Search {
            spans.push(Span::styled("_", view.theme.key));
            if self.query.is_empty() {
                spans.push(Span::styled(format!("  {}", s.search_hint), view.theme.dim));
            }
        }
        if !self.query.is_empty() {
            spans.push(Span::styled(format!("  ({} {})", self.visible_count(), s.matches), view.theme.dim));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.strings;
        let focused = self.focus != Focus::Answer;
        let block = Block::bordered()
            .border_style(if focused { view.theme.title } else { view.theme.border })
            .title(Span::styled(format!(" {} ({}) ", s.tab_faq, self.visible_count()), view.theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        if self.rows.is_empty() {
            Paragraph::new(s.no_matches).style(view.theme.dim).wrap(Wrap { trim: true }).render(inner, buf);
            return;
        }
        let items = faq::all(self.lang);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(self.nav.offset)
            .take(usize::from(inner.height))
            .map(|(row, r)| match r {
                Row::Topic(topic) => Line::styled(topic_name(*topic, s), view.theme.heading),
                Row::Item(i) => {
                    let hits = self.hits.get(*i).and_then(|h| h.as_ref()).map(|h| h.fields[0].as_slice());
                    let selected = row == self.nav.selected;
                    let base = if selected { view.theme.selected } else { view.theme.base };
                    let mut spans = vec![Span::styled(if selected { "› " } else { "  " }, base)];
                    spans.extend(highlighted(
                        &items[*i].question,
                        hits,
                        base,
                        view.theme.match_hl.patch(base),
                    ));
                    let line = Line::from(spans);
                    if selected { line.style(base) } else { line }
                }
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    fn render_answer(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.strings;
        let focused = self.focus == Focus::Answer;
        let Some(item) = self.selected() else {
            let block = Block::bordered().border_style(view.theme.border);
            let inner = block.inner(area);
            block.render(area, buf);
            Paragraph::new(s.faq_select_hint)
                .style(view.theme.dim)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(if focused { view.theme.title } else { view.theme.border })
            .title(Span::styled(format!(" {} ", topic_name(item.topic, s)), view.theme.heading));
        let hit = self.items_hit(item);
        Paragraph::new(answer_text(item, hit, s, view.theme))
            .wrap(Wrap { trim: false })
            .scroll((self.answer_scroll, 0))
            .block(block)
            .render(area, buf);
    }

    fn items_hit(&self, item: &Faq) -> Option<&Hit> {
        let index = faq::all(self.lang).iter().position(|f| f.id == item.id)?;
        self.hits.get(index)?.as_ref()
    }
}

fn answer_text<'a>(item: &'a Faq, hit: Option<&Hit>, s: &Strings, theme: &Theme) -> Text<'a> {
    let q_hits = hit.map(|h| h.fields[0].as_slice());
    let a_hits = hit.map(|h| h.fields[1].as_slice());
    let mut lines = vec![
        Line::from(highlighted(&item.question, q_hits, theme.emphasis, theme.match_hl)),
        Line::default(),
    ];
    // Paragraph breaks in the content are real blank lines; char offsets run across them.
    let mut offset = 0u32;
    for paragraph in item.answer.split('\n') {
        let len = paragraph.chars().count() as u32;
        let local: Option<Vec<u32>> = a_hits
            .map(|h| h.iter().filter(|&&i| i >= offset && i < offset + len).map(|&i| i - offset).collect());
        lines.push(Line::from(highlighted(paragraph, local.as_deref(), theme.base, theme.match_hl)));
        offset += len + 1;
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("{}: {} · {}", s.source, item.source.seed, item.source.section),
        theme.dim,
    ));
    Text::from(lines)
}

/// Splits `text` into spans, styling the chars at `hits` (sorted char indices) as matches.
fn highlighted<'a>(text: &'a str, hits: Option<&[u32]>, base: Style, hl: Style) -> Vec<Span<'a>> {
    let Some(hits) = hits.filter(|h| !h.is_empty()) else {
        return vec![Span::styled(text, base)];
    };
    let mut spans = Vec::new();
    let mut start = 0;
    let mut in_hit = false;
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        let is_hit = hits.binary_search(&(ci as u32)).is_ok();
        if is_hit != in_hit {
            if bi > start {
                spans.push(Span::styled(&text[start..bi], if in_hit { hl } else { base }));
            }
            start = bi;
            in_hit = is_hit;
        }
    }
    spans.push(Span::styled(&text[start..], if in_hit { hl } else { base }));
    spans
}

pub fn topic_name(topic: FaqTopic, s: &Strings) -> &'static str {
    match topic {
        FaqTopic::Treatment => s.topic_treatment,
        FaqTopic::Quitting => s.topic_quitting,
        FaqTopic::Motivation => s.topic_motivation,
        FaqTopic::Relatives => s.topic_relatives,
    }
}

/// Where the parts of the pane go; computed the same way for drawing and for mouse clicks.
struct PaneLayout {
    search: Option<Rect>,
    list: Rect,
    answer: Rect,
    two_columns: bool,
}

impl PaneLayout {
    fn new(area: Rect, search_line: bool) -> Self {
        let [search, body] = if search_line {
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area)
        } else {
            [Rect::default(), area]
        };
        let two_columns = area.width >= TWO_COLUMNS_MIN_WIDTH;
        let (list, answer) = if two_columns {
            let [l, a] = Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]).areas(body);
            (l, a)
        } else {
            (body, body)
        };
        Self { search: search_line.then_some(search), list, answer, two_columns }
    }

    fn list_inner(&self) -> Rect {
        Block::bordered().inner(self.list)
    }

    fn list_rows(&self) -> usize {
        usize::from(self.list_inner().height)
    }
}

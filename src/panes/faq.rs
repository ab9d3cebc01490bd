//! "Spørsmål og svar": every question of both articles, grouped by topic, with a search that
//! filters as you type. Wide terminals show the list and the answer side by side; narrow ones
//! show one at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

pub use super::browse::Focus;
use super::browse::{Browse, Row, grouped_rows};
use super::readout::{Readout, doc_lines};
use super::search_field::{self, Edit};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::{Faq, FaqTopic, articles, faq};
use crate::domain::search::{Finder, Hit, MatchKind, Query, Searchable};
use crate::i18n::Lang;
use crate::theme::Theme;
use crate::widgets::doc::Doc;
use crate::widgets::highlight::{highlighted, highlighted_paragraphs};
use crate::widgets::list_detail::{self, ListBox, ListRow, Split};

pub struct FaqPane {
    pub(super) content: &'static Content,
    lang: Lang,
    browse: Browse<FaqTopic>,
    query: String,
    /// Per item, where the query matched; empty while there is no query.
    hits: Vec<Option<Hit>>,
    /// Built on the first search, not at start-up: most visits never search.
    index: Option<Vec<[Searchable; 2]>>,
    finder: Finder,
}

impl FaqPane {
    pub fn new(content: &'static Content, lang: Lang) -> Self {
        let mut pane = Self {
            content,
            lang,
            browse: Browse::new(Vec::new()),
            query: String::new(),
            hits: Vec::new(),
            index: None,
            finder: Finder::default(),
        };
        pane.rebuild_rows();
        pane
    }

    pub fn focus(&self) -> Focus {
        self.browse.focus
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// True while typed keys belong to the search field.
    pub fn text_mode(&self) -> bool {
        self.browse.focus == Focus::Search
    }

    /// The question under the cursor, if the list is not empty.
    pub fn selected(&self) -> Option<&'static Faq> {
        faq::all(self.content, self.lang).get(self.browse.selected()?)
    }

    /// Ids of the questions the list shows, in order.
    pub fn visible_ids(&self) -> Vec<&'static str> {
        let items = faq::all(self.content, self.lang);
        self.browse.item_indices().map(|i| items[i].id.as_str()).collect()
    }

    /// How many questions the current filter shows.
    pub fn visible_count(&self) -> usize {
        self.browse.item_count()
    }

    /// Shows the question with `id` with its answer open, as a link from another screen does.
    pub fn open(&mut self, id: &str) -> bool {
        let Some(index) = faq::all(self.content, self.lang).iter().position(|f| f.id == id) else {
            return false;
        };
        if !self.query.is_empty() {
            self.set_query(String::new());
        }
        let found = self.browse.select_item(index);
        if found {
            self.browse.focus = Focus::Detail;
        }
        found
    }

    fn split(&self, area: Rect) -> Split {
        Split::new(area, u16::from(self.shows_search_line()), 42)
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        let split = self.split(ctx.area);
        if self.browse.focus == Focus::Search {
            match search_field::edit(&self.query, action) {
                Edit::Query(q) => self.set_query(q),
                Edit::Move(delta) => self.browse.move_selection(delta),
                Edit::Done => self.browse.focus = Focus::List,
                Edit::Cancel => {
                    self.browse.focus = Focus::List;
                    self.set_query(String::new());
                }
                Edit::Nothing => {}
            }
        } else {
            let max_scroll = self.max_answer_scroll(&split);
            if !self.browse.handle(action, &split, max_scroll) {
                match action {
                    Action::Back if !self.query.is_empty() => self.set_query(String::new()),
                    Action::Search => self.browse.focus = Focus::Search,
                    _ => {}
                }
            }
        }
        let split = self.split(ctx.area);
        self.browse.nav.ensure_visible(split.list_rows());
        None
    }

    /// The selected question, the answer being read, or the end of the search being typed.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let split = self.split(area);
        match self.browse.focus {
            Focus::Search => list_detail::search_cursor(split.top, &self.query, self.lang.strings()),
            Focus::List | Focus::Detail => self.browse.cursor(&split),
        }
    }

    fn shows_search_line(&self) -> bool {
        self.browse.focus == Focus::Search || !self.query.is_empty()
    }

    fn set_query(&mut self, query: String) {
        self.query = query;
        let items = faq::all(self.content, self.lang);
        self.hits = match Query::new(&self.query) {
            None => Vec::new(),
            Some(q) => {
                let index = self.index.get_or_insert_with(|| {
                    items.iter().map(|f| [Searchable::new(&f.question), Searchable::new(&f.answer)]).collect()
                });
                index
                    .iter()
                    .map(|[question, answer]| {
                        self.finder.find(&q, &[(question, MatchKind::Title), (answer, MatchKind::Text)])
                    })
                    .collect()
            }
        };
        self.rebuild_rows();
    }

    /// Topic headings followed by their (matching) questions: in the content's order, or the
    /// best matches first while searching.
    fn rebuild_rows(&mut self) {
        let items = faq::all(self.content, self.lang);
        let shown: Vec<(usize, FaqTopic, u32)> = items
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match self.hits.get(i) {
                None => Some((i, f.topic, 0)),
                Some(hit) => hit.as_ref().map(|h| (i, f.topic, h.score)),
            })
            .collect();
        self.browse.set_rows(grouped_rows(&FaqTopic::ALL, &shown));
    }

    fn max_answer_scroll(&self, split: &Split) -> u16 {
        let Some(item) = self.selected() else { return 0 };
        answer_doc(self.content, item, None, self.lang, &Theme::MONO).max_scroll(split.detail_inner())
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = self.split(area);
        let s = view.strings;
        let detail_focused = self.browse.focus == Focus::Detail;
        if self.shows_search_line() {
            let typing = self.browse.focus == Focus::Search;
            let count = self.visible_count();
            list_detail::render_search(split.top, buf, &self.query, typing, count, s, view.theme);
        }
        if split.shows_list(detail_focused) {
            self.render_list(split.list, buf, view);
        }
        if split.shows_detail(detail_focused) {
            self.render_answer(split.detail, buf, view);
        }
    }

    /// The questions by topic as a list, a search's words and number of hits, and the open
    /// answer, for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let s = view.strings;
        let items = faq::all(self.content, self.lang);
        let answer = || {
            let Some(item) = self.selected() else { return Vec::new() };
            doc_lines(&answer_doc(self.content, item, None, self.lang, view.theme))
        };
        let mut readout =
            self.browse.readout(|topic| topic.name(s).to_owned(), |i| items[i].question.clone(), answer);
        if !self.query.is_empty() {
            readout.lines.push(format!(
                "{}{} · {} {}",
                s.search_prompt,
                self.query,
                self.visible_count(),
                s.matches
            ));
            readout.inner = true;
        }
        readout
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.strings;
        let theme = view.theme;
        let items = faq::all(self.content, self.lang);
        let title = format!("{} ({})", s.tab_faq, self.visible_count());
        let frame =
            ListBox { title: &title, focused: self.browse.focus != Focus::Detail, empty: s.no_matches };
        let row = |i: usize| match self.browse.rows[i] {
            Row::Heading(topic) => ListRow::Heading(Line::from(topic.name(s))),
            Row::Item(item) => {
                let hits = self.hits.get(item).and_then(|h| h.as_ref()).map(|h| h.fields[0].as_slice());
                ListRow::Item(Line::from(highlighted(
                    &items[item].question,
                    hits,
                    theme.base,
                    theme.match_hl,
                )))
            }
        };
        list_detail::render_list(area, buf, frame, &self.browse.nav, self.browse.rows.len(), row, theme);
    }

    fn render_answer(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.strings;
        let Some(item) = self.selected() else {
            list_detail::render_empty_detail(area, buf, s.faq_select_hint, view.theme);
            return;
        };
        let hit = self.browse.selected().and_then(|i| self.hits.get(i)?.as_ref());
        let title = Line::from(Span::styled(format!(" {} ", item.topic.name(s)), view.theme.heading));
        let focused = self.browse.focus == Focus::Detail;
        let doc = answer_doc(self.content, item, hit, self.lang, view.theme);
        list_detail::render_detail(area, buf, Some(title), focused, &doc, self.browse.scroll, view.theme);
    }
}

fn answer_doc<'a>(
    content: &'a Content,
    item: &'a Faq,
    hit: Option<&Hit>,
    lang: Lang,
    theme: &Theme,
) -> Doc<'a> {
    let q_hits = hit.map(|h| h.fields[0].as_slice());
    let a_hits = hit.map(|h| h.fields[1].as_slice());
    let mut doc = Doc::new();
    doc.line(Line::from(highlighted(&item.question, q_hits, theme.emphasis, theme.match_hl)));
    doc.blank();
    // Paragraph breaks in the content are real lines; hit offsets run across them.
    doc.lines(highlighted_paragraphs(&item.answer, a_hits, theme.base, theme.match_hl));
    doc.blank();
    if articles::reports_figure(content, &item.answer, lang) {
        doc.line(Line::styled(articles::figure_caveat(content, lang), theme.dim));
    }
    doc.line(Line::styled(articles::source_line(content, &item.source, lang), theme.dim));
    doc
}

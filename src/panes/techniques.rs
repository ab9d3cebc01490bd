//! "Teknikker": every technique and tip of the articles, grouped as the articles list them, with a
//! filter by what the person struggles with (or their favourites), the same forgiving search as
//! the questions screen, and a key to start the exercise that goes with a technique.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::browse::{Browse, Focus, Row, grouped_rows};
use super::readout::{Readout, doc_lines};
use super::search_field::{self, Edit};
use super::techniques_view::detail_doc;
pub use super::techniques_view::{exercise_name, group_name, tag_name};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::{Tag, Technique, TechniqueGroup, techniques};
use crate::domain::search::{Finder, Hit, MatchKind, Query, Searchable};
use crate::i18n::{Lang, LearnText};
use crate::keymap::{Keymap, Scope};
use crate::widgets::highlight::highlighted;
use crate::widgets::list_detail::{self, ListBox, ListRow, Split};

pub const SCOPES: &[Scope] = &[Scope::List, Scope::Search, Scope::Techniques];

/// Which techniques the list shows, besides the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Favourites,
    Tag(Tag),
}

impl Filter {
    /// The order `t` steps through.
    pub fn cycle() -> impl Iterator<Item = Filter> {
        [Filter::All, Filter::Favourites].into_iter().chain(Tag::ALL.map(Filter::Tag))
    }

    fn step(self, delta: isize) -> Filter {
        let all: Vec<Filter> = Filter::cycle().collect();
        let here = all.iter().position(|f| *f == self).unwrap_or(0) as isize;
        all[(here + delta).rem_euclid(all.len() as isize) as usize]
    }

    pub fn name(self, s: &LearnText) -> &'static str {
        match self {
            Filter::All => s.filter_all,
            Filter::Favourites => s.filter_favourites,
            Filter::Tag(tag) => tag_name(tag, s),
        }
    }
}

pub struct TechniquesPane {
    pub(super) content: &'static Content,
    lang: Lang,
    browse: Browse<TechniqueGroup>,
    filter: Filter,
    favourites: BTreeSet<String>,
    /// The favourites are read from the store when the screen is first shown.
    favourites_read: bool,
    query: String,
    /// Per technique, where the query matched (name, summary, steps); empty without a query.
    hits: Vec<Option<Hit>>,
    /// Built on the first search.
    index: Option<Vec<[Searchable; 3]>>,
    finder: Finder,
}

impl TechniquesPane {
    pub fn new(content: &'static Content, lang: Lang) -> Self {
        let mut pane = Self {
            content,
            lang,
            browse: Browse::new(Vec::new()),
            filter: Filter::All,
            favourites: BTreeSet::new(),
            favourites_read: false,
            query: String::new(),
            hits: Vec::new(),
            index: None,
            finder: Finder::default(),
        };
        pane.rebuild_rows();
        pane
    }

    /// The screen is shown: the first time, read the favourites (without a store there are
    /// none, and marking one says why it cannot be saved).
    pub fn enter(&mut self, ctx: &mut Ctx) {
        if std::mem::replace(&mut self.favourites_read, true) {
            return;
        }
        let Ok(store) = ctx.store.get() else { return };
        match store.favourites() {
            Ok(favourites) => {
                self.favourites = favourites;
                self.rebuild_rows();
            }
            Err(e) => *ctx.toast = Some(e.describe(ctx.lang.strings())),
        }
    }

    pub fn text_mode(&self) -> bool {
        self.browse.focus == Focus::Search
    }

    pub fn focus(&self) -> Focus {
        self.browse.focus
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    pub fn favourites(&self) -> &BTreeSet<String> {
        &self.favourites
    }

    pub fn selected(&self) -> Option<&'static Technique> {
        techniques::all(self.content, self.lang).get(self.browse.selected()?)
    }

    /// Ids of the techniques the list shows, in order.
    pub fn visible_ids(&self) -> Vec<&'static str> {
        let items = techniques::all(self.content, self.lang);
        self.browse
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Item(i) => Some(items[*i].id.as_str()),
                Row::Heading(_) => None,
            })
            .collect()
    }

    fn split(&self, area: Rect) -> Split {
        Split::new(area, 1 + u16::from(self.shows_search_line()), 42)
    }

    /// The selected technique, the one being read, or the end of the search being typed.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let split = self.split(area);
        match self.browse.focus {
            Focus::Search => {
                let search =
                    Rect { y: split.top.y + 1, height: split.top.height.saturating_sub(1), ..split.top };
                list_detail::search_cursor(search, &self.query, self.lang.strings())
            }
            Focus::List | Focus::Detail => self.browse.cursor(&split),
        }
    }

    fn shows_search_line(&self) -> bool {
        self.browse.focus == Focus::Search || !self.query.is_empty()
    }

    /// Handles one action; may ask the app to do something beyond this screen (an exercise).
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        let split = self.split(ctx.area);
        let mut follow_up = None;
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
            let max_scroll = self.max_detail_scroll(&split, ctx.keys);
            if !self.browse.handle(action, &split, max_scroll) {
                follow_up = self.handle_own(action, ctx);
            }
        }
        let split = self.split(ctx.area);
        self.browse.nav.ensure_visible(split.list_rows());
        follow_up
    }

    fn handle_own(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        match action {
            Action::Search => self.browse.focus = Focus::Search,
            Action::Back if !self.query.is_empty() => self.set_query(String::new()),
            Action::Back if self.filter != Filter::All => self.set_filter(Filter::All),
            Action::NextFilter => self.set_filter(self.filter.step(1)),
            Action::PrevFilter => self.set_filter(self.filter.step(-1)),
            Action::ToggleFavourite => self.toggle_favourite(ctx),
            Action::MarkUsed => return self.selected().map(|t| Action::UsedTechnique(t.id.as_str())),
            Action::Practise => {
                let technique = self.selected()?;
                match &technique.exercise {
                    Some(id) => return Some(Action::StartExercise(id.as_str())),
                    None => *ctx.toast = Some(ctx.lang.strings().learn.no_exercise.to_owned()),
                }
            }
            _ => {}
        }
        None
    }

    fn toggle_favourite(&mut self, ctx: &mut Ctx) {
        let Some(technique) = self.selected() else { return };
        let s = &ctx.lang.strings().learn;
        let on = !self.favourites.contains(&technique.id);
        let at = ctx.clock.moment();
        if ctx.save(|store| store.set_favourite(&technique.id, on, at)) {
            if on {
                self.favourites.insert(technique.id.clone());
            } else {
                self.favourites.remove(&technique.id);
            }
            *ctx.toast = Some(if on { s.favourite_added } else { s.favourite_removed }.to_owned());
            // Unmarking in the favourites view removes the row; keep the cursor near it.
            if self.filter == Filter::Favourites {
                let row = self.browse.nav.selected;
                self.rebuild_rows();
                self.browse.nav.selected = row;
                self.browse.move_selection(0);
            }
        }
    }

    fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.rebuild_rows();
    }

    fn set_query(&mut self, query: String) {
        self.query = query;
        let items = techniques::all(self.content, self.lang);
        self.hits = match Query::new(&self.query) {
            None => Vec::new(),
            Some(q) => {
                let index = self.index.get_or_insert_with(|| {
                    items
                        .iter()
                        .map(|t| {
                            let steps = t.steps.join("\n");
                            [Searchable::new(&t.name), Searchable::new(&t.summary), Searchable::new(&steps)]
                        })
                        .collect()
                });
                index
                    .iter()
                    .map(|[name, summary, steps]| {
                        let fields =
                            [(name, MatchKind::Title), (summary, MatchKind::Text), (steps, MatchKind::Text)];
                        self.finder.find(&q, &fields)
                    })
                    .collect()
            }
        };
        self.rebuild_rows();
    }

    fn keeps(&self, index: usize, technique: &Technique) -> bool {
        let by_filter = match self.filter {
            Filter::All => true,
            Filter::Favourites => self.favourites.contains(&technique.id),
            Filter::Tag(tag) => technique.tags.contains(&tag),
        };
        by_filter && (self.hits.is_empty() || self.hits[index].is_some())
    }

    /// Group headings followed by their techniques that pass the filter and the search: in the
    /// content's order, or the best matches first while searching.
    fn rebuild_rows(&mut self) {
        let items = techniques::all(self.content, self.lang);
        let shown: Vec<(usize, TechniqueGroup, u32)> = items
            .iter()
            .enumerate()
            .filter(|(i, t)| self.keeps(*i, t))
            .map(|(i, t)| (i, t.group, self.hits.get(i).and_then(Option::as_ref).map_or(0, |h| h.score)))
            .collect();
        self.browse.set_rows(grouped_rows(&TechniqueGroup::ALL, &shown));
    }

    fn max_detail_scroll(&self, split: &Split, keys: &Keymap) -> u16 {
        let Some(t) = self.selected() else { return 0 };
        let favourite = self.favourites.contains(&t.id);
        detail_doc(t, None, favourite, &View::plain(self.lang, keys, self.content))
            .max_scroll(split.detail_inner())
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = self.split(area);
        let detail_focused = self.browse.focus == Focus::Detail;
        self.render_top(split.top, buf, view);
        if split.shows_list(detail_focused) {
            self.render_list(split.list, buf, view);
        }
        if split.shows_detail(detail_focused) {
            self.render_detail(split.detail, buf, view);
        }
    }

    fn render_top(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (&view.strings.learn, view.theme);
        let filter_area = Rect { height: 1.min(area.height), ..area };
        let line = Line::from(vec![
            Span::styled(s.filter_label, theme.key),
            Span::styled(self.filter.name(s), theme.emphasis),
            Span::styled(
                format!("  ({} {})", view.keys.key_hint(Action::NextFilter, SCOPES), s.filter_change),
                theme.dim,
            ),
        ]);
        Paragraph::new(line).render(filter_area, buf);
        if self.shows_search_line() {
            let search = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
            let typing = self.browse.focus == Focus::Search;
            let count = self.browse.item_count();
            list_detail::render_search(search, buf, &self.query, typing, count, view.strings, theme);
        }
    }

    /// The filter, the search, the techniques by group (favourites marked) and the open one,
    /// for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let (s, t) = (&view.strings.learn, &view.strings.plain);
        let items = techniques::all(self.content, self.lang);
        let name = |i: usize| {
            let technique = &items[i];
            let favourite = self.favourites.contains(&technique.id);
            if favourite { format!("{} ({})", technique.name, t.favourite) } else { technique.name.clone() }
        };
        let detail = || {
            let Some(technique) = self.selected() else { return Vec::new() };
            doc_lines(&detail_doc(technique, None, self.favourites.contains(&technique.id), view))
        };
        let mut readout = self.browse.readout(|group| group_name(group, s).to_owned(), name, detail);
        readout.lines.push(format!("{}{}", s.filter_label, self.filter.name(s)));
        if !self.query.is_empty() {
            let search = view.strings.search_prompt;
            readout.lines.push(format!(
                "{search}{} · {} {}",
                self.query,
                self.browse.item_count(),
                view.strings.matches
            ));
            readout.inner = true;
        }
        readout
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (&view.strings.learn, view.theme);
        let items = techniques::all(self.content, self.lang);
        let title = format!("{} ({})", view.strings.tab_techniques, self.browse.item_count());
        let frame =
            ListBox { title: &title, focused: self.browse.focus != Focus::Detail, empty: s.techniques_none };
        let row = |i: usize| match self.browse.rows[i] {
            Row::Heading(group) => ListRow::Heading(Line::from(group_name(group, s))),
            Row::Item(item) => {
                let t = &items[item];
                let hits = self.hits.get(item).and_then(|h| h.as_ref()).map(|h| h.fields[0].as_slice());
                let mut spans = highlighted(&t.name, hits, theme.base, theme.match_hl);
                if self.favourites.contains(&t.id) {
                    spans.push(Span::styled(" *", theme.key));
                }
                ListRow::Item(Line::from(spans))
            }
        };
        list_detail::render_list(area, buf, frame, &self.browse.nav, self.browse.rows.len(), row, theme);
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = &view.strings.learn;
        let Some(t) = self.selected() else {
            list_detail::render_empty_detail(area, buf, s.techniques_select_hint, view.theme);
            return;
        };
        let hit = self.browse.selected().and_then(|i| self.hits.get(i)?.as_ref());
        let title = Line::from(Span::styled(format!(" {} ", group_name(t.group, s)), view.theme.heading));
        let favourite = self.favourites.contains(&t.id);
        let doc = detail_doc(t, hit, favourite, view);
        let focused = self.browse.focus == Focus::Detail;
        list_detail::render_detail(area, buf, Some(title), focused, &doc, self.browse.scroll, view.theme);
    }
}

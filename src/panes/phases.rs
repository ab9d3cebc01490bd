//! "Veien videre": the ten phases of help and support, what happens in each and what helps, and
//! the one the person says they are in. Seeing that a relapse has its own phase, with its own
//! help, is part of the point.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::browse::{Browse, Focus, Row};
use super::readout::{Readout, doc_lines};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::articles;
use crate::content::phases::{self, Phase};
use crate::i18n::{Lang, LearnText};
use crate::keymap::{Keymap, Scope};
use crate::widgets::doc::Doc;
use crate::widgets::list_detail::{self, ListBox, ListRow, Split};

pub const SCOPES: &[Scope] = &[Scope::List, Scope::Sections, Scope::Phases];

pub struct PhasesPane {
    pub(super) content: &'static Content,
    lang: Lang,
    browse: Browse<()>,
    /// The id of the phase the person marked, if any (and if it still exists).
    current: Option<String>,
}

impl PhasesPane {
    pub fn new(content: &'static Content, lang: Lang, current: Option<String>) -> Self {
        let count = phases::all(content, lang).len();
        let mut browse = Browse::new((0..count).map(Row::Item).collect());
        let current = current.filter(|id| phases::all(content, lang).iter().any(|p| &p.id == id));
        if let Some(index) =
            current.as_ref().and_then(|id| phases::all(content, lang).iter().position(|p| &p.id == id))
        {
            browse.select_item(index);
        }
        Self { content, lang, browse, current }
    }

    /// The phase the person marked: the home screen shows it too.
    pub fn current(&self) -> Option<&'static Phase> {
        let id = self.current.as_ref()?;
        phases::all(self.content, self.lang).iter().find(|p| &p.id == id)
    }

    pub fn selected(&self) -> Option<&'static Phase> {
        phases::all(self.content, self.lang).get(self.browse.selected()?)
    }

    pub fn focus(&self) -> Focus {
        self.browse.focus
    }

    fn split(area: Rect) -> Split {
        Split::new(area, 1, 40)
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) {
        let split = Self::split(ctx.area);
        let max_scroll = self.max_detail_scroll(&split, ctx.keys);
        if !self.browse.handle(action, &split, max_scroll) && *action == Action::MarkPhase {
            self.toggle_mark(ctx);
        }
    }

    fn toggle_mark(&mut self, ctx: &mut Ctx) {
        let Some(phase) = self.selected() else { return };
        let s = &ctx.lang.strings().learn;
        let unmark = self.current.as_deref() == Some(phase.id.as_str());
        let new = if unmark { None } else { Some(phase.id.as_str()) };
        let at = ctx.clock.moment();
        if ctx.save(|store| store.set_phase(new, at)) {
            self.current = new.map(str::to_owned);
            *ctx.toast = Some(if unmark {
                s.phase_unmarked.to_owned()
            } else {
                s.phase_marked.replace("{}", &phase.name)
            });
        }
    }

    /// The selected phase, or the one being read.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        self.browse.cursor(&Self::split(area))
    }

    fn max_detail_scroll(&self, split: &Split, keys: &Keymap) -> u16 {
        let Some(phase) = self.selected() else { return 0 };
        self.detail_doc(phase, &View::plain(self.lang, keys, self.content)).max_scroll(split.detail_inner())
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = Self::split(area);
        let (s, theme) = (&view.strings.learn, view.theme);
        let detail_focused = self.browse.focus == Focus::Detail;
        let top = match self.current() {
            Some(p) => Line::from(vec![
                Span::styled(format!("{}: ", s.phase_yours), theme.key),
                Span::styled(format!("{}. {}", p.number, p.name), theme.emphasis),
            ]),
            None => Line::from(vec![
                Span::styled(s.phase_none, theme.dim),
                Span::styled(
                    format!("  ({} {})", view.keys.key_hint(Action::MarkPhase, SCOPES), s.phase_mark),
                    theme.dim,
                ),
            ]),
        };
        Paragraph::new(top).wrap(Wrap { trim: true }).render(split.top, buf);
        if split.shows_list(detail_focused) {
            self.render_list(split.list, buf, view);
        }
        if split.shows_detail(detail_focused) {
            match self.selected() {
                Some(phase) => {
                    let doc = self.detail_doc(phase, view);
                    let title = Line::styled(
                        format!(" {} {} {} ", phase.number, s.of, phases::all(self.content, self.lang).len()),
                        theme.heading,
                    );
                    list_detail::render_detail(
                        split.detail,
                        buf,
                        Some(title),
                        detail_focused,
                        &doc,
                        self.browse.scroll,
                        theme,
                    );
                }
                None => list_detail::render_empty_detail(split.detail, buf, s.phases_select_hint, theme),
            }
        }
    }

    /// The marked phase, the phases as a list and the open one, for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let s = &view.strings.learn;
        let all = phases::all(self.content, self.lang);
        let name = |i: usize| {
            let phase = &all[i];
            let current = self.current.as_deref() == Some(phase.id.as_str());
            let mark = if current { format!(" ({})", s.phase_current) } else { String::new() };
            format!("{}. {}{mark}", phase.number, phase.name)
        };
        let detail = || self.selected().map_or_else(Vec::new, |p| doc_lines(&self.detail_doc(p, view)));
        let mut readout = self.browse.readout(|()| String::new(), name, detail);
        readout.lines.push(match self.current() {
            Some(p) => format!("{}: {}. {}", s.phase_yours, p.number, p.name),
            None => s.phase_none.to_owned(),
        });
        readout
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (&view.strings.learn, view.theme);
        let all = phases::all(self.content, self.lang);
        let frame =
            ListBox { title: s.section_phases, focused: self.browse.focus != Focus::Detail, empty: "" };
        let row = |i: usize| {
            let phase = &all[i];
            let mut spans = vec![
                Span::styled(format!("{:>2}. ", phase.number), theme.dim),
                Span::raw(phase.name.as_str()),
            ];
            if self.current.as_deref() == Some(phase.id.as_str()) {
                spans.push(Span::styled(format!("  ({})", s.phase_current), theme.key));
            }
            ListRow::Item(Line::from(spans))
        };
        list_detail::render_list(area, buf, frame, &self.browse.nav, all.len(), row, theme);
    }

    fn detail_doc<'a>(&self, phase: &'a Phase, view: &View) -> Doc<'a> {
        let theme = view.theme;
        let strings = self.lang.strings();
        let s: &LearnText = &strings.learn;
        let mut doc = Doc::new();
        let mut title = vec![Span::styled(phase.name.as_str(), theme.emphasis)];
        let is_current = self.current.as_deref() == Some(phase.id.as_str());
        if is_current {
            title.push(Span::styled(format!("  ({})", s.phase_current), theme.key));
        }
        doc.line(Line::from(title)).blank();
        doc.line(Line::styled(s.phase_what_happens, theme.heading));
        doc.line(Line::from(phase.what_happens.as_str())).blank();
        doc.line(Line::styled(s.phase_support, theme.heading));
        doc.lines(phase.support.iter().map(|item| Line::from(format!("- {item}"))));
        doc.blank();
        doc.line(Line::styled(s.phase_try_now, theme.heading));
        doc.lines(phase.try_now.iter().map(|item| Line::from(format!("- {item}"))));
        doc.blank();
        let what = if is_current { s.phase_unmark } else { s.phase_mark };
        doc.line(Line::styled(
            format!("{} {what}", view.keys.key_hint(Action::MarkPhase, SCOPES)),
            theme.key,
        ));
        doc.blank();
        doc.line(Line::styled(articles::source_line(self.content, &phase.source, self.lang), theme.dim));
        doc
    }
}

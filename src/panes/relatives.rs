//! "For pårørende": for the people around someone in recovery. How to support, a plan to follow,
//! how not to burn out, what the article reports about kinds of support (as the article's
//! figures), and the relatives' questions, which open in the questions screen.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::browse::{Browse, Focus, Row};
use super::readout::{Readout, doc_lines};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::relatives::{self, Effect, Step};
use crate::content::{Faq, articles, faq, figures};
use crate::i18n::{Lang, LearnText};
use crate::keymap::{Keymap, Scope};
use crate::theme::Theme;
use crate::widgets::bars::{BarRow, Bars, Series};
use crate::widgets::doc::Doc;
use crate::widgets::list_detail::{self, ListBox, ListRow, Split};

pub const SCOPES: &[Scope] = &[Scope::List, Scope::Sections];

/// The parts of the section, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Support,
    Plan,
    Burnout,
    Figures,
    Questions,
}

/// One selectable row: a step of a list, the chart, or a linked question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Step(Part, usize),
    Chart,
    Question(&'static Faq),
}

pub struct RelativesPane {
    pub(super) content: &'static Content,
    lang: Lang,
    entries: Vec<Entry>,
    browse: Browse<Part>,
}

impl RelativesPane {
    pub fn new(content: &'static Content, lang: Lang) -> Self {
        let file = relatives::get(content, lang);
        let questions: Vec<&'static Faq> = file
            .faq_ids
            .iter()
            .filter_map(|id| faq::all(content, lang).iter().find(|f| &f.id == id))
            .collect();
        let mut entries = Vec::new();
        let mut rows = Vec::new();
        let mut section = |part: Part, items: Vec<Entry>| {
            if items.is_empty() {
                return;
            }
            rows.push(Row::Heading(part));
            for entry in items {
                rows.push(Row::Item(entries.len()));
                entries.push(entry);
            }
        };
        let steps = |part: Part, list: &[Step]| (0..list.len()).map(|i| Entry::Step(part, i)).collect();
        section(Part::Support, steps(Part::Support, &file.support_steps));
        section(Part::Plan, steps(Part::Plan, &file.plan_steps));
        section(Part::Burnout, steps(Part::Burnout, &file.burnout));
        section(Part::Figures, if file.support_kinds.is_empty() { Vec::new() } else { vec![Entry::Chart] });
        section(Part::Questions, questions.into_iter().map(Entry::Question).collect());
        Self { content, lang, entries, browse: Browse::new(rows) }
    }

    pub fn selected(&self) -> Option<Entry> {
        self.entries.get(self.browse.selected()?).copied()
    }

    pub fn focus(&self) -> Focus {
        self.browse.focus
    }

    fn split(area: Rect) -> Split {
        Split::new(area, 0, 42)
    }

    /// Enter on a question opens it in the questions screen; everything else browses here.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        if *action == Action::Open
            && let Some(Entry::Question(item)) = self.selected()
        {
            return Some(Action::OpenFaq(item.id.as_str()));
        }
        let split = Self::split(ctx.area);
        let max_scroll = self.max_detail_scroll(&split, ctx.keys);
        self.browse.handle(action, &split, max_scroll);
        None
    }

    /// The selected entry, or the one being read.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        self.browse.cursor(&Self::split(area))
    }

    fn max_detail_scroll(&self, split: &Split, keys: &Keymap) -> u16 {
        let Some(entry) = self.selected() else { return 0 };
        self.detail_doc(entry, &View::plain(self.lang, keys, self.content)).max_scroll(split.detail_inner())
    }

    fn step(&self, part: Part, index: usize) -> Option<&'static Step> {
        let file = relatives::get(self.content, self.lang);
        let list = match part {
            Part::Support => &file.support_steps,
            Part::Plan => &file.plan_steps,
            Part::Burnout => &file.burnout,
            Part::Figures | Part::Questions => return None,
        };
        list.get(index)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = Self::split(area);
        let (s, theme) = (&view.strings.learn, view.theme);
        let detail_focused = self.browse.focus == Focus::Detail;
        if split.shows_list(detail_focused) {
            let frame = ListBox { title: s.section_relatives, focused: !detail_focused, empty: "" };
            let row = |i: usize| match self.browse.rows[i] {
                Row::Heading(part) => ListRow::Heading(Line::from(part_name(part, s))),
                Row::Item(e) => ListRow::Item(Line::from(self.entry_title(self.entries[e], s))),
            };
            let rows = self.browse.rows.len();
            list_detail::render_list(split.list, buf, frame, &self.browse.nav, rows, row, theme);
        }
        if split.shows_detail(detail_focused) {
            match self.selected() {
                Some(entry) => {
                    let part = match entry {
                        Entry::Step(part, _) => part,
                        Entry::Chart => Part::Figures,
                        Entry::Question(_) => Part::Questions,
                    };
                    let title = Line::styled(format!(" {} ", part_name(part, s)), theme.heading);
                    let doc = self.detail_doc(entry, view);
                    let scroll = self.browse.scroll;
                    list_detail::render_detail(
                        split.detail,
                        buf,
                        Some(title),
                        detail_focused,
                        &doc,
                        scroll,
                        theme,
                    );
                }
                None => list_detail::render_empty_detail(split.detail, buf, s.relatives_select_hint, theme),
            }
        }
    }

    /// The section's parts as a list, and the open entry, for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let s = &view.strings.learn;
        let title = |e: usize| self.entry_title(self.entries[e], s).to_owned();
        let detail = || self.selected().map_or_else(Vec::new, |e| doc_lines(&self.detail_doc(e, view)));
        self.browse.readout(|part| part_name(part, s).to_owned(), title, detail)
    }

    fn entry_title(&self, entry: Entry, s: &LearnText) -> &'static str {
        match entry {
            Entry::Step(part, i) => self.step(part, i).map_or("", |step| step.title.as_str()),
            Entry::Chart => s.rel_figures_item,
            Entry::Question(item) => item.question.as_str(),
        }
    }

    fn detail_doc(&self, entry: Entry, view: &View) -> Doc<'static> {
        let theme = view.theme;
        let strings = self.lang.strings();
        let s = &strings.learn;
        let mut doc = Doc::new();
        match entry {
            Entry::Step(part, i) => {
                let Some(step) = self.step(part, i) else { return doc };
                doc.line(Line::styled(step.title.as_str(), theme.emphasis)).blank();
                doc.line(Line::from(step.text.as_str())).blank();
                doc.line(Line::styled(
                    articles::source_line(self.content, &step.source, self.lang),
                    theme.dim,
                ));
            }
            Entry::Chart => self.chart_doc(&mut doc, theme),
            Entry::Question(item) => {
                doc.line(Line::styled(item.question.as_str(), theme.emphasis)).blank();
                let first = item.answer.split('\n').next().unwrap_or_default();
                doc.line(Line::from(first)).blank();
                let key = view.keys.key_hint(Action::Open, SCOPES);
                doc.line(Line::from(vec![
                    Span::styled(format!("{key} "), theme.key),
                    Span::styled(s.rel_open_faq, theme.dim),
                ]));
            }
        }
        doc
    }

    /// The article's table of kinds of support, labelled as the article's figures.
    fn chart_doc(&self, doc: &mut Doc<'static>, theme: &Theme) {
        let strings = self.lang.strings();
        let s = &strings.learn;
        let kinds = &relatives::get(self.content, self.lang).support_kinds;
        let table = figures::all(self.content, self.lang).iter().find(|t| t.id == "relatives-support");
        doc.line(Line::styled(s.rel_figures_item, theme.emphasis));
        if let Some(table) = table {
            doc.line(Line::from(table.caption.as_str()));
        }
        doc.line(Line::styled(s.rel_chart_legend, theme.dim)).blank();
        let rows = kinds
            .iter()
            .map(|k| BarRow {
                label: Cow::Owned(format!("{} ({})", k.name, effect_name(k.motivation_effect, s))),
                values: vec![(k.reported_improvement_pct, format!("+{} %", k.reported_improvement_pct))],
            })
            .collect();
        doc.bars(Bars { rows, series: vec![Series { bar: theme.bars[0] }], label_style: theme.base });
        doc.blank();
        doc.line(Line::styled(articles::figure_caveat(self.content, self.lang), theme.dim));
        if let Some(kind) = kinds.first() {
            doc.line(Line::styled(articles::source_line(self.content, &kind.source, self.lang), theme.dim));
        }
    }
}

fn part_name(part: Part, s: &LearnText) -> &'static str {
    match part {
        Part::Support => s.rel_support_steps,
        Part::Plan => s.rel_plan,
        Part::Burnout => s.rel_burnout,
        Part::Figures => s.rel_figures,
        Part::Questions => s.rel_questions,
    }
}

fn effect_name(effect: Effect, s: &LearnText) -> &'static str {
    match effect {
        Effect::Medium => s.effect_medium,
        Effect::High => s.effect_high,
        Effect::VeryHigh => s.effect_very_high,
    }
}

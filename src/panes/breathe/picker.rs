//! The list the "Pust" screen opens on: breathing patterns, the person's own patterns, and the
//! guided mindfulness exercises, with the chosen length and a one-key start.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::session::{Plan, labelled, phase_word};
use crate::content::Content;
use crate::content::exercises;
use crate::domain::breathing::{self, Length, Schedule, Step};
use crate::domain::own_pattern::OwnPattern;
use crate::domain::practice::{self, PracticeStats, duration_text};
use crate::i18n::Lang;
use crate::panes::View;
use crate::widgets::fit::ellipsize;
use crate::widgets::list_nav::ListNav;

mod selection;

/// Below this width the list and the details are stacked.
const TWO_COLUMNS_MIN_WIDTH: u16 = 70;
/// Minutes for a person's own pattern until they choose otherwise.
pub const OWN_DEFAULT_MINUTES: u16 = 3;
const MAX_MINUTES: u16 = 60;
const MAX_CYCLES: u16 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Breathing,
    Own,
    Mindfulness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Section),
    /// Index into the breathing content.
    Pattern(usize),
    /// Index into the person's own patterns.
    Own(usize),
    NewPattern,
    /// Index into the mindfulness content.
    Guided(usize),
}

impl Row {
    fn selectable(self) -> bool {
        !matches!(self, Row::Heading(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub(super) content: &'static Content,
    lang: Lang,
    rows: Vec<Row>,
    nav: ListNav,
    pub length: Length,
    /// Asking whether to delete the selected own pattern.
    pub confirm_delete: bool,
}

impl Picker {
    pub fn new(content: &'static Content, lang: Lang, own: &[OwnPattern]) -> Self {
        let mut picker = Self {
            content,
            lang,
            rows: Vec::new(),
            nav: ListNav::default(),
            length: Length::Minutes(1),
            confirm_delete: false,
        };
        picker.rebuild(own);
        picker.nav.first(picker.rows.len(), |i| picker.rows[i].selectable());
        picker.reset_length();
        picker
    }

    /// Rebuilds the rows after own patterns changed, keeping the selection where it was.
    pub fn rebuild(&mut self, own: &[OwnPattern]) {
        let mut rows = vec![Row::Heading(Section::Breathing)];
        rows.extend((0..exercises::breathing(self.content, self.lang).len()).map(Row::Pattern));
        rows.push(Row::Heading(Section::Own));
        rows.extend((0..own.len()).map(Row::Own));
        rows.push(Row::NewPattern);
        rows.push(Row::Heading(Section::Mindfulness));
        rows.extend((0..exercises::mindfulness(self.content, self.lang).len()).map(Row::Guided));
        self.rows = rows;
        let rows = &self.rows;
        self.nav.move_by(0, rows.len(), |i| rows[i].selectable());
    }

    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.nav.selected).copied().filter(|r| r.selectable())
    }

    pub fn select(&mut self, row: Row) -> bool {
        let Some(i) = self.rows.iter().position(|r| *r == row && r.selectable()) else { return false };
        self.nav.selected = i;
        self.confirm_delete = false;
        self.reset_length();
        true
    }

    pub fn move_by(&mut self, delta: isize) {
        let rows = &self.rows;
        let before = self.nav.selected;
        self.nav.move_by(delta, rows.len(), |i| rows[i].selectable());
        if self.nav.selected != before {
            self.confirm_delete = false;
            self.reset_length();
        }
    }

    pub fn first(&mut self) {
        self.move_by(-(self.rows.len() as isize));
    }

    pub fn last(&mut self) {
        self.move_by(self.rows.len() as isize);
    }

    /// Each pattern starts at its own suggested length; a guided exercise has a fixed one.
    fn reset_length(&mut self) {
        self.length = match self.selected() {
            Some(Row::Pattern(i)) => {
                Length::Minutes(exercises::breathing(self.content, self.lang)[i].default_minutes.max(1))
            }
            Some(Row::Own(_)) => Length::Minutes(OWN_DEFAULT_MINUTES),
            _ => self.length,
        };
    }

    fn steps(&self, own: &[OwnPattern]) -> Option<Vec<Step>> {
        match self.selected()? {
            Row::Pattern(i) => Some(
                exercises::breathing(self.content, self.lang)[i]
                    .steps
                    .iter()
                    .map(Step::from_content)
                    .collect(),
            ),
            Row::Own(i) => own.get(i).map(OwnPattern::steps),
            _ => None,
        }
    }

    pub fn change_length(&mut self, delta: i32) {
        let step = |n: u16, max: u16| (i32::from(n) + delta).clamp(1, i32::from(max)) as u16;
        self.length = match self.length {
            Length::Minutes(m) => Length::Minutes(step(m, MAX_MINUTES)),
            Length::Cycles(c) => Length::Cycles(step(c, MAX_CYCLES)),
        };
    }

    /// Minutes become the cycles they give, and back; the session stays about as long.
    pub fn switch_unit(&mut self, own: &[OwnPattern]) {
        let Some(schedule) = self.steps(own).and_then(|s| Schedule::new(&s, self.length).ok()) else {
            return;
        };
        self.length = match self.length {
            Length::Minutes(_) => Length::Cycles(schedule.cycles().min(u32::from(MAX_CYCLES)) as u16),
            Length::Cycles(_) => {
                let minutes = (schedule.planned().as_secs_f64() / 60.0).round() as u16;
                Length::Minutes(minutes.clamp(1, MAX_MINUTES))
            }
        };
    }

    /// What Enter starts, or `None` on a heading or on "new pattern".
    pub fn plan(&self, own: &[OwnPattern]) -> Option<Plan> {
        match self.selected()? {
            Row::Pattern(i) => {
                let p = &exercises::breathing(self.content, self.lang)[i];
                let steps = p.steps.iter().map(Step::from_content).collect();
                Some(Plan::Breathing {
                    exercise: p.id.clone(),
                    name: p.name.clone(),
                    steps,
                    length: self.length,
                })
            }
            Row::Own(i) => own.get(i).map(|p| Plan::Breathing {
                exercise: p.exercise_id(),
                name: p.name.clone(),
                steps: p.steps(),
                length: self.length,
            }),
            Row::Guided(index) => Some(Plan::Guided { index }),
            Row::NewPattern | Row::Heading(_) => None,
        }
    }

    pub fn render(
        &self,
        area: Rect,
        buf: &mut Buffer,
        view: &View,
        own: &[OwnPattern],
        stats: &PracticeStats,
    ) {
        let [stats_line, list, detail] = Self::areas(area);
        stats_text(stats, view).render(stats_line, buf);
        self.render_list(list, buf, view, own);
        self.render_detail(detail, buf, view, own);
    }

    /// The statistics line on top, then the list and the selected row's detail, side by side
    /// when there is room.
    fn areas(area: Rect) -> [Rect; 3] {
        let [stats_line, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let [list, detail] = if body.width >= TWO_COLUMNS_MIN_WIDTH {
            Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(body)
        } else {
            Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(body)
        };
        [stats_line, list, detail]
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View, own: &[OwnPattern]) {
        let block = Block::bordered()
            .border_style(view.theme.title)
            .title(Span::styled(format!(" {} ", view.strings.tab_breathe), view.theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let mut nav = self.nav;
        nav.ensure_visible(usize::from(inner.height));
        let items: Vec<(usize, Row, String, String)> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let (name, extra) = self.row_text(*row, own, view);
                (i, *row, name, extra)
            })
            .collect();
        // Names padded to one width so the patterns' numbers line up in a column.
        let name_width = items
            .iter()
            .filter(|(_, row, _, extra)| row.selectable() && !extra.is_empty())
            .map(|(_, _, name, _)| name.chars().count())
            .max()
            .unwrap_or(0)
            .min(usize::from(inner.width.saturating_sub(12)));
        let lines: Vec<Line> = items
            .into_iter()
            .skip(nav.offset)
            .take(usize::from(inner.height))
            .map(|(i, row, name, extra)| {
                if !row.selectable() {
                    return Line::styled(format!(" {name}"), view.theme.heading);
                }
                let selected = i == self.nav.selected;
                let base = if selected { view.theme.selected } else { view.theme.base };
                let dim = if selected { view.theme.selected } else { view.theme.dim };
                let line = Line::from(vec![
                    Span::styled(if selected { " › " } else { "   " }, base),
                    Span::styled(format!("{name:<name_width$}"), base),
                    Span::styled(format!("  {extra}"), dim),
                ]);
                let line = ellipsize(line, usize::from(inner.width));
                if selected { line.style(base) } else { line }
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    /// A row's name and what follows it in the list (the pattern, or the exercise's length).
    fn row_text(&self, row: Row, own: &[OwnPattern], view: &View) -> (String, String) {
        let t = view.strings.breathe;
        match row {
            Row::Heading(section) => {
                let title = match section {
                    Section::Breathing => t.breathing,
                    Section::Own => t.own,
                    Section::Mindfulness => t.mindfulness,
                };
                (title.to_owned(), String::new())
            }
            Row::Pattern(p) => {
                let p = &exercises::breathing(self.content, self.lang)[p];
                let steps: Vec<Step> = p.steps.iter().map(Step::from_content).collect();
                (p.name.clone(), breathing::label(&steps, t.decimal))
            }
            Row::Own(p) => own
                .get(p)
                .map_or_else(Default::default, |p| (p.name.clone(), breathing::label(&p.steps(), t.decimal))),
            Row::NewPattern => (t.new_pattern.to_owned(), String::new()),
            Row::Guided(g) => {
                // Whole minutes keep the column narrow; the details give the exact length.
                let g = &exercises::mindfulness(self.content, self.lang)[g];
                (g.name.clone(), format!("{} {}", (g.total_seconds() + 30) / 60, t.minutes))
            }
        }
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer, view: &View, own: &[OwnPattern]) {
        let (title, lines) = self.detail_lines(view, own);
        let block = Block::bordered()
            .border_style(view.theme.border)
            .title(Span::styled(format!(" {title} "), view.theme.heading));
        Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false }).block(block).render(area, buf);
    }

    /// The selected row's title and what the detail says of it: the pattern and its length,
    /// or the exercise's steps.
    pub fn detail_lines(&self, view: &View, own: &[OwnPattern]) -> (String, Vec<Line<'static>>) {
        let t = view.strings.breathe;
        let theme = view.theme;
        let mut lines: Vec<Line> = Vec::new();
        let mut title = String::new();
        match self.selected() {
            Some(Row::Pattern(i)) => {
                let p = &exercises::breathing(self.content, self.lang)[i];
                title = p.name.clone();
                let steps: Vec<Step> = p.steps.iter().map(Step::from_content).collect();
                lines.push(steps_line(&steps, view));
                lines.push(Line::default());
                lines.push(Line::styled(p.summary.clone(), theme.base));
                self.push_length(&mut lines, &steps, view);
            }
            Some(Row::Own(i)) => {
                let Some(p) = own.get(i) else { return (title, lines) };
                title = p.name.clone();
                lines.push(steps_line(&p.steps(), view));
                self.push_length(&mut lines, &p.steps(), view);
                lines.push(Line::styled(t.own_hint, theme.dim));
                if self.confirm_delete {
                    lines.push(Line::default());
                    lines.push(Line::styled(
                        format!("{} «{}»? {}", t.delete_ask, p.name, t.delete_hint),
                        theme.emphasis,
                    ));
                }
            }
            Some(Row::NewPattern) => {
                title = t.new_pattern.trim_start_matches("+ ").to_owned();
                lines.push(Line::styled(t.new_pattern_detail, theme.base));
                lines.push(Line::default());
                lines.push(Line::styled(t.new_hint, theme.key));
            }
            Some(Row::Guided(i)) => {
                let g = &exercises::mindfulness(self.content, self.lang)[i];
                title = g.name.clone();
                lines.push(Line::styled(g.summary.clone(), theme.base));
                lines.push(Line::default());
                lines.push(Line::styled(t.steps, theme.heading));
                for (n, step) in g.steps.iter().enumerate() {
                    let len = duration_text(Duration::from_secs(u64::from(step.seconds)));
                    lines.push(Line::from(vec![
                        Span::styled(format!("{}. {}", n + 1, step.title), theme.base),
                        Span::styled(format!("  {len}"), theme.dim),
                    ]));
                }
                lines.push(Line::default());
                let total = duration_text(Duration::from_secs(u64::from(g.total_seconds())));
                lines.push(labelled(t.length, total, view));
                lines.push(Line::styled(t.start_hint, theme.key));
            }
            Some(Row::Heading(_)) | None => {}
        }
        (title, lines)
    }

    fn push_length(&self, lines: &mut Vec<Line<'static>>, steps: &[Step], view: &View) {
        let t = view.strings.breathe;
        let Ok(schedule) = Schedule::new(steps, self.length) else { return };
        let value = match self.length {
            Length::Minutes(m) => format!("{m} {} ({} {})", t.minutes, schedule.cycles(), t.cycles),
            Length::Cycles(c) => {
                format!("{c} {} ({} {})", t.cycles, t.about, duration_text(schedule.planned()))
            }
        };
        lines.push(Line::default());
        lines.push(labelled(t.length, value, view));
        lines.push(Line::styled(t.length_hint, view.theme.dim));
        lines.push(Line::default());
        lines.push(Line::styled(t.start_hint, view.theme.key));
    }
}

/// "Pust inn 4 · Hold 7 · Pust ut 8", zero-length holds left out as the session leaves them out.
fn steps_line(steps: &[Step], view: &View) -> Line<'static> {
    let t = view.strings.breathe;
    let parts: Vec<String> = steps
        .iter()
        .filter(|s| !s.len.is_zero())
        .map(|s| format!("{} {}", phase_word(s.kind, t), breathing::seconds_text(s.len, t.decimal)))
        .collect();
    Line::styled(parts.join(" · "), view.theme.emphasis)
}

pub fn stats_text(stats: &PracticeStats, view: &View) -> Line<'static> {
    let t = view.strings.breathe;
    let dim = view.theme.dim;
    let value = view.theme.emphasis;
    Line::from(vec![
        Span::styled(format!(" {}: ", t.week), dim),
        Span::styled(practice::week_text(stats.week_ms, t.minutes), value),
        Span::styled(format!(" · {}: ", t.sessions), dim),
        Span::styled(stats.sessions.to_string(), value),
        Span::styled(format!(" · {}: ", t.streak), dim),
        Span::styled(stats.streak_days.to_string(), value),
    ])
}

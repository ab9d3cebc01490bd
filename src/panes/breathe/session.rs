//! A running exercise: a breathing session (3-2-1, then the growing and shrinking figure) or a
//! guided mindfulness exercise (timed steps of text). Its state is the plan, the timer, and the
//! elapsed time drawn in the last frame; everything on screen is computed from those.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::content::Content;
use crate::content::exercises::{self, BreathKind};
use crate::domain::breathing::{self, Length, Moment, Resolution, Schedule, Stage, Step, Visible};
use crate::domain::guided::{Guided, GuidedMoment, GuidedVisible, countdown_text};
use crate::domain::practice::{ExerciseKind, PracticeRecord};
use crate::domain::timer::SessionTimer;
use crate::i18n::BreatheText;
use crate::i18n::Lang;
use crate::panes::View;
use crate::widgets::breath_figure::BreathFigure;
use crate::widgets::meter::Meter;

mod cue;

pub use cue::Cue;

/// What to run: enough to start it again from the summary.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    Breathing {
        exercise: String,
        name: String,
        steps: Vec<Step>,
        length: Length,
    },
    /// Index into the mindfulness content of the session's language.
    Guided {
        index: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Timing {
    Breathing(Schedule),
    Guided(Guided),
}

/// What is on screen at one instant; two equal values draw the same frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Breathing(Visible),
    Guided(GuidedVisible),
}

/// What a tick changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TickOutcome {
    pub redraw: bool,
    /// A new breathing phase (or guided step) began: the moment for the optional bell.
    pub new_phase: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub plan: Plan,
    timing: Timing,
    timer: SessionTimer,
    started_at: NaiveDateTime,
    /// The elapsed time the current frame shows.
    shown: Duration,
    pub(super) content: &'static Content,
    lang: Lang,
}

impl Running {
    /// `None` if the plan has nothing to run (a pattern of zeros, a missing exercise).
    pub fn start(
        plan: Plan,
        content: &'static Content,
        lang: Lang,
        now: Instant,
        wall: NaiveDateTime,
    ) -> Option<Self> {
        let timing = match &plan {
            Plan::Breathing { steps, length, .. } => Timing::Breathing(Schedule::new(steps, *length).ok()?),
            Plan::Guided { index } => {
                let exercise = exercises::mindfulness(content, lang).get(*index)?;
                let lens: Vec<Duration> =
                    exercise.steps.iter().map(|s| Duration::from_secs(u64::from(s.seconds))).collect();
                Timing::Guided(Guided::new(&lens)?)
            }
        };
        Some(Self {
            plan,
            timing,
            timer: SessionTimer::start(now),
            started_at: wall,
            shown: Duration::ZERO,
            content,
            lang,
        })
    }

    pub fn is_paused(&self) -> bool {
        self.timer.is_paused()
    }

    pub fn is_guided(&self) -> bool {
        matches!(self.timing, Timing::Guided(_))
    }

    /// Brings the frame up to `now`. Redraw only if something visible changed.
    pub fn tick(&mut self, now: Instant, area: Rect) -> TickOutcome {
        let before = self.shown_at(self.shown, area);
        self.shown = self.timer.elapsed(now);
        let after = self.shown_at(self.shown, area);
        let (stage_before, stage_after) = (stage_of(before), stage_of(after));
        TickOutcome {
            redraw: before != after,
            new_phase: stage_before != stage_after && !matches!(stage_after, StageKey::Start | StageKey::End),
            done: stage_after == StageKey::End,
        }
    }

    /// When the next visible change is due; `None` while paused or once done.
    pub fn deadline(&self, area: Rect) -> Option<Instant> {
        let next = match &self.timing {
            Timing::Breathing(s) => s.next_visible_change(self.shown, resolution(area, self)),
            Timing::Guided(g) => g.next_visible_change(self.shown, guided_layout(area, self).gauge.width),
        }?;
        self.timer.instant_of(next)
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        if self.timer.is_paused() {
            self.timer.resume(now)
        } else {
            self.timer.pause(now)
        }
        self.shown = self.timer.elapsed(now);
    }

    pub fn pause(&mut self, now: Instant) {
        self.timer.pause(now);
        self.shown = self.timer.elapsed(now);
    }

    /// Moves a guided exercise on to its next step; a breathing session has no steps to skip.
    /// Returns whether that was past the last step, so the exercise is over.
    pub fn next_step(&mut self, now: Instant) -> bool {
        let Timing::Guided(g) = &self.timing else { return false };
        let target = g.next_step_start(self.timer.elapsed(now));
        self.timer.skip_to(target, now);
        self.shown = self.timer.elapsed(now);
        g.at(self.shown) == GuidedMoment::Done
    }

    /// The record of this session if it ends at `now`; `None` if nothing was practised yet
    /// (ended during the 3-2-1, or within its first second, without reaching the end).
    pub fn record(&self, now: Instant) -> Option<PracticeRecord> {
        let active = self.timer.active(now);
        let (kind, exercise, name, planned, actual, at_end, done) = match (&self.plan, &self.timing) {
            (Plan::Breathing { exercise, name, .. }, Timing::Breathing(s)) => {
                let actual = active.saturating_sub(breathing::LEAD_IN).min(s.planned());
                let done = s.at(self.timer.elapsed(now)) == Moment::Done;
                (ExerciseKind::Breathing, exercise.clone(), name.clone(), s.planned(), actual, done, done)
            }
            (Plan::Guided { index }, Timing::Guided(g)) => {
                let exercise = &exercises::mindfulness(self.content, self.lang)[*index];
                let actual = active.min(g.total());
                let at_end = g.at(self.timer.elapsed(now)) == GuidedMoment::Done;
                // Steps may be moved on from early, when a person is ready; an exercise whose
                // steps were mostly skipped reached its end but was not done.
                let done = at_end && actual * 2 >= g.total();
                let (id, name) = (exercise.id.clone(), exercise.name.clone());
                (ExerciseKind::Mindfulness, id, name, g.total(), actual, at_end, done)
            }
            _ => return None,
        };
        (at_end || actual >= Duration::from_secs(1)).then_some(PracticeRecord {
            kind,
            exercise,
            name,
            started_at: self.started_at,
            planned_ms: planned.as_millis() as u64,
            actual_ms: actual.as_millis() as u64,
            completed: done,
        })
    }

    fn shown_at(&self, elapsed: Duration, area: Rect) -> Shown {
        match &self.timing {
            Timing::Breathing(s) => Shown::Breathing(s.visible(elapsed, resolution(area, self))),
            Timing::Guided(g) => Shown::Guided(g.visible(elapsed, guided_layout(area, self).gauge.width)),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        match &self.timing {
            Timing::Breathing(s) => self.render_breathing(s, area, buf, view),
            Timing::Guided(g) => self.render_guided(g, area, buf, view),
        }
    }

    fn render_breathing(&self, s: &Schedule, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.strings.breathe;
        let theme = view.theme;
        let layout = breathing_layout(area, self);
        let shown = s.visible(self.shown, resolution(area, self));
        let Plan::Breathing { name, steps, .. } = &self.plan else { return };
        let title = format!("{name} · {}", breathing::label(steps, t.decimal));
        centered_line(Line::styled(title, theme.title), layout.title, buf);
        BreathFigure { step: shown.figure, style: theme.key }.render(layout.figure, buf);
        let (word, count) = match s.at(self.shown) {
            Moment::LeadIn { .. } => (t.get_ready, shown.seconds_left.to_string()),
            Moment::Breath(p) => (phase_word(p.kind, t), shown.seconds_left.to_string()),
            Moment::Done => (t.completed, String::new()),
        };
        if self.is_paused() {
            centered_line(Line::styled(t.paused, theme.heading), layout.phase, buf);
            centered_line(Line::styled(t.paused_hint, theme.base), layout.count, buf);
        } else {
            centered_line(Line::styled(word, theme.title), layout.phase, buf);
            centered_line(Line::styled(count, theme.emphasis), layout.count, buf);
        }
        let cycle = match shown.stage {
            Stage::Phase { cycle, .. } => cycle + 1,
            Stage::LeadIn => 1,
            Stage::Done => s.cycles(),
        };
        let label = counter_label(t.cycle, t.of, cycle, s.cycles());
        render_meter(shown.gauge, &label, layout.gauge, layout.gauge_label, buf, view);
        centered_line(Line::styled(t.session_hint, theme.dim), layout.hint, buf);
    }

    fn render_guided(&self, g: &Guided, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.strings.breathe;
        let theme = view.theme;
        let layout = guided_layout(area, self);
        let Plan::Guided { index } = &self.plan else { return };
        let exercise = &exercises::mindfulness(self.content, self.lang)[*index];
        let GuidedMoment::Step(step) = g.at(self.shown) else { return };
        let shown = g.visible(self.shown, layout.gauge.width);
        centered_line(Line::styled(exercise.name.as_str(), theme.title), layout.title, buf);
        let text = &exercise.steps[step.index];
        centered_line(Line::styled(text.title.as_str(), theme.heading), layout.step_title, buf);
        Paragraph::new(text.text.as_str())
            .style(theme.base)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(layout.text, buf);
        if self.is_paused() {
            centered_line(Line::styled(t.paused, theme.heading), layout.count, buf);
            centered_line(Line::styled(t.paused_hint, theme.base), layout.count_hint, buf);
        } else {
            centered_line(
                Line::styled(countdown_text(shown.seconds_left), theme.emphasis),
                layout.count,
                buf,
            );
        }
        let label = counter_label(t.step, t.of, step.number as u32 + 1, step.count as u32);
        render_meter(shown.gauge, &label, layout.gauge, layout.gauge_label, buf, view);
        centered_line(Line::styled(t.guided_hint, theme.dim), layout.hint, buf);
    }
}

pub fn phase_word(kind: BreathKind, t: &BreatheText) -> &'static str {
    match kind {
        BreathKind::In => t.breathe_in,
        BreathKind::Hold => t.hold,
        BreathKind::Out => t.breathe_out,
    }
}

/// A phase or step, ignoring the countdown and sizes: a change here is a "phase change".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StageKey {
    Start,
    At(u32, usize),
    End,
}

fn stage_of(shown: Shown) -> StageKey {
    match shown {
        Shown::Breathing(v) => match v.stage {
            Stage::LeadIn => StageKey::Start,
            Stage::Phase { cycle, step } => StageKey::At(cycle, step),
            Stage::Done => StageKey::End,
        },
        Shown::Guided(v) => v.step.map_or(StageKey::End, |s| StageKey::At(0, s)),
    }
}

/// "Runde  3 av 12": the number is padded to the width of the total, so the label, and with it
/// the gauge's width, stays the same for the whole session.
fn counter_label(word: &str, of: &str, n: u32, total: u32) -> String {
    let width = total.to_string().len();
    format!("{word} {n:>width$} {of} {total}")
}

fn render_meter(filled: u16, label: &str, bar: Rect, label_area: Rect, buf: &mut Buffer, view: &View) {
    Meter { filled, filled_style: view.theme.key, empty_style: view.theme.dim }.render(bar, buf);
    Line::styled(label.to_owned(), view.theme.dim).render(label_area, buf);
}

fn centered_line(line: Line, area: Rect, buf: &mut Buffer) {
    line.alignment(Alignment::Center).render(area, buf);
}

struct BreathingLayout {
    title: Rect,
    figure: Rect,
    phase: Rect,
    count: Rect,
    gauge: Rect,
    gauge_label: Rect,
    hint: Rect,
}

/// Width kept for the gauge's label; the label is fixed-width for a session (see
/// `counter_label`), so the gauge never changes width while it runs.
fn label_width(running: &Running) -> u16 {
    let t = running.lang.strings().breathe;
    let (word, total) = match &running.timing {
        Timing::Breathing(s) => (t.cycle, s.cycles()),
        Timing::Guided(g) => (t.step, g.steps() as u32),
    };
    counter_label(word, t.of, total, total).chars().count() as u16
}

fn gauge_row(row: Rect, label: u16) -> (Rect, Rect) {
    let inner = Rect { x: row.x + 2, width: row.width.saturating_sub(4), ..row };
    let [bar, _, text] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(2), Constraint::Length(label)])
            .areas(inner);
    (bar, text)
}

fn breathing_layout(area: Rect, running: &Running) -> BreathingLayout {
    let [title, _, figure, phase, count, _, gauge, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (gauge, gauge_label) = gauge_row(gauge, label_width(running));
    BreathingLayout { title, figure, phase, count, gauge, gauge_label, hint }
}

fn resolution(area: Rect, running: &Running) -> Resolution {
    let layout = breathing_layout(area, running);
    Resolution { figure_steps: BreathFigure::steps(layout.figure), gauge_cells: layout.gauge.width }
}

struct GuidedLayout {
    title: Rect,
    step_title: Rect,
    text: Rect,
    count: Rect,
    count_hint: Rect,
    gauge: Rect,
    gauge_label: Rect,
    hint: Rect,
}

fn guided_layout(area: Rect, running: &Running) -> GuidedLayout {
    let [title, _, step_title, _, text, count, count_hint, _, gauge, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // Text reads best in a column of about 70 characters, not across a wide terminal.
    let text_width = text.width.min(70);
    let text = Rect { x: text.x + (text.width - text_width) / 2, width: text_width, ..text };
    let (gauge, gauge_label) = gauge_row(gauge, label_width(running));
    GuidedLayout { title, step_title, text, count, count_hint, gauge, gauge_label, hint }
}

/// The length a plan starts with when none is chosen: the content's default minutes.
pub fn default_length(minutes: u16) -> Length {
    Length::Minutes(minutes.max(1))
}

/// Spans of a labelled value for the detail and summary ("Tid: 4 min").
pub fn labelled<'a>(label: &'a str, value: String, view: &View) -> Line<'a> {
    Line::from(vec![Span::styled(format!("{label}: "), view.theme.dim), Span::styled(value, view.theme.base)])
}

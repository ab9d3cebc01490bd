//! A running session as a reader takes it: the phase or step now and when the next begins
//! (the plain mode says each when it begins), and where the cursor goes on the full screen.

use std::time::{Duration, Instant};

use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::{Plan, Running, Timing, breathing_layout, guided_layout, phase_word};
use crate::content::exercises;
use crate::domain::breathing::{self, Moment};
use crate::domain::guided::GuidedMoment;

/// A phase or step as a reader is told it (`Running::cue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// When it began, in session time: tells one phase from the next.
    pub started: Duration,
    pub line: String,
    /// When the next one begins; `None` while paused and once done.
    pub next: Option<Instant>,
}

impl Running {
    /// What a reader is told now, from the elapsed time the last tick saw: the phase or step
    /// and when the next begins (the plain mode prints a line at each, on time).
    pub fn cue(&self) -> Cue {
        let t = self.lang.strings();
        let (p, b) = (&t.plain, t.breathe);
        let at = |elapsed: Duration| self.timer.instant_of(elapsed);
        let (started, line, next) = match &self.timing {
            Timing::Breathing(s) => match s.at(self.shown) {
                Moment::LeadIn { .. } => (Duration::ZERO, b.get_ready.to_owned(), at(breathing::LEAD_IN)),
                Moment::Breath(phase) => {
                    let seconds = breathing::seconds_text(phase.end - phase.start, b.decimal);
                    let mut line = p
                        .phase_line
                        .replace("{phase}", phase_word(phase.kind, b))
                        .replace("{seconds}", &seconds);
                    if phase.step == 0 {
                        let cycle = p.cycle_line.replace("{cycle}", &(phase.cycle + 1).to_string());
                        line = format!("{line}. {}", cycle.replace("{cycles}", &s.cycles().to_string()));
                    }
                    (phase.start, line, at(phase.end))
                }
                Moment::Done => (s.total(), b.completed.to_owned(), None),
            },
            Timing::Guided(g) => match g.at(self.shown) {
                GuidedMoment::Step(step) => {
                    let index = match &self.plan {
                        Plan::Guided { index } => *index,
                        Plan::Breathing { .. } => 0,
                    };
                    let exercise = exercises::mindfulness(self.content, self.lang).get(index);
                    let text = exercise.and_then(|e| e.steps.get(step.index));
                    let (title, body) = text.map_or(("", ""), |s| (s.title.as_str(), s.text.as_str()));
                    let head = p
                        .step_line
                        .replace("{n}", &(step.number + 1).to_string())
                        .replace("{count}", &step.count.to_string())
                        .replace("{title}", title)
                        .replace("{seconds}", &(step.end - step.start).as_secs().to_string());
                    (step.start, format!("{head} {body}"), at(step.end))
                }
                GuidedMoment::Done => (g.total(), b.completed.to_owned(), None),
            },
        };
        Cue { started, line, next: if self.is_paused() { None } else { next } }
    }

    /// The start of the phase's word (or the step's title), where the eye is.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let t = self.lang.strings().breathe;
        let (row, text) = match &self.timing {
            Timing::Breathing(s) => {
                let word = match s.at(self.shown) {
                    Moment::LeadIn { .. } => t.get_ready,
                    Moment::Breath(p) => phase_word(p.kind, t),
                    Moment::Done => t.completed,
                };
                (breathing_layout(area, self).phase, if self.is_paused() { t.paused } else { word })
            }
            Timing::Guided(g) => {
                let GuidedMoment::Step(step) = g.at(self.shown) else { return None };
                let Plan::Guided { index } = &self.plan else { return None };
                let exercise = exercises::mindfulness(self.content, self.lang).get(*index)?;
                (guided_layout(area, self).step_title, exercise.steps.get(step.index)?.title.as_str())
            }
        };
        let x = row.x + row.width.saturating_sub(text.width() as u16) / 2;
        (row.height > 0 && x < row.right()).then(|| Position::new(x, row.y))
    }
}

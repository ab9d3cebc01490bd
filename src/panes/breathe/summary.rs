//! What the person sees when a session ends: completed or ended, the time spent against the
//! time planned, a kind word, and their practice so far. Enter runs the same session again.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::picker::stats_text;
use super::session::{Plan, labelled};
use crate::domain::breathing;
use crate::domain::practice::{PracticeRecord, PracticeStats, duration_text};
use crate::panes::View;
use crate::ui;

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub plan: Plan,
    pub record: PracticeRecord,
}

impl Summary {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View, stats: &PracticeStats) {
        let lines = self.lines(view, stats);
        let height = lines.len() as u16;
        let rect = ui::centered(area, area.width.min(72), height);
        Paragraph::new(Text::from(lines))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(rect, buf);
    }

    /// The first line, where reading starts.
    pub fn cursor(&self, area: Rect, view: &View, stats: &PracticeStats) -> Option<Position> {
        let lines = self.lines(view, stats);
        let rect = ui::centered(area, area.width.min(72), lines.len() as u16);
        let first = lines.first().map_or(0, |l| l.width()) as u16;
        let at = Position::new(rect.x + rect.width.saturating_sub(first) / 2, rect.y);
        rect.contains(at).then_some(at)
    }

    /// Completed or ended, the time, a kind word and the practice so far.
    pub fn lines(&self, view: &View, stats: &PracticeStats) -> Vec<Line<'static>> {
        let t = view.strings.breathe;
        let theme = view.theme;
        let r = &self.record;
        let title = match &self.plan {
            Plan::Breathing { steps, .. } => format!("{} · {}", r.name, breathing::label(steps, t.decimal)),
            Plan::Guided { .. } => r.name.clone(),
        };
        let time = format!("{} ({} {})", duration_text(r.actual()), t.planned, duration_text(r.planned()));
        vec![
            Line::styled(if r.completed { t.completed } else { t.ended_early }, theme.heading),
            Line::default(),
            Line::styled(title, theme.title),
            labelled(t.time_spent, time, view),
            Line::default(),
            Line::styled(if r.completed { t.well_done } else { t.ended_kindly }, theme.base),
            Line::default(),
            stats_text(stats, view),
            Line::default(),
            Line::styled(t.summary_hint, theme.key),
        ]
    }
}

//! Drawing the history: a header with the views and the period, then the chosen view. Charts
//! are built from numbers computed when the data was read, so a frame only draws.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Widget, Wrap};

use super::history::{HistoryPane, HistoryView, RANGES};
use super::{View, cursor};
use crate::content::labels;
use crate::i18n::CheckinText;
use crate::theme::Theme;

/// Mood 1..=5 as colours of the 256-colour palette, violet through teal to yellow like the
/// viridis scale: each lighter than the one before, so the scale reads by lightness alone, for
/// people who cannot tell red from green too.
const MOOD_COLORS: [Color; 5] =
    [Color::Indexed(97), Color::Indexed(67), Color::Indexed(37), Color::Indexed(78), Color::Indexed(184)];
/// Wide enough to put the weekday chart beside the calendar and the charts side by side.
const WIDE: u16 = 110;

impl HistoryPane {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let block = Block::bordered()
            .border_style(view.theme.border)
            .title(Span::styled(format!(" {} ", t.history_tab), view.theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let [header, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
        self.render_header(header, buf, view);
        // Cravings and a week's review stand without check-ins.
        let empty =
            self.is_empty() && self.view.has_period() || self.view == HistoryView::Days && self.is_empty();
        let message = self.problem.as_deref().or(empty.then_some(t.history_empty));
        if let Some(message) = message {
            Paragraph::new(message).style(view.theme.dim).wrap(Wrap { trim: true }).render(body, buf);
            return;
        }
        match self.view {
            HistoryView::Overview => self.render_overview(body, buf, view),
            HistoryView::Calendar => self.render_calendar(body, buf, view),
            HistoryView::Triggers => self.render_triggers(body, buf, view),
            HistoryView::Days => self.render_days(body, buf, view),
            HistoryView::Review => self.render_review(body, buf, view),
            HistoryView::Urges => self.render_urges(body, buf, view),
        }
    }

    /// The selected day among the days; in the other views, the view's name in the header.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let inner = Block::bordered().inner(area);
        let [header, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
        if self.view == HistoryView::Days && self.problem.is_none() && !self.is_empty() {
            return self.days_cursor(body);
        }
        let t = &self.lang.strings().checkin;
        let at = HistoryView::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
        cursor::name_in_row(header, t.views, at)
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let theme = view.theme;
        let mut views = Vec::new();
        let names = t.views.into_iter().chain([view.strings.review.view, view.strings.urges.view]);
        for (v, name) in HistoryView::ALL.iter().zip(names) {
            views.push(Span::styled(
                format!(" {name} "),
                if *v == self.view { theme.tab_active } else { theme.base },
            ));
            // Side by side, their own padding apart: six views and the streak fit in 80 cells.
        }
        let mut period = Vec::new();
        if self.view.has_period() {
            period.push(Span::styled(format!("{}: ", t.period), theme.dim));
        }
        if self.view.has_period() && self.view != HistoryView::Calendar {
            for (i, days) in RANGES.iter().enumerate() {
                let style = if i == self.range { theme.tab_active } else { theme.base };
                period.push(Span::styled(format!(" {days} "), style));
            }
            period.push(Span::styled(format!(" {}", t.days), theme.dim));
        } else if self.view == HistoryView::Calendar {
            period.push(Span::styled(self.today.year().to_string(), theme.base));
        }
        let [top, bottom] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
        Line::from(views).render(top, buf);
        if self.view == HistoryView::Review {
            // The week has its own keys where the other views have their period.
            Line::styled(view.strings.review.keys, theme.dim).render(bottom, buf);
        } else {
            Line::from(period).render(bottom, buf);
        }
        // On the right, the streak: the check-ins it holds of the days it spans, and under it
        // what it forgives, so a streak with missed days never reads as unbroken.
        if self.streak.days > 0 {
            let (checkins, days) = (self.streak.checkins.to_string(), self.streak.days.to_string());
            let count =
                if self.streak.checkins == self.streak.days { t.streak_whole } else { t.streak_count };
            let count = count.replace("{checkins}", &checkins).replace("{days}", &days);
            Line::styled(count, theme.emphasis).right_aligned().render(top, buf);
            Line::styled(t.streak_note, theme.dim).right_aligned().render(bottom, buf);
        }
    }

    fn render_calendar(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let mono = *view.theme == Theme::MONO;
        let year = self.today.year();
        let mut lines = vec![Line::styled(t.calendar_title, view.theme.heading)];
        let mut days = self.recent.iter().filter(|c| c.date.year() == year).peekable();
        for month in 1..=12u32 {
            let name = t.months[month as usize - 1];
            let mut spans = vec![Span::styled(format!("{name:<4}"), view.theme.dim)];
            for day in 1..=31 {
                let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else { break };
                let checkin = days.next_if(|c| c.date == date);
                spans.push(match checkin {
                    Some(c) if mono => Span::styled(format!("{} ", c.mood), view.theme.emphasis),
                    Some(c) => {
                        Span::styled("■ ", Style::new().fg(MOOD_COLORS[usize::from(c.mood.clamp(1, 5) - 1)]))
                    }
                    None if date > self.today => Span::raw("  "),
                    None => Span::styled("· ", view.theme.dim),
                });
            }
            lines.push(Line::from(spans));
        }
        let mut legend = vec![Span::raw("    ")];
        for (i, word) in t.mood_words.iter().enumerate() {
            let style = if mono { view.theme.emphasis } else { Style::new().fg(MOOD_COLORS[i]) };
            legend.push(Span::styled(if mono { format!("{} ", i + 1) } else { "■ ".to_owned() }, style));
            legend.push(Span::styled(format!("{word}  "), view.theme.dim));
        }
        legend.push(Span::styled(format!("· {}", t.no_checkin), view.theme.dim));
        lines.push(Line::from(legend));
        let calendar_height = lines.len() as u16;
        let wide = area.width >= WIDE;
        let (calendar, weekday) = if wide {
            let [c, w] = Layout::horizontal([Constraint::Length(68), Constraint::Fill(1)]).areas(area);
            (c, w)
        } else {
            let [c, w] =
                Layout::vertical([Constraint::Length(calendar_height + 1), Constraint::Fill(1)]).areas(area);
            (c, w)
        };
        Paragraph::new(lines).render(calendar, buf);
        self.render_weekdays(weekday, buf, view);
    }

    fn render_weekdays(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let title = format!("{} ({} {})", t.by_weekday, self.range_days(), t.days);
        if area.height < 6 {
            // Too low for bars: the same numbers as one line.
            let mut spans = Vec::new();
            for (day, mood) in self.weekdays_in_order(t) {
                spans.push(Span::styled(format!("{day} "), view.theme.dim));
                spans.push(Span::styled(
                    mood.map_or("–".to_owned(), |m| self.lang.decimal(m)),
                    view.theme.emphasis,
                ));
                spans.push(Span::raw("  "));
            }
            let lines = vec![Line::styled(title, view.theme.heading), Line::from(spans)];
            return Paragraph::new(lines).render(area, buf);
        }
        let bars: Vec<Bar> = self
            .weekdays_in_order(t)
            .into_iter()
            .map(|(day, mood)| {
                let value = mood.map_or(0, |m| (m * 10.0).round() as u64);
                let text = mood.map_or("–".to_owned(), |m| self.lang.decimal(m));
                Bar::with_label(day, value).text_value(text)
            })
            .collect();
        BarChart::vertical(bars)
            .block(Block::new().title(Span::styled(
                format!("{} ({} {})", t.by_weekday, self.range_days(), t.days),
                view.theme.heading,
            )))
            .bar_width(4)
            .bar_gap(1)
            .max(50)
            .bar_style(view.theme.key)
            .value_style(view.theme.selected)
            .label_style(view.theme.dim)
            .render(area, buf);
    }

    /// Weekday names with their average mood, from the first day of the week the user chose.
    fn weekdays_in_order(&self, t: &CheckinText) -> Vec<(&'static str, Option<f64>)> {
        let mut days: Vec<(&'static str, Option<f64>)> =
            t.weekdays.iter().copied().zip(self.stats.weekday).collect();
        if self.sunday_first {
            days.rotate_right(1);
        }
        days
    }

    fn render_triggers(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        if self.stats.triggers.is_empty() {
            return Paragraph::new(t.no_data).style(view.theme.dim).render(area, buf);
        }
        let direction = if area.width >= WIDE { Direction::Horizontal } else { Direction::Vertical };
        let [counts, craving] =
            Layout::default().direction(direction).constraints([Constraint::Fill(1); 2]).areas(area);
        let shown = usize::from(counts.height.saturating_sub(1)).min(10);
        let bars: Vec<Bar> = self
            .stats
            .triggers
            .iter()
            .take(shown)
            .map(|(id, n)| {
                Bar::with_label(labels::trigger(self.content, self.lang, id).to_owned(), u64::from(*n))
            })
            .collect();
        BarChart::horizontal(bars)
            .block(Block::new().title(Span::styled(
                format!("{} ({} {})", t.top_triggers, self.range_days(), t.days),
                view.theme.heading,
            )))
            .bar_width(1)
            .bar_gap(0)
            .bar_style(view.theme.key)
            .value_style(view.theme.selected)
            .label_style(view.theme.base)
            .render(counts, buf);
        self.render_craving_by_trigger(craving, buf, view, t);
    }

    fn render_craving_by_trigger(&self, area: Rect, buf: &mut Buffer, view: &View, t: &CheckinText) {
        let Some(by) = &self.stats.craving else { return };
        let mut lines = vec![Line::styled(t.craving_by_trigger, view.theme.heading)];
        let width = by
            .triggers
            .iter()
            .map(|(id, _, _)| labels::trigger(self.content, self.lang, id).chars().count())
            .max()
            .unwrap_or(0);
        let row = |label: &str, avg: f64, n: u32| {
            Line::from(vec![
                Span::styled(format!("{label:<width$}  "), view.theme.base),
                Span::styled(format!("{:>4}", self.lang.decimal(avg)), view.theme.emphasis),
                Span::styled(format!("  {}  ({})", meter(avg), t.days_n(n)), view.theme.dim),
            ])
        };
        for (id, avg, n) in by.triggers.iter().take(usize::from(area.height.saturating_sub(3))) {
            lines.push(row(labels::trigger(self.content, self.lang, id), *avg, *n));
        }
        if let Some(without) = by.without {
            lines.push(Line::default());
            let n = self.stats.summary.checkins as u32;
            let days_without = n.saturating_sub(self.recent_with_triggers());
            lines.push(row(t.without_triggers, without, days_without));
        }
        Paragraph::new(lines).render(area, buf);
    }

    fn recent_with_triggers(&self) -> u32 {
        let start = self.period_start();
        self.recent.iter().filter(|c| c.date >= start && !c.triggers.is_empty()).count() as u32
    }
}

/// Craving 0-10 as a bar of ten.
fn meter(value: f64) -> String {
    let filled = (value.round().clamp(0.0, 10.0)) as usize;
    "■".repeat(filled) + &"·".repeat(10 - filled)
}

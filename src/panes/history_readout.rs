//! The history as lines (the plain mode): each view's numbers as short text tables, and the
//! days as a list with the opened day's whole check-in.

use chrono::{Datelike, NaiveDate};

use super::View;
use super::history::{HistoryPane, HistoryView, RANGES};
use super::history_days::day_text;
use super::readout::{Readout, table, text_lines};
use crate::action::Action;
use crate::content::labels;
use crate::domain::checkin::CheckIn;

impl HistoryPane {
    pub fn readout(&self, view: &View) -> Readout {
        let t = &view.strings.checkin;
        let at = HistoryView::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
        let mut lines =
            vec![format!("{} ({} / {}): {}", t.views[at], at + 1, t.views.len(), t.views.join(", "))];
        if matches!(self.view, HistoryView::Overview | HistoryView::Triggers | HistoryView::Calendar) {
            let choices: Vec<String> = RANGES.iter().map(u32::to_string).collect();
            lines.push(format!("{}: {} {} ({})", t.period, self.range_days(), t.days, choices.join(", ")));
        }
        if self.streak.days > 0 {
            let (checkins, days) = (self.streak.checkins.to_string(), self.streak.days.to_string());
            let streak =
                if self.streak.checkins == self.streak.days { t.streak_whole } else { t.streak_count };
            let streak = streak.replace("{checkins}", &checkins).replace("{days}", &days);
            lines.push(format!("{streak} ({})", t.streak_note));
        }
        let empty = self.is_empty() && !matches!(self.view, HistoryView::Review | HistoryView::Urges);
        if let Some(message) = self.problem.as_deref().or(empty.then_some(t.history_empty)) {
            lines.push(message.to_owned());
            return Readout::new(lines);
        }
        match self.view {
            HistoryView::Overview => lines.extend(self.overview_table(view)),
            HistoryView::Calendar => lines.extend(self.calendar_tables(view)),
            HistoryView::Triggers => lines.extend(self.trigger_table(view)),
            HistoryView::Days => return self.days_readout(lines, view),
            HistoryView::Review => lines.extend(self.review_lines(view)),
            HistoryView::Urges => lines.extend(self.urge_lines(view)),
        }
        Readout::new(lines)
    }

    fn decimal(&self, value: Option<f64>) -> String {
        value.map_or("–".to_owned(), |v| self.lang.decimal(v))
    }

    fn overview_table(&self, view: &View) -> Vec<String> {
        let t = &view.strings.checkin;
        let s = &self.stats.summary;
        let mut lines = vec![
            format!("{}: {} / {} {}", t.checked_in, s.checkins, self.range_days(), t.days),
            format!("{}: {}", t.slip, s.slips),
        ];
        if s.checkins == 0 {
            lines.push(t.no_data.to_owned());
            return lines;
        }
        let max = s.craving_max.map_or(String::new(), |m| m.to_string());
        let rows = [
            vec![t.mood.to_owned(), self.decimal(s.mood), String::new()],
            vec![t.craving.to_owned(), self.decimal(s.craving), max],
            vec![t.stress.to_owned(), self.decimal(s.stress), String::new()],
            vec![t.sleep.to_owned(), self.decimal(s.sleep_hours), String::new()],
        ];
        lines.extend(table(&["", t.average, t.highest], &rows));
        lines
    }

    /// The year by month (days checked in, average mood) and the average mood by weekday.
    fn calendar_tables(&self, view: &View) -> Vec<String> {
        let t = &view.strings.checkin;
        let year = self.today.year();
        let rows: Vec<Vec<String>> = (1..=self.today.month())
            .map(|month| {
                let days: Vec<&CheckIn> =
                    self.recent.iter().filter(|c| c.date.year() == year && c.date.month() == month).collect();
                let mood = (!days.is_empty())
                    .then(|| days.iter().map(|c| f64::from(c.mood)).sum::<f64>() / days.len() as f64);
                let length = NaiveDate::from_ymd_opt(year, month, 1)
                    .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                    .map_or(31, |next| next.pred_opt().map_or(31, |d| d.day()));
                vec![
                    t.months[month as usize - 1].to_owned(),
                    format!("{} / {length}", days.len()),
                    self.decimal(mood),
                ]
            })
            .collect();
        let mut lines = vec![format!("{} {year}:", t.calendar_title)];
        lines.extend(table(&[view.strings.plain.month, t.checked_in, t.mood], &rows));
        lines.push(format!("{} ({} {}):", t.by_weekday, self.range_days(), t.days));
        let mut days: Vec<Vec<String>> = t
            .weekdays
            .iter()
            .zip(self.stats.weekday)
            .map(|(day, mood)| vec![(*day).to_owned(), self.decimal(mood)])
            .collect();
        if self.sunday_first {
            days.rotate_right(1);
        }
        lines.extend(table(&["", t.mood], &days));
        lines
    }

    fn trigger_table(&self, view: &View) -> Vec<String> {
        let t = &view.strings.checkin;
        if self.stats.triggers.is_empty() {
            return vec![t.no_data.to_owned()];
        }
        let name = |id: &str| labels::trigger(self.content, self.lang, id).to_owned();
        let craving = |id: &str| {
            let by = self.stats.craving.as_ref()?;
            by.triggers.iter().find(|(label, _, _)| label == id).map(|(_, avg, _)| *avg)
        };
        let rows: Vec<Vec<String>> = self
            .stats
            .triggers
            .iter()
            .map(|(id, n)| vec![name(id), n.to_string(), self.decimal(craving(id))])
            .collect();
        let mut lines = vec![format!("{} ({} {}):", t.top_triggers, self.range_days(), t.days)];
        let craving = format!("{} ({})", t.craving, t.average);
        lines.extend(table(&["", t.days, &craving], &rows));
        if let Some(without) = self.stats.craving.as_ref().and_then(|by| by.without) {
            lines.push(format!("{}: {}", t.without_triggers, self.lang.decimal(without)));
        }
        lines
    }

    fn days_readout(&self, lines: Vec<String>, view: &View) -> Readout {
        let t = &view.strings.checkin;
        let items = self.days.iter().map(|c| {
            let weekday = t.weekdays[c.date.weekday().num_days_from_monday() as usize];
            let slip = if c.slip.is_some() { format!(" · {}", t.slip) } else { String::new() };
            let mood = t.mood_words[usize::from(c.mood.clamp(1, 5) - 1)];
            format!(
                "{weekday} {} · {} {} {mood} · {} {} · {} {}{slip}",
                c.date,
                t.mood,
                c.mood,
                t.craving,
                c.craving.map_or_else(|| "–".to_owned(), |v| v.to_string()),
                t.stress,
                c.stress.map_or_else(|| "–".to_owned(), |v| v.to_string())
            )
        });
        let readout = Readout::new(lines).list(items, self.nav.selected, Action::Open);
        match self.selected_day().filter(|_| self.detail_open) {
            Some(day) => readout.opened(text_lines(&day_text(self.content, day, self.lang, t, view.theme))),
            None => readout,
        }
    }
}

//! Sober counters as lines (the plain mode): the counters to choose from, the chosen one's
//! numbers, its slips per month as a short table, and its slips as the list below it.

use chrono::Datelike;

use super::View;
use super::readout::{Readout, lines_text, table};
use super::sober::{Focus, SoberPane};
use super::sober_view::slip_lines;
use crate::action::Action;
use crate::theme::Theme;

impl SoberPane {
    pub fn readout(&self, view: &View) -> Readout {
        let (g, t) = (&view.strings.goals, &view.strings.sober);
        let year = self.today.year();
        let slips =
            || self.slips.iter().map(|slip| lines_text(&slip_lines(slip, false, year, (g, t), &Theme::MONO)));
        if let Focus::Slips(cursor) = self.focus {
            let name = self.selected().map(|(c, _)| c.counter.name.clone()).unwrap_or_default();
            let items = slips().map(|lines| lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" · "));
            return Readout {
                inner: true,
                ..Readout::new(vec![name, t.slips_heading.to_owned()]).list(items, cursor, Action::Open)
            };
        }
        let mut items: Vec<String> = self
            .counters
            .iter()
            .map(|(c, today)| format!("{} · {}", c.counter.name, g.days_n(today.stats.current)))
            .collect();
        items.push(t.add_counter.to_owned());
        let mut readout = Readout::default().list(items, self.nav.selected, Action::Open);
        let Some((stored, c)) = self.selected() else {
            readout.lines.push(t.empty.to_owned());
            return readout;
        };
        let mut detail = vec![stored.counter.name.clone()];
        detail
            .extend(lines_text(&self.counter_summary(stored, c, view)).into_iter().filter(|l| !l.is_empty()));
        let s = &c.stats;
        if s.slips > 0 {
            detail.push(format!("{}:", t.slips_over_time));
            let rows: Vec<Vec<String>> = self
                .by_month
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|((year, month), n)| {
                    vec![
                        format!("{} {year}", g.months_short[(*month as usize).saturating_sub(1) % 12]),
                        n.to_string(),
                    ]
                })
                .collect();
            detail.extend(table(&[view.strings.plain.month, t.slips], &rows));
            detail.push(format!("{}:", t.slips_heading));
            detail.extend(slips().flatten().map(|l| l.trim().to_owned()));
        } else {
            detail.push(t.no_slips.to_owned());
        }
        readout.detail = detail;
        readout
    }
}

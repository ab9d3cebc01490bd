//! The start screen as lines (the plain mode): the same pieces as on screen, the week's mood
//! and craving as a short table, and today's habits as the list to tick.

use chrono::Datelike;

use super::View;
use super::goals_view::{habit_box, streak_words};
use super::home::HomePane;
use super::readout::{Readout, lines_text, table};
use crate::action::Action;

impl HomePane {
    pub fn readout(&self, view: &View) -> Readout {
        let (s, theme) = (view.strings, view.theme);
        let (h, g) = (&s.home, &s.goals);
        let mut lines = vec![s.goals.long_date(self.today)];
        if let Some(problem) = &self.problem {
            lines.extend([h.unavailable.to_owned(), problem.clone()]);
            return Readout::new(lines);
        }
        lines.extend(lines_text(&self.counter_lines(s, theme)));
        lines.extend(lines_text(&[self.checkin_line(s, theme)]));
        lines.extend(lines_text(&self.goal_lines(s, theme)));
        if self.data.week.iter().all(|(_, v)| v.is_none()) {
            lines.push(h.no_checkins.to_owned());
        } else {
            lines.push(format!("{} · {} ({}):", h.mood, h.craving, h.last_7_days));
            let t = &s.checkin;
            let rows: Vec<Vec<String>> = self
                .data
                .week
                .iter()
                .map(|(day, v)| {
                    let name = t.weekdays[day.weekday().num_days_from_monday() as usize];
                    let value = |n: Option<u8>| n.map_or("–".to_owned(), |n| n.to_string());
                    vec![format!("{name} {}", day.day()), value(v.map(|x| x.0)), value(v.and_then(|x| x.1))]
                })
                .collect();
            lines.extend(table(&[t.date, h.mood, h.craving], &rows));
        }
        if let Some(phase) = self.phase {
            let number = h.phase_of.replace("{n}", &phase.number.to_string());
            lines.push(format!("{}: {} ({number})", h.phase, phase.name));
        }
        if let Some(t) = &self.technique {
            lines.push(format!("{}: {}. {}", h.technique, t.name, t.summary));
        }
        let habits = &self.data.habits;
        if habits.is_empty() {
            let key = self.keys.goals.map_or(String::new(), |k| k.to_string());
            lines.push(h.no_habits.replace("{key}", &key));
            return Readout::new(lines);
        }
        let done = habits.iter().filter(|x| !x.open()).count();
        let count =
            h.habits_done.replace("{done}", &done.to_string()).replace("{total}", &habits.len().to_string());
        lines.push(format!("{} · {count}", h.habits));
        if let Some(habit) = habits.iter().find(|x| x.warning.is_some()) {
            let warning = g
                .breaks_tomorrow
                .replace("{name}", &habit.habit.name)
                .replace("{streak}", &streak_words(g, habit));
            lines.push(warning);
        }
        let items = habits.iter().map(|habit| {
            let streak = streak_words(g, habit);
            let streak = if streak.is_empty() { streak } else { format!(" · {streak}") };
            format!("{} {}{streak}", habit_box(habit), habit.habit.name)
        });
        Readout::new(lines).list(items, self.selected, Action::Toggle)
    }
}

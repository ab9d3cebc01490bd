//! Goals and habits as lines (the plain mode): the list with its groups, and an opened habit's
//! days or goal's steps as the list below it.

use chrono::Datelike;

use super::View;
use super::goals::{Focus, GoalsPane, Mode, Row};
use super::goals_view::{celebration_lines, due_words, habit_box, streak_words};
use super::readout::{Item, Readout, lines_text};
use crate::action::Action;
use crate::domain::habits::{Cadence, Mark};
use crate::store::goals::StoredGoal;

impl GoalsPane {
    pub fn readout(&self, view: &View) -> Readout {
        let g = &view.strings.goals;
        if let Mode::Celebrate(goal) = &self.mode {
            let mut lines = vec![g.celebrate_title.to_owned()];
            lines.extend(
                lines_text(&celebration_lines(&goal.goal, view)).into_iter().filter(|l| !l.is_empty()),
            );
            return Readout { passing: true, ..Readout::new(lines) };
        }
        match self.focus {
            Focus::List => self.list_readout(view),
            Focus::Steps(cursor) => match self.selected_goal() {
                Some(goal) => self.steps_readout(goal, cursor, view),
                None => Readout::default(),
            },
            Focus::Days(cursor) => self.days_readout(cursor, view),
        }
    }

    fn list_readout(&self, view: &View) -> Readout {
        let g = &view.strings.goals;
        let year = self.today.year();
        let mut heading = None;
        let mut items = Vec::new();
        let mut selected = 0;
        for (i, row) in self.rows.iter().enumerate() {
            let text = match *row {
                Row::HabitsHeading | Row::GoalsHeading | Row::ArchiveHeading => {
                    heading = Some(match row {
                        Row::HabitsHeading => g.habits_heading,
                        Row::GoalsHeading => g.goals_heading,
                        _ => g.archive_heading,
                    });
                    continue;
                }
                Row::AddHabit => g.add_habit.to_owned(),
                Row::AddGoal => g.add_goal.to_owned(),
                Row::Habit(h) => {
                    let habit = &self.habits[h];
                    let streak = streak_words(g, habit);
                    let streak = if streak.is_empty() { streak } else { format!(" · {streak}") };
                    format!("{} {}{streak}", habit_box(habit), habit.habit.name)
                }
                Row::Goal(n) => {
                    let goal = &self.open[n].goal;
                    let mut parts = vec![goal.title.clone()];
                    if let Some(due) = goal.due {
                        parts.push(format!(
                            "{} ({})",
                            g.short_date(due, year),
                            due_words(g, due, self.today)
                        ));
                    }
                    let (done, total) = goal.progress();
                    if total > 0 {
                        parts.push(
                            g.progress
                                .replace("{done}", &done.to_string())
                                .replace("{total}", &total.to_string()),
                        );
                    }
                    parts.join(" · ")
                }
                Row::Archived(n) => {
                    let goal = &self.archive[n].goal;
                    let when = goal.done_at.map(|t| g.short_date(t.date(), year)).unwrap_or_default();
                    format!("✓ {} · {}: {when}", goal.title, g.done_on)
                }
            };
            if i == self.nav.selected {
                selected = items.len();
            }
            items.push(Item { heading: heading.take().map(str::to_owned), text });
        }
        Readout::default().list(items, selected, Action::Open)
    }

    fn steps_readout(&self, stored: &StoredGoal, cursor: usize, view: &View) -> Readout {
        let g = &view.strings.goals;
        let goal = &stored.goal;
        let year = self.today.year();
        let mut lines = vec![goal.title.clone()];
        lines.push(match (goal.done_at, goal.due) {
            (Some(done), _) => format!("{}: {}", g.done_on, g.short_date(done.date(), year)),
            (None, Some(due)) => {
                format!("{}: {} ({})", g.due, g.short_date(due, year), due_words(g, due, self.today))
            }
            (None, None) => format!("{}: {}", g.due, g.no_due),
        });
        if !goal.note.is_empty() {
            lines.push(format!("{}: {}", g.note, goal.note));
        }
        if goal.steps.is_empty() {
            lines.push(g.no_steps.to_owned());
        } else {
            let (done, total) = goal.progress();
            lines
                .push(g.progress.replace("{done}", &done.to_string()).replace("{total}", &total.to_string()));
        }
        let steps = goal.steps.iter().map(|s| format!("{} {}", if s.done { "[x]" } else { "[ ]" }, s.text));
        Readout { inner: true, ..Readout::new(lines).list(steps, cursor, Action::Toggle) }
    }

    fn days_readout(&self, cursor: usize, view: &View) -> Readout {
        let (g, t) = (&view.strings.goals, &view.strings.checkin);
        let Some(habit) = self.selected_habit() else { return Readout::default() };
        let cadence = if habit.habit.cadence == Cadence::Daily { g.daily } else { g.weekly };
        let mut lines = vec![habit.habit.name.clone()];
        lines.push(match streak_words(g, habit).as_str() {
            "" => cadence.to_owned(),
            streak => format!("{streak} {} · {cadence}", g.in_a_row),
        });
        let year = self.today.year();
        let days = self.days.iter().map(|(date, mark)| {
            let weekday = t.weekdays[date.weekday().num_days_from_monday() as usize];
            let (symbol, word) = match mark {
                Some(Mark::Done) => ("[x]", g.mark_done),
                Some(Mark::Skip) => ("[-]", g.mark_skip),
                None => ("[ ]", g.mark_none),
            };
            let today = if *date == self.today { format!(" ({})", t.today) } else { String::new() };
            format!("{symbol} {weekday} {}{today}: {word}", g.short_date(*date, year))
        });
        Readout { inner: true, ..Readout::new(lines).list(days, cursor, Action::Toggle) }
    }
}

//! The forms of the goals screen (what each asks, and how its answers are checked and saved),
//! and the changes that ask first or celebrate: deleting, and marking a goal done. A refused
//! answer keeps the form open with everything typed and the reason under the fields.

use super::Ctx;
use super::confirm::Confirm;
use super::entry_form::EntryForm;
use super::goals::{Focus, GoalsPane, Mode, Row, Target};
use crate::domain::goals::{self, Goal, NOTE_MAX_CHARS, STEP_MAX_CHARS, STEPS_MAX, TITLE_MAX_CHARS};
use crate::domain::habits::{self, Cadence, Habit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    NewGoal,
    EditGoal,
    NewStep,
    EditStep(usize),
    NewHabit,
    EditHabit,
}

/// The form for `purpose`, filled with the selected item's values when it changes one.
pub fn form(pane: &GoalsPane, purpose: Purpose) -> Option<EntryForm> {
    let g = &pane.lang.strings().goals;
    let cadences = || vec![g.daily, g.weekly];
    Some(match purpose {
        Purpose::NewGoal => EntryForm::new(g.form_new_goal)
            .text(g.field_goal, "", TITLE_MAX_CHARS)
            .text(g.field_date_optional, "", 10)
            .text(g.field_note, "", NOTE_MAX_CHARS),
        Purpose::EditGoal => {
            let goal = &pane.selected_goal()?.goal;
            let due = goal.due.map(|d| d.to_string()).unwrap_or_default();
            EntryForm::new(g.form_edit_goal)
                .text(g.field_goal, &goal.title, TITLE_MAX_CHARS)
                .text(g.field_date_optional, &due, 10)
                .text(g.field_note, &goal.note, NOTE_MAX_CHARS)
        }
        Purpose::NewStep => {
            pane.selected_goal()?;
            EntryForm::new(g.form_new_step).text(g.field_step, "", STEP_MAX_CHARS)
        }
        Purpose::EditStep(position) => {
            let step = pane.selected_goal()?.goal.steps.get(position)?;
            EntryForm::new(g.form_edit_step).text(g.field_step, &step.text, STEP_MAX_CHARS)
        }
        Purpose::NewHabit => EntryForm::new(g.form_new_habit)
            .text(g.field_name, "", habits::NAME_MAX_CHARS)
            .choice(g.field_cadence, cadences(), 0),
        Purpose::EditHabit => {
            let habit = &pane.selected_habit()?.habit;
            let cadence = usize::from(habit.cadence == Cadence::Weekly);
            EntryForm::new(g.form_edit_habit).text(g.field_name, &habit.name, habits::NAME_MAX_CHARS).choice(
                g.field_cadence,
                cadences(),
                cadence,
            )
        }
    })
}

/// Checks and saves the form; true when it is done with (saved), false to keep it open.
pub fn submit(pane: &mut GoalsPane, purpose: Purpose, form: &mut EntryForm, ctx: &mut Ctx) -> bool {
    let g = &pane.lang.strings().goals;
    let at = ctx.clock.moment();
    match purpose {
        Purpose::NewGoal | Purpose::EditGoal => {
            let title = form.value(0);
            if !(1..=TITLE_MAX_CHARS).contains(&title.chars().count()) {
                form.refuse(0, g.err_title);
                return false;
            }
            let due = match form.value(1).as_str() {
                "" => None,
                text => match crate::domain::parse::date(text) {
                    Ok(date) => Some(date),
                    Err(_) => {
                        form.refuse(1, g.err_date);
                        return false;
                    }
                },
            };
            let note = form.value(2);
            if purpose == Purpose::NewGoal {
                let goal = Goal { due, note, ..Goal::new(title, at.local) };
                let Some(id) = ctx.write(|s| s.add_goal(&goal, at)) else { return false };
                pane.enter(ctx);
                select(pane, |p, r| matches!(r, Row::Goal(i) if p.open[i].id == id));
            } else {
                let Some(current) = pane.selected_goal().cloned() else { return true };
                let goal = Goal { title, due, note, ..current.goal };
                if !ctx.save(|s| s.save_goal_details(current.id, &goal, at)) {
                    return false;
                }
                pane.enter(ctx);
            }
        }
        Purpose::NewStep | Purpose::EditStep(_) => {
            let text = form.value(0);
            if !goals::valid_step(&text) {
                form.refuse(0, g.err_step);
                return false;
            }
            let Some(goal) = pane.selected_goal() else { return true };
            let id = goal.id;
            match purpose {
                Purpose::EditStep(position) => {
                    if !ctx.save(|s| s.rename_goal_step(id, position, &text, at)) {
                        return false;
                    }
                }
                _ if goal.goal.steps.len() >= STEPS_MAX => {
                    form.refuse(0, g.err_too_many_steps);
                    return false;
                }
                _ => {
                    let Some(position) = ctx.write(|s| s.add_goal_step(id, &text, at)) else { return false };
                    pane.focus = Focus::Steps(position);
                }
            }
            pane.enter(ctx);
        }
        Purpose::NewHabit | Purpose::EditHabit => {
            let name = form.value(0);
            if !Habit::valid_name(&name) {
                form.refuse(0, g.err_name);
                return false;
            }
            let cadence = if form.selected(1) == 1 { Cadence::Weekly } else { Cadence::Daily };
            let habit = Habit { name, cadence };
            if purpose == Purpose::NewHabit {
                let Some(id) = ctx.write(|s| s.add_habit(&habit, at)) else { return false };
                pane.enter(ctx);
                select(pane, |p, r| matches!(r, Row::Habit(i) if p.habits[i].id == id));
            } else {
                let Some(id) = pane.selected_habit().map(|h| h.id) else { return true };
                if !ctx.save(|s| s.save_habit(id, &habit, at)) {
                    return false;
                }
                pane.enter(ctx);
            }
        }
    }
    true
}

fn select(pane: &mut GoalsPane, found: impl Fn(&GoalsPane, Row) -> bool) {
    if let Some(i) = pane.rows.iter().position(|r| found(pane, *r)) {
        pane.nav.selected = i;
    }
}

impl GoalsPane {
    pub(super) fn ask_delete(&mut self) {
        let g = &self.lang.strings().goals;
        let target = match self.selected() {
            Some(Row::Habit(i)) => self.habits.get(i).map(|h| (h.habit.name.clone(), Target::Habit(h.id))),
            Some(Row::Goal(_) | Row::Archived(_)) => {
                self.selected_goal().map(|g| (g.goal.title.clone(), Target::Goal(g.id)))
            }
            _ => None,
        };
        if let Some((name, target)) = target {
            self.mode = Mode::Confirm(Confirm::new(g.confirm_delete.replace("{}", &name), target));
        }
    }

    pub(super) fn delete(&mut self, target: Target, ctx: &mut Ctx) {
        let at = ctx.clock.moment();
        let done = match target {
            Target::Goal(id) => ctx.save(|s| s.delete_goal(id)),
            Target::Habit(id) => ctx.save(|s| s.delete_habit(id)),
            Target::Step(id, position) => ctx.save(|s| s.remove_goal_step(id, position, at)),
        };
        if done {
            if !matches!(target, Target::Step(..)) {
                self.focus = Focus::List;
            }
            self.enter(ctx);
        }
    }

    /// Marks an open goal done (and celebrates), or takes an archived one back.
    pub(super) fn complete(&mut self, ctx: &mut Ctx) {
        let at = ctx.clock.moment();
        match self.selected() {
            Some(Row::Goal(i)) => {
                let Some(id) = self.open.get(i).map(|g| g.id) else { return };
                if let Some(Some(done)) = ctx.write(|s| s.complete_goal(id, at)) {
                    self.mode = Mode::Celebrate(done);
                    self.focus = Focus::List;
                    self.enter(ctx);
                }
            }
            Some(Row::Archived(i)) => {
                let Some(id) = self.archive.get(i).map(|g| g.id) else { return };
                if ctx.save(|s| s.reopen_goal(id, at)) {
                    *ctx.toast = Some(self.lang.strings().goals.reopened.to_owned());
                    self.focus = Focus::List;
                    self.enter(ctx);
                }
            }
            _ => {}
        }
    }
}

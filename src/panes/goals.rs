//! "Mål": today's habits and the person's goals in one list, with the archive of done goals
//! below. A habit opens to its days (tick one, or plan a day off); a goal opens to its steps.
//! A goal marked done gets a short celebration with how long it took, then moves to the
//! archive. Every change is written at once; a failed write leaves the screen as it was.

use chrono::{Days, NaiveDate};

use super::Ctx;
use super::confirm::{Answer, Confirm};
use super::entry_form::{EntryForm, FormEvent};
use super::goals_forms::{self, Purpose};
use crate::action::Action;
use crate::domain::habits::Mark;
use crate::i18n::Lang;
use crate::store::goals::StoredGoal;
use crate::store::habits::HabitToday;
use crate::widgets::list_nav::ListNav;

/// Done goals shown in the archive, newest first.
const ARCHIVE_SHOWN: usize = 50;
/// The days a habit shows: this many before today, and after it (to plan days off).
pub const DAYS_BACK: u64 = 13;
pub const DAYS_AHEAD: u64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    HabitsHeading,
    Habit(usize),
    AddHabit,
    GoalsHeading,
    Goal(usize),
    AddGoal,
    ArchiveHeading,
    Archived(usize),
}

impl Row {
    fn selectable(self) -> bool {
        !matches!(self, Row::HabitsHeading | Row::GoalsHeading | Row::ArchiveHeading)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    /// A goal's steps, with the cursor on one.
    Steps(usize),
    /// A habit's days, with the cursor on one (index into `days`).
    Days(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Goal(i64),
    Habit(i64),
    Step(i64, usize),
}

pub enum Mode {
    Browse,
    Form(Purpose, EntryForm),
    Confirm(Confirm<Target>),
    /// The goal just done, shown until the next key.
    Celebrate(StoredGoal),
}

pub struct GoalsPane {
    pub(super) lang: Lang,
    pub(super) today: NaiveDate,
    pub habits: Vec<HabitToday>,
    pub open: Vec<StoredGoal>,
    pub archive: Vec<StoredGoal>,
    pub(super) rows: Vec<Row>,
    pub(super) nav: ListNav,
    pub focus: Focus,
    /// The selected habit's days, oldest first, while its days are shown.
    pub days: Vec<(NaiveDate, Option<Mark>)>,
    pub mode: Mode,
    /// Read at least once: from then on a reload keeps the cursor where it was.
    loaded: bool,
}

impl GoalsPane {
    pub fn new(lang: Lang, today: NaiveDate) -> Self {
        let mut pane = Self {
            lang,
            today,
            habits: Vec::new(),
            open: Vec::new(),
            archive: Vec::new(),
            rows: Vec::new(),
            nav: ListNav::default(),
            focus: Focus::List,
            days: Vec::new(),
            mode: Mode::Browse,
            loaded: false,
        };
        pane.rebuild_rows();
        pane
    }

    /// True while a form or a question takes the keys as text.
    pub fn text_mode(&self) -> bool {
        matches!(self.mode, Mode::Form(..) | Mode::Confirm(_))
    }

    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.nav.selected).copied()
    }

    /// Reads habits and goals again (when the screen is shown, and after each change).
    pub fn enter(&mut self, ctx: &mut Ctx) {
        self.today = ctx.clock.today();
        let now = ctx.clock.now();
        if ctx.store.unavailable().is_some() {
            return;
        }
        let loaded =
            ctx.read(|s| Ok((s.habits_today(now)?, s.open_goals()?, s.archived_goals(ARCHIVE_SHOWN)?)));
        if let Some((habits, open, archive)) = loaded {
            (self.habits, self.open, self.archive) = (habits, open, archive);
        }
        let keep = self.selected().filter(|_| self.loaded);
        self.loaded = true;
        self.rebuild_rows();
        match keep.filter(|r| self.rows.contains(r)) {
            Some(row) => self.nav.selected = self.rows.iter().position(|r| *r == row).unwrap_or(0),
            None => {
                let rows = &self.rows;
                self.nav.first(rows.len(), |i| rows[i].selectable());
            }
        }
        if let Focus::Days(cursor) = self.focus {
            self.load_days(ctx);
            self.focus = Focus::Days(cursor.min(self.days.len().saturating_sub(1)));
        }
        if let (Focus::Steps(cursor), Some(goal)) = (self.focus, self.selected_goal()) {
            self.focus = Focus::Steps(cursor.min(goal.goal.steps.len().saturating_sub(1)));
        }
    }

    fn rebuild_rows(&mut self) {
        let mut rows = vec![Row::HabitsHeading];
        rows.extend((0..self.habits.len()).map(Row::Habit));
        rows.extend([Row::AddHabit, Row::GoalsHeading]);
        rows.extend((0..self.open.len()).map(Row::Goal));
        rows.push(Row::AddGoal);
        if !self.archive.is_empty() {
            rows.push(Row::ArchiveHeading);
            rows.extend((0..self.archive.len()).map(Row::Archived));
        }
        self.rows = rows;
        if !self.rows.get(self.nav.selected).is_some_and(|r| r.selectable()) {
            let rows = &self.rows;
            self.nav.first(rows.len(), |i| rows[i].selectable());
        }
    }

    pub fn selected_goal(&self) -> Option<&StoredGoal> {
        match self.selected()? {
            Row::Goal(i) => self.open.get(i),
            Row::Archived(i) => self.archive.get(i),
            _ => None,
        }
    }

    pub fn selected_habit(&self) -> Option<&HabitToday> {
        match self.selected()? {
            Row::Habit(i) => self.habits.get(i),
            _ => None,
        }
    }

    fn load_days(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.selected_habit().map(|h| h.id) else { return };
        let from = self.today.checked_sub_days(Days::new(DAYS_BACK)).unwrap_or(self.today);
        let to = self.today.checked_add_days(Days::new(DAYS_AHEAD)).unwrap_or(self.today);
        let marks = ctx.read(|s| s.habit_marks_between(id, from, to)).unwrap_or_default();
        self.days = from
            .iter_days()
            .take_while(|d| *d <= to)
            .map(|d| (d, marks.iter().find(|(m, _)| *m == d).map(|(_, mark)| *mark)))
            .collect();
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => self.handle_browse(action, ctx),
            Mode::Form(purpose, mut form) => match form.handle(action) {
                FormEvent::Editing => self.mode = Mode::Form(purpose, form),
                FormEvent::Cancel => {}
                FormEvent::Submit => {
                    if !goals_forms::submit(self, purpose, &mut form, ctx) {
                        self.mode = Mode::Form(purpose, form);
                    }
                }
            },
            Mode::Confirm(question) => match Confirm::<Target>::answer(action) {
                Answer::Waiting => self.mode = Mode::Confirm(question),
                Answer::No => {}
                Answer::Yes => self.delete(question.target, ctx),
            },
            // Any key closes the celebration; the goal is already in the archive.
            Mode::Celebrate(goal) if matches!(action, Action::Tick | Action::Resize { .. }) => {
                self.mode = Mode::Celebrate(goal);
            }
            Mode::Celebrate(_) => {}
        }
        let height = usize::from(super::goals_view::list_rows(ctx.area));
        self.nav.ensure_visible(height);
        None
    }

    fn handle_browse(&mut self, action: &Action, ctx: &mut Ctx) {
        match self.focus {
            Focus::List => self.handle_list(action, ctx),
            Focus::Steps(cursor) => self.handle_steps(cursor, action, ctx),
            Focus::Days(cursor) => self.handle_days(cursor, action, ctx),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = &self.rows;
        self.nav.move_by(delta, rows.len(), |i| rows[i].selectable());
    }

    fn handle_list(&mut self, action: &Action, ctx: &mut Ctx) {
        let page = super::goals_view::list_rows(ctx.area).max(1) as isize;
        let row = self.selected();
        match action {
            Action::Up | Action::ScrollUp => self.move_selection(-1),
            Action::Down | Action::ScrollDown => self.move_selection(1),
            Action::PageUp => self.move_selection(-page),
            Action::PageDown => self.move_selection(page),
            Action::Top => self.move_selection(-(self.rows.len() as isize)),
            Action::Bottom => self.move_selection(self.rows.len() as isize),
            Action::Open => match row {
                Some(Row::AddHabit) => self.start(Purpose::NewHabit),
                Some(Row::AddGoal) => self.start(Purpose::NewGoal),
                Some(Row::Habit(_)) => {
                    self.load_days(ctx);
                    let today = self.days.iter().position(|(d, _)| *d == self.today).unwrap_or(0);
                    self.focus = Focus::Days(today);
                }
                Some(Row::Goal(_) | Row::Archived(_)) => self.focus = Focus::Steps(0),
                _ => {}
            },
            Action::NewItem => match row {
                Some(Row::Habit(_) | Row::AddHabit) => self.start(Purpose::NewHabit),
                _ => self.start(Purpose::NewGoal),
            },
            Action::Toggle => self.toggle_habit_day(self.today, Mark::Done, ctx),
            Action::PlanSkip => self.toggle_habit_day(self.today, Mark::Skip, ctx),
            Action::Click { row: y, .. } => self.click(*y, ctx),
            _ => self.handle_item(action, ctx),
        }
    }

    /// Keys that act on the selected goal or habit wherever its detail is focused.
    fn handle_item(&mut self, action: &Action, ctx: &mut Ctx) {
        match action {
            Action::Edit => match self.selected() {
                Some(Row::Habit(_)) => self.start(Purpose::EditHabit),
                Some(Row::Goal(_) | Row::Archived(_)) => self.start(Purpose::EditGoal),
                _ => {}
            },
            Action::Delete => self.ask_delete(),
            Action::Complete => self.complete(ctx),
            _ => {}
        }
    }

    fn handle_steps(&mut self, cursor: usize, action: &Action, ctx: &mut Ctx) {
        let Some(goal) = self.selected_goal() else {
            self.focus = Focus::List;
            return;
        };
        let (id, count) = (goal.id, goal.goal.steps.len());
        let at = ctx.clock.moment();
        match action {
            Action::Back => self.focus = Focus::List,
            Action::Up | Action::ScrollUp => self.focus = Focus::Steps(cursor.saturating_sub(1)),
            Action::Down | Action::ScrollDown => {
                self.focus = Focus::Steps((cursor + 1).min(count.saturating_sub(1)));
            }
            Action::Toggle | Action::Open if cursor < count => {
                let done = !goal.goal.steps[cursor].done;
                if ctx.save(|s| s.set_goal_step_done(id, cursor, done, at)) {
                    self.enter(ctx);
                }
            }
            Action::NewItem => self.start(Purpose::NewStep),
            Action::Edit if cursor < count => self.start(Purpose::EditStep(cursor)),
            Action::Delete if cursor < count => {
                let text = goal.goal.steps[cursor].text.clone();
                let question = self.lang.strings().goals.confirm_delete.replace("{}", &text);
                self.mode = Mode::Confirm(Confirm::new(question, Target::Step(id, cursor)));
            }
            _ => self.handle_item(action, ctx),
        }
    }

    fn handle_days(&mut self, cursor: usize, action: &Action, ctx: &mut Ctx) {
        if self.selected_habit().is_none() {
            self.focus = Focus::List;
            return;
        }
        let last = self.days.len().saturating_sub(1);
        let date = self.days.get(cursor).map(|(d, _)| *d);
        match action {
            Action::Back => self.focus = Focus::List,
            Action::Up | Action::ScrollUp => self.focus = Focus::Days(cursor.saturating_sub(1)),
            Action::Down | Action::ScrollDown => self.focus = Focus::Days((cursor + 1).min(last)),
            Action::Toggle | Action::Open => {
                // A day to come cannot be done yet; it can only be planned off.
                if let Some(date) = date.filter(|d| *d <= self.today) {
                    self.toggle_habit_day(date, Mark::Done, ctx);
                }
            }
            Action::PlanSkip => {
                if let Some(date) = date {
                    self.toggle_habit_day(date, Mark::Skip, ctx);
                }
            }
            _ => self.handle_item(action, ctx),
        }
    }

    /// Sets `mark` on `date` for the selected habit, or clears it when it is already set.
    fn toggle_habit_day(&mut self, date: NaiveDate, mark: Mark, ctx: &mut Ctx) {
        let Some(habit) = self.selected_habit() else { return };
        let id = habit.id;
        let current = if matches!(self.focus, Focus::Days(_)) {
            self.days.iter().find(|(d, _)| *d == date).and_then(|(_, m)| *m)
        } else {
            ctx.read(|s| s.habit_marks_between(id, date, date)).and_then(|m| m.first().map(|(_, m)| *m))
        };
        let new = if current == Some(mark) { None } else { Some(mark) };
        let at = ctx.clock.moment();
        if ctx.save(|s| s.set_habit_mark(id, date, new, at)) {
            self.enter(ctx);
        }
    }

    fn click(&mut self, y: u16, ctx: &mut Ctx) {
        let inner = super::goals_view::list_inner(ctx.area);
        if y < inner.y || y >= inner.bottom() {
            return;
        }
        if let Some(i) = self.nav.row_at(usize::from(y - inner.y), self.rows.len())
            && self.rows[i].selectable()
        {
            self.nav.selected = i;
            self.focus = Focus::List;
        }
    }

    fn start(&mut self, purpose: Purpose) {
        if let Some(form) = goals_forms::form(self, purpose) {
            self.mode = Mode::Form(purpose, form);
        }
    }
}

//! Small, concrete goals: a title, an optional date, optional sub-steps and a note. A goal that
//! is done is celebrated (with how long it took) and moves to the archive, where it stays as a
//! record of what the person managed.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX_CHARS: usize = 120;
pub const STEP_MAX_CHARS: usize = 120;
pub const NOTE_MAX_CHARS: usize = 4_000;
/// Small steps, not a project plan.
pub const STEPS_MAX: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub title: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub steps: Vec<Step>,
    pub created_at: NaiveDateTime,
    /// When it was marked done; a done goal is in the archive.
    #[serde(default)]
    pub done_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the goal needs a title of at most {TITLE_MAX_CHARS} characters")]
    Title,
    #[error("a step is empty or longer than {STEP_MAX_CHARS} characters")]
    Step,
    #[error("a goal has at most {STEPS_MAX} steps")]
    TooManySteps,
    #[error("the note is longer than {NOTE_MAX_CHARS} characters")]
    NoteTooLong,
    #[error("the goal was done before it was made")]
    DoneBeforeCreated,
}

impl Goal {
    pub fn new(title: impl Into<String>, created_at: NaiveDateTime) -> Self {
        Self {
            title: title.into(),
            due: None,
            note: String::new(),
            steps: Vec::new(),
            created_at,
            done_at: None,
        }
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        let title = self.title.trim().chars().count();
        if title == 0 || title > TITLE_MAX_CHARS {
            return Err(Invalid::Title);
        }
        if self.steps.len() > STEPS_MAX {
            return Err(Invalid::TooManySteps);
        }
        if self.steps.iter().any(|s| !valid_step(&s.text)) {
            return Err(Invalid::Step);
        }
        if self.note.chars().count() > NOTE_MAX_CHARS {
            return Err(Invalid::NoteTooLong);
        }
        if self.done_at.is_some_and(|done| done < self.created_at) {
            return Err(Invalid::DoneBeforeCreated);
        }
        Ok(())
    }

    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// Steps done and steps in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.steps.iter().filter(|s| s.done).count(), self.steps.len())
    }

    /// How long it took, in calendar days from the day it was made to the day it was done.
    pub fn took_days(&self) -> Option<u32> {
        let done = self.done_at?;
        Some(u32::try_from((done.date() - self.created_at.date()).num_days()).unwrap_or(0))
    }
}

pub fn valid_step(text: &str) -> bool {
    let len = text.trim().chars().count();
    len > 0 && len <= STEP_MAX_CHARS
}

/// Days from `today` to `due`: negative once the date has passed.
pub fn days_until(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// The open goal to show on the home screen: the one whose date comes soonest from today on;
/// when every dated goal's date has passed, the most recently passed one. Undated goals are
/// not "close" to anything.
pub fn closest<G: AsRef<Goal>>(goals: &[G], today: NaiveDate) -> Option<&G> {
    let open =
        || goals.iter().filter_map(|g| Some((g, g.as_ref().due?))).filter(|(g, _)| !g.as_ref().is_done());
    open()
        .filter(|(_, due)| *due >= today)
        .min_by_key(|(_, due)| *due)
        .or_else(|| open().max_by_key(|(_, due)| *due))
        .map(|(g, _)| g)
}

impl AsRef<Goal> for Goal {
    fn as_ref(&self) -> &Goal {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn goal(title: &str, due: Option<NaiveDate>) -> Goal {
        Goal { due, ..Goal::new(title, d(11, 1).and_hms_opt(10, 0, 0).unwrap()) }
    }

    #[test]
    fn progress_counts_done_steps() {
        let mut g = goal("Rydde boden", None);
        assert_eq!(g.progress(), (0, 0));
        g.steps = vec![
            Step { text: "Kjøpe søppelsekker".into(), done: true },
            Step { text: "Ringe Ola".into(), done: false },
        ];
        assert_eq!(g.progress(), (1, 2));
    }

    #[test]
    fn how_long_a_goal_took_is_counted_in_calendar_days() {
        let mut g = goal("Gå til fastlegen", None);
        assert_eq!(g.took_days(), None);
        g.done_at = d(11, 1).and_hms_opt(23, 0, 0);
        assert_eq!(g.took_days(), Some(0), "the same day");
        g.done_at = d(11, 2).and_hms_opt(0, 30, 0);
        assert_eq!(g.took_days(), Some(1), "past midnight is the next day");
        g.done_at = NaiveDate::from_ymd_opt(2027, 1, 3).unwrap().and_hms_opt(9, 0, 0);
        assert_eq!(g.took_days(), Some(63), "over the year end");
    }

    #[test]
    fn the_closest_goal_is_the_next_one_due_then_the_latest_passed() {
        let today = d(11, 22);
        let mut goals = vec![
            goal("uten dato", None),
            goal("desember", Some(d(12, 5))),
            goal("snart", Some(d(11, 25))),
            goal("forbi", Some(d(11, 10))),
            goal("lenge forbi", Some(d(10, 1))),
        ];
        assert_eq!(closest(&goals, today).unwrap().title, "snart");
        goals[2].done_at = Some(d(11, 20).and_hms_opt(8, 0, 0).unwrap());
        assert_eq!(closest(&goals, today).unwrap().title, "desember", "a done goal is not shown");
        goals.retain(|g| g.due.is_none_or(|due| due < today));
        assert_eq!(closest(&goals, today).unwrap().title, "forbi");
        assert!(closest(&[goal("uten dato", None)], today).is_none());
        assert_eq!(closest(&[goal("i dag", Some(today))], today).unwrap().title, "i dag");
        assert_eq!(days_until(d(11, 25), today), 3);
        assert_eq!(days_until(d(11, 20), today), -2);
    }

    #[test]
    fn validation() {
        let g = goal("Rydde boden", Some(d(12, 1)));
        assert_eq!(g.validate(), Ok(()));
        assert_eq!(goal(" ", None).validate(), Err(Invalid::Title));
        let steps = Goal { steps: vec![Step { text: "".into(), done: false }], ..g.clone() };
        assert_eq!(steps.validate(), Err(Invalid::Step));
        let many = Goal { steps: vec![Step { text: "a".into(), done: false }; STEPS_MAX + 1], ..g.clone() };
        assert_eq!(many.validate(), Err(Invalid::TooManySteps));
        let early = Goal { done_at: d(10, 1).and_hms_opt(0, 0, 0), ..g.clone() };
        assert_eq!(early.validate(), Err(Invalid::DoneBeforeCreated));
    }
}

//! Habits: small things done daily or weekly (regular meals, a walk, bedtime, a call to a
//! support person), checked off per day. A streak counts the days (or weeks) kept in a row; a
//! planned skip day keeps the streak without adding to it, and the day that is not over yet
//! never breaks it. In the evening of the last day that can keep a streak alive, the home
//! screen warns gently; nothing ever notifies.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

pub const NAME_MAX_CHARS: usize = 60;

/// From this local time on, a streak that would break at midnight gets its gentle warning.
pub const EVENING: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    /// Every day.
    Daily,
    /// At least once in each week, Monday to Sunday.
    Weekly,
}

impl Cadence {
    pub fn key(self) -> &'static str {
        match self {
            Cadence::Daily => "daily",
            Cadence::Weekly => "weekly",
        }
    }

    pub fn from_key(key: &str) -> Option<Cadence> {
        match key {
            "daily" => Some(Cadence::Daily),
            "weekly" => Some(Cadence::Weekly),
            _ => None,
        }
    }

    /// The period a date belongs to, named by its first day.
    pub fn period(self, date: NaiveDate) -> NaiveDate {
        match self {
            Cadence::Daily => date,
            Cadence::Weekly => week_start(date),
        }
    }

    fn previous(self, period: NaiveDate) -> Option<NaiveDate> {
        let days = match self {
            Cadence::Daily => 1,
            Cadence::Weekly => 7,
        };
        period.checked_sub_days(Days::new(days))
    }

    /// Whether `date` is the last day of its period: the last chance to keep the streak.
    pub fn last_day(self, date: NaiveDate) -> bool {
        match self {
            Cadence::Daily => true,
            Cadence::Weekly => date.weekday() == Weekday::Sun,
        }
    }
}

/// The Monday of `date`'s week.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Habit {
    pub name: String,
    pub cadence: Cadence,
}

impl Habit {
    pub fn valid_name(name: &str) -> bool {
        let len = name.trim().chars().count();
        len > 0 && len <= NAME_MAX_CHARS
    }
}

/// What a person marked on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Done,
    /// Planned not to do it that day (a rest day, travel); keeps the streak alive.
    Skip,
}

/// Counts a streak from marks fed newest first, so the store can stop reading at the break.
#[derive(Debug, Clone)]
pub struct StreakCounter {
    cadence: Cadence,
    current: NaiveDate,
    /// The period the next older mark must be in (or, while the current one is open, the one
    /// before it).
    expected: NaiveDate,
    last_seen: Option<NaiveDate>,
    last_counted: Option<NaiveDate>,
    current_kept: bool,
    current_done: bool,
    kept: u32,
    broken: bool,
}

impl StreakCounter {
    pub fn new(cadence: Cadence, today: NaiveDate) -> Self {
        let current = cadence.period(today);
        Self {
            cadence,
            current,
            expected: current,
            last_seen: None,
            last_counted: None,
            current_kept: false,
            current_done: false,
            kept: 0,
            broken: false,
        }
    }

    /// Takes the next older mark; returns whether older marks can still extend the streak.
    pub fn push(&mut self, date: NaiveDate, mark: Mark) -> bool {
        let period = self.cadence.period(date);
        if self.broken || period > self.current {
            return !self.broken;
        }
        if self.last_seen != Some(period) {
            let open_current_skipped =
                self.last_seen.is_none() && Some(period) == self.cadence.previous(self.current);
            if period != self.expected && !open_current_skipped {
                self.broken = true;
                return false;
            }
            self.last_seen = Some(period);
            self.expected = self.cadence.previous(period).unwrap_or(period);
        }
        if period == self.current {
            self.current_kept = true;
            self.current_done |= mark == Mark::Done;
        }
        if mark == Mark::Done && self.last_counted != Some(period) {
            self.last_counted = Some(period);
            self.kept += 1;
        }
        true
    }

    pub fn finish(&self) -> Streak {
        Streak { kept: self.kept, current_kept: self.current_kept, current_done: self.current_done }
    }
}

/// A habit's streak as of one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streak {
    /// Days (or weeks) done in a row; planned skips keep the row without adding to it.
    pub kept: u32,
    /// The current day (or week) is done or planned as a skip: nothing left to do.
    pub current_kept: bool,
    pub current_done: bool,
}

/// The streak as of `today`, from marks newest first.
pub fn streak(
    cadence: Cadence,
    today: NaiveDate,
    marks_newest_first: impl IntoIterator<Item = (NaiveDate, Mark)>,
) -> Streak {
    let mut counter = StreakCounter::new(cadence, today);
    for (date, mark) in marks_newest_first {
        if !counter.push(date, mark) {
            break;
        }
    }
    counter.finish()
}

/// The gentle warning: the streak would break tomorrow unless the habit is done today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreaksTomorrow {
    pub kept: u32,
}

/// A warning on the evening of the last day that can keep a live streak, while it is still open.
pub fn breaks_tomorrow(cadence: Cadence, streak: Streak, now: NaiveDateTime) -> Option<BreaksTomorrow> {
    let open = !streak.current_kept;
    (open && streak.kept > 0 && now.time() >= EVENING && cadence.last_day(now.date()))
        .then_some(BreaksTomorrow { kept: streak.kept })
}

#[cfg(test)]
#[path = "habits_tests.rs"]
mod tests;

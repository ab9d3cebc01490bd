//! Sober counters that never silently reset. A slip is a recorded date, not a reset: the
//! counter keeps every day that was sober before it, and shows the current run, the total, the
//! longest run and the slips over time side by side, so one hard day never erases months.
//!
//! All maths is on local calendar dates (`NaiveDate`): a day is a day whether it had 23, 24 or
//! 25 hours, so daylight-saving changes cannot shift a count. A day counts as sober once it is
//! over: on the start date the count is 0, the next day it is 1 ("the first 24 hours").

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Counter names are labels ("Alkohol", "Alt rusmiddel"), not prose.
pub const NAME_MAX_CHARS: usize = 60;
/// What happened, what to learn: room for a few honest sentences each.
pub const SLIP_NOTE_MAX_CHARS: usize = 2_000;

/// One sober counter as the person set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    pub name: String,
    /// The first sober day.
    pub start: NaiveDate,
    /// Whether a check-in that says "used today" counts as a slip on this counter. On by
    /// default; someone counting alcohol and cannabis apart may turn it off for one of them.
    pub follows_checkins: bool,
}

/// A slip recorded on the counter screen. Both notes are optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipNote {
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub what_to_learn: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the name is empty or longer than {NAME_MAX_CHARS} characters")]
    Name,
    #[error("{0} has not come yet")]
    Future(NaiveDate),
    #[error("{0} is before the counter's start date")]
    BeforeStart(NaiveDate),
    #[error("a note is longer than {SLIP_NOTE_MAX_CHARS} characters")]
    NoteTooLong,
}

impl Counter {
    pub fn validate(&self, today: NaiveDate) -> Result<(), Invalid> {
        let len = self.name.trim().chars().count();
        if len == 0 || len > NAME_MAX_CHARS {
            return Err(Invalid::Name);
        }
        if self.start > today {
            return Err(Invalid::Future(self.start));
        }
        Ok(())
    }
}

impl SlipNote {
    pub fn validate(&self) -> Result<(), Invalid> {
        if [&self.what_happened, &self.what_to_learn].iter().any(|t| t.chars().count() > SLIP_NOTE_MAX_CHARS)
        {
            return Err(Invalid::NoteTooLong);
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.what_happened.trim().is_empty() && self.what_to_learn.trim().is_empty()
    }
}

/// Checks a slip's date against its counter: not in the future, not before the start.
pub fn validate_slip_date(
    counter_start: NaiveDate,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), Invalid> {
    if date > today {
        return Err(Invalid::Future(date));
    }
    if date < counter_start {
        return Err(Invalid::BeforeStart(date));
    }
    Ok(())
}

/// A counter's numbers on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoberStats {
    /// The first day of the current run: the start, or the day after the last slip.
    pub run_start: NaiveDate,
    /// Sober days in a row, up to and including yesterday.
    pub current: u32,
    /// Every sober day since the start: the days before a slip still count.
    pub total: u32,
    pub longest: u32,
    /// Days with a slip, from the start to today.
    pub slips: u32,
    pub last_slip: Option<NaiveDate>,
}

/// The numbers for a counter started on `start`, on `today`, given its slip dates in any order
/// (repeats, and dates outside `start..=today`, are ignored).
pub fn stats(
    start: NaiveDate,
    today: NaiveDate,
    slip_dates: impl IntoIterator<Item = NaiveDate>,
) -> SoberStats {
    let mut slips: Vec<NaiveDate> = slip_dates.into_iter().filter(|d| (start..=today).contains(d)).collect();
    slips.sort_unstable();
    slips.dedup();
    let mut run_start = start;
    let (mut total, mut longest) = (0u32, 0u32);
    for &slip in &slips {
        let run = days_between(run_start, slip);
        total += run;
        longest = longest.max(run);
        run_start = slip.succ_opt().unwrap_or(slip);
    }
    let current = days_between(run_start, today);
    SoberStats {
        run_start,
        current,
        total: total + current,
        longest: longest.max(current),
        slips: slips.len() as u32,
        last_slip: slips.last().copied(),
    }
}

/// Whole days from `from` to `to`, 0 when `to` is not after `from`.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

/// How many slips fell in each of the `months` calendar months ending with `today`'s month,
/// oldest first: the slips over time, as a chart shows them.
pub fn slips_by_month(
    today: NaiveDate,
    months: u32,
    slip_dates: impl IntoIterator<Item = NaiveDate>,
) -> Vec<((i32, u32), u32)> {
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let last = index(today);
    let first = last - months as i32 + 1;
    let mut counts: Vec<((i32, u32), u32)> =
        (first..=last).map(|i| ((i.div_euclid(12), i.rem_euclid(12) as u32 + 1), 0)).collect();
    let mut seen = std::collections::HashSet::new();
    for date in slip_dates {
        let i = index(date);
        if (first..=last).contains(&i) && date <= today && seen.insert(date) {
            counts[(i - first) as usize].1 += 1;
        }
    }
    counts
}

/// A day worth marking in a run: 1, 3, 7, 14, 30, 60, 90, 180 and 365 days, then every
/// anniversary from the second year on (by the calendar, so a leap day cannot shift it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Milestone {
    Days(u32),
    Years(u32),
}

pub const DAY_MILESTONES: [u32; 9] = [1, 3, 7, 14, 30, 60, 90, 180, 365];

impl Milestone {
    /// The date a run that began on `run_start` reaches this milestone.
    pub fn date(self, run_start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Milestone::Days(n) => run_start.checked_add_days(Days::new(u64::from(n))),
            Milestone::Years(k) => run_start.checked_add_months(chrono::Months::new(k.checked_mul(12)?)),
        }
    }

    /// Every milestone in order.
    pub fn all() -> impl Iterator<Item = Milestone> {
        DAY_MILESTONES.into_iter().map(Milestone::Days).chain((2..).map(Milestone::Years))
    }
}

/// The first milestone after `today`, with its date.
pub fn next_milestone(run_start: NaiveDate, today: NaiveDate) -> Option<(Milestone, NaiveDate)> {
    Milestone::all().map_while(|m| Some((m, m.date(run_start)?))).find(|(_, date)| *date > today)
}

/// The latest milestone reached on or before `today` and no more than `within_days` ago
/// (0 = only today), so a milestone gets its message even if the app was not opened that day.
pub fn recent_milestone(
    run_start: NaiveDate,
    today: NaiveDate,
    within_days: u32,
) -> Option<(Milestone, NaiveDate)> {
    let earliest = today.checked_sub_days(Days::new(u64::from(within_days)))?;
    Milestone::all()
        .map_while(|m| Some((m, m.date(run_start)?)))
        .take_while(|(_, date)| *date <= today)
        .filter(|(_, date)| *date >= earliest)
        .last()
}

#[cfg(test)]
#[path = "sober_tests.rs"]
mod tests;

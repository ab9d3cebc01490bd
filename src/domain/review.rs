//! The weekly review: a week against the week before, what helped and what set things off most
//! often, and a few patterns from the person's own entries.
//!
//! The rules for a pattern keep it honest: it compares days where something was true with the
//! other days, only when each side has at least [`MIN_DAYS_EACH_SIDE`] days, always with both
//! counts, only when the difference is larger than everyday noise, and it is worded as what the
//! entries show, never as a cause. Too little data gives no pattern at all.

use std::collections::HashMap;

use chrono::{Datelike, Days, IsoWeek, NaiveDate, Weekday};

use super::checkin::CheckIn;
use super::urges::{Outcome, Urge};

/// Fewer days than this on either side, and a pattern says more about chance than about you.
pub const MIN_DAYS_EACH_SIDE: usize = 5;
/// Patterns are read from this many days up to the end of the week.
pub const PATTERN_DAYS: u64 = 90;
/// A review shows this many patterns at most: a few things to notice, not a report.
pub const MAX_PATTERNS: usize = 3;
/// Less sleep than this (in half hours: 6 hours) makes a short night.
pub const SHORT_SLEEP_HALF_HOURS: u8 = 12;
/// Stress from this value up is a stressful day.
pub const HIGH_STRESS: u8 = 7;
/// How many triggers and helpers a review lists.
pub const TOP: usize = 3;

/// The first day of the week `date` is in; weeks start on Monday, or Sunday if so set.
pub fn week_start(date: NaiveDate, sunday_first: bool) -> NaiveDate {
    let back = if sunday_first {
        date.weekday().num_days_from_sunday()
    } else {
        date.weekday().num_days_from_monday()
    };
    date.checked_sub_days(Days::new(u64::from(back))).unwrap_or(date)
}

/// The ISO week that names a week: the one its Monday is in.
pub fn week_name(start: NaiveDate) -> IsoWeek {
    let monday = if start.weekday() == Weekday::Sun { start.succ_opt().unwrap_or(start) } else { start };
    monday.iso_week()
}

/// `YYYY-Www`, as `--week` takes it and the week's note is stored under.
pub fn week_label(start: NaiveDate) -> String {
    let week = week_name(start);
    format!("{}-W{:02}", week.year(), week.week())
}

/// The first day of the week written `YYYY-Www` (ISO), or `None` if it is no such week.
pub fn parse_week(text: &str, sunday_first: bool) -> Option<NaiveDate> {
    let (year, week) = text.trim().split_once(['-', ' '])?;
    let week = week.trim_start_matches(['W', 'w']);
    let monday = NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)?;
    Some(if sunday_first { monday.pred_opt()? } else { monday })
}

/// One week's numbers. Averages are over the days with a check-in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekNumbers {
    pub checkins: u32,
    pub mood: Option<f64>,
    pub craving: Option<f64>,
    pub stress: Option<f64>,
    /// Hours, over the nights that were recorded.
    pub sleep: Option<f64>,
    pub urges: u32,
    pub passed: u32,
    pub used: u32,
    /// Still there or not answered.
    pub open: u32,
    /// Habit ticks in the week.
    pub habits_kept: u32,
    /// Sober days in the week on the first counter, if there is one.
    pub sober_days: Option<u32>,
}

fn average(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// The numbers of one week from its check-ins and urges (only those of the week).
pub fn numbers(
    checkins: &[CheckIn],
    urges: &[Urge],
    habits_kept: u32,
    sober_days: Option<u32>,
) -> WeekNumbers {
    let count = |o: Option<Outcome>| urges.iter().filter(|u| u.outcome == o).count() as u32;
    WeekNumbers {
        checkins: checkins.len() as u32,
        mood: average(checkins.iter().map(|c| f64::from(c.mood))),
        // Not answered is not 0: only the days that say count.
        craving: average(checkins.iter().filter_map(|c| c.craving).map(f64::from)),
        stress: average(checkins.iter().filter_map(|c| c.stress).map(f64::from)),
        sleep: average(checkins.iter().filter_map(|c| c.sleep_half_hours).map(|h| f64::from(h) / 2.0)),
        urges: urges.len() as u32,
        passed: count(Some(Outcome::Passed)),
        used: count(Some(Outcome::Used)),
        open: count(Some(Outcome::StillThere)) + count(None),
        habits_kept,
        sober_days,
    }
}

/// The most frequent labels, most frequent first (ties alphabetically), at most [`TOP`].
pub fn most_frequent<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<(String, u32)> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for label in labels.filter(|l| !l.trim().is_empty()) {
        *counts.entry(label).or_default() += 1;
    }
    let mut sorted: Vec<(String, u32)> = counts.into_iter().map(|(l, n)| (l.to_owned(), n)).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted.truncate(TOP);
    sorted
}

/// What is true on the days a pattern looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// Less than 6 hours of sleep (only days with sleep recorded count, on both sides).
    ShortSleep,
    /// Stress of 7 or more.
    HighStress,
    /// This trigger was logged.
    Trigger(String),
    /// Something that helped was written down.
    Helped,
}

/// The value a pattern averages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Craving,
    Mood,
}

impl Measure {
    /// The day's value; `None` when it was not answered (the day then counts on neither side).
    fn of(self, c: &CheckIn) -> Option<f64> {
        match self {
            Measure::Craving => c.craving.map(f64::from),
            Measure::Mood => Some(f64::from(c.mood)),
        }
    }

    /// A smaller difference is everyday noise on this scale: a step of 1 on 0-10, half a step
    /// on the 1-5 mood scale.
    pub fn smallest_difference(self) -> f64 {
        match self {
            Measure::Craving => 1.0,
            Measure::Mood => 0.5,
        }
    }
}

impl Condition {
    /// Whether the condition holds on the day; `None` when the day cannot tell (no sleep
    /// recorded), so it counts on neither side.
    fn holds(&self, c: &CheckIn) -> Option<bool> {
        match self {
            Condition::ShortSleep => c.sleep_half_hours.map(|h| h < SHORT_SLEEP_HALF_HOURS),
            Condition::HighStress => c.stress.map(|s| s >= HIGH_STRESS),
            Condition::Trigger(t) => Some(c.triggers.iter().any(|x| x == t)),
            Condition::Helped => Some(!c.helped.is_empty()),
        }
    }
}

/// "On days when ..., ... averaged x, against y on the other days (n and m days)".
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub condition: Condition,
    pub measure: Measure,
    pub with: f64,
    pub without: f64,
    pub days_with: usize,
    pub days_without: usize,
}

impl Pattern {
    fn difference(&self) -> f64 {
        (self.with - self.without).abs()
    }
}

/// The comparison of days where `condition` holds with the other days, or `None` when either
/// side has fewer than [`MIN_DAYS_EACH_SIDE`] days or the difference is only noise.
pub fn compare(days: &[CheckIn], condition: Condition, measure: Measure) -> Option<Pattern> {
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for day in days {
        match (condition.holds(day), measure.of(day)) {
            (Some(true), Some(value)) => with.push(value),
            (Some(false), Some(value)) => without.push(value),
            _ => {}
        }
    }
    if with.len() < MIN_DAYS_EACH_SIDE || without.len() < MIN_DAYS_EACH_SIDE {
        return None;
    }
    let pattern = Pattern {
        condition,
        measure,
        with: average(with.iter().copied())?,
        without: average(without.iter().copied())?,
        days_with: with.len(),
        days_without: without.len(),
    };
    (pattern.difference() >= measure.smallest_difference()).then_some(pattern)
}

/// The few clearest patterns in `days` (the check-ins of the pattern period), largest
/// difference first; empty when there is too little data.
pub fn patterns(days: &[CheckIn]) -> Vec<Pattern> {
    let mut candidates = vec![
        (Condition::ShortSleep, Measure::Craving),
        (Condition::HighStress, Measure::Craving),
        (Condition::Helped, Measure::Mood),
    ];
    for (trigger, _) in most_frequent(days.iter().flat_map(|c| c.triggers.iter().map(String::as_str))) {
        candidates.push((Condition::Trigger(trigger), Measure::Craving));
    }
    let mut found: Vec<Pattern> =
        candidates.into_iter().filter_map(|(condition, measure)| compare(days, condition, measure)).collect();
    found.sort_by(|a, b| b.difference().total_cmp(&a.difference()));
    found.truncate(MAX_PATTERNS);
    found
}

/// A week's review, ready to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    /// The week's first day.
    pub start: NaiveDate,
    pub this: WeekNumbers,
    pub before: WeekNumbers,
    /// What helped most often this week (check-ins' "what helped").
    pub helped: Vec<(String, u32)>,
    /// The most frequent triggers this week (check-ins and urges).
    pub triggers: Vec<(String, u32)>,
    pub patterns: Vec<Pattern>,
    /// "What I take into next week", as written.
    pub takeaway: String,
}

impl Review {
    pub fn label(&self) -> String {
        week_label(self.start)
    }

    pub fn end(&self) -> NaiveDate {
        self.start.checked_add_days(Days::new(6)).unwrap_or(self.start)
    }
}

/// A takeaway is one line.
pub const TAKEAWAY_MAX_CHARS: usize = 300;

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;

//! Numbers from check-ins for the history screen, the status line and the export: streaks,
//! averages, trigger counts. Each takes check-ins (and today) and returns data.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::checkin::CheckIn;

/// A run of check-ins where no two days in a row were missed: one missed day is forgiven, as
/// a busy or hard day should not wipe out weeks of effort.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streak {
    /// Calendar days from the first check-in of the run to the last, both included.
    pub days: u32,
    pub checkins: u32,
    /// The run's first day, when there is a run.
    pub since: Option<NaiveDate>,
}

/// Counts a streak from dates fed newest first, so the caller can stop reading at the break.
#[derive(Debug, Clone)]
pub struct StreakCounter {
    today: NaiveDate,
    newest: Option<NaiveDate>,
    previous: Option<NaiveDate>,
    checkins: u32,
    broken: bool,
}

/// At most this many days between two check-ins (or from the last one to today): one missed day.
const MAX_GAP_DAYS: i64 = 2;

impl StreakCounter {
    pub fn new(today: NaiveDate) -> Self {
        Self { today, newest: None, previous: None, checkins: 0, broken: false }
    }

    /// Takes the next older date; returns whether older dates can still extend the streak.
    pub fn push(&mut self, date: NaiveDate) -> bool {
        if self.broken || date > self.today {
            return !self.broken;
        }
        let reference = self.previous.unwrap_or(self.today);
        // Today need not be done yet: the day is not over.
        if (reference - date).num_days() > MAX_GAP_DAYS {
            self.broken = true;
            return false;
        }
        if self.previous == Some(date) {
            return true;
        }
        self.newest.get_or_insert(date);
        self.previous = Some(date);
        self.checkins += 1;
        true
    }

    pub fn finish(&self) -> Streak {
        match (self.newest, self.previous) {
            (Some(newest), Some(oldest)) => Streak {
                days: u32::try_from((newest - oldest).num_days() + 1).unwrap_or(0),
                checkins: self.checkins,
                since: Some(oldest),
            },
            _ => Streak::default(),
        }
    }
}

/// The streak ending at (or just before) `today`, from dates newest first.
pub fn streak(today: NaiveDate, dates_newest_first: impl IntoIterator<Item = NaiveDate>) -> Streak {
    let mut counter = StreakCounter::new(today);
    for date in dates_newest_first {
        if !counter.push(date) {
            break;
        }
    }
    counter.finish()
}

/// Averages and counts over a period, for the summary lines.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub checkins: usize,
    pub mood: Option<f64>,
    pub craving: Option<f64>,
    pub craving_max: Option<u8>,
    pub stress: Option<f64>,
    pub sleep_hours: Option<f64>,
    pub slips: usize,
}

pub fn summary(checkins: &[CheckIn]) -> Summary {
    let mean = |values: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
        (n > 0).then(|| sum / n as f64)
    };
    Summary {
        checkins: checkins.len(),
        mood: mean(&mut checkins.iter().map(|c| f64::from(c.mood))),
        // What was not answered is not a 0: it is left out of the averages.
        craving: mean(&mut checkins.iter().filter_map(|c| c.craving).map(f64::from)),
        craving_max: checkins.iter().filter_map(|c| c.craving).max(),
        stress: mean(&mut checkins.iter().filter_map(|c| c.stress).map(f64::from)),
        sleep_hours: mean(&mut checkins.iter().filter_map(|c| c.sleep_hours()).map(f64::from)),
        slips: checkins.iter().filter(|c| c.slip.is_some()).count(),
    }
}

/// How often each label was logged, most frequent first (ties alphabetically).
pub fn label_counts<'a>(labels: impl IntoIterator<Item = &'a String>) -> Vec<(String, u32)> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for label in labels {
        *counts.entry(label.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(String, u32)> = counts.into_iter().map(|(l, n)| (l.to_owned(), n)).collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

pub fn trigger_counts(checkins: &[CheckIn]) -> Vec<(String, u32)> {
    label_counts(checkins.iter().flat_map(|c| &c.triggers))
}

pub fn helped_counts(checkins: &[CheckIn]) -> Vec<(String, u32)> {
    label_counts(checkins.iter().flat_map(|c| &c.helped))
}

/// Average mood per weekday, Monday first; `None` for a weekday without check-ins.
pub fn mood_by_weekday(checkins: &[CheckIn]) -> [Option<f64>; 7] {
    let mut sums = [(0u32, 0u32); 7];
    for c in checkins {
        let slot = &mut sums[c.date.weekday().num_days_from_monday() as usize];
        slot.0 += u32::from(c.mood);
        slot.1 += 1;
    }
    sums.map(|(sum, n)| (n > 0).then(|| f64::from(sum) / f64::from(n)))
}

/// Average craving on days a trigger was logged, against days without any trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct CravingByTrigger {
    /// (label, average craving on its days, number of days), highest average first.
    pub triggers: Vec<(String, f64, u32)>,
    /// Average craving on days with no trigger logged, for comparison.
    pub without: Option<f64>,
}

pub fn craving_by_trigger(checkins: &[CheckIn]) -> CravingByTrigger {
    let mut by: HashMap<&str, (u32, u32)> = HashMap::new();
    let (mut none_sum, mut none_n) = (0u32, 0u32);
    // Only days with craving answered say anything about it.
    for (c, craving) in checkins.iter().filter_map(|c| Some((c, u32::from(c.craving?)))) {
        if c.triggers.is_empty() {
            none_sum += craving;
            none_n += 1;
        }
        for t in &c.triggers {
            let entry = by.entry(t.as_str()).or_default();
            entry.0 += craving;
            entry.1 += 1;
        }
    }
    let mut triggers: Vec<(String, f64, u32)> =
        by.into_iter().map(|(l, (sum, n))| (l.to_owned(), f64::from(sum) / f64::from(n), n)).collect();
    triggers.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| b.2.cmp(&a.2)).then_with(|| a.0.cmp(&b.0)));
    CravingByTrigger { triggers, without: (none_n > 0).then(|| f64::from(none_sum) / f64::from(none_n)) }
}

/// Points for a chart: (day index, value) averaged per bucket of `bucket_days`, each placed at
/// its bucket's middle. A year drawn day by day is a scribble; by week it shows the trend.
pub fn bucketed(points: impl IntoIterator<Item = (i64, f64)>, bucket_days: i64) -> Vec<(f64, f64)> {
    let bucket_days = bucket_days.max(1);
    let mut out: Vec<(i64, f64, u32)> = Vec::new();
    for (day, value) in points {
        let bucket = day.div_euclid(bucket_days);
        match out.last_mut() {
            Some((b, sum, n)) if *b == bucket => {
                *sum += value;
                *n += 1;
            }
            _ => out.push((bucket, value, 1)),
        }
    }
    let middle = (bucket_days - 1) as f64 / 2.0;
    out.into_iter().map(|(b, sum, n)| ((b * bucket_days) as f64 + middle, sum / f64::from(n))).collect()
}

/// The points in runs without a gap: a new run starts where the next point is more than
/// `step` days on, so a chart draws no line over days without a check-in.
pub fn runs(points: &[(f64, f64)], step: f64) -> Vec<&[(f64, f64)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        if i == points.len() || points[i].0 - points[i - 1].0 > step {
            out.push(&points[start..i]);
            start = i;
        }
    }
    out.retain(|run| !run.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_break_where_a_day_is_missing() {
        let points = [(0.0, 1.0), (1.0, 2.0), (3.0, 2.0), (4.0, 1.0), (10.0, 3.0)];
        let runs = runs(&points, 1.0);
        assert_eq!(runs, [&points[0..2], &points[2..4], &points[4..5]]);
        assert!(super::runs(&[], 1.0).is_empty());
        assert_eq!(super::runs(&points[..2], 7.0).len(), 1, "by week, days apart are one run");
    }

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn checkin(day: u32, mood: u8, craving: u8, triggers: &[&str]) -> CheckIn {
        CheckIn {
            mood,
            craving: Some(craving),
            triggers: triggers.iter().map(|t| t.to_string()).collect(),
            ..CheckIn::blank(d(day), d(day).and_hms_opt(20, 0, 0).unwrap())
        }
    }

    #[test]
    fn a_streak_forgives_one_missed_day_but_not_two() {
        assert_eq!(streak(d(22), [d(22), d(21), d(20)]).days, 3);
        let forgiving = streak(d(22), [d(22), d(20), d(19), d(17)]);
        assert_eq!((forgiving.days, forgiving.checkins, forgiving.since), (6, 4, Some(d(17))));
        assert_eq!(streak(d(22), [d(22), d(19), d(18)]).days, 1, "two missed days end it");
    }

    #[test]
    fn today_not_done_yet_keeps_the_streak_alive() {
        assert_eq!(streak(d(22), [d(21), d(20)]).days, 2);
        assert_eq!(streak(d(22), [d(20), d(19)]).days, 2, "yesterday missed is the forgiven day");
        assert_eq!(streak(d(22), [d(19), d(18)]), Streak::default());
        assert_eq!(streak(d(22), []), Streak::default());
    }

    #[test]
    fn the_counter_says_when_to_stop_reading() {
        let mut counter = StreakCounter::new(d(22));
        assert!(counter.push(d(22)));
        assert!(counter.push(d(21)));
        assert!(!counter.push(d(10)));
        assert!(!counter.push(d(9)), "stays broken");
        assert_eq!(counter.finish().days, 2);
    }

    #[test]
    fn summary_averages_and_counts() {
        let mut days = vec![checkin(1, 2, 8, &[]), checkin(2, 4, 2, &[])];
        days[0].slip = Some(Default::default());
        days[1].sleep_half_hours = Some(15);
        let s = summary(&days);
        assert_eq!((s.checkins, s.mood, s.craving, s.craving_max), (2, Some(3.0), Some(5.0), Some(8)));
        assert_eq!((s.sleep_hours, s.slips), (Some(7.5), 1));
        assert_eq!(summary(&[]).mood, None);
    }

    #[test]
    fn triggers_are_counted_most_frequent_first() {
        let days = [checkin(1, 3, 5, &["stress", "people"]), checkin(2, 3, 9, &["stress"])];
        assert_eq!(trigger_counts(&days), [("stress".to_owned(), 2), ("people".to_owned(), 1)]);
    }

    #[test]
    fn mood_by_weekday_starts_on_monday() {
        // 2026-11-16 and 2026-11-23 are Mondays, 2026-11-22 a Sunday.
        let days = [checkin(23, 5, 0, &[]), checkin(22, 2, 0, &[]), checkin(16, 3, 0, &[])];
        let by = mood_by_weekday(&days);
        assert_eq!(by[0], Some(4.0));
        assert_eq!(by[6], Some(2.0));
        assert_eq!(by[2], None);
    }

    #[test]
    fn buckets_average_their_days_and_sit_in_their_middle() {
        let days = [(0, 2.0), (1, 4.0), (6, 3.0), (7, 5.0), (20, 1.0)];
        assert_eq!(bucketed(days, 7), [(3.0, 3.0), (10.0, 5.0), (17.0, 1.0)]);
        assert_eq!(bucketed(days, 1), [(0.0, 2.0), (1.0, 4.0), (6.0, 3.0), (7.0, 5.0), (20.0, 1.0)]);
    }

    #[test]
    fn craving_is_compared_with_days_without_triggers() {
        let days = [
            checkin(1, 3, 8, &["conflict"]),
            checkin(2, 3, 6, &["conflict", "stress"]),
            checkin(3, 3, 2, &[]),
            checkin(4, 3, 4, &[]),
        ];
        let by = craving_by_trigger(&days);
        assert_eq!(by.triggers[0], ("conflict".to_owned(), 7.0, 2));
        assert_eq!(by.triggers[1], ("stress".to_owned(), 6.0, 1));
        assert_eq!(by.without, Some(3.0));
    }
}

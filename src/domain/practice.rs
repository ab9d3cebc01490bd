//! Records of practice (breathing and guided sessions) and what the screen says about them:
//! minutes this week, sessions in all, and the streak of days with practice.

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseKind {
    Breathing,
    Mindfulness,
}

impl ExerciseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseKind::Breathing => "breathing",
            ExerciseKind::Mindfulness => "mindfulness",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "breathing" => Some(ExerciseKind::Breathing),
            "mindfulness" => Some(ExerciseKind::Mindfulness),
            _ => None,
        }
    }
}

/// One session, as it is stored: what was done, when, for how long, and whether it ran to the
/// end or was ended early.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeRecord {
    pub kind: ExerciseKind,
    /// The content id (`box`, `urge-surfing`), or `own:<id>` for a person's own pattern.
    pub exercise: String,
    /// The name shown when it was done, so the record still reads well if the pattern is
    /// renamed or deleted later, or the language changes.
    pub name: String,
    /// Local wall time at the start.
    pub started_at: NaiveDateTime,
    pub planned_ms: u64,
    /// Time actually spent, without pauses and without what was skipped.
    pub actual_ms: u64,
    pub completed: bool,
}

impl PracticeRecord {
    pub fn actual(&self) -> Duration {
        Duration::from_millis(self.actual_ms)
    }

    pub fn planned(&self) -> Duration {
        Duration::from_millis(self.planned_ms)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PracticeStats {
    /// Time practised this week (from Monday), in milliseconds.
    pub week_ms: u64,
    pub sessions: usize,
    /// Days in a row with at least one session, up to today. A streak that reached yesterday
    /// still counts today: the day is not over.
    pub streak_days: u32,
}

pub fn stats(records: &[PracticeRecord], today: NaiveDate) -> PracticeStats {
    let monday = week_start(today);
    let week_ms: u64 =
        records.iter().filter(|r| (monday..=today).contains(&r.started_at.date())).map(|r| r.actual_ms).sum();
    let days: BTreeSet<NaiveDate> = records.iter().map(|r| r.started_at.date()).collect();
    PracticeStats { week_ms, sessions: records.len(), streak_days: streak(days.into_iter().rev(), today) }
}

/// The Monday of the week `today` is in.
pub fn week_start(today: NaiveDate) -> NaiveDate {
    today - Days::new(u64::from(today.weekday().num_days_from_monday()))
}

pub fn rounded_minutes(ms: u64) -> u64 {
    (ms + 30_000) / 60_000
}

/// The week's practice as people say it: seconds under a minute (a 16 s session is not
/// "0 min"), else minutes to the nearest one.
pub fn week_text(ms: u64, minutes: &str) -> String {
    match ms {
        1..60_000 => duration_text(Duration::from_millis(ms)),
        _ => format!("{} {minutes}", rounded_minutes(ms)),
    }
}

/// Days in a row with practice up to `today` (or up to yesterday, while today has none yet),
/// from the distinct practice days, newest first. Stops reading at the first gap, so a store
/// reads only as far back as the streak goes.
pub fn streak(days_newest_first: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> u32 {
    let mut expected = None;
    let mut count = 0;
    for day in days_newest_first {
        if day > today {
            continue;
        }
        let wanted = match expected {
            Some(d) => d,
            None if day == today => today,
            None => match today.pred_opt() {
                Some(yesterday) if day == yesterday => yesterday,
                _ => return 0,
            },
        };
        if day != wanted {
            break;
        }
        count += 1;
        expected = day.pred_opt();
        if expected.is_none() {
            break;
        }
    }
    count
}

/// Whole minutes and seconds, for the summary: "4 min 5 s", "40 s".
pub fn duration_text(d: Duration) -> String {
    let secs = (d.as_millis() + 500) / 1000;
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(date: (i32, u32, u32), actual_secs: u64) -> PracticeRecord {
        PracticeRecord {
            kind: ExerciseKind::Breathing,
            exercise: "box".into(),
            name: "Box".into(),
            started_at: NaiveDate::from_ymd_opt(date.0, date.1, date.2)
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap(),
            planned_ms: 240_000,
            actual_ms: actual_secs * 1000,
            completed: true,
        }
    }

    // 2026-11-22 is a Sunday; its week began on Monday the 16th.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn minutes_count_this_week_only() {
        let records = [record((2026, 11, 15), 600), record((2026, 11, 16), 90), record((2026, 11, 22), 120)];
        let s = stats(&records, today());
        assert_eq!(week_text(s.week_ms, "min"), "4 min", "1.5 + 2 = 3.5 min, rounded");
        assert_eq!(s.sessions, 3);
    }

    #[test]
    fn the_streak_counts_days_in_a_row_up_to_today_or_yesterday() {
        let days = |ds: &[u32]| ds.iter().map(|d| record((2026, 11, *d), 60)).collect::<Vec<_>>();
        assert_eq!(stats(&days(&[22, 21, 21, 20, 18]), today()).streak_days, 3);
        assert_eq!(stats(&days(&[21, 20]), today()).streak_days, 2, "yesterday still counts");
        assert_eq!(stats(&days(&[20, 19]), today()).streak_days, 0);
        assert_eq!(stats(&[], today()), PracticeStats::default());
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(Duration::from_millis(245_400)), "4 min 5 s");
        assert_eq!(duration_text(Duration::from_secs(180)), "3 min");
        assert_eq!(duration_text(Duration::from_millis(40_200)), "40 s");
        assert_eq!(ExerciseKind::parse(ExerciseKind::Mindfulness.as_str()), Some(ExerciseKind::Mindfulness));
    }
}

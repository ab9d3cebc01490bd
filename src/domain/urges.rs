//! A craving moment logged as it happens ("urge log"): how strong it was, what set it off, and
//! later how it ended. Urges rise and fall like a wave; asking some minutes later how it went
//! lets a person see, in their own entries, that most pass.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::checkin::SCALE_MAX;

/// A trigger is a label ("stress", "payday"), not prose.
pub const TRIGGER_MAX_CHARS: usize = 80;
/// A few honest sentences.
pub const NOTE_MAX_CHARS: usize = 2_000;
/// How long after logging an urge the app asks how it went: long enough for a wave to crest.
pub const FOLLOW_UP_AFTER: TimeDelta = TimeDelta::minutes(15);
/// An urge older than this is no longer asked about; it stays in the history unanswered.
pub const FOLLOW_UP_WITHIN: TimeDelta = TimeDelta::hours(24);

/// How an urge ended, as the person answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The urge passed without using.
    Passed,
    /// The person used. Said without blame; it is a slip to learn from.
    Used,
    /// Still there when asked; the app asks again later.
    StillThere,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Passed, Outcome::Used, Outcome::StillThere];

    /// The word the database, the export and the command line use.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Used => "used",
            Outcome::StillThere => "still-there",
        }
    }

    pub fn from_code(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    /// Whether the urge is over with this answer (still there is not).
    pub fn ends(self) -> bool {
        self != Outcome::StillThere
    }
}

/// One logged urge. Times are the person's local wall-clock time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Urge {
    pub at: NaiveDateTime,
    /// 0 (barely there) to 10 (the strongest).
    pub intensity: u8,
    /// A trigger id from content, or the person's own words; empty when none was given.
    #[serde(default)]
    pub trigger: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The intensity when the person answered.
    #[serde(default)]
    pub intensity_after: Option<u8>,
    /// When the person answered.
    #[serde(default)]
    pub answered_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("intensity must be 0 to 10, not {0}")]
    Intensity(u8),
    #[error("the trigger is longer than {TRIGGER_MAX_CHARS} characters")]
    Trigger,
    #[error("the note is longer than {NOTE_MAX_CHARS} characters")]
    Note,
    #[error("the answer is dated before the urge")]
    AnsweredBefore,
}

impl Urge {
    pub fn new(at: NaiveDateTime, intensity: u8, trigger: &str, note: &str) -> Self {
        Self {
            at,
            intensity,
            trigger: trigger.trim().to_owned(),
            note: note.trim().to_owned(),
            outcome: None,
            intensity_after: None,
            answered_at: None,
        }
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        for value in [Some(self.intensity), self.intensity_after].into_iter().flatten() {
            if value > SCALE_MAX {
                return Err(Invalid::Intensity(value));
            }
        }
        if self.trigger.chars().count() > TRIGGER_MAX_CHARS {
            return Err(Invalid::Trigger);
        }
        if self.note.chars().count() > NOTE_MAX_CHARS {
            return Err(Invalid::Note);
        }
        if self.answered_at.is_some_and(|t| t < self.at) {
            return Err(Invalid::AnsweredBefore);
        }
        Ok(())
    }

    /// Not yet over: never answered, or still there at the last answer.
    pub fn is_open(&self) -> bool {
        !self.outcome.is_some_and(Outcome::ends)
    }

    /// Whether the app should ask now how it went: open, logged (or last answered) at least
    /// [`FOLLOW_UP_AFTER`] ago, and not older than [`FOLLOW_UP_WITHIN`].
    pub fn follow_up_due(&self, now: NaiveDateTime) -> bool {
        let last = self.answered_at.unwrap_or(self.at);
        self.is_open() && now - last >= FOLLOW_UP_AFTER && now - self.at <= FOLLOW_UP_WITHIN
    }

    /// How long it lasted, for an urge that ended: from logging to the answer.
    pub fn lasted(&self) -> Option<TimeDelta> {
        match (self.outcome, self.answered_at) {
            (Some(outcome), Some(answered)) if outcome.ends() => Some(answered - self.at),
            _ => None,
        }
    }
}

/// The urges of one day, as the history lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayUrges {
    pub date: NaiveDate,
    pub count: u32,
    pub passed: u32,
    pub used: u32,
    /// Still there at the last answer, or never answered.
    pub open: u32,
    pub strongest: u8,
    /// The middle of how long the day's ended urges lasted, in whole minutes.
    pub typical_minutes: Option<i64>,
}

/// Urges grouped by day, newest day first. `urges` may come in any order.
pub fn by_day(urges: &[Urge]) -> Vec<DayUrges> {
    let mut days: Vec<DayUrges> = Vec::new();
    let mut sorted: Vec<&Urge> = urges.iter().collect();
    sorted.sort_by_key(|u| std::cmp::Reverse(u.at));
    let mut lasted: Vec<Vec<i64>> = Vec::new();
    for urge in sorted {
        let date = urge.at.date();
        if days.last().is_none_or(|d| d.date != date) {
            days.push(DayUrges { date, ..DayUrges::default() });
            lasted.push(Vec::new());
        }
        let (Some(day), Some(minutes)) = (days.last_mut(), lasted.last_mut()) else { continue };
        day.count += 1;
        day.strongest = day.strongest.max(urge.intensity);
        match urge.outcome {
            Some(Outcome::Passed) => day.passed += 1,
            Some(Outcome::Used) => day.used += 1,
            Some(Outcome::StillThere) | None => day.open += 1,
        }
        minutes.extend(urge.lasted().map(|d| d.num_minutes()));
    }
    for (day, mut minutes) in days.iter_mut().zip(lasted) {
        minutes.sort_unstable();
        day.typical_minutes = minutes.get(minutes.len() / 2).copied();
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap().and_hms_opt(hour, minute, 0).unwrap()
    }

    fn answered(mut urge: Urge, outcome: Outcome, when: NaiveDateTime) -> Urge {
        urge.outcome = Some(outcome);
        urge.answered_at = Some(when);
        urge.intensity_after = Some(2);
        urge
    }

    #[test]
    fn an_urge_is_asked_about_after_a_quarter_of_an_hour_and_not_after_a_day() {
        let urge = Urge::new(at(20, 14, 0), 7, "stress", "");
        assert!(!urge.follow_up_due(at(20, 14, 14)));
        assert!(urge.follow_up_due(at(20, 14, 15)));
        assert!(urge.follow_up_due(at(21, 14, 0)));
        assert!(!urge.follow_up_due(at(21, 14, 1)), "too old to ask about");
        let still = answered(urge.clone(), Outcome::StillThere, at(20, 14, 20));
        assert!(!still.follow_up_due(at(20, 14, 30)), "asked again a quarter after the last answer");
        assert!(still.follow_up_due(at(20, 14, 35)));
        let passed = answered(urge, Outcome::Passed, at(20, 14, 20));
        assert!(!passed.is_open() && !passed.follow_up_due(at(20, 18, 0)));
    }

    #[test]
    fn only_an_ended_urge_has_a_length() {
        let urge = Urge::new(at(20, 14, 0), 7, "", "");
        assert_eq!(urge.lasted(), None);
        assert_eq!(answered(urge.clone(), Outcome::StillThere, at(20, 14, 20)).lasted(), None);
        assert_eq!(answered(urge, Outcome::Passed, at(20, 14, 25)).lasted(), Some(TimeDelta::minutes(25)));
    }

    #[test]
    fn days_count_how_urges_ended_and_how_long_they_typically_lasted() {
        let urges = vec![
            answered(Urge::new(at(20, 9, 0), 4, "", ""), Outcome::Passed, at(20, 9, 10)),
            answered(Urge::new(at(20, 14, 0), 8, "", ""), Outcome::Used, at(20, 15, 0)),
            Urge::new(at(20, 20, 0), 6, "", ""),
            answered(Urge::new(at(18, 9, 0), 3, "", ""), Outcome::Passed, at(18, 9, 30)),
        ];
        let days = by_day(&urges);
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].date, at(20, 0, 0).date(), "newest first");
        assert_eq!((days[0].count, days[0].passed, days[0].used, days[0].open), (3, 1, 1, 1));
        assert_eq!((days[0].strongest, days[0].typical_minutes), (8, Some(60)));
        assert_eq!((days[1].count, days[1].typical_minutes), (1, Some(30)));
    }

    #[test]
    fn bad_values_are_refused() {
        assert_eq!(Urge::new(at(20, 9, 0), 11, "", "").validate(), Err(Invalid::Intensity(11)));
        let mut urge = Urge::new(at(20, 9, 0), 5, "", "");
        urge.answered_at = Some(at(20, 8, 0));
        assert_eq!(urge.validate(), Err(Invalid::AnsweredBefore));
        assert_eq!(Urge::new(at(20, 9, 0), 5, &"x".repeat(81), "").validate(), Err(Invalid::Trigger));
        assert!(Urge::new(at(20, 9, 0), 0, "stress", "ok").validate().is_ok());
    }
}

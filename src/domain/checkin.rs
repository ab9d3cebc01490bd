//! One day's check-in: the record a person makes once a day, as the store keeps it and as the
//! export writes it. Validation lives here so the form, the command line and the import all
//! refuse the same things.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

pub const MOOD_MIN: u8 = 1;
pub const MOOD_MAX: u8 = 5;
/// Craving and stress share the 0-10 scale people know from pain scales.
pub const SCALE_MAX: u8 = 10;
/// Sleep is counted in half hours, so 7.5 hours is exact and a day holds at most 48.
pub const SLEEP_HALF_HOURS_MAX: u8 = 48;
pub const SLEEP_QUALITY_MAX: u8 = 5;
/// Long enough for a diary page, short enough that one record can never fill a disk.
pub const NOTE_MAX_CHARS: usize = 20_000;
/// Free entries (a trigger or substance of one's own) are labels, not prose.
pub const LABEL_MAX_CHARS: usize = 80;

/// The HALT check: hungry, angry, lonely, tired. Stored as four bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

impl Halt {
    pub fn bits(self) -> u8 {
        u8::from(self.hungry)
            | u8::from(self.angry) << 1
            | u8::from(self.lonely) << 2
            | u8::from(self.tired) << 3
    }

    pub fn from_bits(bits: u8) -> Self {
        Self { hungry: bits & 1 != 0, angry: bits & 2 != 0, lonely: bits & 4 != 0, tired: bits & 8 != 0 }
    }

    pub fn any(self) -> bool {
        self.bits() != 0
    }
}

/// A day when the person used. Both fields are optional detail; empty means not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slip {
    #[serde(default)]
    pub substance: String,
    #[serde(default)]
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The user's local calendar date; one check-in per date.
    pub date: NaiveDate,
    /// 1 (very hard) to 5 (very good).
    pub mood: u8,
    /// 0 to 10; `None` when not answered, which is not the same as no craving (0): it is left
    /// out of averages and charts. The export writes it as `null`; older exports always had a
    /// number.
    #[serde(default)]
    pub craving: Option<u8>,
    /// 0 to 10; `None` when not answered, as for craving.
    #[serde(default)]
    pub stress: Option<u8>,
    #[serde(default)]
    pub sleep_half_hours: Option<u8>,
    /// 1 (poor) to 5 (very good).
    #[serde(default)]
    pub sleep_quality: Option<u8>,
    #[serde(default)]
    pub slip: Option<Slip>,
    /// Trigger ids from content, or the user's own words.
    #[serde(default)]
    pub triggers: Vec<String>,
    #[serde(default)]
    pub halt: Halt,
    /// Technique ids from content, or the user's own words.
    #[serde(default)]
    pub helped: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// The last change, in UTC (local time runs an hour twice in autumn); an import keeps the
    /// newer of two versions of a day.
    pub updated_at: NaiveDateTime,
}

/// Why a check-in was refused, in terms a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("mood must be 1 to 5, not {0}")]
    Mood(u8),
    #[error("craving must be 0 to 10, not {0}")]
    Craving(u8),
    #[error("stress must be 0 to 10, not {0}")]
    Stress(u8),
    #[error("sleep must be 0 to 24 hours in half-hour steps")]
    Sleep,
    #[error("sleep quality must be 1 to 5, not {0}")]
    SleepQuality(u8),
    #[error("the note is longer than {NOTE_MAX_CHARS} characters")]
    NoteTooLong,
    #[error("the date {0} is outside the years 1000 to 9999")]
    Date(NaiveDate),
    #[error("\"{0}\" is empty or longer than {LABEL_MAX_CHARS} characters")]
    Label(String),
}

impl CheckIn {
    /// A neutral day: the defaults the form opens with, so a regular day takes few keys.
    pub fn blank(date: NaiveDate, now: NaiveDateTime) -> Self {
        Self {
            date,
            mood: 3,
            craving: None,
            stress: None,
            sleep_half_hours: None,
            sleep_quality: None,
            slip: None,
            triggers: Vec::new(),
            halt: Halt::default(),
            helped: Vec::new(),
            note: String::new(),
            updated_at: now,
        }
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        if !(1000..=9999).contains(&self.date.year()) {
            return Err(Invalid::Date(self.date));
        }
        if !(MOOD_MIN..=MOOD_MAX).contains(&self.mood) {
            return Err(Invalid::Mood(self.mood));
        }
        if let Some(c) = self.craving.filter(|c| *c > SCALE_MAX) {
            return Err(Invalid::Craving(c));
        }
        if let Some(s) = self.stress.filter(|s| *s > SCALE_MAX) {
            return Err(Invalid::Stress(s));
        }
        if self.sleep_half_hours.is_some_and(|h| h > SLEEP_HALF_HOURS_MAX) {
            return Err(Invalid::Sleep);
        }
        if let Some(q) = self.sleep_quality.filter(|q| !(1..=SLEEP_QUALITY_MAX).contains(q)) {
            return Err(Invalid::SleepQuality(q));
        }
        if self.note.chars().count() > NOTE_MAX_CHARS {
            return Err(Invalid::NoteTooLong);
        }
        let slip_fields = self.slip.iter().flat_map(|s| [&s.substance, &s.amount]).filter(|t| !t.is_empty());
        for label in self.triggers.iter().chain(&self.helped).chain(slip_fields) {
            if label.trim().is_empty() || label.chars().count() > LABEL_MAX_CHARS {
                return Err(Invalid::Label(label.clone()));
            }
        }
        Ok(())
    }

    /// Lists without blanks or repeats, in first-seen order, so the store and the form agree.
    pub fn normalised(mut self) -> Self {
        for list in [&mut self.triggers, &mut self.helped] {
            let mut seen = std::collections::HashSet::new();
            list.retain_mut(|label| {
                *label = label.trim().to_owned();
                !label.is_empty() && seen.insert(label.clone())
            });
        }
        // The store keeps whole seconds; trimming here makes a saved check-in read back equal.
        self.updated_at = self.updated_at.with_nanosecond(0).unwrap_or(self.updated_at);
        if let Some(slip) = &mut self.slip {
            slip.substance = slip.substance.trim().to_owned();
            slip.amount = slip.amount.trim().to_owned();
        }
        self
    }

    /// True when the day was hard enough to offer breathing, the plan and the help lines.
    pub fn needs_support(&self) -> bool {
        self.craving.is_some_and(|c| c >= 8) || self.mood == MOOD_MIN
    }

    /// Hours slept as a number, e.g. 7.5.
    pub fn sleep_hours(&self) -> Option<f32> {
        self.sleep_half_hours.map(|h| f32::from(h) / 2.0)
    }

    /// Three-way merge for two windows editing the same day: what this window changed since
    /// `base` (the version it last read or saved) goes onto `theirs` (what is stored now), and
    /// what it did not touch keeps the other window's value. Lists merge by item: what was
    /// ticked here is added, what was unticked here is removed. Where both changed the same
    /// field, this window's value wins, as it is the one being saved.
    pub fn merged(&self, base: &CheckIn, theirs: &CheckIn) -> CheckIn {
        fn pick<T: Clone + PartialEq>(mine: &T, base: &T, theirs: &T) -> T {
            if mine != base { mine.clone() } else { theirs.clone() }
        }
        fn list(mine: &[String], base: &[String], theirs: &[String]) -> Vec<String> {
            let mut out: Vec<String> =
                theirs.iter().filter(|x| !base.contains(x) || mine.contains(x)).cloned().collect();
            for x in mine.iter().filter(|x| !base.contains(x)) {
                if !out.contains(x) {
                    out.push(x.clone());
                }
            }
            out
        }
        CheckIn {
            date: self.date,
            mood: pick(&self.mood, &base.mood, &theirs.mood),
            craving: pick(&self.craving, &base.craving, &theirs.craving),
            stress: pick(&self.stress, &base.stress, &theirs.stress),
            sleep_half_hours: pick(&self.sleep_half_hours, &base.sleep_half_hours, &theirs.sleep_half_hours),
            sleep_quality: pick(&self.sleep_quality, &base.sleep_quality, &theirs.sleep_quality),
            slip: pick(&self.slip, &base.slip, &theirs.slip),
            triggers: list(&self.triggers, &base.triggers, &theirs.triggers),
            // Per bit: changed here, this window's; untouched here, theirs.
            halt: Halt::from_bits(
                self.halt.bits() & !base.halt.bits()
                    | theirs.halt.bits() & !(base.halt.bits() ^ self.halt.bits()),
            ),
            helped: list(&self.helped, &base.helped, &theirs.helped),
            note: pick(&self.note, &base.note, &theirs.note),
            updated_at: self.updated_at,
        }
    }

    /// Whether two versions of a day say the same, ignoring when they were saved.
    pub fn same_content(&self, other: &CheckIn) -> bool {
        CheckIn { updated_at: other.updated_at, ..self.clone() } == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> CheckIn {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        CheckIn::blank(date, date.and_hms_opt(9, 0, 0).unwrap())
    }

    #[test]
    fn halt_bits_round_trip() {
        for bits in 0..16 {
            assert_eq!(Halt::from_bits(bits).bits(), bits);
        }
        assert!(!Halt::default().any());
    }

    #[test]
    fn out_of_range_values_are_refused() {
        assert_eq!(day().validate(), Ok(()));
        assert_eq!(CheckIn { mood: 0, ..day() }.validate(), Err(Invalid::Mood(0)));
        assert_eq!(CheckIn { mood: 6, ..day() }.validate(), Err(Invalid::Mood(6)));
        assert_eq!(CheckIn { craving: Some(11), ..day() }.validate(), Err(Invalid::Craving(11)));
        assert_eq!(CheckIn { stress: Some(11), ..day() }.validate(), Err(Invalid::Stress(11)));
        assert_eq!(CheckIn { sleep_half_hours: Some(49), ..day() }.validate(), Err(Invalid::Sleep));
        assert_eq!(CheckIn { sleep_quality: Some(0), ..day() }.validate(), Err(Invalid::SleepQuality(0)));
        let blank_label = CheckIn { triggers: vec![" ".into()], ..day() };
        assert!(matches!(blank_label.validate(), Err(Invalid::Label(_))));
        let long_note = CheckIn { note: "æ".repeat(NOTE_MAX_CHARS + 1), ..day() };
        assert_eq!(long_note.validate(), Err(Invalid::NoteTooLong));
    }

    #[test]
    fn normalising_trims_and_drops_repeats() {
        let c =
            CheckIn { triggers: vec![" stress".into(), "stress".into(), "".into(), "Mas".into()], ..day() };
        assert_eq!(c.normalised().triggers, vec!["stress", "Mas"]);
    }

    #[test]
    fn two_windows_keep_each_others_changes() {
        let base = CheckIn { triggers: vec!["stress".into(), "people".into()], ..day() };
        // This window raised craving, ticked boredom, unticked people and ticked "tired".
        let mut mine = base.clone();
        mine.craving = Some(6);
        mine.triggers = vec!["stress".into(), "boredom".into()];
        mine.halt.tired = true;
        // The other window meanwhile changed mood, wrote a note, ticked "places" and "hungry".
        let mut theirs = base.clone();
        theirs.mood = 4;
        theirs.note = "fra det andre vinduet".into();
        theirs.triggers.push("places".into());
        theirs.halt.hungry = true;
        let merged = mine.merged(&base, &theirs);
        assert_eq!((merged.mood, merged.craving), (4, Some(6)));
        assert_eq!(merged.note, "fra det andre vinduet");
        assert_eq!(merged.triggers, ["stress", "places", "boredom"]);
        assert!(merged.halt.tired && merged.halt.hungry && !merged.halt.angry);
        // Unticking here what the other window also has unticked stays unticked.
        let mut untick = base.clone();
        untick.halt = Halt { hungry: true, ..Halt::default() };
        let mine = CheckIn { halt: Halt::default(), ..untick.clone() };
        assert!(!mine.merged(&untick, &untick).halt.hungry);
        assert_eq!(base.merged(&base, &theirs), theirs, "no change here: theirs as it is");
    }

    #[test]
    fn support_is_offered_on_hard_days_only() {
        assert!(!day().needs_support());
        assert!(CheckIn { craving: Some(8), ..day() }.needs_support());
        assert!(CheckIn { mood: 1, ..day() }.needs_support());
        assert!(!CheckIn { craving: Some(7), mood: 2, ..day() }.needs_support());
    }
}

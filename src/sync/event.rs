//! What a device writes to the folder: batches of events, one batch per file.
//!
//! An event is one record's new version (`put`) or its deletion, with a UUID v7, the device and
//! the time it was sent. Records are the export's own types, so sync and `mestring import`
//! read the same shapes and merge them with the same rules ([`crate::store::exchange::merge`]).
//! A table added later travels by adding a [`Record`] variant, its triggers in a new migration
//! that also logs the rows already there (as `src/store/sync_retention.sql` does) and its line
//! in `outbox.rs` and `inbox.rs`.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::checkin::CheckIn;
use crate::domain::practice::PracticeRecord;
use crate::domain::quiz::RoundRecord;
use crate::store::exchange::{self, Export};
use crate::store::goals::GoalRecord;
use crate::store::habits::HabitRecord;
use crate::store::plan::PlanRecord;
use crate::store::practice::PatternExport;
use crate::store::progress::{PhaseMark, StoredCard};
use crate::store::review::WeekNoteRecord;
use crate::store::savings::SavingRecord;
use crate::store::sober::CounterRecord;
use crate::store::urges::UrgeRecord;

/// Names the plaintext of an event file, so any other content is refused by name.
pub const FORMAT: &str = "mestring-sync";
/// 2: every record's version is UTC (1 had it for check-ins, urges, week lines and savings
/// only). A device that reads 1 refuses a file of 2 by name, rather than take its UTC for local
/// time, and reads it once updated; files of 1 are still read here, their other versions as
/// local time (see `inbox`).
pub const VERSION: u32 = 2;
/// The oldest version still read.
pub const OLDEST: u32 = 1;

/// One file's content. `device` and `file` repeat what the file's path says: a file moved to
/// another device's folder or under another number no longer matches, and is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub file: u64,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// UUID v7: unique, and ordered by the time it was made.
    pub id: String,
    pub device: String,
    pub at: DateTime<Utc>,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Put(Record),
    Delete(Deletion),
}

/// A record that is gone, and the version it had: a copy that is not newer than that is gone
/// too, a newer one (changed on another device meanwhile) stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletion {
    pub kind: String,
    pub key: String,
    pub version: String,
}

/// One record, in the form the export has it. The names match the triggers' kinds.
///
/// Externally tagged (`{"checkin": {...}}`), and read and written the way the export is (from
/// a `serde_json::Value`, pretty-printed), so the records' serde code is the export's, not a
/// second copy of it in the binary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    Checkin(CheckIn),
    Goal(GoalRecord),
    Habit(HabitRecord),
    Counter(CounterRecord),
    Plan(PlanRecord),
    Pattern(PatternExport),
    /// The export carries favourites without a time; sync carries it, so that taking a
    /// favourite back on one device also takes it back on the others.
    Favourite {
        technique: String,
        added_at: NaiveDateTime,
    },
    QuizCard(StoredCard),
    QuizRound(RoundRecord),
    Phase(PhaseMark),
    Practice(PracticeRecord),
    Urge(UrgeRecord),
    WeekNote(WeekNoteRecord),
    /// A counter's saving, by the counter's uid.
    Saving(SavingRecord),
}

impl Record {
    /// The kind and key the triggers log this record under (see `sync_schema.sql`).
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Checkin(_) => "checkin",
            Record::Goal(_) => "goal",
            Record::Habit(_) => "habit",
            Record::Counter(_) => "counter",
            Record::Plan(_) => "plan",
            Record::Pattern(_) => "pattern",
            Record::Favourite { .. } => "favourite",
            Record::QuizCard(_) => "quiz_card",
            Record::QuizRound(_) => "quiz_round",
            Record::Phase(_) => "phase",
            Record::Practice(_) => "practice",
            Record::Urge(_) => "urge",
            Record::WeekNote(_) => "week_note",
            Record::Saving(_) => "saving",
        }
    }

    pub fn key(&self) -> String {
        match self {
            Record::Checkin(c) => c.date.format("%Y-%m-%d").to_string(),
            Record::Goal(g) => g.uid.clone(),
            Record::Habit(h) => h.uid.clone(),
            Record::Counter(c) => c.uid.clone(),
            Record::Plan(p) => p.uid.clone(),
            Record::Pattern(p) => p.name.clone(),
            Record::Favourite { technique, .. } => technique.clone(),
            Record::QuizCard(c) => c.card.id.clone(),
            Record::QuizRound(r) => r.finished_at.format("%Y-%m-%dT%H:%M:%S%.3f").to_string(),
            Record::Phase(_) => "phase".to_owned(),
            Record::Practice(p) => p.started_at.format("%Y-%m-%dT%H:%M:%S%.3f").to_string(),
            Record::Urge(u) => u.uid.clone(),
            Record::WeekNote(w) => w.week.clone(),
            Record::Saving(s) => s.counter_uid.clone(),
        }
    }

    /// The version a deletion is compared with; `None` for kinds that are never deleted.
    pub fn version(&self) -> Option<NaiveDateTime> {
        match self {
            Record::Checkin(c) => Some(c.updated_at),
            Record::Goal(g) => Some(g.updated_at),
            Record::Habit(h) => Some(h.updated_at),
            Record::Counter(c) => Some(c.updated_at),
            Record::Plan(p) => Some(p.updated_at),
            Record::Pattern(p) => Some(p.updated_at),
            Record::Favourite { added_at, .. } => Some(*added_at),
            Record::Urge(u) => Some(u.updated_at),
            Record::WeekNote(w) => Some(w.updated_at),
            Record::Saving(s) => Some(s.updated_at),
            Record::QuizCard(_) | Record::QuizRound(_) | Record::Phase(_) | Record::Practice(_) => None,
        }
    }
}

impl Record {
    /// The same record as a newer version of itself (see `sync_change.replaced`).
    pub fn set_version(&mut self, at: NaiveDateTime) {
        match self {
            Record::Checkin(c) => c.updated_at = at,
            Record::Goal(g) => g.updated_at = at,
            Record::Habit(h) => h.updated_at = at,
            Record::Counter(c) => c.updated_at = at,
            Record::Plan(p) => p.updated_at = at,
            Record::Pattern(p) => p.updated_at = at,
            Record::Urge(u) => u.updated_at = at,
            Record::WeekNote(w) => w.updated_at = at,
            Record::Saving(s) => s.updated_at = at,
            Record::Favourite { .. }
            | Record::QuizCard(_)
            | Record::QuizRound(_)
            | Record::Phase(_)
            | Record::Practice(_) => {}
        }
    }
}

/// Every record of a whole export, for the first file a device writes to a folder.
pub fn records_of(export: Export) -> Vec<Record> {
    let Export {
        checkins,
        progress,
        goals,
        habits,
        counters,
        plan,
        practice,
        patterns,
        urges,
        week_notes,
        savings,
        ..
    } = export;
    let mut records: Vec<Record> = checkins.into_iter().map(Record::Checkin).collect();
    records.extend(progress.quiz_cards.into_iter().map(Record::QuizCard));
    records.extend(progress.quiz_rounds.into_iter().map(Record::QuizRound));
    records.extend(progress.phase.map(Record::Phase));
    records.extend(goals.into_iter().map(Record::Goal));
    records.extend(habits.into_iter().map(Record::Habit));
    records.extend(counters.into_iter().map(Record::Counter));
    records.extend(plan.into_iter().map(Record::Plan));
    records.extend(practice.into_iter().map(Record::Practice));
    records.extend(patterns.into_iter().map(Record::Pattern));
    records.extend(urges.into_iter().map(Record::Urge));
    records.extend(week_notes.into_iter().map(Record::WeekNote));
    records.extend(savings.into_iter().map(Record::Saving));
    records
}

/// The records that the import merges, as an export (favourites are merged by `inbox`).
pub fn export_of(records: Vec<Record>, now: NaiveDateTime) -> Export {
    let mut export = Export {
        format: exchange::FORMAT.to_owned(),
        version: exchange::VERSION,
        exported_at: now,
        checkins: Vec::new(),
        progress: Default::default(),
        goals: Vec::new(),
        habits: Vec::new(),
        counters: Vec::new(),
        plan: Vec::new(),
        practice: Vec::new(),
        patterns: Vec::new(),
        urges: Vec::new(),
        week_notes: Vec::new(),
        savings: Vec::new(),
    };
    for record in records {
        match record {
            Record::Checkin(c) => export.checkins.push(c),
            Record::Goal(g) => export.goals.push(g),
            Record::Habit(h) => export.habits.push(h),
            Record::Counter(c) => export.counters.push(c),
            Record::Plan(p) => export.plan.push(p),
            Record::Pattern(p) => export.patterns.push(p),
            Record::QuizCard(c) => export.progress.quiz_cards.push(c),
            Record::QuizRound(r) => export.progress.quiz_rounds.push(r),
            // Two marks in one batch cannot happen (one per key); the newer is kept anyway.
            Record::Phase(p) => {
                if export.progress.phase.as_ref().is_none_or(|old| p.updated_at > old.updated_at) {
                    export.progress.phase = Some(p);
                }
            }
            Record::Practice(p) => export.practice.push(p),
            Record::Urge(u) => export.urges.push(u),
            Record::WeekNote(w) => export.week_notes.push(w),
            Record::Saving(s) => export.savings.push(s),
            Record::Favourite { .. } => {}
        }
    }
    export
}

impl Batch {
    pub fn to_json(&self) -> Vec<u8> {
        // The pretty printer (the export's, so its code is shared) without indentation: one
        // field a line, hardly larger than compact JSON.
        let mut out = Vec::new();
        let indent = serde_json::ser::PrettyFormatter::with_indent(b"");
        // Serialising plain data into memory cannot fail.
        let _ = self.serialize(&mut serde_json::Serializer::with_formatter(&mut out, indent));
        out
    }

    pub fn from_json(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_value(serde_json::from_slice(bytes)?)
    }
}

/// Reads a version as the store wrote it (with or without fractions of a second).
pub fn parse_version(text: &str) -> Option<NaiveDateTime> {
    text.parse().ok().or_else(|| DateTime::parse_from_rfc3339(text).ok().map(|t| t.naive_utc()))
}

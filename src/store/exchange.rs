//! The complete, re-importable JSON form of the user's data, and the merge that reads it back.
//! Importing the same file twice changes nothing: a day is added when missing, replaced only by a
//! newer version of itself, and left alone otherwise.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::checkins::{read_one, upsert};
use super::goals::GoalRecord;
use super::habits::HabitRecord;
use super::plan::PlanRecord;
use super::practice::{self, PatternExport, PracticeImport};
use super::progress::{self, ProgressExport};
use super::review::WeekNoteRecord;
use super::savings::SavingRecord;
use super::sober::CounterRecord;
use super::urges::UrgeRecord;
use super::{Result, Store, StoreError};
use crate::domain::checkin::{CheckIn, Invalid};
use crate::domain::practice::PracticeRecord;

/// Names the file kind, so a random JSON file is refused with a clear message.
pub const FORMAT: &str = "mestring-export";
/// 2: a check-in's `updated_at` is UTC. Version 1 files, whose times are local, still import.
/// 3: a check-in's craving or stress may be `null`, not answered; version 2 files still import.
/// 4: with cravings, week lines and savings; a version that reads 3 refuses it rather than leave
/// them out without a word.
/// 5: every record's last change is UTC (goals, habits and their marks, counters and their slips,
/// the plan, own patterns, quiz boxes, the phase mark); version 2-4 files, whose times for these
/// are local, still import.
pub const VERSION: u32 = 5;

/// The first version whose records other than check-ins (and 4's urges, week lines and savings)
/// carry UTC.
const ALL_UTC: u64 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub exported_at: NaiveDateTime,
    pub checkins: Vec<CheckIn>,
    /// Favourites, quiz boxes and rounds, the marked phase. Absent in exports made before the
    /// knowledge screens kept anything; those import as they always did.
    #[serde(default)]
    pub progress: ProgressExport,
    /// Goals, habits, counters and the plan are state, not days: exported whole, whatever
    /// the dates asked for. Absent in exports made before they existed.
    #[serde(default)]
    pub goals: Vec<GoalRecord>,
    #[serde(default)]
    pub habits: Vec<HabitRecord>,
    #[serde(default)]
    pub counters: Vec<CounterRecord>,
    #[serde(default)]
    pub plan: Vec<PlanRecord>,
    /// Breathing and mindfulness sessions. Absent in exports made before they were kept.
    #[serde(default)]
    pub practice: Vec<PracticeRecord>,
    /// The person's own breathing patterns (always all of them: they have no date).
    #[serde(default)]
    pub patterns: Vec<PatternExport>,
    /// Urges and how they ended, "what I take into next week" per week, and what a day cost on
    /// each counter. Absent in exports made before they were kept.
    #[serde(default)]
    pub urges: Vec<UrgeRecord>,
    #[serde(default)]
    pub week_notes: Vec<WeekNoteRecord>,
    #[serde(default)]
    pub savings: Vec<SavingRecord>,
}

/// What an import did, day by day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    /// Identical, or older than what the store has.
    pub unchanged: usize,
    /// Favourites, quiz cards and rounds, and the phase mark added or replaced.
    pub progress: usize,
    /// Goals, habits and their marks, counters and their slips, and plan entries added or
    /// replaced.
    pub personal: usize,
    pub practice: PracticeImport,
    /// Urges, week notes and counters' savings added or replaced.
    pub retention: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("this is not a mestring export (expected \"format\": \"{FORMAT}\")")]
    NotAnExport,
    #[error("this export is version {0}; this mestring reads version {VERSION}")]
    Version(u32),
    #[error("not valid JSON for a mestring export: {0}")]
    Json(#[from] serde_json::Error),
    #[error("check-in {date}: {problem}")]
    Invalid { date: NaiveDate, problem: Invalid },
    #[error("{0}")]
    InvalidProgress(String),
    #[error("{0}")]
    InvalidRecord(String),
    #[error("{0}")]
    Practice(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Everything between two dates (both included; `None` = no limit), ready to write as JSON.
    pub fn export(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        now: NaiveDateTime,
    ) -> Result<Export> {
        let from = from.unwrap_or(NaiveDate::MIN);
        let to = to.unwrap_or(NaiveDate::MAX);
        let (from, to) = (from.max(first_storable()), to.min(last_storable()));
        Ok(Export {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: now,
            checkins: self.checkins_between(from, to)?,
            // Not by date: the boxes and the marks are state, and a partial copy would mislead.
            progress: self.export_progress()?,
            goals: super::goals::export(self.conn()).map_err(|e| self.sql_error(e))?,
            habits: super::habits::export(self.conn()).map_err(|e| self.sql_error(e))?,
            counters: super::sober::export(self.conn()).map_err(|e| self.sql_error(e))?,
            plan: super::plan::export(self.conn()).map_err(|e| self.sql_error(e))?,
            practice: self.practice_between(from, to)?,
            patterns: self.patterns_for_export()?,
            urges: super::urges::export(self.conn()).map_err(|e| self.sql_error(e))?,
            week_notes: super::review::export(self.conn()).map_err(|e| self.sql_error(e))?,
            savings: super::savings::export(self.conn()).map_err(|e| self.sql_error(e))?,
        })
    }

    /// Merges an export in one transaction: all of it, or (on any invalid day) none of it.
    pub fn import_json(&mut self, json: &str) -> Result<ImportSummary, ImportError> {
        let export = check(parse(json)?)?;
        Ok(self.write(|tx| merge(tx, &export))?)
    }

    /// The records that are state, not days (goals, habits, counters, plan, progress, own
    /// patterns, week lines, savings), without reading the history: what sync reads to send a
    /// changed goal.
    pub fn export_state(&self, now: NaiveDateTime) -> Result<Export> {
        Ok(Export {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: now,
            checkins: Vec::new(),
            progress: self.export_progress()?,
            goals: super::goals::export(self.conn()).map_err(|e| self.sql_error(e))?,
            habits: super::habits::export(self.conn()).map_err(|e| self.sql_error(e))?,
            counters: super::sober::export(self.conn()).map_err(|e| self.sql_error(e))?,
            plan: super::plan::export(self.conn()).map_err(|e| self.sql_error(e))?,
            practice: Vec::new(),
            patterns: self.patterns_for_export()?,
            // A history that grows, like the check-ins: sync reads a changed urge by its uid.
            urges: Vec::new(),
            week_notes: super::review::export(self.conn()).map_err(|e| self.sql_error(e))?,
            savings: super::savings::export(self.conn()).map_err(|e| self.sql_error(e))?,
        })
    }
}

/// Normalises and validates every record of an export before anything is written; sync uses it
/// too, so another device's events meet the same rules as an imported file.
pub fn check(mut export: Export) -> Result<Export, ImportError> {
    let mut checkins = Vec::with_capacity(export.checkins.len());
    for checkin in std::mem::take(&mut export.checkins) {
        let checkin = checkin.normalised();
        checkin.validate().map_err(|problem| ImportError::Invalid { date: checkin.date, problem })?;
        checkins.push(checkin);
    }
    export.checkins = checkins;
    progress::validate(&export.progress).map_err(ImportError::InvalidProgress)?;
    validate_personal(&export).map_err(ImportError::InvalidRecord)?;
    practice::validate(&export.practice, &export.patterns).map_err(ImportError::Practice)?;
    validate_retention(&export).map_err(ImportError::InvalidRecord)?;
    Ok(export)
}

/// Merges a [`check`]ed export inside `tx`: a record is added when missing, replaced only by a
/// newer version of itself, and left alone otherwise.
pub fn merge(tx: &rusqlite::Transaction, export: &Export) -> rusqlite::Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    for incoming in &export.checkins {
        match read_one(tx, incoming.date)? {
            None => {
                upsert(tx, incoming)?;
                summary.added += 1;
            }
            Some(current) if !current.same_content(incoming) && incoming.updated_at > current.updated_at => {
                upsert(tx, incoming)?;
                summary.updated += 1;
            }
            Some(_) => summary.unchanged += 1,
        }
    }
    summary.progress = progress::import_progress(tx, &export.progress)?;
    summary.personal = import_personal(tx, export)?;
    summary.practice = practice::import(tx, &export.practice, &export.patterns)?;
    summary.retention = import_retention(tx, export)?;
    Ok(summary)
}

/// Every goal, habit, counter, slip and plan entry checked before anything is written.
fn validate_personal(export: &Export) -> Result<(), String> {
    let uid_ok = |uid: &str| !uid.is_empty() && uid.len() <= 64;
    for g in &export.goals {
        g.goal.validate().map_err(|e| format!("goal \"{}\": {e}", g.goal.title))?;
        if !uid_ok(&g.uid) {
            return Err(format!("goal \"{}\": no uid", g.goal.title));
        }
    }
    for h in &export.habits {
        if !crate::domain::habits::Habit::valid_name(&h.habit.name) || !uid_ok(&h.uid) {
            return Err(format!("habit \"{}\": the name or uid is missing or too long", h.habit.name));
        }
    }
    for c in &export.counters {
        let name = &c.counter.name;
        c.counter.validate(NaiveDate::MAX).map_err(|e| format!("counter \"{name}\": {e}"))?;
        if !uid_ok(&c.uid) {
            return Err(format!("counter \"{name}\": no uid"));
        }
        for slip in &c.slips {
            crate::domain::sober::validate_slip_date(c.counter.start, slip.date, NaiveDate::MAX)
                .and_then(|()| slip.note.validate())
                .map_err(|e| format!("counter \"{name}\", slip {}: {e}", slip.date))?;
        }
    }
    for p in &export.plan {
        p.item.validate(p.section).map_err(|e| format!("plan entry \"{}\": {e}", p.item.text))?;
        if !uid_ok(&p.uid) {
            return Err(format!("plan entry \"{}\": no uid", p.item.text));
        }
    }
    Ok(())
}

fn import_personal(tx: &rusqlite::Transaction, export: &Export) -> rusqlite::Result<usize> {
    let mut changed = 0;
    for g in &export.goals {
        changed += usize::from(super::goals::import(tx, g)?);
    }
    for h in &export.habits {
        changed += super::habits::import(tx, h)?;
    }
    for c in &export.counters {
        changed += super::sober::import(tx, c)?;
    }
    for p in &export.plan {
        changed += usize::from(super::plan::import(tx, p)?);
    }
    Ok(changed)
}

fn validate_retention(export: &Export) -> Result<(), String> {
    super::urges::validate(&export.urges)?;
    super::review::validate(&export.week_notes)?;
    super::savings::validate(&export.savings)
}

/// After the counters, which savings name by uid.
fn import_retention(tx: &rusqlite::Transaction, export: &Export) -> rusqlite::Result<usize> {
    let mut changed = 0;
    for u in &export.urges {
        changed += usize::from(super::urges::import(tx, u)?);
    }
    for w in &export.week_notes {
        changed += usize::from(super::review::import(tx, w)?);
    }
    for s in &export.savings {
        changed += usize::from(super::savings::import(tx, s)?);
    }
    Ok(changed)
}

fn parse(json: &str) -> Result<Export, ImportError> {
    let value: serde_json::Value = serde_json::from_str(json)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    let version = match value.get("version").and_then(|v| v.as_u64()) {
        // 3 may say a check-in's craving or stress was not answered (null); 2 always had a number.
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => v,
        Some(v) => return Err(ImportError::Version(u32::try_from(v).unwrap_or(u32::MAX))),
        None => return Err(ImportError::NotAnExport),
    };
    let mut export: Export = serde_json::from_value(value)?;
    // Read in this system's time zone, as the migrations to UTC read a database.
    if version == 1 {
        for checkin in &mut export.checkins {
            checkin.updated_at = crate::clock::utc_from_local(checkin.updated_at);
        }
    }
    if version < ALL_UTC {
        versions_from_local(&mut export);
    }
    Ok(export)
}

/// The versions of goals, habits, counters, the plan, own patterns, quiz boxes and the phase mark
/// that an earlier version kept as local time, as the same moments in UTC (sync reads its older
/// files with this too). Check-ins and urges, week lines and savings had UTC already.
pub fn versions_from_local(export: &mut Export) {
    use crate::clock::utc_from_local as utc;
    for g in &mut export.goals {
        g.updated_at = utc(g.updated_at);
    }
    for h in &mut export.habits {
        h.updated_at = utc(h.updated_at);
        for m in &mut h.marks {
            m.updated_at = utc(m.updated_at);
        }
    }
    for c in &mut export.counters {
        c.updated_at = utc(c.updated_at);
        for s in &mut c.slips {
            s.updated_at = utc(s.updated_at);
        }
    }
    for p in &mut export.plan {
        p.updated_at = utc(p.updated_at);
    }
    for p in &mut export.patterns {
        p.updated_at = utc(p.updated_at);
    }
    for c in &mut export.progress.quiz_cards {
        c.answered_at = utc(c.answered_at);
    }
    if let Some(mark) = &mut export.progress.phase {
        mark.updated_at = utc(mark.updated_at);
    }
}

fn first_storable() -> NaiveDate {
    NaiveDate::from_ymd_opt(1000, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_storable() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

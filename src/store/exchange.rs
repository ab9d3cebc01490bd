//! The complete, re-importable JSON form of the user's data, and the merge that reads it back.
//! Importing the same file twice changes nothing: a day is added when missing, replaced only by a
//! newer version of itself, and left alone otherwise.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::checkins::{read_one, upsert};
use super::progress::{self, ProgressExport};
use super::{Result, Store, StoreError};
use crate::domain::checkin::{CheckIn, Invalid};

/// Names the file kind, so a random JSON file is refused with a clear message.
pub const FORMAT: &str = "mestring-export";
pub const VERSION: u32 = 1;

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
        })
    }

    /// Merges an export in one transaction: all of it, or (on any invalid day) none of it.
    pub fn import_json(&mut self, json: &str) -> Result<ImportSummary, ImportError> {
        let export = parse(json)?;
        let mut checkins = Vec::with_capacity(export.checkins.len());
        for checkin in export.checkins {
            let checkin = checkin.normalised();
            checkin.validate().map_err(|problem| ImportError::Invalid { date: checkin.date, problem })?;
            checkins.push(checkin);
        }
        progress::validate(&export.progress).map_err(ImportError::InvalidProgress)?;
        let summary = self.write(|tx| {
            let mut summary = ImportSummary::default();
            for incoming in &checkins {
                match read_one(tx, incoming.date)? {
                    None => {
                        upsert(tx, incoming)?;
                        summary.added += 1;
                    }
                    Some(current)
                        if !current.same_content(incoming) && incoming.updated_at > current.updated_at =>
                    {
                        upsert(tx, incoming)?;
                        summary.updated += 1;
                    }
                    Some(_) => summary.unchanged += 1,
                }
            }
            summary.progress = progress::import_progress(tx, &export.progress)?;
            Ok(summary)
        })?;
        Ok(summary)
    }
}

fn parse(json: &str) -> Result<Export, ImportError> {
    let value: serde_json::Value = serde_json::from_str(json)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(ImportError::Version(u32::try_from(v).unwrap_or(u32::MAX))),
        None => return Err(ImportError::NotAnExport),
    }
    Ok(serde_json::from_value(value)?)
}

fn first_storable() -> NaiveDate {
    NaiveDate::from_ymd_opt(1000, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_storable() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

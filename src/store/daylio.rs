//! Days from another diary (Daylio) merged in as check-ins. Unlike a mestring export, such a
//! day never replaces one made here: the other app knows nothing of craving or stress, so a day
//! already in mestring is left as it is, and importing the same file twice changes nothing.

use super::checkins::{read_one, upsert};
use super::{Result, Store};
use crate::domain::checkin::CheckIn;

/// What a diary import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiaryImport {
    pub added: usize,
    /// Days mestring already had (from an earlier import of the same file, or made here).
    pub already_here: usize,
}

impl Store {
    /// Adds the days that are not here yet, all in one transaction. Every day is checked first:
    /// one invalid day and nothing is written.
    pub fn import_diary_days(&mut self, days: &[CheckIn]) -> Result<DiaryImport> {
        for day in days {
            day.validate().map_err(|e| super::StoreError::Record(format!("{}: {e}", day.date)))?;
        }
        self.write(|tx| {
            let mut summary = DiaryImport::default();
            for day in days {
                if read_one(tx, day.date)?.is_some() {
                    summary.already_here += 1;
                } else {
                    upsert(tx, day)?;
                    summary.added += 1;
                }
            }
            Ok(summary)
        })
    }
}

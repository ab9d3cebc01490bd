//! What a day of using cost, per sober counter (see `domain::savings`). A row of its own beside
//! the counter, so a counter without one is exactly as before.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::versions::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::clock::Moment;
use crate::domain::savings::Saving;

/// A counter's saving in the JSON export, by the counter's uid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavingRecord {
    pub counter_uid: String,
    /// UTC.
    pub updated_at: NaiveDateTime,
    #[serde(flatten)]
    pub saving: Saving,
}

fn from_row(row: &Row, first: usize) -> rusqlite::Result<Saving> {
    Ok(Saving { cost_cents: row.get(first)?, minutes: row.get(first + 1)?, save_for: row.get(first + 2)? })
}

impl Store {
    pub fn saving(&self, counter_id: i64) -> Result<Option<Saving>> {
        self.conn()
            .prepare_cached("SELECT cost_cents, minutes, save_for FROM counter_saving WHERE counter_id = ?1")
            .and_then(|mut s| s.query_row([counter_id], |r| from_row(r, 0)).optional())
            .map_err(|e| self.sql_error(e))
    }

    /// Keeps the counter's saving; an empty one removes it.
    pub fn save_saving(&mut self, counter_id: i64, saving: &Saving, at: Moment) -> Result<()> {
        saving.validate().map_err(|e| StoreError::Record(e.to_string()))?;
        self.write(|tx| {
            if saving.is_empty() {
                tx.prepare_cached("DELETE FROM counter_saving WHERE counter_id = ?1")?
                    .execute([counter_id])?;
                return Ok(());
            }
            upsert(tx, counter_id, saving, at.utc)
        })
    }
}

fn upsert(tx: &Transaction, counter_id: i64, s: &Saving, changed_at: NaiveDateTime) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO counter_saving (counter_id, cost_cents, minutes, save_for, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(counter_id) DO UPDATE SET cost_cents = excluded.cost_cents, minutes = excluded.minutes,
             save_for = excluded.save_for, updated_at = excluded.updated_at",
    )?
    .execute(params![counter_id, s.cost_cents, s.minutes, s.save_for.trim(), utc(changed_at)])?;
    Ok(())
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<SavingRecord>> {
    conn.prepare_cached(
        "SELECT c.uid, s.updated_at, s.cost_cents, s.minutes, s.save_for
         FROM counter_saving s JOIN counter c ON c.id = s.counter_id ORDER BY c.created_at, c.id",
    )?
    .query_map([], |r| {
        Ok(SavingRecord { counter_uid: r.get(0)?, updated_at: utc_at(r, 1)?, saving: from_row(r, 2)? })
    })?
    .collect()
}

pub(super) fn validate(records: &[SavingRecord]) -> std::result::Result<(), String> {
    for r in records {
        r.saving.validate().map_err(|e| format!("saving of counter {}: {e}", r.counter_uid))?;
    }
    Ok(())
}

/// Merges one saving onto the counter with its uid (imported before it, or already here); a
/// saving whose counter is nowhere is left out. True if it changed something.
pub(super) fn import(tx: &Transaction, record: &SavingRecord) -> rusqlite::Result<bool> {
    let Some(counter_id) = tx
        .prepare_cached("SELECT id FROM counter WHERE uid = ?1")?
        .query_row([&record.counter_uid], |r| r.get::<_, i64>(0))
        .optional()?
    else {
        return Ok(false);
    };
    let current = tx
        .prepare_cached(
            "SELECT cost_cents, minutes, save_for, updated_at FROM counter_saving WHERE counter_id = ?1",
        )?
        .query_row([counter_id], |r| Ok((from_row(r, 0)?, utc_at(r, 3)?)))
        .optional()?;
    let replace = match current {
        None => true,
        Some((saving, updated_at)) => saving != record.saving && record.updated_at > updated_at,
    };
    if replace {
        upsert(tx, counter_id, &record.saving, record.updated_at)?;
    }
    Ok(replace)
}

//! Urges logged as they happen, and how they ended. One row per urge; answering it updates
//! that row. `at` and `answered_at` are local wall-clock times (the day an urge belongs to);
//! `updated_at` is UTC, so of two versions the later change wins an import.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::{TIME_FORMAT, time_at};
use super::goals::time;
use super::versions::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::clock::Moment;
use crate::domain::urges::{self, Outcome, Urge};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredUrge {
    pub id: i64,
    pub urge: Urge,
}

/// An urge in the JSON export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgeRecord {
    pub uid: String,
    /// UTC.
    pub updated_at: NaiveDateTime,
    #[serde(flatten)]
    pub urge: Urge,
}

const COLUMNS: &str = "id, at, intensity, trigger_label, note, outcome, intensity_after, answered_at";

fn from_row(row: &Row) -> rusqlite::Result<StoredUrge> {
    let outcome: Option<String> = row.get(5)?;
    let answered: Option<String> = row.get(7)?;
    Ok(StoredUrge {
        id: row.get(0)?,
        urge: Urge {
            at: time_at(row, 1)?,
            intensity: row.get(2)?,
            trigger: row.get(3)?,
            note: row.get(4)?,
            outcome: outcome.as_deref().and_then(Outcome::from_code),
            intensity_after: row.get(6)?,
            answered_at: answered.and_then(|t| NaiveDateTime::parse_from_str(&t, TIME_FORMAT).ok()),
        },
    })
}

fn invalid(e: urges::Invalid) -> StoreError {
    StoreError::Record(e.to_string())
}

impl Store {
    /// Logs an urge; returns its id.
    pub fn log_urge(&mut self, urge: &Urge, at: Moment) -> Result<i64> {
        urge.validate().map_err(invalid)?;
        self.write(|tx| insert(tx, None, urge, at.utc))
    }

    /// Records how the urge went: the answer and the intensity now.
    pub fn answer_urge(
        &mut self,
        id: i64,
        outcome: Outcome,
        intensity_after: Option<u8>,
        at: Moment,
    ) -> Result<()> {
        if let Some(value) = intensity_after.filter(|v| *v > crate::domain::checkin::SCALE_MAX) {
            return Err(invalid(urges::Invalid::Intensity(value)));
        }
        self.write(|tx| {
            tx.prepare_cached(
                "UPDATE urge SET outcome = ?2, intensity_after = ?3, answered_at = max(at, ?4), updated_at = ?5
                 WHERE id = ?1",
            )?
            .execute(params![id, outcome.code(), intensity_after, time(at.local), utc(at.utc)])?;
            Ok(())
        })
    }

    /// The newest urge not yet over, logged within the last day: the one `urge --outcome`
    /// answers and the app asks about.
    pub fn newest_open_urge(&self, now: NaiveDateTime) -> Result<Option<StoredUrge>> {
        let since = now - urges::FOLLOW_UP_WITHIN;
        let read = || {
            self.conn()
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM urge WHERE at >= ?1 AND at <= ?2
                       AND (outcome IS NULL OR outcome = 'still-there')
                     ORDER BY at DESC, id DESC LIMIT 1"
                ))?
                .query_row(params![time(since), time(now)], from_row)
                .optional()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// The urge the app should ask about now, if any (see `Urge::follow_up_due`).
    pub fn urge_to_follow_up(&self, now: NaiveDateTime) -> Result<Option<StoredUrge>> {
        Ok(self.newest_open_urge(now)?.filter(|u| u.urge.follow_up_due(now)))
    }

    /// One urge as the export has it: what sync sends when it changed.
    pub fn urge_record(&self, uid: &str) -> Result<Option<UrgeRecord>> {
        let found = records(self.conn(), "uid = ?1", uid).map_err(|e| self.sql_error(e))?;
        Ok(found.into_iter().next())
    }

    /// Urges logged on the days `from` to `to` (both included), oldest first.
    pub fn urges_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Urge>> {
        let end = to.and_hms_opt(0, 0, 0).map(|t| t + TimeDelta::days(1));
        let read = || -> rusqlite::Result<Vec<Urge>> {
            self.conn()
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM urge WHERE at >= ?1 AND at < ?2 ORDER BY at, id"
                ))?
                .query_map(
                    params![from.format("%Y-%m-%d").to_string(), end.map(time).unwrap_or_default()],
                    |r| from_row(r).map(|s| s.urge),
                )?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }
}

fn insert(
    tx: &Transaction,
    uid: Option<&str>,
    urge: &Urge,
    changed_at: NaiveDateTime,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO urge (uid, at, intensity, trigger_label, note, outcome, intensity_after, answered_at, updated_at)
         VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        uid,
        time(urge.at),
        urge.intensity,
        urge.trigger.trim(),
        urge.note.trim(),
        urge.outcome.map(Outcome::code),
        urge.intensity_after,
        urge.answered_at.map(time),
        utc(changed_at),
    ])?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<UrgeRecord>> {
    records(conn, "true", "")
}

/// The urges `filter` (with `?1` bound to `uid`) selects, as the export has them.
fn records(conn: &Connection, filter: &str, uid: &str) -> rusqlite::Result<Vec<UrgeRecord>> {
    let sql = format!("SELECT {COLUMNS}, uid, updated_at FROM urge WHERE {filter} ORDER BY at, id");
    let mut statement = conn.prepare_cached(&sql)?;
    let record =
        |r: &Row| Ok(UrgeRecord { uid: r.get(8)?, updated_at: utc_at(r, 9)?, urge: from_row(r)?.urge });
    match filter.contains("?1") {
        true => statement.query_map([uid], record)?.collect(),
        false => statement.query_map([], record)?.collect(),
    }
}

pub(super) fn validate(records: &[UrgeRecord]) -> std::result::Result<(), String> {
    for r in records {
        r.urge.validate().map_err(|e| format!("urge at {}: {e}", r.urge.at))?;
        if r.uid.is_empty() || r.uid.len() > 64 {
            return Err(format!("urge at {}: no uid", r.urge.at));
        }
    }
    Ok(())
}

/// Merges one urge: added when missing, replaced by a newer, different version; true if changed.
pub(super) fn import(tx: &Transaction, record: &UrgeRecord) -> rusqlite::Result<bool> {
    let current = tx
        .prepare_cached(&format!("SELECT {COLUMNS}, updated_at FROM urge WHERE uid = ?1"))?
        .query_row([&record.uid], |r| Ok((from_row(r)?, utc_at(r, 8)?)))
        .optional()?;
    match current {
        None => {
            insert(tx, Some(&record.uid), &record.urge, record.updated_at)?;
            Ok(true)
        }
        Some((stored, updated_at)) if stored.urge != record.urge && record.updated_at > updated_at => {
            tx.prepare_cached("DELETE FROM urge WHERE id = ?1")?.execute([stored.id])?;
            insert(tx, Some(&record.uid), &record.urge, record.updated_at)?;
            Ok(true)
        }
        Some(_) => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(hour, minute, 0).unwrap()
    }

    #[test]
    fn an_urge_is_logged_asked_about_and_answered() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .log_urge(&Urge::new(at(14, 0), 7, "stress", "after the call"), Moment::in_utc(at(13, 0)))
            .unwrap();
        assert_eq!(store.urge_to_follow_up(at(14, 10)).unwrap(), None, "too soon to ask");
        let due = store.urge_to_follow_up(at(14, 20)).unwrap().expect("asked about");
        assert_eq!((due.id, due.urge.trigger.as_str()), (id, "stress"));
        store
            .answer_urge(id, Outcome::Passed, Some(2), Moment { local: at(14, 25), utc: at(13, 25) })
            .unwrap();
        assert_eq!(store.newest_open_urge(at(14, 30)).unwrap(), None);
        let day = at(0, 0).date();
        let kept = store.urges_between(day, day).unwrap();
        assert_eq!(kept[0].lasted(), Some(TimeDelta::minutes(25)));
        assert_eq!(store.urges_between(day.succ_opt().unwrap(), day.succ_opt().unwrap()).unwrap(), []);
    }

    #[test]
    fn importing_urges_twice_changes_nothing_and_a_newer_answer_wins() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.log_urge(&Urge::new(at(14, 0), 7, "", ""), Moment::in_utc(at(13, 0))).unwrap();
        let exported = export(store.conn()).unwrap();
        let mut other = Store::open_in_memory().unwrap();
        assert_eq!(import_all(&mut other, &exported), 1);
        assert_eq!(import_all(&mut other, &exported), 0, "twice changes nothing");
        store.answer_urge(id, Outcome::Used, Some(3), Moment { local: at(15, 0), utc: at(14, 0) }).unwrap();
        assert_eq!(import_all(&mut other, &export(store.conn()).unwrap()), 1, "the newer answer wins");
        assert_eq!(import_all(&mut store, &exported), 0, "the older version does not");
        assert_eq!(export(other.conn()).unwrap(), export(store.conn()).unwrap());
    }

    fn import_all(store: &mut Store, records: &[UrgeRecord]) -> usize {
        let count = |tx: &Transaction| -> rusqlite::Result<usize> {
            records.iter().map(|r| import(tx, r).map(usize::from)).sum()
        };
        store.write(count).unwrap()
    }
}

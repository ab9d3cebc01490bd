//! Sober counters and their slips. A counter's slip days are its own recorded slips plus, when
//! it follows check-ins, the days a check-in says "used today": the check-in feeds the same
//! record by being read here, so editing that check-in changes the counter at once and the two
//! can never disagree. Both reads use indexes that hold only slip days.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::{date_at, day, time_at};
use super::goals::time;
use super::versions::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::clock::Moment;
use crate::domain::checkin::Slip;
use crate::domain::sober::{self, Counter, Milestone, SlipNote, SoberStats};

/// How many days after a milestone its message is still shown (for days the app was closed).
pub const MILESTONE_SHOWN_DAYS: u32 = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCounter {
    pub id: i64,
    pub counter: Counter,
}

/// One slip day as the counter screen lists it: what was recorded here, what the check-in
/// said, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipEntry {
    pub date: NaiveDate,
    pub note: Option<SlipNote>,
    pub checkin: Option<Slip>,
}

/// A counter with its numbers on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterToday {
    pub id: i64,
    pub counter: Counter,
    pub stats: SoberStats,
    pub next: Option<(Milestone, NaiveDate)>,
    /// A milestone reached in the last few days, for its message.
    pub recent: Option<(Milestone, NaiveDate)>,
    /// What a day of using cost, if the person wrote it down.
    pub saving: Option<crate::domain::savings::Saving>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipRecord {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub note: SlipNote,
    pub updated_at: NaiveDateTime,
}

/// A counter in the JSON export, with the slips recorded on it (check-in slips travel with
/// the check-ins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterRecord {
    pub uid: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[serde(flatten)]
    pub counter: Counter,
    #[serde(default)]
    pub slips: Vec<SlipRecord>,
}

fn counter_from_row(row: &Row) -> rusqlite::Result<StoredCounter> {
    Ok(StoredCounter {
        id: row.get(0)?,
        counter: Counter { name: row.get(1)?, start: date_at(row, 2)?, follows_checkins: row.get(3)? },
    })
}

fn record_error(e: sober::Invalid) -> StoreError {
    StoreError::Record(e.to_string())
}

impl Store {
    pub fn add_counter(&mut self, counter: &Counter, at: Moment) -> Result<i64> {
        counter.validate(at.local.date()).map_err(record_error)?;
        self.write(|tx| insert(tx, None, counter, at.local, at.utc))
    }

    pub fn save_counter(&mut self, id: i64, counter: &Counter, at: Moment) -> Result<()> {
        counter.validate(at.local.date()).map_err(record_error)?;
        self.write(|tx| {
            tx.prepare_cached(
                "UPDATE counter SET name = ?2, start = ?3, follows_checkins = ?4, updated_at = ?5 WHERE id = ?1",
            )?
            .execute(params![id, counter.name.trim(), day(counter.start), counter.follows_checkins, utc(at.utc)])?;
            Ok(())
        })
    }

    /// Removes a counter and the slips recorded on it (check-ins are not touched).
    pub fn delete_counter(&mut self, id: i64) -> Result<()> {
        self.write(|tx| tx.prepare_cached("DELETE FROM counter WHERE id = ?1")?.execute([id]).map(|_| ()))
    }

    /// Every counter, oldest first: the first one is the one the home screen and status show.
    pub fn counters(&self) -> Result<Vec<StoredCounter>> {
        let read = || -> rusqlite::Result<Vec<StoredCounter>> {
            self.conn()
                .prepare_cached(
                    "SELECT id, name, start, follows_checkins FROM counter ORDER BY created_at, id",
                )?
                .query_map([], counter_from_row)?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// Records a slip (or replaces the note of one already recorded that day).
    pub fn record_slip(
        &mut self,
        counter: &StoredCounter,
        date: NaiveDate,
        note: &SlipNote,
        at: Moment,
    ) -> Result<()> {
        sober::validate_slip_date(counter.counter.start, date, at.local.date()).map_err(record_error)?;
        note.validate().map_err(record_error)?;
        let id = counter.id;
        self.write(|tx| upsert_slip(tx, id, date, note, at.utc))
    }

    /// Removes a slip recorded by mistake (a check-in's slip is changed in the check-in).
    pub fn delete_slip(&mut self, counter_id: i64, date: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("DELETE FROM slip WHERE counter_id = ?1 AND date = ?2")?
                .execute(params![counter_id, day(date)])
                .map(|_| ())
        })
    }

    /// Every slip day of the counter from its start to `today`, oldest first.
    pub fn slip_dates(&self, counter: &StoredCounter, today: NaiveDate) -> Result<Vec<NaiveDate>> {
        let read = || -> rusqlite::Result<Vec<NaiveDate>> {
            self.conn()
                .prepare_cached(
                    "SELECT date FROM slip WHERE counter_id = ?1 AND date BETWEEN ?2 AND ?3
                     UNION
                     SELECT date FROM checkin WHERE used = 1 AND ?4 AND date BETWEEN ?2 AND ?3
                     ORDER BY date",
                )?
                .query_map(
                    params![
                        counter.id,
                        day(counter.counter.start),
                        day(today),
                        counter.counter.follows_checkins
                    ],
                    |r| date_at(r, 0),
                )?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// The newest `limit` slip days, newest first, each with what was recorded about it.
    pub fn slips(&self, counter: &StoredCounter, today: NaiveDate, limit: usize) -> Result<Vec<SlipEntry>> {
        let read = || -> rusqlite::Result<Vec<SlipEntry>> {
            let (start, until) = (day(counter.counter.start), day(today));
            let mut entries: Vec<SlipEntry> = self
                .conn()
                .prepare_cached(
                    "SELECT date, what_happened, what_to_learn FROM slip
                     WHERE counter_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date DESC LIMIT ?4",
                )?
                .query_map(params![counter.id, start, until, limit as i64], |r| {
                    let note = SlipNote { what_happened: r.get(1)?, what_to_learn: r.get(2)? };
                    Ok(SlipEntry { date: date_at(r, 0)?, note: Some(note), checkin: None })
                })?
                .collect::<rusqlite::Result<_>>()?;
            if counter.counter.follows_checkins {
                let mut stmt = self.conn().prepare_cached(
                    "SELECT date, substance, amount FROM checkin
                     WHERE used = 1 AND date BETWEEN ?1 AND ?2 ORDER BY date DESC LIMIT ?3",
                )?;
                let rows = stmt.query_map(params![start, until, limit as i64], |r| {
                    Ok((date_at(r, 0)?, Slip { substance: r.get(1)?, amount: r.get(2)? }))
                })?;
                for row in rows {
                    let (date, slip) = row?;
                    match entries.iter_mut().find(|e| e.date == date) {
                        Some(entry) => entry.checkin = Some(slip),
                        None => entries.push(SlipEntry { date, note: None, checkin: Some(slip) }),
                    }
                }
            }
            entries.sort_by_key(|e| std::cmp::Reverse(e.date));
            entries.truncate(limit);
            Ok(entries)
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// The counter's numbers and milestones on `today`.
    pub fn counter_today(&self, counter: &StoredCounter, today: NaiveDate) -> Result<CounterToday> {
        let slips = self.slip_dates(counter, today)?;
        let stats = sober::stats(counter.counter.start, today, slips);
        Ok(CounterToday {
            id: counter.id,
            counter: counter.counter.clone(),
            stats,
            next: sober::next_milestone(stats.run_start, today),
            recent: sober::recent_milestone(stats.run_start, today, MILESTONE_SHOWN_DAYS),
            saving: self.saving(counter.id)?,
        })
    }

    /// The first counter with its numbers: what the home screen and the status line show.
    pub fn first_counter_today(&self, today: NaiveDate) -> Result<Option<CounterToday>> {
        let first = self
            .conn()
            .prepare_cached(
                "SELECT id, name, start, follows_checkins FROM counter ORDER BY created_at, id LIMIT 1",
            )
            .and_then(|mut s| s.query_row([], counter_from_row).optional())
            .map_err(|e| self.sql_error(e))?;
        first.map(|c| self.counter_today(&c, today)).transpose()
    }
}

fn insert(
    tx: &Transaction,
    uid: Option<&str>,
    counter: &Counter,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO counter (uid, name, start, follows_checkins, created_at, updated_at)
         VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        uid,
        counter.name.trim(),
        day(counter.start),
        counter.follows_checkins,
        time(created_at),
        utc(updated_at)
    ])?;
    Ok(tx.last_insert_rowid())
}

fn upsert_slip(
    tx: &Transaction,
    id: i64,
    date: NaiveDate,
    note: &SlipNote,
    updated_at: NaiveDateTime,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO slip (counter_id, date, what_happened, what_to_learn, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(counter_id, date) DO UPDATE SET what_happened = excluded.what_happened,
             what_to_learn = excluded.what_to_learn, updated_at = excluded.updated_at",
    )?
    .execute(params![id, day(date), note.what_happened.trim(), note.what_to_learn.trim(), utc(updated_at)])?;
    Ok(())
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<CounterRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, start, follows_checkins, uid, created_at, updated_at FROM counter ORDER BY created_at, id",
    )?;
    let rows: Vec<(i64, CounterRecord)> = stmt
        .query_map([], |row| {
            let stored = counter_from_row(row)?;
            Ok((
                stored.id,
                CounterRecord {
                    uid: row.get(4)?,
                    created_at: time_at(row, 5)?,
                    updated_at: utc_at(row, 6)?,
                    counter: stored.counter,
                    slips: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut slips = conn.prepare_cached(
        "SELECT date, what_happened, what_to_learn, updated_at FROM slip WHERE counter_id = ?1 ORDER BY date",
    )?;
    rows.into_iter()
        .map(|(id, mut record)| {
            record.slips = slips
                .query_map([id], |r| {
                    Ok(SlipRecord {
                        date: date_at(r, 0)?,
                        note: SlipNote { what_happened: r.get(1)?, what_to_learn: r.get(2)? },
                        updated_at: utc_at(r, 3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(record)
        })
        .collect()
}

/// Merges one counter and its slips; returns how many rows it added or replaced.
pub(super) fn import(tx: &Transaction, record: &CounterRecord) -> rusqlite::Result<usize> {
    let current: Option<(i64, NaiveDateTime, StoredCounter)> = tx
        .prepare_cached("SELECT id, name, start, follows_checkins, updated_at FROM counter WHERE uid = ?1")?
        .query_row([&record.uid], |r| Ok((r.get(0)?, utc_at(r, 4)?, counter_from_row(r)?)))
        .optional()?;
    let mut changed = 0;
    let id = match current {
        None => {
            changed += 1;
            insert(tx, Some(&record.uid), &record.counter, record.created_at, record.updated_at)?
        }
        Some((id, updated_at, stored)) => {
            if record.updated_at > updated_at && stored.counter != record.counter {
                let c = &record.counter;
                tx.prepare_cached(
                    "UPDATE counter SET name = ?2, start = ?3, follows_checkins = ?4, updated_at = ?5 WHERE id = ?1",
                )?
                .execute(params![id, c.name.trim(), day(c.start), c.follows_checkins, utc(record.updated_at)])?;
                changed += 1;
            }
            id
        }
    };
    for slip in &record.slips {
        let existing: Option<(SlipNote, NaiveDateTime)> = tx
            .prepare_cached("SELECT what_happened, what_to_learn, updated_at FROM slip WHERE counter_id = ?1 AND date = ?2")?
            .query_row(params![id, day(slip.date)], |r| {
                Ok((SlipNote { what_happened: r.get(0)?, what_to_learn: r.get(1)? }, utc_at(r, 2)?))
            })
            .optional()?;
        let replace = match existing {
            None => true,
            Some((note, updated_at)) => note != slip.note && slip.updated_at > updated_at,
        };
        if replace {
            upsert_slip(tx, id, slip.date, &slip.note, slip.updated_at)?;
            changed += 1;
        }
    }
    Ok(changed)
}

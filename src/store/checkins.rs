//! Check-ins: one row per local date, with triggers and what helped as child rows.
//! Reads are bounded by date so a screen reads what it shows, never the whole history.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::{Result, Store};
use crate::domain::checkin::{CheckIn, Halt, Slip};
use crate::domain::stats::{Streak, StreakCounter};

/// Local wall time of the last change, to the second, sortable as text.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
/// A check-in's last change, in UTC (marked `Z`), so the order of two edits survives the hour
/// that runs twice when daylight saving ends.
pub const UTC_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

const COLUMNS: &str = "date, mood, craving, stress, sleep_half_hours, sleep_quality, used, substance, amount, \
                       halt, note, updated_at";

impl Store {
    /// Records the day's check-in, replacing an earlier version of the same date, in one
    /// transaction: when this returns `Ok` it is on disk.
    pub fn save_checkin(&mut self, checkin: &CheckIn) -> Result<()> {
        let checkin = checkin.clone().normalised();
        checkin.validate()?;
        self.write(|tx| upsert(tx, &checkin))
    }

    /// Saves a day edited in a window that read it as `base` (`None`: it was not stored then).
    /// If another window or a command changed the day since, the two are merged (see
    /// [`CheckIn::merged`]) in the same transaction, so neither loses its changes. Returns
    /// what is now stored.
    pub fn save_checkin_over(&mut self, base: Option<&CheckIn>, mine: &CheckIn) -> Result<CheckIn> {
        let mine = mine.clone().normalised();
        mine.validate()?;
        let blank = CheckIn::blank(mine.date, mine.updated_at);
        self.write(|tx| {
            let stored = match read_one(tx, mine.date)? {
                Some(current) if Some(&current) != base => mine.merged(base.unwrap_or(&blank), &current),
                _ => mine.clone(),
            };
            upsert(tx, &stored)?;
            Ok(stored)
        })
    }

    /// Changes the day as it is stored at the moment of writing: `change` gets the stored version
    /// (`None`: none yet) inside the IMMEDIATE transaction and returns the new one, or `None` to
    /// write nothing. A change another window or command made before is read, not overwritten,
    /// and none can come in between. Returns what is now stored.
    pub fn change_checkin(
        &mut self,
        date: NaiveDate,
        change: impl FnOnce(Option<CheckIn>) -> Option<CheckIn>,
    ) -> Result<Option<CheckIn>> {
        let path = self.path().to_owned();
        let sql = |e| super::StoreError::from_sqlite(path.clone(), e);
        self.write_checked(|tx| {
            let Some(changed) = change(read_one(tx, date).map_err(sql)?) else { return Ok(None) };
            let changed = changed.normalised();
            changed.validate()?;
            upsert(tx, &changed).map_err(sql)?;
            Ok(Some(changed))
        })
    }

    pub fn checkin_on(&self, date: NaiveDate) -> Result<Option<CheckIn>> {
        read_one(self.conn(), date).map_err(|e| self.sql_error(e))
    }

    /// Check-ins from `from` to `to`, both included, oldest first.
    pub fn checkins_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>> {
        let sql = format!("SELECT {COLUMNS} FROM checkin WHERE date BETWEEN ?1 AND ?2 ORDER BY date");
        self.read_many(&sql, params![day(from), day(to)], from, to)
    }

    /// Up to `limit` check-ins dated before `before`, newest first: one page of the history list.
    pub fn checkins_before(&self, before: NaiveDate, limit: usize) -> Result<Vec<CheckIn>> {
        let sql = format!("SELECT {COLUMNS} FROM checkin WHERE date < ?1 ORDER BY date DESC LIMIT ?2");
        let page = self.read_page(&sql, params![day(before), limit as i64])?;
        Ok(page)
    }

    /// Dates with a check-in on or before `until`, newest first, read lazily: `stop` is asked after
    /// each date and ends the read, so a streak reads only as far back as it goes.
    pub fn checkin_dates_back_from(
        &self,
        until: NaiveDate,
        mut keep_going: impl FnMut(NaiveDate) -> bool,
    ) -> Result<()> {
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT date FROM checkin INDEXED BY checkin_dates WHERE date <= ?1 ORDER BY date DESC",
            )
            .map_err(|e| self.sql_error(e))?;
        let mut rows = stmt.query([day(until)]).map_err(|e| self.sql_error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sql_error(e))? {
            let date = date_at(row, 0).map_err(|e| self.sql_error(e))?;
            if !keep_going(date) {
                break;
            }
        }
        Ok(())
    }

    /// The check-in streak ending at `today`, reading dates only as far back as it reaches.
    pub fn streak(&self, today: NaiveDate) -> Result<Streak> {
        let mut counter = StreakCounter::new(today);
        self.checkin_dates_back_from(today, |date| counter.push(date))?;
        Ok(counter.finish())
    }

    /// Trigger labels used since `since`, most used first: the user's own words to offer again.
    pub fn recent_trigger_labels(&self, since: NaiveDate) -> Result<Vec<String>> {
        self.recent_labels("checkin_trigger", since)
    }

    /// What-helped labels used since `since`, most used first.
    pub fn recent_helped_labels(&self, since: NaiveDate) -> Result<Vec<String>> {
        self.recent_labels("checkin_helped", since)
    }

    fn recent_labels(&self, table: &str, since: NaiveDate) -> Result<Vec<String>> {
        let sql = format!(
            "SELECT label FROM {table} WHERE date >= ?1 GROUP BY label ORDER BY count(*) DESC, label LIMIT 50"
        );
        let mut stmt = self.conn().prepare_cached(&sql).map_err(|e| self.sql_error(e))?;
        stmt.query_map([day(since)], |r| r.get(0)).and_then(Iterator::collect).map_err(|e| self.sql_error(e))
    }

    pub fn checkin_count(&self) -> Result<u64> {
        let count: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM checkin", [], |r| r.get(0))
            .map_err(|e| self.sql_error(e))?;
        Ok(count.unsigned_abs())
    }

    /// The oldest and newest dates with a check-in, if any.
    pub fn checkin_span(&self) -> Result<Option<(NaiveDate, NaiveDate)>> {
        self.conn()
            .query_row("SELECT min(date), max(date) FROM checkin", [], |r| {
                let date = |i| r.get::<_, Option<String>>(i).map(|d| d.and_then(|d| d.parse().ok()));
                Ok(date(0)?.zip(date(1)?))
            })
            .map_err(|e| self.sql_error(e))
    }

    fn read_many(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CheckIn>> {
        let read = || -> rusqlite::Result<Vec<CheckIn>> {
            let mut stmt = self.conn().prepare_cached(sql)?;
            let mut checkins: Vec<CheckIn> =
                stmt.query_map(params, from_row)?.collect::<rusqlite::Result<_>>()?;
            if checkins.is_empty() {
                // Lists belong to a check-in (a foreign key), so there are none to read. A start
                // without data then compiles two statements fewer before its first frame.
                return Ok(checkins);
            }
            let mut lists = read_lists(self.conn(), from, to)?;
            for c in &mut checkins {
                fill_lists(c, &mut lists);
            }
            Ok(checkins)
        };
        read().map_err(|e| self.sql_error(e))
    }

    fn read_page(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<CheckIn>> {
        let read = || -> rusqlite::Result<Vec<CheckIn>> {
            let mut stmt = self.conn().prepare_cached(sql)?;
            let mut page: Vec<CheckIn> =
                stmt.query_map(params, from_row)?.collect::<rusqlite::Result<_>>()?;
            if let (Some(newest), Some(oldest)) = (page.first().map(|c| c.date), page.last().map(|c| c.date))
            {
                let mut lists = read_lists(self.conn(), oldest, newest)?;
                for c in &mut page {
                    fill_lists(c, &mut lists);
                }
            }
            Ok(page)
        };
        read().map_err(|e| self.sql_error(e))
    }
}

pub(super) fn read_one(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Option<CheckIn>> {
    let found = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM checkin WHERE date = ?1"))?
        .query_row([day(date)], from_row)
        .optional()?;
    let Some(mut checkin) = found else { return Ok(None) };
    fill_lists(&mut checkin, &mut read_lists(conn, date, date)?);
    Ok(Some(checkin))
}

/// Inserts or replaces one day. Its child rows are replaced too; other days are not touched.
pub(super) fn upsert(tx: &Transaction, c: &CheckIn) -> rusqlite::Result<()> {
    let (used, substance, amount) = match &c.slip {
        Some(slip) => (true, slip.substance.as_str(), slip.amount.as_str()),
        None => (false, "", ""),
    };
    tx.prepare_cached(&format!(
        "INSERT INTO checkin ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT(date) DO UPDATE SET mood = excluded.mood, craving = excluded.craving,
             stress = excluded.stress, sleep_half_hours = excluded.sleep_half_hours,
             sleep_quality = excluded.sleep_quality, used = excluded.used, substance = excluded.substance,
             amount = excluded.amount, halt = excluded.halt, note = excluded.note,
             updated_at = excluded.updated_at"
    ))?
    .execute(params![
        day(c.date),
        c.mood,
        c.craving,
        c.stress,
        c.sleep_half_hours,
        c.sleep_quality,
        used,
        substance,
        amount,
        c.halt.bits(),
        c.note,
        c.updated_at.format(UTC_FORMAT).to_string(),
    ])?;
    for (table, labels) in [("checkin_trigger", &c.triggers), ("checkin_helped", &c.helped)] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE date = ?1"))?.execute([day(c.date)])?;
        let mut insert =
            tx.prepare_cached(&format!("INSERT INTO {table} (date, position, label) VALUES (?1, ?2, ?3)"))?;
        for (position, label) in labels.iter().enumerate() {
            insert.execute(params![day(c.date), position as i64, label])?;
        }
    }
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<CheckIn> {
    let used: bool = row.get(6)?;
    Ok(CheckIn {
        date: date_at(row, 0)?,
        mood: row.get(1)?,
        craving: row.get(2)?,
        stress: row.get(3)?,
        sleep_half_hours: row.get(4)?,
        sleep_quality: row.get(5)?,
        slip: used
            .then(|| -> rusqlite::Result<Slip> { Ok(Slip { substance: row.get(7)?, amount: row.get(8)? }) })
            .transpose()?,
        halt: Halt::from_bits(row.get(9)?),
        note: row.get(10)?,
        updated_at: {
            let text: String = row.get(11)?;
            NaiveDateTime::parse_from_str(&text, UTC_FORMAT).map_err(|_| parse_failure(11, text))?
        },
        triggers: Vec::new(),
        helped: Vec::new(),
    })
}

/// Triggers and helped labels for a date range, by date, each list in its saved order.
type Lists = HashMap<NaiveDate, (Vec<String>, Vec<String>)>;

fn read_lists(conn: &Connection, from: NaiveDate, to: NaiveDate) -> rusqlite::Result<Lists> {
    let mut lists = Lists::new();
    for (table, helped) in [("checkin_trigger", false), ("checkin_helped", true)] {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT date, label FROM {table} WHERE date BETWEEN ?1 AND ?2 ORDER BY date, position"
        ))?;
        let mut rows = stmt.query([day(from), day(to)])?;
        while let Some(row) = rows.next()? {
            let entry = lists.entry(date_at(row, 0)?).or_default();
            let list = if helped { &mut entry.1 } else { &mut entry.0 };
            list.push(row.get(1)?);
        }
    }
    Ok(lists)
}

fn fill_lists(checkin: &mut CheckIn, lists: &mut Lists) {
    if let Some((triggers, helped)) = lists.remove(&checkin.date) {
        checkin.triggers = triggers;
        checkin.helped = helped;
    }
}

/// Dates are stored as `YYYY-MM-DD` text: sortable, readable in any SQLite tool, no time zone.
pub(super) fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn parse_failure(index: usize, text: String) -> rusqlite::Error {
    let err = format!("not a date: {text}");
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, err.into())
}

pub(super) fn date_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| parse_failure(index, text))
}

pub(super) fn time_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(index)?;
    NaiveDateTime::parse_from_str(&text, TIME_FORMAT).map_err(|_| parse_failure(index, text))
}

#[cfg(test)]
#[path = "checkins_tests.rs"]
mod tests;

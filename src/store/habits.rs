//! Habits and their marks: one row per habit per day that was done or planned as a skip.
//! A streak reads marks newest first and stops at the break, so it never scans the history.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::{date_at, day, time_at};
use super::goals::time;
use super::versions::{utc, utc_at};
use super::{Result, Store, StoreError};
use crate::clock::Moment;
use crate::domain::habits::{self, BreaksTomorrow, Cadence, Habit, Mark, Streak, StreakCounter};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredHabit {
    pub id: i64,
    pub habit: Habit,
}

/// A habit as the home screen and the status line need it today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HabitToday {
    pub id: i64,
    pub habit: Habit,
    pub streak: Streak,
    pub warning: Option<BreaksTomorrow>,
}

impl HabitToday {
    /// Nothing marked yet for the current day (daily) or week (weekly).
    pub fn open(&self) -> bool {
        !self.streak.current_kept
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkRecord {
    pub date: NaiveDate,
    pub mark: Mark,
    pub updated_at: NaiveDateTime,
}

/// A habit in the JSON export, with all its marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HabitRecord {
    pub uid: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[serde(flatten)]
    pub habit: Habit,
    #[serde(default)]
    pub marks: Vec<MarkRecord>,
}

fn mark_key(mark: Mark) -> &'static str {
    match mark {
        Mark::Done => "done",
        Mark::Skip => "skip",
    }
}

fn mark_at(row: &Row, index: usize) -> rusqlite::Result<Mark> {
    let text: String = row.get(index)?;
    match text.as_str() {
        "done" => Ok(Mark::Done),
        "skip" => Ok(Mark::Skip),
        _ => Err(rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("not a habit mark: {text}").into(),
        )),
    }
}

fn habit_from_row(row: &Row) -> rusqlite::Result<StoredHabit> {
    let cadence: String = row.get(2)?;
    let cadence = Cadence::from_key(&cadence).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, "not a cadence".into())
    })?;
    Ok(StoredHabit { id: row.get(0)?, habit: Habit { name: row.get(1)?, cadence } })
}

fn check(habit: &Habit) -> Result<()> {
    if Habit::valid_name(&habit.name) {
        Ok(())
    } else {
        Err(StoreError::Record(format!(
            "a habit's name is empty or longer than {} characters",
            habits::NAME_MAX_CHARS
        )))
    }
}

impl Store {
    pub fn add_habit(&mut self, habit: &Habit, at: Moment) -> Result<i64> {
        check(habit)?;
        self.write(|tx| insert(tx, None, habit, at.local, at.utc))
    }

    pub fn save_habit(&mut self, id: i64, habit: &Habit, at: Moment) -> Result<()> {
        check(habit)?;
        self.write(|tx| {
            tx.prepare_cached("UPDATE habit SET name = ?2, cadence = ?3, updated_at = ?4 WHERE id = ?1")?
                .execute(params![id, habit.name.trim(), habit.cadence.key(), utc(at.utc)])?;
            Ok(())
        })
    }

    /// Removes a habit and its marks.
    pub fn delete_habit(&mut self, id: i64) -> Result<()> {
        self.write(|tx| tx.prepare_cached("DELETE FROM habit WHERE id = ?1")?.execute([id]).map(|_| ()))
    }

    /// Every habit, oldest first.
    pub fn habits(&self) -> Result<Vec<StoredHabit>> {
        let read = || -> rusqlite::Result<Vec<StoredHabit>> {
            self.conn()
                .prepare_cached("SELECT id, name, cadence FROM habit ORDER BY created_at, id")?
                .query_map([], habit_from_row)?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// Marks a day done or planned as a skip, or (with `None`) clears it.
    pub fn set_habit_mark(&mut self, id: i64, date: NaiveDate, mark: Option<Mark>, at: Moment) -> Result<()> {
        self.write(|tx| {
            match mark {
                Some(mark) => tx
                    .prepare_cached(
                        "INSERT INTO habit_mark (habit_id, date, mark, updated_at) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT(habit_id, date) DO UPDATE SET mark = excluded.mark,
                             updated_at = excluded.updated_at",
                    )?
                    .execute(params![id, day(date), mark_key(mark), utc(at.utc)])?,
                None => tx
                    .prepare_cached("DELETE FROM habit_mark WHERE habit_id = ?1 AND date = ?2")?
                    .execute(params![id, day(date)])?,
            };
            Ok(())
        })
    }

    /// Marks from `from` to `to`, both included, oldest first.
    pub fn habit_marks_between(
        &self,
        id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, Mark)>> {
        let read = || -> rusqlite::Result<Vec<(NaiveDate, Mark)>> {
            self.conn()
                .prepare_cached(
                    "SELECT date, mark FROM habit_mark WHERE habit_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date",
                )?
                .query_map(params![id, day(from), day(to)], |r| Ok((date_at(r, 0)?, mark_at(r, 1)?)))?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// The habit's streak on `today`, reading marks only as far back as the streak reaches.
    pub fn habit_streak(&self, id: i64, cadence: Cadence, today: NaiveDate) -> Result<Streak> {
        let mut counter = StreakCounter::new(cadence, today);
        let mut read = || -> rusqlite::Result<()> {
            let mut stmt = self.conn().prepare_cached(
                "SELECT date, mark FROM habit_mark WHERE habit_id = ?1 AND date <= ?2 ORDER BY date DESC",
            )?;
            let mut rows = stmt.query(params![id, day(today)])?;
            while let Some(row) = rows.next()? {
                if !counter.push(date_at(row, 0)?, mark_at(row, 1)?) {
                    break;
                }
            }
            Ok(())
        };
        read().map_err(|e| self.sql_error(e))?;
        Ok(counter.finish())
    }

    /// Every habit with its streak and, in the evening, the gentle warning.
    pub fn habits_today(&self, now: NaiveDateTime) -> Result<Vec<HabitToday>> {
        self.habits()?
            .into_iter()
            .map(|h| {
                let streak = self.habit_streak(h.id, h.habit.cadence, now.date())?;
                let warning = habits::breaks_tomorrow(h.habit.cadence, streak, now);
                Ok(HabitToday { id: h.id, habit: h.habit, streak, warning })
            })
            .collect()
    }
}

fn insert(
    tx: &Transaction,
    uid: Option<&str>,
    habit: &Habit,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO habit (uid, name, cadence, created_at, updated_at)
         VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5)",
    )?
    .execute(params![uid, habit.name.trim(), habit.cadence.key(), time(created_at), utc(updated_at)])?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<HabitRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, cadence, uid, created_at, updated_at FROM habit ORDER BY created_at, id",
    )?;
    let rows: Vec<(i64, HabitRecord)> = stmt
        .query_map([], |row| {
            let stored = habit_from_row(row)?;
            Ok((
                stored.id,
                HabitRecord {
                    uid: row.get(3)?,
                    created_at: time_at(row, 4)?,
                    updated_at: utc_at(row, 5)?,
                    habit: stored.habit,
                    marks: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut marks = conn
        .prepare_cached("SELECT date, mark, updated_at FROM habit_mark WHERE habit_id = ?1 ORDER BY date")?;
    rows.into_iter()
        .map(|(id, mut record)| {
            record.marks = marks
                .query_map([id], |r| {
                    Ok(MarkRecord { date: date_at(r, 0)?, mark: mark_at(r, 1)?, updated_at: utc_at(r, 2)? })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(record)
        })
        .collect()
}

/// Merges one habit and its marks; returns how many rows it added or replaced.
pub(super) fn import(tx: &Transaction, record: &HabitRecord) -> rusqlite::Result<usize> {
    let current: Option<(i64, NaiveDateTime, StoredHabit)> = tx
        .prepare_cached("SELECT id, name, cadence, updated_at FROM habit WHERE uid = ?1")?
        .query_row([&record.uid], |r| Ok((r.get(0)?, utc_at(r, 3)?, habit_from_row(r)?)))
        .optional()?;
    let mut changed = 0;
    let id = match current {
        None => {
            changed += 1;
            insert(tx, Some(&record.uid), &record.habit, record.created_at, record.updated_at)?
        }
        Some((id, updated_at, stored)) => {
            if record.updated_at > updated_at && stored.habit != record.habit {
                tx.prepare_cached("UPDATE habit SET name = ?2, cadence = ?3, updated_at = ?4 WHERE id = ?1")?
                    .execute(params![
                        id,
                        record.habit.name.trim(),
                        record.habit.cadence.key(),
                        utc(record.updated_at)
                    ])?;
                changed += 1;
            }
            id
        }
    };
    for m in &record.marks {
        let existing: Option<(Mark, NaiveDateTime)> = tx
            .prepare_cached("SELECT mark, updated_at FROM habit_mark WHERE habit_id = ?1 AND date = ?2")?
            .query_row(params![id, day(m.date)], |r| Ok((mark_at(r, 0)?, utc_at(r, 1)?)))
            .optional()?;
        let replace = match existing {
            None => true,
            Some((mark, updated_at)) => mark != m.mark && m.updated_at > updated_at,
        };
        if replace {
            tx.prepare_cached(
                "INSERT INTO habit_mark (habit_id, date, mark, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(habit_id, date) DO UPDATE SET mark = excluded.mark, updated_at = excluded.updated_at",
            )?
            .execute(params![id, day(m.date), mark_key(m.mark), utc(m.updated_at)])?;
            changed += 1;
        }
    }
    Ok(changed)
}

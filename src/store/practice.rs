//! Practice: every breathing or mindfulness session (one row each, written once when it ends)
//! and the person's own breathing patterns. Reads are bounded: statistics are sums and a streak
//! that reads practice days only as far back as the streak reaches.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::day;
use super::versions::{utc, utc_at};
use super::{Result, Store};
use crate::clock::Moment;
use crate::domain::own_pattern::{MAX_NAME_CHARS, MAX_TENTHS, OwnPattern};
use crate::domain::practice::{self, ExerciseKind, PracticeRecord, PracticeStats};

/// Session start times keep milliseconds: two sessions never share a start.
const STARTED_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3f";
const SESSION_COLUMNS: &str = "kind, exercise, name, started_at, planned_ms, actual_ms, completed";
const PATTERN_COLUMNS: &str = "id, name, inhale, hold_in, exhale, hold_out";

/// A person's own pattern as it travels in an export: by name, with its last change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternExport {
    pub name: String,
    /// In, hold, out, hold, in tenths of a second.
    pub tenths: [u16; 4],
    /// UTC.
    pub updated_at: NaiveDateTime,
}

impl Store {
    /// Records a finished or ended session; on disk when this returns `Ok`.
    pub fn record_practice(&mut self, record: &PracticeRecord) -> Result<()> {
        self.write(|tx| insert_session(tx, record))
    }

    /// Sessions started from `from` to `to` (local dates, both included), oldest first.
    pub fn practice_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<PracticeRecord>> {
        let read = || -> rusqlite::Result<Vec<PracticeRecord>> {
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM practice_session
                 WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at, id"
            ))?;
            stmt.query_map(params![day(from), after(to)], session_from_row)?.collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// Sessions done on one day: what the day's check-in offers as "what helped".
    pub fn practice_on(&self, date: NaiveDate) -> Result<Vec<PracticeRecord>> {
        self.practice_between(date, date)
    }

    pub fn practice_count(&self) -> Result<u64> {
        let count: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM practice_session", [], |r| r.get(0))
            .map_err(|e| self.sql_error(e))?;
        Ok(count.unsigned_abs())
    }

    /// Minutes this week (from Monday), sessions in all, and the streak of practice days.
    pub fn practice_stats(&self, today: NaiveDate) -> Result<PracticeStats> {
        let read = || -> rusqlite::Result<PracticeStats> {
            let week_ms: i64 = self.conn().query_row(
                "SELECT coalesce(sum(actual_ms), 0) FROM practice_session
                 WHERE started_at >= ?1 AND started_at < ?2",
                params![day(practice::week_start(today)), after(today)],
                |r| r.get(0),
            )?;
            let sessions: i64 =
                self.conn().query_row("SELECT count(*) FROM practice_session", [], |r| r.get(0))?;
            let mut stmt = self.conn().prepare_cached(
                "SELECT DISTINCT substr(started_at, 1, 10) AS d FROM practice_session
                 WHERE started_at < ?1 ORDER BY d DESC",
            )?;
            let mut rows = stmt.query([after(today)])?;
            let days = std::iter::from_fn(|| {
                let row = rows.next().ok()??;
                row.get::<_, String>(0).ok()?.parse::<NaiveDate>().ok()
            });
            let streak_days = practice::streak(days, today);
            Ok(PracticeStats {
                week_ms: week_ms.unsigned_abs(),
                sessions: usize::try_from(sessions).unwrap_or(0),
                streak_days,
            })
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// The person's own patterns, by name.
    pub fn own_patterns(&self) -> Result<Vec<OwnPattern>> {
        let read = || -> rusqlite::Result<Vec<OwnPattern>> {
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT {PATTERN_COLUMNS} FROM breathing_pattern ORDER BY name, id"
            ))?;
            stmt.query_map([], pattern_from_row)?.collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// Saves a new pattern (id 0) or changes one; returns its id. A name another pattern has
    /// (in any case) is refused by the database and nothing is written.
    pub fn save_own_pattern(&mut self, pattern: &OwnPattern, at: Moment) -> Result<i64> {
        self.write(|tx| upsert_pattern(tx, pattern.id, &pattern.name, pattern.tenths, at.utc))
    }

    pub fn delete_own_pattern(&mut self, id: i64) -> Result<()> {
        self.write(|tx| tx.execute("DELETE FROM breathing_pattern WHERE id = ?1", [id]).map(|_| ()))
    }

    /// Whether another pattern than `except` already has this name, in any case.
    pub fn own_pattern_name_taken(&self, name: &str, except: i64) -> Result<bool> {
        self.conn()
            .query_row(
                "SELECT 1 FROM breathing_pattern WHERE name = ?1 AND id != ?2",
                params![name.trim(), except],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.sql_error(e))
    }

    pub(super) fn patterns_for_export(&self) -> Result<Vec<PatternExport>> {
        let read = || -> rusqlite::Result<Vec<PatternExport>> {
            let mut stmt = self.conn().prepare_cached(
                "SELECT name, inhale, hold_in, exhale, hold_out, updated_at FROM breathing_pattern ORDER BY name",
            )?;
            stmt.query_map([], |row| {
                Ok(PatternExport {
                    name: row.get(0)?,
                    tenths: [row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?],
                    updated_at: utc_at(row, 5)?,
                })
            })?
            .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }
}

/// What an import does with practice: sessions are added when missing (the same session
/// twice is one session); a pattern is added when its name is new, and replaced only by a
/// newer version of itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PracticeImport {
    pub sessions_added: usize,
    pub patterns_added: usize,
    pub patterns_updated: usize,
}

pub(super) fn import(
    tx: &Transaction,
    sessions: &[PracticeRecord],
    patterns: &[PatternExport],
) -> rusqlite::Result<PracticeImport> {
    let mut summary = PracticeImport::default();
    for s in sessions {
        let exists = tx
            .prepare_cached(
                "SELECT 1 FROM practice_session WHERE started_at = ?1 AND exercise = ?2 AND kind = ?3
                 AND planned_ms = ?4 AND actual_ms = ?5 AND completed = ?6",
            )?
            .query_row(
                params![
                    started(s.started_at),
                    s.exercise,
                    s.kind.as_str(),
                    millis(s.planned_ms),
                    millis(s.actual_ms),
                    s.completed
                ],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !exists {
            insert_session(tx, s)?;
            summary.sessions_added += 1;
        }
    }
    for p in patterns {
        let current: Option<(i64, NaiveDateTime)> = tx
            .prepare_cached("SELECT id, updated_at FROM breathing_pattern WHERE name = ?1")?
            .query_row([p.name.trim()], |r| Ok((r.get(0)?, utc_at(r, 1)?)))
            .optional()?;
        match current {
            None => {
                upsert_pattern(tx, 0, &p.name, p.tenths, p.updated_at)?;
                summary.patterns_added += 1;
            }
            Some((id, at)) if p.updated_at > at => {
                upsert_pattern(tx, id, &p.name, p.tenths, p.updated_at)?;
                summary.patterns_updated += 1;
            }
            Some(_) => {}
        }
    }
    Ok(summary)
}

/// Checks imported practice before anything is written: an import is all or nothing.
pub(super) fn validate(sessions: &[PracticeRecord], patterns: &[PatternExport]) -> Result<(), String> {
    for s in sessions {
        if s.exercise.trim().is_empty() || s.name.trim().is_empty() {
            return Err(format!("practice session {}: no exercise", s.started_at));
        }
    }
    for p in patterns {
        let name_ok = !p.name.trim().is_empty() && p.name.trim().chars().count() <= MAX_NAME_CHARS;
        let [i, h1, o, h2] = p.tenths;
        let lengths_ok = i > 0 && o > 0 && [i, h1, o, h2].iter().all(|t| *t <= MAX_TENTHS);
        if !name_ok || !lengths_ok {
            return Err(format!("breathing pattern \"{}\": not a valid pattern", p.name));
        }
    }
    Ok(())
}

fn insert_session(tx: &Connection, r: &PracticeRecord) -> rusqlite::Result<()> {
    tx.prepare_cached(&format!(
        "INSERT INTO practice_session ({SESSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    ))?
    .execute(params![
        r.kind.as_str(),
        r.exercise,
        r.name,
        started(r.started_at),
        millis(r.planned_ms),
        millis(r.actual_ms),
        r.completed
    ])?;
    Ok(())
}

fn upsert_pattern(
    tx: &Connection,
    id: i64,
    name: &str,
    tenths: [u16; 4],
    updated_at: NaiveDateTime,
) -> rusqlite::Result<i64> {
    let [inhale, hold_in, exhale, hold_out] = tenths;
    let at = utc(updated_at);
    if id == 0 {
        tx.prepare_cached(
            "INSERT INTO breathing_pattern (name, inhale, hold_in, exhale, hold_out, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![name.trim(), inhale, hold_in, exhale, hold_out, at])?;
        return Ok(tx.last_insert_rowid());
    }
    tx.prepare_cached(
        "UPDATE breathing_pattern SET name = ?2, inhale = ?3, hold_in = ?4, exhale = ?5, hold_out = ?6,
         updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![id, name.trim(), inhale, hold_in, exhale, hold_out, at])?;
    Ok(id)
}

fn session_from_row(row: &Row) -> rusqlite::Result<PracticeRecord> {
    let kind: String = row.get(0)?;
    let kind = ExerciseKind::parse(&kind).ok_or_else(|| conversion(0, format!("not a kind: {kind}")))?;
    Ok(PracticeRecord {
        kind,
        exercise: row.get(1)?,
        name: row.get(2)?,
        started_at: time_at(row, 3, STARTED_FORMAT)?,
        planned_ms: row.get::<_, i64>(4)?.unsigned_abs(),
        actual_ms: row.get::<_, i64>(5)?.unsigned_abs(),
        completed: row.get(6)?,
    })
}

fn pattern_from_row(row: &Row) -> rusqlite::Result<OwnPattern> {
    Ok(OwnPattern {
        id: row.get(0)?,
        name: row.get(1)?,
        tenths: [row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?],
    })
}

/// SQLite integers are signed; a session is never 292 million years long.
fn millis(ms: u64) -> i64 {
    i64::try_from(ms).unwrap_or(i64::MAX)
}

fn started(at: NaiveDateTime) -> String {
    at.format(STARTED_FORMAT).to_string()
}

/// An exclusive upper bound for start times on or before `date`: "2026-11-22~" sorts after
/// every "2026-11-22T..." and before "2026-11-23" (and works for the last storable day too).
fn after(date: NaiveDate) -> String {
    format!("{}~", day(date))
}

fn time_at(row: &Row, index: usize, format: &str) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(index)?;
    NaiveDateTime::parse_from_str(&text, format).map_err(|_| conversion(index, format!("not a time: {text}")))
}

fn conversion(index: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, message.into())
}

#[cfg(test)]
#[path = "practice_tests.rs"]
mod tests;

//! Goals and their steps. Each change writes the rows it changes (and the goal's `updated_at`,
//! which an import compares); reading the home screen's goal is two indexed queries.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::checkins::{TIME_FORMAT, day, time_at};
use super::versions::{utc, utc_at};
use super::{Result, Store};
use crate::clock::Moment;
use crate::domain::goals::{Goal, Invalid, Step, valid_step};

/// A goal as stored: the row id for changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGoal {
    pub id: i64,
    pub goal: Goal,
}

impl AsRef<Goal> for StoredGoal {
    fn as_ref(&self) -> &Goal {
        &self.goal
    }
}

/// A goal in the JSON export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRecord {
    pub uid: String,
    pub updated_at: NaiveDateTime,
    #[serde(flatten)]
    pub goal: Goal,
}

const COLUMNS: &str = "id, title, due, note, created_at, done_at";

pub(super) fn time(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

impl Store {
    /// Adds a goal with its steps; returns its id.
    pub fn add_goal(&mut self, goal: &Goal, at: Moment) -> Result<i64> {
        goal.validate().map_err(invalid)?;
        self.write(|tx| insert(tx, None, goal, at.utc))
    }

    /// Changes the title, date and note (the steps have their own calls).
    pub fn save_goal_details(&mut self, id: i64, goal: &Goal, at: Moment) -> Result<()> {
        Goal { steps: Vec::new(), ..goal.clone() }.validate().map_err(invalid)?;
        self.write(|tx| {
            tx.prepare_cached(
                "UPDATE goal SET title = ?2, due = ?3, note = ?4, updated_at = ?5 WHERE id = ?1",
            )?
            .execute(params![
                id,
                goal.title.trim(),
                goal.due.map(day),
                goal.note,
                utc(at.utc)
            ])?;
            Ok(())
        })
    }

    /// Appends a step; returns its position.
    pub fn add_goal_step(&mut self, id: i64, text: &str, at: Moment) -> Result<usize> {
        if !valid_step(text) {
            return Err(invalid(Invalid::Step));
        }
        let count = self.goal_step_count(id)?;
        if count >= crate::domain::goals::STEPS_MAX {
            return Err(invalid(Invalid::TooManySteps));
        }
        self.write(|tx| {
            tx.prepare_cached("INSERT INTO goal_step (goal_id, position, text) VALUES (?1, ?2, ?3)")?
                .execute(params![id, count as i64, text.trim()])?;
            touch(tx, id, at)?;
            Ok(count)
        })
    }

    pub fn set_goal_step_done(&mut self, id: i64, position: usize, done: bool, at: Moment) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("UPDATE goal_step SET done = ?3 WHERE goal_id = ?1 AND position = ?2")?
                .execute(params![id, position as i64, done])?;
            touch(tx, id, at)
        })
    }

    pub fn rename_goal_step(&mut self, id: i64, position: usize, text: &str, at: Moment) -> Result<()> {
        if !valid_step(text) {
            return Err(invalid(Invalid::Step));
        }
        self.write(|tx| {
            tx.prepare_cached("UPDATE goal_step SET text = ?3 WHERE goal_id = ?1 AND position = ?2")?
                .execute(params![id, position as i64, text.trim()])?;
            touch(tx, id, at)
        })
    }

    /// Removes a step; the ones after it move up.
    pub fn remove_goal_step(&mut self, id: i64, position: usize, at: Moment) -> Result<()> {
        self.write(|tx| {
            let pos = position as i64;
            tx.prepare_cached("DELETE FROM goal_step WHERE goal_id = ?1 AND position = ?2")?
                .execute(params![id, pos])?;
            // Through negative numbers, so no two steps share a position half-way.
            tx.prepare_cached(
                "UPDATE goal_step SET position = -position WHERE goal_id = ?1 AND position > ?2",
            )?
            .execute(params![id, pos])?;
            tx.prepare_cached(
                "UPDATE goal_step SET position = -position - 1 WHERE goal_id = ?1 AND position < 0",
            )?
            .execute(params![id])?;
            touch(tx, id, at)
        })
    }

    /// Marks the goal done (it moves to the archive) and returns it, for the celebration.
    pub fn complete_goal(&mut self, id: i64, at: Moment) -> Result<Option<StoredGoal>> {
        self.write(|tx| {
            tx.prepare_cached(
                "UPDATE goal SET done_at = ?2, updated_at = ?3 WHERE id = ?1 AND done_at IS NULL",
            )?
            .execute(params![id, time(at.local), utc(at.utc)])?;
            read_goal(tx, id)
        })
    }

    /// Takes a goal out of the archive again.
    pub fn reopen_goal(&mut self, id: i64, at: Moment) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("UPDATE goal SET done_at = NULL, updated_at = ?2 WHERE id = ?1")?
                .execute(params![id, utc(at.utc)])?;
            Ok(())
        })
    }

    pub fn delete_goal(&mut self, id: i64) -> Result<()> {
        self.write(|tx| tx.prepare_cached("DELETE FROM goal WHERE id = ?1")?.execute([id]).map(|_| ()))
    }

    pub fn goal(&self, id: i64) -> Result<Option<StoredGoal>> {
        read_goal(self.conn(), id).map_err(|e| self.sql_error(e))
    }

    /// Goals not done yet: dated ones first, soonest first, then the rest by age.
    pub fn open_goals(&self) -> Result<Vec<StoredGoal>> {
        self.read_goals(&format!(
            "SELECT {COLUMNS} FROM goal WHERE done_at IS NULL ORDER BY due IS NULL, due, created_at, id"
        ))
    }

    /// Done goals, most recently done first.
    pub fn archived_goals(&self, limit: usize) -> Result<Vec<StoredGoal>> {
        self.read_goals(&format!(
            "SELECT {COLUMNS} FROM goal WHERE done_at IS NOT NULL ORDER BY done_at DESC, id DESC LIMIT {limit}"
        ))
    }

    /// The home screen's goal (see [`crate::domain::goals::closest`]), read with two indexed
    /// queries instead of loading every goal.
    pub fn closest_goal(&self, today: NaiveDate) -> Result<Option<StoredGoal>> {
        let read = || -> rusqlite::Result<Option<StoredGoal>> {
            let base = format!("SELECT {COLUMNS} FROM goal WHERE done_at IS NULL AND due IS NOT NULL");
            let mut found = self
                .conn()
                .prepare_cached(&format!("{base} AND due >= ?1 ORDER BY due, id LIMIT 1"))?
                .query_row([day(today)], from_row)
                .optional()?;
            if found.is_none() {
                found = self
                    .conn()
                    .prepare_cached(&format!("{base} AND due < ?1 ORDER BY due DESC, id LIMIT 1"))?
                    .query_row([day(today)], from_row)
                    .optional()?;
            }
            if let Some(g) = &mut found {
                g.goal.steps = read_steps(self.conn(), g.id)?;
            }
            Ok(found)
        };
        read().map_err(|e| self.sql_error(e))
    }

    fn goal_step_count(&self, id: i64) -> Result<usize> {
        self.conn()
            .query_row("SELECT count(*) FROM goal_step WHERE goal_id = ?1", [id], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.sql_error(e))
    }

    fn read_goals(&self, sql: &str) -> Result<Vec<StoredGoal>> {
        let read = || -> rusqlite::Result<Vec<StoredGoal>> {
            let mut goals: Vec<StoredGoal> =
                self.conn().prepare_cached(sql)?.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?;
            for g in &mut goals {
                g.goal.steps = read_steps(self.conn(), g.id)?;
            }
            Ok(goals)
        };
        read().map_err(|e| self.sql_error(e))
    }
}

fn invalid(e: Invalid) -> super::StoreError {
    super::StoreError::Record(e.to_string())
}

fn touch(tx: &Transaction, id: i64, at: Moment) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE goal SET updated_at = ?2 WHERE id = ?1")?.execute(params![id, utc(at.utc)])?;
    Ok(())
}

fn insert(
    tx: &Transaction,
    uid: Option<&str>,
    goal: &Goal,
    updated_at: NaiveDateTime,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO goal (uid, title, due, note, created_at, done_at, updated_at)
         VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        uid,
        goal.title.trim(),
        goal.due.map(day),
        goal.note,
        time(goal.created_at),
        goal.done_at.map(time),
        utc(updated_at),
    ])?;
    let id = tx.last_insert_rowid();
    write_steps(tx, id, &goal.steps)?;
    Ok(id)
}

fn write_steps(tx: &Transaction, id: i64, steps: &[Step]) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM goal_step WHERE goal_id = ?1")?.execute([id])?;
    let mut stmt =
        tx.prepare_cached("INSERT INTO goal_step (goal_id, position, text, done) VALUES (?1, ?2, ?3, ?4)")?;
    for (position, step) in steps.iter().enumerate() {
        stmt.execute(params![id, position as i64, step.text.trim(), step.done])?;
    }
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<StoredGoal> {
    Ok(StoredGoal {
        id: row.get(0)?,
        goal: Goal {
            title: row.get(1)?,
            due: opt_date(row, 2)?,
            note: row.get(3)?,
            steps: Vec::new(),
            created_at: time_at(row, 4)?,
            done_at: opt_time(row, 5)?,
        },
    })
}

pub(super) fn opt_date(row: &Row, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => super::checkins::date_at(row, index).map(Some),
    }
}

fn opt_time(row: &Row, index: usize) -> rusqlite::Result<Option<NaiveDateTime>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => time_at(row, index).map(Some),
    }
}

fn read_steps(conn: &Connection, id: i64) -> rusqlite::Result<Vec<Step>> {
    conn.prepare_cached("SELECT text, done FROM goal_step WHERE goal_id = ?1 ORDER BY position")?
        .query_map([id], |r| Ok(Step { text: r.get(0)?, done: r.get(1)? }))?
        .collect()
}

fn read_goal(conn: &Connection, id: i64) -> rusqlite::Result<Option<StoredGoal>> {
    let found = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM goal WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?;
    let Some(mut g) = found else { return Ok(None) };
    g.goal.steps = read_steps(conn, id)?;
    Ok(Some(g))
}

/// Every goal, for the JSON export.
pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<GoalRecord>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS}, uid, updated_at FROM goal ORDER BY created_at, id"))?;
    let mut records: Vec<(i64, GoalRecord)> = stmt
        .query_map([], |row| {
            let stored = from_row(row)?;
            Ok((stored.id, GoalRecord { uid: row.get(6)?, updated_at: utc_at(row, 7)?, goal: stored.goal }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, record) in &mut records {
        record.goal.steps = read_steps(conn, *id)?;
    }
    Ok(records.into_iter().map(|(_, r)| r).collect())
}

/// Adds a goal that is missing, replaces one with an older `updated_at`; returns whether it
/// changed anything.
pub(super) fn import(tx: &Transaction, record: &GoalRecord) -> rusqlite::Result<bool> {
    let current: Option<(i64, NaiveDateTime)> = tx
        .prepare_cached("SELECT id, updated_at FROM goal WHERE uid = ?1")?
        .query_row([&record.uid], |r| Ok((r.get(0)?, utc_at(r, 1)?)))
        .optional()?;
    match current {
        None => insert(tx, Some(&record.uid), &record.goal, record.updated_at).map(|_| true),
        Some((id, updated_at)) if record.updated_at > updated_at => {
            let same = read_goal(tx, id)?.is_some_and(|g| g.goal == record.goal);
            let g = &record.goal;
            tx.prepare_cached(
                "UPDATE goal SET title = ?2, due = ?3, note = ?4, created_at = ?5, done_at = ?6, updated_at = ?7
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                g.title.trim(),
                g.due.map(day),
                g.note,
                time(g.created_at),
                g.done_at.map(time),
                utc(record.updated_at)
            ])?;
            write_steps(tx, id, &g.steps)?;
            Ok(!same)
        }
        Some(_) => Ok(false),
    }
}

#[cfg(test)]
#[path = "goals_tests.rs"]
mod tests;

//! This device's changes as events: what the triggers logged in `sync_change` since the last
//! file, each read as it is now (so ten edits of one day send that day once), or as a deletion
//! when it is gone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::event::{Change, Deletion, Event, Record, records_of};
use crate::store::exchange::Export;
use crate::store::{Result, Store};

/// The events to write, and the last change they include.
pub struct Outgoing {
    pub events: Vec<Event>,
    pub up_to: i64,
    /// Records sent one second above the version they were written over (a clock behind):
    /// to be stored here as sent, so this device agrees with the others.
    pub bumped: Vec<Record>,
}

struct Row {
    kind: String,
    key: String,
    deleted: Option<String>,
    replaced: Option<String>,
}

/// The changes logged after `after`. Run inside the transaction that also writes the file's
/// position, so a change made meanwhile is either in this file or in the next.
pub fn changes(store: &Store, device: &str, after: i64, at: DateTime<Utc>) -> Result<Outgoing> {
    let (rows, up_to) = logged(store, "seq > ?1", after)?;
    let (changes, bumped) = collect(store, &rows, true, at)?;
    let events = changes.into_iter().map(|c| event(device, at, c)).collect();
    Ok(Outgoing { events, up_to: up_to.max(after), bumped })
}

/// Everything in the database, and every deletion it remembers: a device's first file in a
/// folder, so that a folder can be set up again from any device's database.
pub fn everything(store: &Store, device: &str, at: DateTime<Utc>) -> Result<Outgoing> {
    let export = store.export(None, None, at.naive_utc())?;
    let mut changes: Vec<Change> = records_of(export).into_iter().map(Change::Put).collect();
    changes.extend(favourites(store)?.into_iter().map(Change::Put));
    let (tombstones, up_to) = logged(store, "deleted IS NOT NULL AND seq > ?1", i64::MIN)?;
    changes.extend(collect(store, &tombstones, false, at)?.0);
    let events = changes.into_iter().map(|c| event(device, at, c)).collect();
    Ok(Outgoing { events, up_to, bumped: Vec::new() })
}

fn event(device: &str, at: DateTime<Utc>, change: Change) -> Event {
    Event { id: uuid::Uuid::now_v7().to_string(), device: device.to_owned(), at, change }
}

/// Rows of `sync_change` matching `filter`, and the highest `seq` of the whole log.
fn logged(store: &Store, filter: &str, after: i64) -> Result<(Vec<Row>, i64)> {
    let read = || -> rusqlite::Result<(Vec<Row>, i64)> {
        let conn = store.conn();
        let rows = conn
            .prepare(&format!(
                "SELECT kind, key, deleted, replaced FROM sync_change WHERE {filter} ORDER BY seq"
            ))?
            .query_map([after], |r| {
                Ok(Row { kind: r.get(0)?, key: r.get(1)?, deleted: r.get(2)?, replaced: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let top = conn.query_row("SELECT coalesce(max(seq), 0) FROM sync_change", [], |r| r.get(0))?;
        Ok((rows, top))
    };
    read().map_err(|e| store.sql_error(e))
}

/// Each logged row as a put of the record as it is now, or a deletion when it is gone.
/// With `puts` false only deletions are collected.
fn collect(store: &Store, rows: &[Row], puts: bool, at: DateTime<Utc>) -> Result<(Vec<Change>, Vec<Record>)> {
    let mut state: Option<Export> = None;
    let mut changes = Vec::new();
    let mut bumped = Vec::new();
    for row in rows {
        let found: Vec<Record> = match row.kind.as_str() {
            "checkin" => match row.key.parse::<NaiveDate>() {
                Ok(date) => store.checkin_on(date)?.map(Record::Checkin).into_iter().collect(),
                Err(_) => continue,
            },
            // Sessions are never changed or deleted: the key is the start, to the millisecond.
            "practice" => match row.key.parse::<NaiveDateTime>() {
                Ok(start) => store
                    .practice_between(start.date(), start.date())?
                    .into_iter()
                    .filter(|p| p.started_at == start)
                    .map(Record::Practice)
                    .collect(),
                Err(_) => continue,
            },
            "favourite" => favourite(store, &row.key)?.into_iter().collect(),
            // Urges are a history that grows, read one by one like check-ins.
            "urge" => store.urge_record(&row.key)?.map(Record::Urge).into_iter().collect(),
            // A taken-back mark or slip; one that exists again travels with its habit or counter.
            "habit_mark" | "slip" if child_exists(store, &row.kind, &row.key)? => continue,
            "habit_mark" | "slip" => Vec::new(),
            "goal" | "habit" | "counter" | "plan" | "pattern" | "quiz_card" | "quiz_round" | "phase"
            | "week_note" | "saving" => {
                if state.is_none() {
                    state = Some(store.export_state(at.naive_utc())?);
                }
                let state = state.as_ref().expect("just read");
                in_state(state, &row.kind, &row.key)
            }
            // A kind this version does not know was logged by a newer one: it sends it.
            _ => continue,
        };
        let replaced = row.replaced.as_deref().and_then(super::event::parse_version);
        match (found.is_empty(), &row.deleted) {
            (false, _) if puts => {
                for mut record in found {
                    if let (Some(version), Some(replaced)) = (record.version(), replaced)
                        && version <= replaced
                    {
                        record.set_version(replaced + chrono::Duration::seconds(1));
                        bumped.push(record.clone());
                    }
                    changes.push(Change::Put(record));
                }
            }
            (true, Some(version)) => changes.push(Change::Delete(Deletion {
                kind: row.kind.clone(),
                key: row.key.clone(),
                version: version.clone(),
            })),
            _ => {}
        }
    }
    Ok((changes, bumped))
}

fn in_state(state: &Export, kind: &str, key: &str) -> Vec<Record> {
    let p = &state.progress;
    match kind {
        "goal" => state.goals.iter().filter(|g| g.uid == key).cloned().map(Record::Goal).collect(),
        "habit" => state.habits.iter().filter(|h| h.uid == key).cloned().map(Record::Habit).collect(),
        "counter" => state.counters.iter().filter(|c| c.uid == key).cloned().map(Record::Counter).collect(),
        "plan" => state.plan.iter().filter(|i| i.uid == key).cloned().map(Record::Plan).collect(),
        "pattern" => state.patterns.iter().filter(|i| i.name == key).cloned().map(Record::Pattern).collect(),
        "quiz_card" => {
            p.quiz_cards.iter().filter(|c| c.card.id == key).cloned().map(Record::QuizCard).collect()
        }
        "quiz_round" => {
            let Ok(at) = key.parse::<NaiveDateTime>() else { return Vec::new() };
            p.quiz_rounds.iter().filter(|r| r.finished_at == at).cloned().map(Record::QuizRound).collect()
        }
        "phase" => p.phase.iter().cloned().map(Record::Phase).collect(),
        "week_note" => {
            state.week_notes.iter().filter(|w| w.week == key).cloned().map(Record::WeekNote).collect()
        }
        "saving" => {
            state.savings.iter().filter(|s| s.counter_uid == key).cloned().map(Record::Saving).collect()
        }
        _ => Vec::new(),
    }
}

fn favourite(store: &Store, technique: &str) -> Result<Option<Record>> {
    let read = || -> rusqlite::Result<Option<String>> {
        store
            .conn()
            .prepare_cached("SELECT added_at FROM favourite_technique WHERE technique = ?1")?
            .query_row([technique], |r| r.get(0))
            .optional()
    };
    let added = read().map_err(|e| store.sql_error(e))?;
    Ok(added
        .and_then(|at| super::event::parse_version(&at))
        .map(|added_at| Record::Favourite { technique: technique.to_owned(), added_at }))
}

fn favourites(store: &Store) -> Result<Vec<Record>> {
    let read = || -> rusqlite::Result<Vec<(String, String)>> {
        store
            .conn()
            .prepare("SELECT technique, added_at FROM favourite_technique ORDER BY technique")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    };
    let rows = read().map_err(|e| store.sql_error(e))?;
    Ok(rows
        .into_iter()
        .filter_map(|(technique, at)| {
            super::event::parse_version(&at).map(|added_at| Record::Favourite { technique, added_at })
        })
        .collect())
}

/// Whether the habit mark or slip behind a `habit_mark` / `slip` key ("<uid> <date>") exists.
fn child_exists(store: &Store, kind: &str, key: &str) -> Result<bool> {
    let Some((uid, date)) = key.split_once(' ') else { return Ok(false) };
    let sql = match kind {
        "habit_mark" => {
            "SELECT 1 FROM habit_mark WHERE habit_id = (SELECT id FROM habit WHERE uid = ?1) AND date = ?2"
        }
        _ => "SELECT 1 FROM slip WHERE counter_id = (SELECT id FROM counter WHERE uid = ?1) AND date = ?2",
    };
    let read = || store.conn().prepare_cached(sql)?.query_row(params![uid, date], |_| Ok(())).optional();
    read().map(|found| found.is_some()).map_err(|e| store.sql_error(e))
}

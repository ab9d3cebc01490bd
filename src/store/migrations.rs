//! The schema, as a list of migrations. Append new ones at the end; never edit one that has
//! shipped. The version is SQLite's `user_version`, so it costs one header read at start.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::{Result, StoreError};

/// Every migration, oldest first. Each runs in its own IMMEDIATE transaction at start.
pub const MIGRATIONS: &[M<'static>] = &[
    // 1: daily check-ins. One row per local date; the lists are child rows so that counting
    // triggers is a query, not a parse of every note.
    M::up(
        "PRAGMA application_id = 1835365236;
         CREATE TABLE checkin (
             date TEXT PRIMARY KEY NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
             craving INTEGER NOT NULL CHECK (craving BETWEEN 0 AND 10),
             stress INTEGER NOT NULL CHECK (stress BETWEEN 0 AND 10),
             sleep_half_hours INTEGER CHECK (sleep_half_hours BETWEEN 0 AND 48),
             sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
             used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
             substance TEXT NOT NULL DEFAULT '',
             amount TEXT NOT NULL DEFAULT '',
             halt INTEGER NOT NULL DEFAULT 0 CHECK (halt BETWEEN 0 AND 15),
             note TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL
         ) WITHOUT ROWID;
         CREATE TABLE checkin_trigger (
             date TEXT NOT NULL REFERENCES checkin(date) ON DELETE CASCADE,
             position INTEGER NOT NULL,
             label TEXT NOT NULL,
             PRIMARY KEY (date, position)
         ) WITHOUT ROWID;
         CREATE INDEX checkin_trigger_label ON checkin_trigger(label);
         CREATE TABLE checkin_helped (
             date TEXT NOT NULL REFERENCES checkin(date) ON DELETE CASCADE,
             position INTEGER NOT NULL,
             label TEXT NOT NULL,
             PRIMARY KEY (date, position)
         ) WITHOUT ROWID;",
    ),
    // 2: the knowledge screens: favourite techniques, the quiz's Leitner boxes and rounds, and
    // the phase the person marked. Times are local, to the millisecond, sortable as text.
    M::up(
        "CREATE TABLE favourite_technique (
             technique TEXT PRIMARY KEY NOT NULL,
             added_at TEXT NOT NULL
         ) WITHOUT ROWID;
         CREATE TABLE quiz_card (
             statement TEXT PRIMARY KEY NOT NULL,
             leitner_box INTEGER NOT NULL CHECK (leitner_box BETWEEN 1 AND 5),
             due TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             answered_at TEXT NOT NULL
         ) WITHOUT ROWID;
         CREATE TABLE quiz_round (
             finished_at TEXT NOT NULL,
             kind TEXT NOT NULL CHECK (kind IN ('regular', 'mistakes')),
             right_answers INTEGER NOT NULL CHECK (right_answers >= 0),
             total INTEGER NOT NULL CHECK (total BETWEEN 1 AND 255 AND total >= right_answers)
         );
         CREATE INDEX quiz_round_finished ON quiz_round(finished_at);
         CREATE TABLE chosen_phase (
             only INTEGER PRIMARY KEY CHECK (only = 1),
             phase TEXT,
             updated_at TEXT NOT NULL
         );",
    ),
    // 3: goals, habits, sober counters with their slips, and the personal plan. Each row that
    // travels in an export has a random `uid`, so importing the same file twice finds the
    // same rows; `updated_at` decides which of two versions is kept.
    M::up(
        "CREATE TABLE goal (
             id INTEGER PRIMARY KEY,
             uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
             title TEXT NOT NULL,
             due TEXT CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             note TEXT NOT NULL DEFAULT '',
             created_at TEXT NOT NULL,
             done_at TEXT,
             updated_at TEXT NOT NULL
         );
         CREATE INDEX goal_open_due ON goal(due) WHERE done_at IS NULL;
         CREATE INDEX goal_done ON goal(done_at) WHERE done_at IS NOT NULL;
         CREATE TABLE goal_step (
             goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
             position INTEGER NOT NULL,
             text TEXT NOT NULL,
             done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
             PRIMARY KEY (goal_id, position)
         ) WITHOUT ROWID;
         CREATE TABLE habit (
             id INTEGER PRIMARY KEY,
             uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
             name TEXT NOT NULL,
             cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
             created_at TEXT NOT NULL,
             updated_at TEXT NOT NULL
         );
         CREATE TABLE habit_mark (
             habit_id INTEGER NOT NULL REFERENCES habit(id) ON DELETE CASCADE,
             date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             mark TEXT NOT NULL CHECK (mark IN ('done', 'skip')),
             updated_at TEXT NOT NULL,
             PRIMARY KEY (habit_id, date)
         ) WITHOUT ROWID;
         CREATE TABLE counter (
             id INTEGER PRIMARY KEY,
             uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
             name TEXT NOT NULL,
             start TEXT NOT NULL CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             follows_checkins INTEGER NOT NULL DEFAULT 1 CHECK (follows_checkins IN (0, 1)),
             created_at TEXT NOT NULL,
             updated_at TEXT NOT NULL
         );
         CREATE TABLE slip (
             counter_id INTEGER NOT NULL REFERENCES counter(id) ON DELETE CASCADE,
             date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             what_happened TEXT NOT NULL DEFAULT '',
             what_to_learn TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL,
             PRIMARY KEY (counter_id, date)
         ) WITHOUT ROWID;
         -- A check-in with used = 1 is a slip on the counters that follow check-ins;
         -- this keeps reading those days proportional to the slips, not to the history.
         CREATE INDEX checkin_used ON checkin(date) WHERE used = 1;
         CREATE TABLE plan_item (
             id INTEGER PRIMARY KEY,
             uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
             section TEXT NOT NULL CHECK (section IN ('warning-signs', 'triggers', 'on-my-own',
                 'distractions', 'people', 'professionals', 'safer-surroundings', 'reasons',
                 'what-matters')),
             position INTEGER NOT NULL,
             text TEXT NOT NULL,
             phone TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL
         );
         CREATE INDEX plan_item_section ON plan_item(section, position);",
    ),
    // 4: breathing and mindfulness practice (one row per session, never rewritten) and the
    // person's own breathing patterns. Names are unique regardless of case, because a pattern
    // can be started by name (`mestring breathe --pattern <name>`).
    M::up(
        "CREATE TABLE practice_session (
             id INTEGER PRIMARY KEY,
             kind TEXT NOT NULL CHECK (kind IN ('breathing', 'mindfulness')),
             exercise TEXT NOT NULL,
             name TEXT NOT NULL,
             started_at TEXT NOT NULL,
             planned_ms INTEGER NOT NULL CHECK (planned_ms >= 0),
             actual_ms INTEGER NOT NULL CHECK (actual_ms >= 0),
             completed INTEGER NOT NULL CHECK (completed IN (0, 1))
         );
         CREATE INDEX practice_session_started ON practice_session(started_at);
         CREATE TABLE breathing_pattern (
             id INTEGER PRIMARY KEY,
             name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
             inhale INTEGER NOT NULL CHECK (inhale BETWEEN 1 AND 600),
             hold_in INTEGER NOT NULL CHECK (hold_in BETWEEN 0 AND 600),
             exhale INTEGER NOT NULL CHECK (exhale BETWEEN 1 AND 600),
             hold_out INTEGER NOT NULL CHECK (hold_out BETWEEN 0 AND 600),
             updated_at TEXT NOT NULL
         );",
    ),
    // 5: the dates of check-ins alone, so a streak walks a narrow index instead of every row
    // with its note.
    M::up("CREATE INDEX checkin_dates ON checkin(date);"),
    // 6: no schema change. Earlier versions kept a copy of the start screen's numbers in
    // `start-snapshot.json` beside the database; `run` deletes that file once, on the way here.
    M::up("-- start-snapshot.json is deleted by migrations::run"),
    // 7: who this database is. Every write touches this row, so every WAL mestring writes
    // carries its database's uid, and a WAL from another database is recognised before SQLite
    // replays it (see `wal.rs`). A backup has the uid of the database it was made from.
    M::up(
        "CREATE TABLE identity (
             only INTEGER PRIMARY KEY CHECK (only = 1),
             uid TEXT NOT NULL,
             writes INTEGER NOT NULL DEFAULT 0
         );
         INSERT INTO identity (only, uid) VALUES (1, lower(hex(randomblob(16))));",
    ),
    // 8: a check-in's last change in UTC, marked `Z`: in local time, an edit in the hour that
    // runs twice in autumn looked older than one made an hour before it. Earlier rows were local
    // time; they are read in this system's time zone (see `clock::utc_from_local`).
    M::up("UPDATE checkin SET updated_at = mestring_local_to_utc(updated_at);"),
    // 9: craving and stress may be "not answered" (NULL), which is not the same as 0 and is
    // left out of averages. SQLite cannot drop a NOT NULL in place, so the check-in tables are
    // built anew and every row copied as it is (0 stays 0). The lists are copied to new tables
    // before the old check-in table goes, so its ON DELETE CASCADE never runs over them; the
    // renames point their references at the new table.
    M::up(
        "CREATE TABLE checkin_v9 (
             date TEXT PRIMARY KEY NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
             mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
             craving INTEGER CHECK (craving BETWEEN 0 AND 10),
             stress INTEGER CHECK (stress BETWEEN 0 AND 10),
             sleep_half_hours INTEGER CHECK (sleep_half_hours BETWEEN 0 AND 48),
             sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
             used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
             substance TEXT NOT NULL DEFAULT '',
             amount TEXT NOT NULL DEFAULT '',
             halt INTEGER NOT NULL DEFAULT 0 CHECK (halt BETWEEN 0 AND 15),
             note TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL
         ) WITHOUT ROWID;
         INSERT INTO checkin_v9 (date, mood, craving, stress, sleep_half_hours, sleep_quality, used,
                 substance, amount, halt, note, updated_at)
             SELECT date, mood, craving, stress, sleep_half_hours, sleep_quality, used, substance,
                 amount, halt, note, updated_at FROM checkin;
         CREATE TABLE checkin_trigger_v9 (
             date TEXT NOT NULL REFERENCES checkin_v9(date) ON DELETE CASCADE,
             position INTEGER NOT NULL,
             label TEXT NOT NULL,
             PRIMARY KEY (date, position)
         ) WITHOUT ROWID;
         INSERT INTO checkin_trigger_v9 (date, position, label)
             SELECT date, position, label FROM checkin_trigger;
         CREATE TABLE checkin_helped_v9 (
             date TEXT NOT NULL REFERENCES checkin_v9(date) ON DELETE CASCADE,
             position INTEGER NOT NULL,
             label TEXT NOT NULL,
             PRIMARY KEY (date, position)
         ) WITHOUT ROWID;
         INSERT INTO checkin_helped_v9 (date, position, label)
             SELECT date, position, label FROM checkin_helped;
         DROP TABLE checkin_trigger;
         DROP TABLE checkin_helped;
         DROP TABLE checkin;
         ALTER TABLE checkin_v9 RENAME TO checkin;
         ALTER TABLE checkin_trigger_v9 RENAME TO checkin_trigger;
         ALTER TABLE checkin_helped_v9 RENAME TO checkin_helped;
         CREATE INDEX checkin_trigger_label ON checkin_trigger(label);
         CREATE INDEX checkin_used ON checkin(date) WHERE used = 1;
         CREATE INDEX checkin_dates ON checkin(date);",
    ),
    // 10: sync (issue 17), see the `sync` module; after 9, which builds the check-in tables
    // anew (and so would drop triggers made before it).
    M::up(include_str!("sync_schema.sql")),
    // 11: what brings a person back: urges logged as they happen (local times; `updated_at` in
    // UTC decides an import), the line "what I take into next week" per reviewed week, and what
    // a day of using cost on a counter (money in hundredths, time in minutes).
    M::up(
        "CREATE TABLE urge (
             id INTEGER PRIMARY KEY,
             uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
             at TEXT NOT NULL,
             intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
             trigger_label TEXT NOT NULL DEFAULT '',
             note TEXT NOT NULL DEFAULT '',
             outcome TEXT CHECK (outcome IN ('passed', 'used', 'still-there')),
             intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
             answered_at TEXT,
             updated_at TEXT NOT NULL
         );
         CREATE INDEX urge_at ON urge(at);
         CREATE TABLE week_review (
             week TEXT PRIMARY KEY NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
             takeaway TEXT NOT NULL,
             updated_at TEXT NOT NULL
         ) WITHOUT ROWID;
         CREATE TABLE counter_saving (
             counter_id INTEGER PRIMARY KEY REFERENCES counter(id) ON DELETE CASCADE,
             cost_cents INTEGER CHECK (cost_cents BETWEEN 0 AND 10000000),
             minutes INTEGER CHECK (minutes BETWEEN 0 AND 1440),
             save_for TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL
         );",
    ),
    // 12: sync carries migration 11's tables too (issue 17: every change becomes an event).
    M::up(include_str!("sync_retention.sql")),
    // 13: every other record's last change in UTC too, as the check-ins' since 8 (issue 20), read
    // in this system's time zone. Quiet for sync (`sync_applying`): the same moments, not changes
    // to send; the versions sync remembers (a deletion's, the one a change replaced) move with
    // them. Times people are shown (a goal's creation, a session's start) stay local.
    M::up(
        "INSERT INTO sync_applying (only) VALUES (1);
         UPDATE goal SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE habit SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE habit_mark SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE counter SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE slip SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE plan_item SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE breathing_pattern SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE favourite_technique SET added_at = mestring_local_to_utc(added_at);
         UPDATE quiz_card SET answered_at = mestring_local_to_utc(answered_at);
         UPDATE chosen_phase SET updated_at = mestring_local_to_utc(updated_at);
         UPDATE sync_change SET deleted = mestring_local_to_utc(deleted) WHERE deleted IS NOT NULL;
         UPDATE sync_change SET replaced = mestring_local_to_utc(replaced) WHERE replaced IS NOT NULL;
         DELETE FROM sync_applying;",
    ),
];

/// The version from which `start-snapshot.json` is gone.
const START_SNAPSHOT_GONE: usize = 6;
/// The file earlier versions left beside the database; never read, deleted once.
const START_SNAPSHOT_FILE: &str = "start-snapshot.json";

/// Must equal the id in migration 1 (checked by a test).
const _: () = assert!(super::APPLICATION_ID == 1_835_365_236);

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// Whether the schema is this version's; a newer one is refused.
pub(super) fn is_current(conn: &Connection, path: &Path) -> Result<bool> {
    let sql = |e: rusqlite::Error| StoreError::from_sqlite(path.to_owned(), e);
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql)?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > MIGRATIONS.len() {
        return Err(StoreError::Newer { path: path.to_owned(), found, known: MIGRATIONS.len() });
    }
    Ok(found == MIGRATIONS.len())
}

/// SQL functions the migrations call: conversions that need Rust (and the time zone).
fn add_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function("mestring_local_to_utc", 1, FunctionFlags::SQLITE_UTF8, |ctx| {
        let text: String = ctx.get(0)?;
        // Already converted, or not a time: left as it is.
        Ok(super::versions::local_text_to_utc(&text).unwrap_or(text))
    })
}

/// Brings an in-memory copy of the file at `path` up to date, to read it like a current one.
pub(super) fn upgrade_copy(copy: &mut Connection, path: &Path) -> Result<()> {
    add_functions(copy).map_err(|e| StoreError::from_sqlite(path.to_owned(), e))?;
    migrations()
        .to_latest(copy)
        .map_err(|e| StoreError::Damaged { path: path.to_owned(), detail: format!("migration: {e}") })
}

/// Brings the schema up to date. Cheap when it already is: one `user_version` read.
pub(super) fn run(conn: &mut Connection, path: &Path) -> Result<()> {
    if is_current(conn, path)? {
        return Ok(());
    }
    let sql = |e: rusqlite::Error| StoreError::from_sqlite(path.to_owned(), e);
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql)?;
    if found < START_SNAPSHOT_GONE as i64 {
        // Nothing to do when it is not there; any other failure leaves a file nobody reads.
        let _ = std::fs::remove_file(path.with_file_name(START_SNAPSHOT_FILE));
    }
    add_functions(conn).map_err(sql)?;
    match migrations().to_latest(conn) {
        Ok(()) => Ok(()),
        // Another instance may have migrated between our version read and our transaction;
        // then there is nothing left to do.
        Err(_) if migrations().pending_migrations(conn).is_ok_and(|n| n == 0) => Ok(()),
        Err(e) => Err(StoreError::Damaged { path: path.to_owned(), detail: format!("migration: {e}") }),
    }
}

#[cfg(test)]
#[path = "migrations_tests.rs"]
mod tests;

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
    use super::checkins::{TIME_FORMAT, UTC_FORMAT};
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function("mestring_local_to_utc", 1, FunctionFlags::SQLITE_UTF8, |ctx| {
        let text: String = ctx.get(0)?;
        Ok(match chrono::NaiveDateTime::parse_from_str(&text, TIME_FORMAT) {
            Ok(local) => crate::clock::utc_from_local(local).format(UTC_FORMAT).to_string(),
            // Already converted, or not a time: left as it is.
            Err(_) => text,
        })
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
mod tests {
    use super::*;
    use crate::store::Store;

    /// The version that added goals, habits, counters and the plan.
    const GOALS_MIGRATION: usize = 3;
    /// The version that added practice sessions and own breathing patterns.
    const PRACTICE_MIGRATION: usize = 4;
    /// The version from which a check-in's last change is kept in UTC.
    const UTC_MIGRATION: usize = 8;
    /// The version from which craving and stress may be not answered.
    const NOT_ANSWERED_MIGRATION: usize = 9;

    #[test]
    fn the_migrations_are_valid() {
        let mut conn = Connection::open_in_memory().unwrap();
        add_functions(&conn).unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let broken: Vec<String> = conn
            .prepare("PRAGMA foreign_key_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(broken.is_empty(), "{broken:?}");
    }

    /// From every earlier version (0 = a new file) to the latest, with the data each version could
    /// hold surviving the way up.
    #[test]
    fn every_version_upgrades_to_the_latest() {
        for from in 0..=MIGRATIONS.len() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("m.sqlite3");
            let mut conn = Connection::open(&path).unwrap();
            add_functions(&conn).unwrap();
            migrations().to_version(&mut conn, from).unwrap();
            if from >= 1 {
                // Local time until the version that keeps it in UTC.
                let zone = if from >= UTC_MIGRATION { "Z" } else { "" };
                conn.execute_batch(&format!(
                    "INSERT INTO checkin (date, mood, craving, stress, note, updated_at)
                     VALUES ('2026-11-01', 4, 2, 3, 'før', '2026-11-01T20:00:00{zone}');
                     INSERT INTO checkin_trigger VALUES ('2026-11-01', 0, 'stress');",
                ))
                .unwrap();
            }
            if from >= 2 {
                conn.execute_batch(
                    "INSERT INTO favourite_technique VALUES ('mindfulness', '2026-11-01T20:00:00.000');
                     INSERT INTO quiz_card VALUES ('a-slip-can-teach', 3, '2026-11-05', '2026-11-01T20:00:00.000');
                     INSERT INTO quiz_round VALUES ('2026-11-01T20:00:00.000', 'regular', 7, 10);
                     INSERT INTO chosen_phase VALUES (1, 'treatment', '2026-11-01T20:00:00.000');",
                )
                .unwrap();
            }
            if from >= GOALS_MIGRATION {
                conn.execute_batch(
                    "INSERT INTO goal (title, created_at, updated_at) VALUES ('Gå tur', '2026-11-01T20:00:00', '2026-11-01T20:00:00');
                     INSERT INTO counter (name, start, created_at, updated_at)
                         VALUES ('Alkohol', '2026-11-01', '2026-11-01T20:00:00', '2026-11-01T20:00:00');
                     INSERT INTO slip (counter_id, date, updated_at) VALUES (1, '2026-11-03', '2026-11-03T20:00:00');
                     INSERT INTO plan_item (section, position, text, updated_at)
                         VALUES ('reasons', 0, 'Barna', '2026-11-01T20:00:00');",
                )
                .unwrap();
            }
            if from >= PRACTICE_MIGRATION {
                conn.execute_batch(
                    "INSERT INTO practice_session (kind, exercise, name, started_at, planned_ms, actual_ms,
                         completed) VALUES ('breathing', 'box', 'Firkantpust', '2026-11-01T08:00:00.000',
                         240000, 240000, 1);
                     INSERT INTO breathing_pattern (name, inhale, hold_in, exhale, hold_out, updated_at)
                     VALUES ('Kveld', 45, 0, 60, 0, '2026-11-01T08:00:00');",
                )
                .unwrap();
            }
            drop(conn);
            let store = Store::open(&path).unwrap_or_else(|e| panic!("from {from}: {e}"));
            let version: i64 = store.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            assert_eq!(version, MIGRATIONS.len() as i64);
            let app_id: i32 = store.conn().pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
            assert_eq!(app_id, crate::store::APPLICATION_ID);
            store.quick_check().unwrap();
            if from >= 1 {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
                let kept = store.checkin_on(day).unwrap().expect("kept");
                assert_eq!((kept.mood, kept.note.as_str(), kept.triggers.len()), (4, "før", 1));
                assert_eq!((kept.craving, kept.stress), (Some(2), Some(3)), "from {from}: values kept");
                let saved = day.and_hms_opt(20, 0, 0).unwrap();
                let utc = if from >= UTC_MIGRATION { saved } else { crate::clock::utc_from_local(saved) };
                assert_eq!(kept.updated_at, utc, "from {from}: the same moment, in UTC");
            }
            if from >= 2 {
                let kept = store.load_progress().unwrap();
                assert!(kept.favourites.contains("mindfulness"));
                assert_eq!(
                    (kept.cards.len(), kept.rounds.len(), kept.phase.as_deref()),
                    (1, 1, Some("treatment"))
                );
            }
            if from >= GOALS_MIGRATION {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
                assert_eq!(store.open_goals().unwrap()[0].goal.title, "Gå tur");
                assert_eq!(store.first_counter_today(day).unwrap().unwrap().stats.slips, 1);
                assert_eq!(store.plan().unwrap()[0].item.text, "Barna");
            }
            if from >= PRACTICE_MIGRATION {
                assert_eq!(store.own_patterns().unwrap()[0].tenths, [45, 0, 60, 0]);
                assert_eq!(store.practice_count().unwrap(), 1);
            }
        }
    }

    #[test]
    fn not_answered_arrives_with_every_row_and_list_kept_and_the_lists_still_follow_their_day() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        add_functions(&conn).unwrap();
        migrations().to_version(&mut conn, NOT_ANSWERED_MIGRATION - 1).unwrap();
        conn.execute_batch(
            "INSERT INTO checkin (date, mood, craving, stress, used, note, updated_at)
                 VALUES ('2026-11-01', 2, 0, 9, 1, 'a', '2026-11-01T20:00:00Z'),
                        ('2026-11-02', 4, 3, 0, 0, 'b', '2026-11-02T20:00:00Z');
             INSERT INTO checkin_trigger VALUES ('2026-11-01', 0, 'stress'), ('2026-11-01', 1, 'work');
             INSERT INTO checkin_helped VALUES ('2026-11-02', 0, 'mindfulness');",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let rows: Vec<(String, Option<u8>, Option<u8>)> = conn
            .prepare("SELECT date, craving, stress FROM checkin ORDER BY date")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows, [("2026-11-01".into(), Some(0), Some(9)), ("2026-11-02".into(), Some(3), Some(0))]);
        let lists: i64 = conn
            .query_row(
                "SELECT (SELECT count(*) FROM checkin_trigger) + (SELECT count(*) FROM checkin_helped)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(lists, 3, "no list was cascaded away");
        let broken: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 0);
        conn.execute("INSERT INTO checkin (date, mood, updated_at) VALUES ('2026-11-03', 3, 'x')", [])
            .unwrap();
        conn.execute("DELETE FROM checkin WHERE date = '2026-11-01'", []).unwrap();
        let left: i64 = conn.query_row("SELECT count(*) FROM checkin_trigger", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0, "a day's lists still go with it");
        let used: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('checkin_used', 'checkin_dates', 'checkin_trigger_label')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(used, 3, "the indexes are back");
    }

    #[test]
    fn the_old_start_snapshot_is_deleted_once_on_the_way_to_the_version_without_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.sqlite3");
        let snapshot = dir.path().join(START_SNAPSHOT_FILE);
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, START_SNAPSHOT_GONE - 1).unwrap();
        drop(conn);
        std::fs::write(&snapshot, "{}").unwrap();
        drop(Store::open(&path).unwrap());
        assert!(!snapshot.exists(), "deleted on the way up");
        // Once: a file of that name made later is somebody else's business.
        std::fs::write(&snapshot, "{}").unwrap();
        drop(Store::open(&path).unwrap());
        assert!(snapshot.exists());
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.sqlite3");
        drop(Store::open(&path).unwrap());
        let future = MIGRATIONS.len() as i64 + 1;
        Connection::open(&path).unwrap().pragma_update(None, "user_version", future).unwrap();
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(Store::open(&path), Err(StoreError::Newer { .. })));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}

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
/// The version from which every record's last change is kept in UTC.
const ALL_UTC_MIGRATION: usize = 13;

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
        // The other records' last change: local time until the version that keeps it in UTC.
        let all = if from >= ALL_UTC_MIGRATION { "Z" } else { "" };
        if from >= 2 {
            conn.execute_batch(&format!(
                "INSERT INTO favourite_technique VALUES ('mindfulness', '2026-11-01T20:00:00.000{all}');
                 INSERT INTO quiz_card VALUES ('a-slip-can-teach', 3, '2026-11-05', '2026-11-01T20:00:00.000{all}');
                 INSERT INTO quiz_round VALUES ('2026-11-01T20:00:00.000', 'regular', 7, 10);
                 INSERT INTO chosen_phase VALUES (1, 'treatment', '2026-11-01T20:00:00.000{all}');",
            ))
            .unwrap();
        }
        if from >= GOALS_MIGRATION {
            conn.execute_batch(&format!(
                "INSERT INTO goal (title, created_at, updated_at) VALUES ('Gå tur', '2026-11-01T20:00:00', '2026-11-01T20:00:00{all}');
                 INSERT INTO counter (name, start, created_at, updated_at)
                     VALUES ('Alkohol', '2026-11-01', '2026-11-01T20:00:00', '2026-11-01T20:00:00{all}');
                 INSERT INTO slip (counter_id, date, updated_at) VALUES (1, '2026-11-03', '2026-11-03T20:00:00{all}');
                 INSERT INTO plan_item (section, position, text, updated_at)
                     VALUES ('reasons', 0, 'Barna', '2026-11-01T20:00:00{all}');",
            ))
            .unwrap();
        }
        if from >= PRACTICE_MIGRATION {
            conn.execute_batch(&format!(
                "INSERT INTO practice_session (kind, exercise, name, started_at, planned_ms, actual_ms,
                     completed) VALUES ('breathing', 'box', 'Firkantpust', '2026-11-01T08:00:00.000',
                     240000, 240000, 1);
                 INSERT INTO breathing_pattern (name, inhale, hold_in, exhale, hold_out, updated_at)
                 VALUES ('Kveld', 45, 0, 60, 0, '2026-11-01T08:00:00{all}');",
            ))
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
        let moment = |h: u32| {
            let saved = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap().and_hms_opt(h, 0, 0).unwrap();
            if from >= ALL_UTC_MIGRATION { saved } else { crate::clock::utc_from_local(saved) }
        };
        let export = store.export(None, None, moment(23)).unwrap();
        if from >= 2 {
            let phase = export.progress.phase.as_ref().unwrap();
            assert_eq!(
                (phase.updated_at, export.progress.quiz_cards[0].answered_at),
                (moment(20), moment(20))
            );
        }
        if from >= GOALS_MIGRATION {
            assert_eq!(export.goals[0].updated_at, moment(20), "from {from}: the same moment, in UTC");
            let shown = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap().and_hms_opt(20, 0, 0);
            assert_eq!(Some(export.goals[0].goal.created_at), shown, "a time people see stays local");
            assert_eq!((export.counters[0].updated_at, export.plan[0].updated_at), (moment(20), moment(20)));
            let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
            assert_eq!(store.open_goals().unwrap()[0].goal.title, "Gå tur");
            assert_eq!(store.first_counter_today(day).unwrap().unwrap().stats.slips, 1);
            assert_eq!(store.plan().unwrap()[0].item.text, "Barna");
        }
        if from >= PRACTICE_MIGRATION {
            assert_eq!(export.patterns[0].updated_at, moment(8));
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
    conn.execute("INSERT INTO checkin (date, mood, updated_at) VALUES ('2026-11-03', 3, 'x')", []).unwrap();
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

/// The version whose tables sync did not follow yet, and the one from which it does.
const RETENTION_MIGRATION: usize = 11;

#[test]
fn urges_week_lines_and_savings_kept_before_sync_followed_them_are_logged_to_be_sent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.sqlite3");
    let mut conn = Connection::open(&path).unwrap();
    add_functions(&conn).unwrap();
    migrations().to_version(&mut conn, RETENTION_MIGRATION).unwrap();
    conn.execute_batch(
        "INSERT INTO checkin (date, mood, updated_at) VALUES ('2026-11-01', 4, '2026-11-01T20:00:00Z');
         INSERT INTO counter (uid, name, start, created_at, updated_at)
             VALUES ('c1', 'Alkohol', '2026-11-01', '2026-11-01T20:00:00', '2026-11-01T20:00:00');
         INSERT INTO counter_saving (counter_id, cost_cents, updated_at) VALUES (1, 15000, '2026-11-01T19:00:00Z');
         INSERT INTO urge (uid, at, intensity, updated_at) VALUES ('u1', '2026-11-02T14:00:00', 7, '2026-11-02T13:00:00Z');
         INSERT INTO week_review (week, takeaway, updated_at) VALUES ('2026-W45', 'Ringe Kari', '2026-11-08T19:00:00Z');",
    )
    .unwrap();
    let logged = |conn: &Connection| -> Vec<(String, String, i64)> {
        conn.prepare("SELECT kind, key, seq FROM sync_change ORDER BY seq, kind")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before = logged(&conn);
    let last = before.iter().map(|row| row.2).max().unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let after = logged(store.conn());
    let new: Vec<(&str, &str)> =
        after.iter().filter(|row| row.2 > last).map(|row| (row.0.as_str(), row.1.as_str())).collect();
    assert_eq!(new, [("saving", "c1"), ("urge", "u1"), ("week_note", "2026-W45")], "{after:?}");
    assert!(before.iter().all(|row| after.contains(row)), "what was logged stays as it was");
}

//! A `-wal` file is replayed into the database by whoever opens it next. One that belongs to
//! another file would overwrite this one's pages; commands that only read must not write at all.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mestring::domain::checkin::CheckIn;
use mestring::store::{Store, location};
use rusqlite::Connection;

use crate::support::cli::{mestring, stderr, stdout};

fn wal(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", db.display()))
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// A data directory whose database holds a few check-ins, all folded into the main file.
fn our_database(root: &Path) -> (PathBuf, PathBuf) {
    let data = root.join("data");
    let db = location::db_path(&data);
    let mut store = Store::open(&db).unwrap();
    for d in 1..=5 {
        let mut c = CheckIn::blank(day(d), day(d).and_hms_opt(9, 0, 0).unwrap());
        c.note = format!("day {d}, ours");
        store.save_checkin(&c).unwrap();
    }
    store.fold_wal().unwrap();
    drop(store);
    (data, db)
}

/// The WAL another SQLite program left beside its own database.
fn other_programs_wal(root: &Path) -> Vec<u8> {
    let path = root.join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
         CREATE TABLE t(x); INSERT INTO t VALUES ('not mestring');",
    )
    .unwrap();
    let bytes = std::fs::read(wal(&path)).unwrap();
    drop(conn);
    bytes
}

/// The WAL another mestring database left after a one-shot write (as a sync tool might carry
/// it over from another machine).
fn other_mestring_wal(root: &Path) -> Vec<u8> {
    let path = root.join("elsewhere").join("mestring.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.fold_wal().unwrap();
    for d in 1..=3 {
        store.save_checkin(&CheckIn::blank(day(d), day(d).and_hms_opt(7, 0, 0).unwrap())).unwrap();
    }
    let bytes = std::fs::read(wal(&path)).unwrap();
    drop(store);
    bytes
}

#[test]
fn a_foreign_wal_is_refused_by_every_command_and_no_file_changes() {
    for (kind, make) in
        [("sqlite", other_programs_wal as fn(&Path) -> Vec<u8>), ("mestring", other_mestring_wal)]
    {
        let root = tempfile::tempdir().unwrap();
        let (data, db) = our_database(root.path());
        let foreign = make(root.path());
        assert!(!foreign.is_empty(), "{kind}: the test needs a WAL with frames");
        std::fs::write(wal(&db), &foreign).unwrap();
        let before = std::fs::read(&db).unwrap();
        for args in [
            &["status"][..],
            &["export", "--format", "json"],
            &["checkin", "--mood", "4", "--date", "2026-03-06"],
            &["doctor"],
        ] {
            let out = mestring(&data, args);
            let err = stderr(&out) + &stdout(&out);
            assert_eq!(out.status.code(), Some(1), "{kind} {args:?}: {err}");
            assert!(err.contains(&wal(&db).display().to_string()), "{kind} {args:?} names the WAL: {err}");
            assert!(std::fs::read(&db).unwrap() == before, "{kind} {args:?}: the database changed");
            assert!(std::fs::read(wal(&db)).unwrap() == foreign, "{kind} {args:?}: the WAL changed");
        }
        // Once the stray file is moved away, everything is as it was.
        std::fs::rename(wal(&db), root.path().join("stray-wal")).unwrap();
        let store = Store::open(&db).unwrap();
        assert_eq!(store.checkin_on(day(3)).unwrap().unwrap().note, "day 3, ours", "{kind}");
    }
}

#[test]
fn our_own_wal_left_by_a_killed_process_is_still_read() {
    let root = tempfile::tempdir().unwrap();
    let (data, db) = our_database(root.path());
    let mut store = Store::open(&db).unwrap();
    store.save_checkin(&CheckIn::blank(day(9), day(9).and_hms_opt(9, 0, 0).unwrap())).unwrap();
    // What a kill -9 leaves: the committed write only in the WAL.
    let (main, own_wal) = (std::fs::read(&db).unwrap(), std::fs::read(wal(&db)).unwrap());
    drop(store);
    std::fs::write(&db, main).unwrap();
    std::fs::write(wal(&db), own_wal).unwrap();
    let out = mestring(&data, &["export", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2026-03-09"));
}

#[test]
fn commands_that_only_read_never_write_the_database_or_its_wal() {
    let root = tempfile::tempdir().unwrap();
    let (data, db) = our_database(root.path());
    let mut store = Store::open(&db).unwrap();
    // A WAL past the size at which a closing writer folds it into the database.
    for d in 0..300 {
        let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(d);
        let mut c = CheckIn::blank(date, date.and_hms_opt(9, 0, 0).unwrap());
        c.note = "lang dag ".repeat(440);
        store.save_checkin(&c).unwrap();
    }
    // As a killed writer leaves them: a closing one would fold this WAL.
    let (main, own_wal) = (std::fs::read(&db).unwrap(), std::fs::read(wal(&db)).unwrap());
    drop(store);
    std::fs::write(&db, &main).unwrap();
    std::fs::write(wal(&db), &own_wal).unwrap();
    assert!(own_wal.len() > 1024 * 1024, "the test needs a long WAL");
    for args in
        [&["status"][..], &["export", "--format", "json"], &["export", "--format", "csv"], &["doctor"]]
    {
        let out = mestring(&data, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(std::fs::read(&db).unwrap() == main, "{args:?} wrote the database");
        assert!(std::fs::read(wal(&db)).unwrap() == own_wal, "{args:?} wrote the WAL");
    }
}

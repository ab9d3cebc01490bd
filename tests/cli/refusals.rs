//! What the commands say when the data is not what it should be: an emptied database beside its
//! backups, a data directory that is a file, a damaged backup, an import that is not text.

use std::path::Path;

use chrono::NaiveDate;
use mestring::domain::checkin::CheckIn;
use mestring::store::{Store, backup, location};

use crate::support::cli::{mestring, stderr, stdout};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// A database with day 1, and its backup of `backup_day`.
fn with_backup(data: &Path, backup_day: u32) {
    let mut store = Store::open(&location::db_path(data)).unwrap();
    store.save_checkin(&CheckIn::blank(day(1), day(1).and_hms_opt(9, 0, 0).unwrap())).unwrap();
    backup::daily(&store, day(backup_day)).unwrap();
}

#[test]
fn an_emptied_database_beside_backups_is_refused_and_the_backups_are_named() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    with_backup(&data, 1);
    let db = location::db_path(&data);
    std::fs::write(&db, "").unwrap();
    let _ = std::fs::remove_file(data.join("mestring.sqlite3-wal"));
    for args in [&["status"][..], &["checkin", "--mood", "3"], &["export", "--format", "json"]] {
        let out = mestring(&data, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(err.contains("is empty, but there are backups") && err.contains("doctor"), "{args:?}: {err}");
        assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "{args:?}: the file is left as it was");
    }
    let doctor = mestring(&data, &["doctor"]);
    assert_eq!(doctor.status.code(), Some(1));
    assert!(stdout(&doctor).contains("doctor --restore 2026-03-01"), "{}", stdout(&doctor));
    assert!(mestring(&data, &["doctor", "--restore", "2026-03-01"]).status.success());
    assert!(stdout(&mestring(&data, &["export", "--format", "json"])).contains("2026-03-01"));
}

#[test]
fn a_data_directory_that_is_a_file_is_an_error_not_an_empty_history() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::write(&data, "not a directory").unwrap();
    for args in [&["status"][..], &["export", "--format", "json"]] {
        let out = mestring(&data, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        assert!(stderr(&out).contains(&data.display().to_string()), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn doctor_marks_a_damaged_backup_and_never_offers_it() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    with_backup(&data, 1);
    let newer = backup::backup_dir(&location::db_path(&data)).join("mestring-2026-03-02.sqlite3");
    std::fs::write(&newer, "this header is not SQLite's at all, and nothing below it is either").unwrap();
    let out = stdout(&mestring(&data, &["doctor"]));
    let listed = out.lines().find(|l| l.contains("2026-03-02")).unwrap_or_default();
    assert!(listed.contains("damaged"), "{out}");
    assert!(out.contains("doctor --restore 2026-03-01") && !out.contains("--restore 2026-03-02"), "{out}");
}

#[test]
fn import_exits_2_for_a_wrong_command_line_and_1_for_bad_data() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let not_text = root.path().join("binary.json");
    std::fs::write(&not_text, [0xff, 0xfe, 0x00, 0x7b]).unwrap();
    let not_json = root.path().join("notes.json");
    std::fs::write(&not_json, "dear diary").unwrap();
    for (file, code) in
        [(root.path().join("missing.json"), 2), (root.path().to_owned(), 2), (not_text, 1), (not_json, 1)]
    {
        let out = mestring(&data, &["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(code), "{}: {}", file.display(), stderr(&out));
        assert!(stderr(&out).contains(file.to_str().unwrap()), "{}", stderr(&out));
    }
}

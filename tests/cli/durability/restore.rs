//! `mestring doctor --restore`: the file it replaces is always kept, under its own name; only a
//! mestring database is restored, and checking it changes nothing; a running app is told about.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mestring::domain::checkin::CheckIn;
use mestring::store::{Store, backup, location};

use crate::support::cli::{mestring, stderr, stdout};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn add_day(db: &Path, d: u32) {
    let mut c = CheckIn::blank(day(d), day(d).and_hms_opt(9, 0, 0).unwrap());
    c.note = format!("day {d}");
    Store::open(db).unwrap().save_checkin(&c).unwrap();
}

/// A data directory with day 1 in its database and in the backup of 2026-03-01.
fn with_backup(root: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let data = root.join("data");
    let db = location::db_path(&data);
    add_day(&db, 1);
    let made = backup::daily(&Store::open(&db).unwrap(), day(1)).unwrap().unwrap();
    (data, db, made)
}

fn kept_files(data: &Path) -> Vec<PathBuf> {
    let mut kept: Vec<PathBuf> = std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".replaced-") && !p.to_string_lossy().ends_with("-shm"))
        .filter(|p| !p.to_string_lossy().ends_with("-wal"))
        .collect();
    kept.sort();
    kept
}

#[test]
fn two_restores_in_one_second_keep_both_replaced_files() {
    let root = tempfile::tempdir().unwrap();
    let (data, db, made) = with_backup(root.path());
    let same_second = day(4).and_hms_opt(12, 0, 0).unwrap();
    for d in [2, 3] {
        add_day(&db, d);
        backup::restore(&db, &made, same_second).unwrap();
    }
    let kept = kept_files(&data);
    assert_eq!(kept.len(), 2, "{kept:?}");
    let notes: Vec<Vec<String>> = kept
        .iter()
        .map(|k| {
            let store = Store::open_backup(k).unwrap();
            [2, 3].iter().filter_map(|&d| store.checkin_on(day(d)).unwrap()).map(|c| c.note).collect()
        })
        .collect();
    assert!(
        notes.contains(&vec!["day 2".to_owned()]) && notes.contains(&vec!["day 3".to_owned()]),
        "{notes:?}"
    );
}

#[test]
fn restoring_the_database_onto_itself_is_refused_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (data, db, _) = with_backup(root.path());
    add_day(&db, 2);
    let before = std::fs::read(&db).unwrap();
    let out = mestring(&data, &["doctor", "--restore", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("itself"), "{}", stderr(&out));
    assert!(std::fs::read(&db).unwrap() == before);
    assert!(kept_files(&data).is_empty());
}

#[test]
fn an_empty_or_foreign_file_is_not_a_backup_and_is_left_as_it_was() {
    let root = tempfile::tempdir().unwrap();
    let (data, db, _) = with_backup(root.path());
    let empty = root.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let other = root.path().join("other.sqlite3");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
    let text = root.path().join("notes.txt");
    std::fs::write(&text, "ikke en database").unwrap();
    let before = std::fs::read(&db).unwrap();
    for file in [empty, other, text] {
        let bytes = std::fs::read(&file).unwrap();
        let out = mestring(&data, &["doctor", "--restore", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}: {}", file.display(), stdout(&out));
        assert!(stderr(&out).contains(file.to_str().unwrap()), "{}", stderr(&out));
        assert!(std::fs::read(&file).unwrap() == bytes, "{}", file.display());
        assert!(!PathBuf::from(format!("{}-wal", file.display())).exists());
        assert!(std::fs::read(&db).unwrap() == before, "{}", file.display());
    }
    assert!(kept_files(&data).is_empty());
}

#[test]
fn a_restore_reads_the_backup_without_a_change_and_the_restored_file_is_private() {
    let root = tempfile::tempdir().unwrap();
    let (data, db, made) = with_backup(root.path());
    std::fs::set_permissions(&made, std::fs::Permissions::from_mode(0o644)).unwrap();
    let bytes = std::fs::read(&made).unwrap();
    let out = mestring(&data, &["doctor", "--restore", "2026-03-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&made).unwrap() == bytes, "the backup is byte for byte as it was");
    for side in ["-wal", "-shm", "-journal"] {
        assert!(!PathBuf::from(format!("{}{side}", made.display())).exists(), "{side} beside the backup");
    }
    assert_eq!(std::fs::metadata(&db).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(Store::open(&db).unwrap().checkin_on(day(1)).unwrap().is_some());
}

#[test]
fn a_restore_while_the_app_has_the_database_open_is_refused_and_says_why() {
    let root = tempfile::tempdir().unwrap();
    let (data, db, _) = with_backup(root.path());
    add_day(&db, 2);
    let app = Store::open(&db).unwrap();
    let out = mestring(&data, &["doctor", "--restore", "2026-03-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is open in mestring"), "{}", stderr(&out));
    assert!(app.checkin_on(day(2)).unwrap().is_some());
    drop(app);
    assert!(kept_files(&data).is_empty());
    let out = mestring(&data, &["doctor", "--restore", "2026-03-01"]);
    assert!(out.status.success(), "once the app is closed: {}", stderr(&out));
}

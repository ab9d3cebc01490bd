//! The check-in commands, run as the real binary: exit codes, what is written, and what is not.

use crate::support::cli::{import_twice_into_new_dir, mestring, stderr, stdout};

#[test]
fn bad_values_are_usage_errors_and_write_nothing() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    for args in [
        &["checkin", "--mood", "6"][..],
        &["checkin", "--mood", "3", "--craving", "11"],
        &["checkin", "--mood", "3", "--sleep", "7.3"],
        &["checkin", "--mood", "3", "--date", "22.11.2026"],
        &["checkin", "--mood", "3", "--date", "2999-01-01"],
        &["checkin", "--craving", "2"],
        &["checkin", "--mood", "3", "--halt", "sleepy"],
    ] {
        let out = mestring(&data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).trim().is_empty(), "{args:?} says why");
        assert!(!data.exists(), "{args:?} created {}", data.display());
    }
}

#[test]
fn a_check_in_is_recorded_updated_and_reported() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = mestring(&data, &["status"]);
    assert!(stdout(&out).contains("not yet"), "{}", stdout(&out));
    assert!(!data.exists(), "status creates nothing");

    let day = ["--date", "2026-01-05"];
    let first = ["checkin", "--mood", "4", "--craving", "2", "--stress", "5", "--trigger", "stress"];
    let out = mestring(&data, &[&first[..], &day[..], &["--note", "Fin dag, æøå 👍"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    // Only the craving changes; the rest of the day is kept.
    let out = mestring(&data, &[&["checkin", "--craving", "9"][..], &day[..]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("116 123"), "a hard day offers the help lines: {}", stdout(&out));

    let out = mestring(&data, &["export", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let day = &json["checkins"][0];
    assert_eq!((day["mood"].as_u64(), day["craving"].as_u64()), (Some(4), Some(9)));
    assert_eq!(day["note"], "Fin dag, æøå 👍");
    assert_eq!(day["triggers"][0], "stress");

    let csv = stdout(&mestring(&data, &["export", "--format", "csv"]));
    assert!(csv.contains("2026-01-05,4,9,5,"), "{csv}");
    let md = stdout(&mestring(&data, &["export", "--from", "2026-01-01", "--to", "2026-01-14"]));
    assert!(md.contains("Checked in: 1 of 14 days"), "{md}");

    // The same file imported into another data directory twice: the second import changes nothing.
    let (first, second) = import_twice_into_new_dir(root.path(), &out.stdout);
    assert!(first.contains("1 new"), "{first}");
    assert!(second.contains("0 new, 0 updated, 1 unchanged"), "{second}");
}

#[test]
fn a_foreign_file_is_named_and_left_alone() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let db = data.join("mestring.sqlite3");
    std::fs::write(&db, "my shopping list, definitely not SQLite".repeat(50)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = mestring(&data, &["checkin", "--mood", "3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(db.to_str().unwrap()) && stderr(&out).contains("mestring doctor"),
        "{}",
        stderr(&out)
    );
    let out = mestring(&data, &["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn doctor_lists_backups_and_restores_one() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    assert!(mestring(&data, &["checkin", "--mood", "2", "--date", "2026-01-01"]).status.success());
    let listing = stdout(&mestring(&data, &["doctor"]));
    assert!(listing.contains("integrity: ok") && listing.contains("check-ins: 1"), "{listing}");
    let backup = std::fs::read_dir(data.join("backups")).unwrap().next().unwrap().unwrap().path();
    assert!(mestring(&data, &["checkin", "--mood", "5", "--date", "2026-01-02"]).status.success());
    let out = mestring(&data, &["doctor", "--restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("kept as"), "{}", stdout(&out));
    let json = stdout(&mestring(&data, &["export", "--format", "json"]));
    assert!(json.contains("2026-01-01") && !json.contains("2026-01-02"), "{json}");
}

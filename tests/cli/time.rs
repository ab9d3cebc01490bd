//! Clocks that are wrong: set before 1970, or ahead and then put right.

use chrono::NaiveDate;
use mestring::clock::FixedClock;
use mestring::domain::checkin::CheckIn;
use mestring::store::{Store, location};

use crate::support::cli::{mestring, run_with_clock, stdout};

#[test]
fn with_the_clock_before_1970_every_command_works() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let moon = NaiveDate::from_ymd_opt(1969, 7, 20).unwrap().and_hms_opt(22, 56, 0).unwrap();
    let clock = FixedClock::new(moon);
    for args in [
        &["checkin", "--mood", "5", "--note", "ett lite steg"][..],
        &["status"],
        &["export", "--format", "md"],
        &["export", "--format", "json"],
        &["doctor"],
    ] {
        assert_eq!(run_with_clock(&data, args, &clock), std::process::ExitCode::SUCCESS, "{args:?}");
    }
    let stored = Store::open(&location::db_path(&data)).unwrap().checkin_on(moon.date()).unwrap();
    assert_eq!(stored.unwrap().note, "ett lite steg");
}

#[test]
fn everything_in_json_and_csv_includes_days_dated_after_today() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let ahead = NaiveDate::from_ymd_opt(2999, 1, 1).unwrap();
    let mut store = Store::open(&location::db_path(&data)).unwrap();
    store.save_checkin(&CheckIn::blank(ahead, ahead.and_hms_opt(9, 0, 0).unwrap())).unwrap();
    drop(store);
    for format in ["json", "csv"] {
        let out = mestring(&data, &["export", "--format", format]);
        assert!(stdout(&out).contains("2999-01-01"), "{format}: {}", stdout(&out));
    }
}

/// Central European time as a POSIX rule, so no time zone database is needed: summer time
/// (+02:00) ends on the last Sunday of October at 03:00, which becomes 02:00 (+01:00) again.
const OSLO: &str = "CET-1CEST,M3.5.0,M10.5.0/3";

#[test]
fn across_the_autumn_hour_that_runs_twice_the_later_edit_wins_an_import() {
    let root = tempfile::tempdir().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
    let summer = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
    let winter = chrono::FixedOffset::east_opt(3600).unwrap();
    // 02:30 in summer time comes first (00:30 UTC); 02:10 in winter time is 40 minutes later.
    let edits = [
        ("first", day.and_hms_opt(2, 30, 0).unwrap(), summer),
        ("second", day.and_hms_opt(2, 10, 0).unwrap(), winter),
    ];
    for (name, wall, offset) in edits {
        let clock = FixedClock::new(wall);
        clock.set_local(wall, offset);
        let data = root.path().join(name);
        let status = run_with_clock(&data, &["checkin", "--mood", "3", "--note", name], &clock);
        assert_eq!(status, std::process::ExitCode::SUCCESS);
    }
    let (first, second) = (root.path().join("first"), root.path().join("second"));
    let file = root.path().join("second.json");
    std::fs::write(&file, mestring(&second, &["export", "--format", "json"]).stdout).unwrap();
    assert!(mestring(&first, &["import", file.to_str().unwrap()]).status.success());
    let kept = Store::open(&location::db_path(&first)).unwrap().checkin_on(day).unwrap().unwrap();
    assert_eq!(kept.note, "second", "the later edit, made at an earlier-looking local time, wins");
}

#[test]
fn times_kept_as_local_by_earlier_versions_are_read_as_the_same_moments_in_utc() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut conn = rusqlite::Connection::open(location::db_path(&data)).unwrap();
    mestring::store::migrations::migrations().to_version(&mut conn, 7).unwrap();
    conn.execute_batch(
        "INSERT INTO checkin (date, mood, craving, stress, updated_at) VALUES
             ('2026-07-01', 4, 1, 1, '2026-07-01T20:00:00'), ('2026-12-01', 4, 1, 1, '2026-12-01T20:00:00');",
    )
    .unwrap();
    drop(conn);
    let read = export_in_oslo(&data);
    let times: Vec<&str> =
        read["checkins"].as_array().unwrap().iter().map(|c| c["updated_at"].as_str().unwrap()).collect();
    assert_eq!(times, ["2026-07-01T18:00:00", "2026-12-01T19:00:00"], "summer and winter time");
    // An export from before is local time too, and imports as the same moments.
    let mut old = read.clone();
    old["version"] = 1.into();
    old["checkins"][0]["updated_at"] = "2026-07-01T20:00:00".into();
    old["checkins"][1]["updated_at"] = "2026-12-01T20:00:00".into();
    let file = root.path().join("old.json");
    std::fs::write(&file, old.to_string()).unwrap();
    let other = root.path().join("other");
    assert!(in_oslo(&other, &["import", file.to_str().unwrap()]).status.success());
    assert_eq!(export_in_oslo(&other)["checkins"], read["checkins"]);
}

/// The real binary in Norwegian time.
fn in_oslo(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(args)
        .env("MESTRING_DATA_DIR", data)
        .env("TZ", OSLO)
        .output()
        .unwrap()
}

fn export_in_oslo(data: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&in_oslo(data, &["export", "--format", "json"]).stdout).unwrap()
}

#[test]
fn records_kept_in_local_time_until_migration_13_or_export_5_are_read_as_utc_across_both_changes_of_hour() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let db = location::db_path(&data);
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    // Migration 8 calls the conversion; an empty file has nothing to convert.
    let flags = rusqlite::functions::FunctionFlags::SQLITE_UTF8;
    conn.create_scalar_function("mestring_local_to_utc", 1, flags, |ctx| ctx.get::<String>(0)).unwrap();
    mestring::store::migrations::migrations().to_version(&mut conn, 12).unwrap();
    // Summer time, winter time, the hour that runs twice in autumn, read as its first run
    // (summer time, the earlier of the two moments it may be), and the hour skipped in spring,
    // read with winter time's offset. A deleted entry leaves its version behind for sync.
    conn.execute_batch(
        "INSERT INTO goal (title, created_at, updated_at) VALUES ('Gå tur', '2026-07-01T20:00:00', '2026-07-01T20:00:00');
         INSERT INTO habit (name, cadence, created_at, updated_at)
             VALUES ('Frokost', 'daily', '2026-12-01T20:00:00', '2026-12-01T20:00:00');
         INSERT INTO counter (name, start, created_at, updated_at)
             VALUES ('Alkohol', '2026-03-01', '2026-03-29T02:30:00', '2026-03-29T02:30:00');
         INSERT INTO plan_item (section, position, text, updated_at) VALUES ('reasons', 0, 'Barna', '2026-10-25T02:30:00');
         INSERT INTO plan_item (section, position, text, updated_at) VALUES ('reasons', 1, 'Gammel', '2026-10-25T02:40:00');
         DELETE FROM plan_item WHERE text = 'Gammel';
         INSERT INTO chosen_phase VALUES (1, 'treatment', '2026-10-25T02:30:00.000');",
    )
    .unwrap();
    drop(conn);
    let read = export_in_oslo(&data);
    let at = |path: &str| read.pointer(path).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    assert_eq!(read["version"], 5);
    assert_eq!(
        [at("/goals/0/updated_at"), at("/habits/0/updated_at"), at("/plan/0/updated_at")],
        ["2026-07-01T18:00:00", "2026-12-01T19:00:00", "2026-10-25T00:30:00"]
    );
    assert_eq!(at("/progress/phase/updated_at"), "2026-10-25T00:30:00");
    assert_eq!(at("/counters/0/updated_at"), "2026-03-29T01:30:00");
    assert_eq!(at("/goals/0/created_at"), "2026-07-01T20:00:00", "a time people see stays local");
    // An export of version 4 has them in local time too, and imports as the same moments.
    let mut old = read.clone();
    old["version"] = 4.into();
    old["goals"][0]["updated_at"] = "2026-07-01T20:00:00".into();
    old["habits"][0]["updated_at"] = "2026-12-01T20:00:00".into();
    old["plan"][0]["updated_at"] = "2026-10-25T02:30:00".into();
    old["progress"]["phase"]["updated_at"] = "2026-10-25T02:30:00".into();
    old["counters"][0]["updated_at"] = "2026-03-29T02:30:00".into();
    let file = root.path().join("old.json");
    std::fs::write(&file, old.to_string()).unwrap();
    let other = root.path().join("other");
    assert!(in_oslo(&other, &["import", file.to_str().unwrap()]).status.success());
    let imported = export_in_oslo(&other);
    for part in ["goals", "habits", "counters", "plan", "progress"] {
        assert_eq!(imported[part], read[part], "{part}");
    }
    // Written back by the upgrade, the tombstone too; importing what the file has changes nothing.
    let again = in_oslo(&data, &["import", file.to_str().unwrap()]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let text = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    assert_eq!(text("SELECT updated_at FROM goal"), "2026-07-01T18:00:00Z");
    assert_eq!(text("SELECT deleted FROM sync_change WHERE deleted IS NOT NULL"), "2026-10-25T00:40:00Z");
    assert_eq!(text("SELECT updated_at FROM chosen_phase"), "2026-10-25T00:30:00.000Z");
}

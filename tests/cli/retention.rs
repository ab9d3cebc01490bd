//! `urge`, `review`, `remind` and `import --from daylio`, run as the real binary: exit codes,
//! what is written and what is not.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::cli::{exported_json, import_twice_into_new_dir, mestring, stderr, stdout};

#[test]
fn bad_urge_and_review_command_lines_exit_2_and_write_nothing() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    for args in [
        &["urge"][..],
        &["urge", "--intensity", "11"],
        &["urge", "--outcome", "maybe"],
        &["urge", "--outcome", "passed"],
        &["urge", "--outcome", "passed", "--trigger", "stress"],
        &["review", "--week", "2026-W60"],
        &["review", "--week", "last"],
        &["remind", "--install", "25:00"],
        &["remind", "--install", "20:00", "--uninstall"],
        &["import", "--from", "diary", "x.csv"],
    ] {
        let out = mestring(&data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).trim().is_empty(), "{args:?} says why");
        assert!(!data.exists(), "{args:?} created {}", data.display());
    }
}

#[test]
fn a_craving_is_written_down_answered_exported_and_imported_twice_without_change() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = mestring(&data, &["urge", "--intensity", "7", "--trigger", "Stress", "--note", "etter jobb"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("urge-surfing"), "what could help: {}", stdout(&out));
    let out = mestring(&data, &["urge", "--outcome", "passed", "--intensity", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("It passed"), "{}", stdout(&out));
    let out = mestring(&data, &["urge", "--outcome", "used"]);
    assert_eq!(out.status.code(), Some(2), "nothing left to answer: {}", stdout(&out));

    let json = exported_json(&data);
    let urge = &json["urges"][0];
    assert_eq!((urge["intensity"].as_u64(), urge["trigger"].as_str()), (Some(7), Some("stress")));
    assert_eq!((urge["outcome"].as_str(), urge["intensity_after"].as_u64()), (Some("passed"), Some(2)));
    let export = mestring(&data, &["export", "--format", "json"]).stdout;
    let (first, second) = import_twice_into_new_dir(root.path(), &export);
    assert!(first.contains("Cravings, week lines and savings: 1 added"), "{first}");
    assert!(!second.contains("Cravings"), "twice changes nothing: {second}");
    assert_eq!(exported_json(&root.path().join("other"))["urges"], json["urges"]);
}

#[test]
fn the_review_reads_only_and_says_when_there_is_too_little_data() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = mestring(&data, &["review"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Too little data for patterns yet"), "{}", stdout(&out));
    assert!(!data.exists(), "review creates nothing");

    for (day, mood) in [("2026-11-16", "4"), ("2026-11-17", "2"), ("2026-11-10", "3")] {
        let out = mestring(&data, &["checkin", "--date", day, "--mood", mood, "--helped", "gikk en tur"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let md = stdout(&mestring(&data, &["review", "--week", "2026-W47", "--format", "md"]));
    assert!(md.starts_with("# Week 2026-W47"), "{md}");
    assert!(md.contains("| Check-ins | 2 | 1 |"), "this week against the week before:\n{md}");
    assert!(md.contains("| Mood (average 1-5) | 3.0 | 3.0 |"), "{md}");
    assert!(md.contains("- gikk en tur (2)"), "what helped most often:\n{md}");
    let nb = crate::support::cli::mestring_in("nb_NO.UTF-8", &data, &["review", "--week", "2026-W47"]);
    assert!(stdout(&nb).contains("Uke 2026-W47"), "{}", stdout(&nb));
}

#[test]
fn remind_speaks_only_when_something_is_left_and_never_fails_without_a_desktop() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = remind(&data, root.path(), &["remind", "--notify"], "/nonexistent");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("today's check-in is waiting"), "{}", stdout(&out));
    assert!(!data.exists(), "remind creates nothing");
    assert!(mestring(&data, &["checkin", "--mood", "4"]).status.success());
    let out = remind(&data, root.path(), &["remind", "--notify"], "/nonexistent");
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(0), ""), "all done: nothing");
}

#[test]
fn remind_installs_a_systemd_timer_or_prints_the_crontab_line() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let out = remind(&data, root.path(), &["remind", "--install", "20:30"], "/nonexistent");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("crontab -e"), "{}", stdout(&out));
    assert!(stdout(&out).contains("30 20 * * * "), "{}", stdout(&out));
    assert!(stdout(&out).contains("remind --notify"));

    // A systemctl that records what it was asked and succeeds, as a user manager would.
    let bin = root.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let log = root.path().join("systemctl.log");
    let script = format!("#!/bin/sh\necho \"$@\" >> {}\n", log.display());
    std::fs::write(bin.join("systemctl"), script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.join("systemctl"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = remind(&data, root.path(), &["remind", "--install", "20:30"], bin.to_str().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    let units = root.path().join("config/systemd/user");
    let timer = std::fs::read_to_string(units.join("mestring-remind.timer")).unwrap();
    assert!(timer.contains("OnCalendar=*-*-* 20:30:00"), "{timer}");
    let service = std::fs::read_to_string(units.join("mestring-remind.service")).unwrap();
    assert!(service.contains(&format!("--data-dir {} remind --notify", data.display())), "{service}");
    let calls = std::fs::read_to_string(&log).unwrap();
    assert!(calls.contains("--user enable --now mestring-remind.timer"), "{calls}");

    let out = remind(&data, root.path(), &["remind", "--uninstall"], bin.to_str().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!units.join("mestring-remind.timer").exists() && !units.join("mestring-remind.service").exists());
    assert!(std::fs::read_to_string(&log).unwrap().contains("--user disable --now mestring-remind.timer"));
}

/// `mestring args` in English with `PATH` as given, no session bus, and the config directory
/// (for systemd's units) inside `root`.
fn remind(data: &Path, root: &Path, args: &[&str], path: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(args)
        .env("MESTRING_DATA_DIR", data)
        .env("MESTRING_CONFIG", data.join("config.ron"))
        .env("LANG", "en_GB.UTF-8")
        .env("PATH", path)
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env_remove("MESTRING_LANG")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("XDG_RUNTIME_DIR")
        .output()
        .expect("run mestring")
}

const DAYLIO: &str = "full_date,date,weekday,time,mood,activities,note_title,note\n\
    2026-11-20,November 20,Friday,20:30,good,walk | friends,,\"Long walk, felt lighter\"\n\
    2026-11-20,November 20,Friday,08:05,meh,walk,,\n\
    2026-11-19,November 19,Thursday,21:00,awful,,,Hard day\n\
    2026-11-18,November 18,Wednesday,21:00,ecstatic,,,\n";

#[test]
fn a_daylio_export_is_taken_with_what_was_left_and_twice_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let file = root.path().join("daylio.csv");
    std::fs::write(&file, DAYLIO).unwrap();
    let import = || mestring(&data, &["import", "--from", "daylio", file.to_str().unwrap()]);
    let out = import();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 new days, 0 were here already"), "{}", stdout(&out));
    assert!(stdout(&out).contains(":5: a mood mestring does not know: \"ecstatic\""), "{}", stdout(&out));
    let before = exported_json(&data)["checkins"].clone();
    let out = import();
    assert!(stdout(&out).contains("0 new days, 2 were here already"), "{}", stdout(&out));
    assert_eq!(exported_json(&data)["checkins"], before, "twice changes nothing");
    let friday = &before[1];
    assert_eq!((friday["date"].as_str(), friday["mood"].as_u64()), (Some("2026-11-20"), Some(4)));
    assert_eq!(friday["helped"], serde_json::json!(["walk", "friends"]));

    let missing = mestring(&data, &["import", "--from", "daylio", "nowhere.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::write(&file, "date,mood\n2026-11-20,4\n").unwrap();
    let not_daylio = import();
    assert_eq!(not_daylio.status.code(), Some(1), "{}", stderr(&not_daylio));
    assert!(stderr(&not_daylio).contains("not a Daylio CSV export"));
}

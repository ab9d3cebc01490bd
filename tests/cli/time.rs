//! Clocks that are wrong: set before 1970, or ahead and then put right.

use chrono::NaiveDate;
use clap::Parser;
use mestring::cli::Cli;
use mestring::clock::FixedClock;
use mestring::domain::checkin::CheckIn;
use mestring::i18n::Lang;
use mestring::store::{Store, location};

use crate::support::cli::{mestring, stdout};

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
        let data_dir = data.to_str().unwrap();
        let cli = Cli::parse_from(["mestring", "--data-dir", data_dir].iter().chain(args));
        let status = mestring::commands::run(&cli, cli.command.as_ref().unwrap(), Lang::En, &clock);
        assert_eq!(status, std::process::ExitCode::SUCCESS, "{args:?}");
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

//! Tests of the check-in table group, against a real in-memory database.

use chrono::Datelike;

use super::*;
use crate::domain::checkin::CheckIn;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn sample(date: NaiveDate) -> CheckIn {
    CheckIn {
        mood: 2,
        craving: Some(7),
        stress: Some(6),
        sleep_half_hours: Some(13),
        sleep_quality: Some(2),
        slip: Some(Slip { substance: "øl".into(), amount: "2 🍺".into() }),
        triggers: vec!["stress".into(), "Svigermor på besøk".into()],
        halt: Halt { hungry: true, angry: false, lonely: true, tired: false },
        helped: vec!["breathe-through-the-urge".into(), "gikk tur".into()],
        note: "Tung dag.\nMen jeg ringte Kari 👩‍👧 og det hjalp. æøå".into(),
        ..CheckIn::blank(date, date.and_hms_opt(21, 15, 0).unwrap())
    }
}

#[test]
fn a_saved_check_in_reads_back_equal_and_an_update_replaces_it() {
    let mut store = Store::open_in_memory().unwrap();
    let day = date(11, 22);
    store.save_checkin(&sample(day)).unwrap();
    assert_eq!(store.checkin_on(day).unwrap(), Some(sample(day)));
    let edited = CheckIn { triggers: vec!["boredom".into()], helped: vec![], slip: None, ..sample(day) };
    store.save_checkin(&edited).unwrap();
    assert_eq!(store.checkin_on(day).unwrap(), Some(edited));
    assert_eq!(store.checkin_count().unwrap(), 1);
    assert_eq!(store.checkin_on(date(11, 21)).unwrap(), None);
}

#[test]
fn an_invalid_check_in_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let bad = CheckIn { mood: 9, ..sample(date(11, 22)) };
    assert!(store.save_checkin(&bad).is_err());
    assert_eq!(store.checkin_count().unwrap(), 0);
}

#[test]
fn ranges_pages_and_streak_reads_are_bounded_by_date() {
    let mut store = Store::open_in_memory().unwrap();
    for d in [1, 2, 3, 5, 8] {
        store.save_checkin(&sample(date(11, d))).unwrap();
    }
    let range: Vec<u32> =
        store.checkins_between(date(11, 2), date(11, 5)).unwrap().iter().map(|c| c.date.day()).collect();
    assert_eq!(range, [2, 3, 5]);
    let between = store.checkins_between(date(11, 2), date(11, 5)).unwrap();
    assert!(between.iter().all(|c| c.triggers.len() == 2 && c.helped.len() == 2));
    let page: Vec<u32> =
        store.checkins_before(date(11, 8), 2).unwrap().iter().map(|c| c.date.day()).collect();
    assert_eq!(page, [5, 3]);
    assert_eq!(store.checkins_before(date(11, 8), 2).unwrap()[1], sample(date(11, 3)));
    let mut seen = Vec::new();
    store
        .checkin_dates_back_from(date(11, 5), |d| {
            seen.push(d.day());
            d.day() > 2
        })
        .unwrap();
    assert_eq!(seen, [5, 3, 2], "stops reading when told");
    assert_eq!(store.checkin_span().unwrap(), Some((date(11, 1), date(11, 8))));
    assert_eq!(store.recent_trigger_labels(date(11, 1)).unwrap(), ["Svigermor på besøk", "stress"]);
    assert!(store.recent_helped_labels(date(12, 1)).unwrap().is_empty());
}

#[test]
fn export_then_import_gives_the_same_data_and_a_second_import_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    for d in 1..=20 {
        store.save_checkin(&CheckIn { craving: Some((d % 11) as u8), ..sample(date(10, d)) }).unwrap();
    }
    let now = date(11, 1).and_hms_opt(8, 0, 0).unwrap();
    let json = serde_json::to_string(&store.export(None, None, now).unwrap()).unwrap();
    let mut copy = Store::open_in_memory().unwrap();
    let first = copy.import_json(&json).unwrap();
    assert_eq!((first.added, first.updated, first.unchanged), (20, 0, 0));
    let second = copy.import_json(&json).unwrap();
    assert_eq!((second.added, second.updated, second.unchanged), (0, 0, 20));
    assert_eq!(copy.export(None, None, now).unwrap(), store.export(None, None, now).unwrap());
}

#[test]
fn an_import_keeps_the_newer_version_of_a_day() {
    let mut store = Store::open_in_memory().unwrap();
    let day = date(11, 22);
    let newer = CheckIn { mood: 5, updated_at: day.and_hms_opt(23, 0, 0).unwrap(), ..sample(day) };
    store.save_checkin(&newer).unwrap();
    let now = day.and_hms_opt(23, 30, 0).unwrap();
    let mut older = store.export(None, None, now).unwrap();
    older.checkins[0].mood = 1;
    older.checkins[0].updated_at = day.and_hms_opt(8, 0, 0).unwrap();
    let summary = store.import_json(&serde_json::to_string(&older).unwrap()).unwrap();
    assert_eq!(summary.unchanged, 1);
    assert_eq!(store.checkin_on(day).unwrap().unwrap().mood, 5);
}

#[test]
fn a_bad_import_is_refused_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let now = date(11, 22).and_hms_opt(8, 0, 0).unwrap();
    let mut export = Store::open_in_memory().unwrap().export(None, None, now).unwrap();
    export.checkins = vec![sample(date(11, 1)), CheckIn { stress: Some(12), ..sample(date(11, 2)) }];
    let err = store.import_json(&serde_json::to_string(&export).unwrap()).unwrap_err();
    assert!(err.to_string().contains("2026-11-02"), "{err}");
    assert_eq!(store.checkin_count().unwrap(), 0);
    assert!(matches!(store.import_json("{\"a\": 1}"), Err(crate::store::exchange::ImportError::NotAnExport)));
    assert!(store.import_json("not json").is_err());
}

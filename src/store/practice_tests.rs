use chrono::{NaiveDate, NaiveDateTime};

use super::*;

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap().and_hms_milli_opt(h, m, 0, 250).unwrap()
}

fn today() -> NaiveDate {
    // A Sunday; its week began on Monday the 16th.
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn session(started_at: NaiveDateTime, actual_secs: u64, completed: bool) -> PracticeRecord {
    PracticeRecord {
        kind: ExerciseKind::Breathing,
        exercise: "box".into(),
        name: "Firkantpust".into(),
        started_at,
        planned_ms: 240_000,
        actual_ms: actual_secs * 1000,
        completed,
    }
}

fn pattern(name: &str, tenths: [u16; 4]) -> OwnPattern {
    OwnPattern { id: 0, name: name.into(), tenths }
}

#[test]
fn sessions_read_back_by_day_and_count_in_the_stats() {
    let mut store = Store::open_in_memory().unwrap();
    let guided = PracticeRecord {
        kind: ExerciseKind::Mindfulness,
        exercise: "urge-surfing".into(),
        name: "Surf på suget".into(),
        ..session(at(22, 23, 59), 600, false)
    };
    for r in
        [session(at(15, 8, 0), 240, true), session(at(20, 8, 0), 90, false), session(at(21, 7, 0), 240, true)]
    {
        store.record_practice(&r).unwrap();
    }
    store.record_practice(&session(at(22, 0, 0), 240, true)).unwrap();
    store.record_practice(&guided).unwrap();
    let today_sessions = store.practice_on(today()).unwrap();
    assert_eq!(today_sessions.len(), 2);
    assert_eq!(today_sessions[1], guided, "read back equal, milliseconds and all");
    let stats = store.practice_stats(today()).unwrap();
    assert_eq!(stats.sessions, 5);
    assert_eq!(stats.week_ms, (90 + 240 + 240 + 600) * 1000, "the 15th is last week");
    assert_eq!(stats.streak_days, 3, "20, 21, 22");
    assert_eq!(store.practice_stats(today().succ_opt().unwrap()).unwrap().streak_days, 3, "yesterday counts");
    assert_eq!(
        store.practice_stats(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()).unwrap().streak_days,
        0,
        "a gap breaks it"
    );
    // The same stats as the pure function over all records.
    let all = store.practice_between(NaiveDate::MIN, NaiveDate::from_ymd_opt(9999, 1, 1).unwrap()).unwrap();
    assert_eq!(practice::stats(&all, today()), stats);
}

#[test]
fn own_patterns_are_saved_renamed_and_deleted_with_unique_names() {
    let mut store = Store::open_in_memory().unwrap();
    let now = at(22, 9, 0);
    let id = store.save_own_pattern(&pattern("Kveld", [45, 0, 60, 0]), Moment::in_utc(now)).unwrap();
    let other = store.save_own_pattern(&pattern("Morgen", [40, 10, 40, 10]), Moment::in_utc(now)).unwrap();
    assert!(store.own_pattern_name_taken("KVELD", other).unwrap());
    assert!(!store.own_pattern_name_taken("kveld", id).unwrap(), "its own name is not taken");
    let clash = store
        .save_own_pattern(&OwnPattern { id: other, ..pattern("kveld", [40, 0, 40, 0]) }, Moment::in_utc(now));
    assert!(clash.is_err(), "the database refuses a second 'kveld'");
    assert_eq!(store.own_patterns().unwrap()[1].name, "Morgen", "and wrote nothing");
    store
        .save_own_pattern(&OwnPattern { id, ..pattern("Kveldsro", [50, 0, 70, 0]) }, Moment::in_utc(now))
        .unwrap();
    let names: Vec<String> = store.own_patterns().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["Kveldsro", "Morgen"]);
    store.delete_own_pattern(other).unwrap();
    assert_eq!(store.own_patterns().unwrap(), [OwnPattern { id, ..pattern("Kveldsro", [50, 0, 70, 0]) }]);
    let bad = store.save_own_pattern(&pattern("Nei", [0, 0, 60, 0]), Moment::in_utc(now));
    assert!(bad.is_err(), "no breath in: refused by the table's check");
}

#[test]
fn export_and_import_carry_practice_and_patterns_once() {
    let mut store = Store::open_in_memory().unwrap();
    store.record_practice(&session(at(21, 7, 0), 240, true)).unwrap();
    store.record_practice(&session(at(22, 7, 0), 30, false)).unwrap();
    store.save_own_pattern(&pattern("Kveld", [45, 0, 60, 0]), Moment::in_utc(at(20, 9, 0))).unwrap();
    let now = at(22, 10, 0);
    let export = store.export(None, None, now).unwrap();
    assert_eq!((export.practice.len(), export.patterns.len()), (2, 1));
    let json = serde_json::to_string(&export).unwrap();

    let mut copy = Store::open_in_memory().unwrap();
    let first = copy.import_json(&json).unwrap();
    assert_eq!(first.practice, PracticeImport { sessions_added: 2, patterns_added: 1, patterns_updated: 0 });
    let second = copy.import_json(&json).unwrap();
    assert_eq!(second.practice, PracticeImport::default(), "importing twice changes nothing");
    assert_eq!(copy.export(None, None, now).unwrap(), export);

    // A newer version of a pattern replaces it; an older one does not.
    let mut newer = export.clone();
    newer.patterns[0].tenths = [50, 0, 80, 0];
    newer.patterns[0].updated_at = at(22, 9, 30);
    let mut older = export.clone();
    older.patterns[0].tenths = [10, 0, 10, 0];
    older.patterns[0].updated_at = at(1, 9, 0);
    assert_eq!(
        copy.import_json(&serde_json::to_string(&newer).unwrap()).unwrap().practice.patterns_updated,
        1
    );
    assert_eq!(
        copy.import_json(&serde_json::to_string(&older).unwrap()).unwrap().practice.patterns_updated,
        0
    );
    assert_eq!(copy.own_patterns().unwrap()[0].tenths, [50, 0, 80, 0]);

    // A date range exports the sessions in it.
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(store.export(Some(day), Some(day), now).unwrap().practice.len(), 1);
}

#[test]
fn an_export_without_practice_still_imports_and_a_bad_pattern_refuses_the_whole_file() {
    let mut store = Store::open_in_memory().unwrap();
    let old = r#"{"format": "mestring-export", "version": 1, "exported_at": "2026-11-01T08:00:00", "checkins": []}"#;
    assert_eq!(store.import_json(old).unwrap().practice, PracticeImport::default());

    let mut export = Store::open_in_memory().unwrap().export(None, None, at(22, 8, 0)).unwrap();
    export.practice = vec![session(at(21, 7, 0), 60, true)];
    export.patterns =
        vec![PatternExport { name: "Tom".into(), tenths: [0, 0, 60, 0], updated_at: at(21, 7, 0) }];
    let err = store.import_json(&serde_json::to_string(&export).unwrap()).unwrap_err();
    assert!(err.to_string().contains("Tom"), "{err}");
    assert_eq!(store.practice_count().unwrap(), 0, "nothing of it was written");
}

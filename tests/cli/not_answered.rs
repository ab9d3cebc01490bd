//! A field left out is "not answered", never 0: stored as such, left out of averages, carried
//! by the export as null, and older exports without it still import.

use crate::support::cli::{exported_json, mestring_in, stderr, stdout};

#[test]
fn a_check_in_with_only_mood_stores_craving_and_stress_as_not_answered() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| mestring_in("nb_NO.UTF-8", data.path(), args);
    let out = run(&["checkin", "--date", "2026-11-20", "--mood", "4", "--craving", "8", "--stress", "6"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&["checkin", "--date", "2026-11-21", "--mood", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = exported_json(data.path());
    let day =
        json["checkins"].as_array().unwrap().iter().find(|c| c["date"] == "2026-11-21").unwrap().clone();
    assert!(day["craving"].is_null() && day["stress"].is_null(), "not 0: {day}");
    let md = stdout(&run(&["export", "--format", "md", "--from", "2026-11-20", "--to", "2026-11-21"]));
    assert!(md.contains("- Sug: snitt 8,0 / 10, høyest 8"), "the unanswered day is left out: {md}");
    assert!(md.contains("- Stress: snitt 6,0 / 10"), "{md}");
    assert!(md.contains("| 2026-11-21 lør | 3 Helt ok | – | – |"), "{md}");
    let csv = stdout(&run(&["export", "--format", "csv"]));
    assert!(csv.contains("2026-11-21,3,,,"), "{csv}");
}

#[test]
fn not_answered_survives_an_export_and_import_and_older_exports_still_import() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| mestring_in("en_GB.UTF-8", data.path(), args);
    let file = data.path().join("in.json");
    let old = r#"{"format": "mestring-export", "version": 2, "exported_at": "2026-11-22T10:00:00",
        "checkins": [{"date": "2026-11-01", "mood": 4, "craving": 0, "stress": 2, "updated_at": "2026-11-01T20:00:00"}]}"#;
    std::fs::write(&file, old).unwrap();
    let out = run(&["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "an export from before: {}", stderr(&out));
    let new = r#"{"format": "mestring-export", "version": 3, "exported_at": "2026-11-22T10:00:00",
        "checkins": [{"date": "2026-11-02", "mood": 3, "craving": null, "stress": null, "updated_at": "2026-11-02T20:00:00"}]}"#;
    std::fs::write(&file, new).unwrap();
    let out = run(&["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = exported_json(data.path());
    let days = json["checkins"].as_array().unwrap();
    let first = days.iter().find(|c| c["date"] == "2026-11-01").unwrap();
    assert_eq!((first["craving"].as_u64(), first["stress"].as_u64()), (Some(0), Some(2)), "0 stays 0");
    let second = days.iter().find(|c| c["date"] == "2026-11-02").unwrap();
    assert!(second["craving"].is_null() && second["stress"].is_null(), "{second}");
    // 5 since every record's last change is UTC; 3 still imports, as above.
    assert_eq!(json["version"].as_u64(), Some(5));
}

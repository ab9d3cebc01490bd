//! `mestring import` with files that are truncated, garbage, of the wrong type, huge or deeply
//! nested: always a clear message and a non-zero exit, never a panic, and neither the file nor
//! the data changes.

use std::path::Path;

use crate::support::cli::mestring;

fn export(data: &Path) -> String {
    let out = mestring(data, &["export", "--format", "json"]);
    assert!(out.status.success());
    // The export's own timestamp is left out of the comparison.
    String::from_utf8(out.stdout).unwrap().lines().filter(|l| !l.contains("exported_at")).collect()
}

#[test]
fn bad_import_files_are_refused_clearly_and_change_nothing() {
    let data = tempfile::tempdir().unwrap();
    let ok = mestring(data.path(), &["checkin", "--mood", "4", "--craving", "2", "--note", "før importen"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let before = export(data.path());
    let good = mestring(data.path(), &["export", "--format", "json"]).stdout;
    let good = String::from_utf8(good).unwrap();

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge_note = format!(
        r#"{{"version": 1, "checkins": [{{"date": "2026-11-01", "mood": 3, "note": "{}"}}]}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    let cases: Vec<(&str, String)> = vec![
        ("truncated", good[..good.len() / 2].to_owned()),
        ("garbage", "\u{0}\u{1}binary garbage\u{ff}".to_owned()),
        ("empty", String::new()),
        ("wrong type", r#"{"checkins": "many"}"#.to_owned()),
        ("a list", "[1, 2, 3]".to_owned()),
        ("bad date", r#"{"checkins": [{"date": "2026-13-45", "mood": 3}]}"#.to_owned()),
        ("mood out of range", r#"{"checkins": [{"date": "2026-11-01", "mood": 99}]}"#.to_owned()),
        ("deeply nested", deep),
        ("huge", huge_note),
    ];
    for (name, text) in cases {
        let file = data.path().join(format!("{}.json", name.replace(' ', "-")));
        std::fs::write(&file, &text).unwrap();
        let out = mestring(data.path(), &["import", file.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}: refused");
        assert!(
            !stderr.is_empty() && !stderr.contains("panicked"),
            "{name}: a clear message, not a panic: {stderr}"
        );
        assert!(stderr.len() < 2000, "{name}: the message is short: {} bytes", stderr.len());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "{name}: the file is untouched");
        assert_eq!(export(data.path()), before, "{name}: the data is unchanged");
    }
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let out = mestring(data.path(), &["import", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.json"));
}

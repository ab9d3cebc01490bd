//! The real binary in a pseudo-terminal: `mestring breathe` opens straight into a session, the
//! phase words change on schedule, the session ends (early, completed, or by a signal), and the
//! export of the same data directory shows it recorded.

use std::path::Path;

use crate::support::cli::{exported_json, mestring};
use crate::support::pty::Pty;

/// The practice sessions in the data directory, as `mestring export --format json` writes them.
fn exported_practice(data: &Path) -> Vec<serde_json::Value> {
    exported_json(data)["practice"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_session_from_the_command_line_shows_its_phases_and_is_recorded_when_ended() {
    let data = tempfile::tempdir().unwrap();
    // The physiological sigh: in 2 s, in 1 s, out 6 s, after the 3-2-1.
    let args = ["breathe", "--pattern", "physiological-sigh", "--cycles", "2"];
    let mut app = Pty::spawn(&args, data.path(), "nb_NO.UTF-8", 80, 24);
    app.wait_for("Gjør deg klar");
    app.wait_for("Runde 1 av 2");
    app.wait_for("Pust inn");
    app.wait_for("Pust ut");
    app.send(b"\x1b");
    app.wait_for("Avsluttet");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!app.alternate_screen(), "the terminal is handed back");

    let practice = exported_practice(data.path());
    assert_eq!(practice.len(), 1, "{practice:?}");
    let session = &practice[0];
    assert_eq!(session["exercise"], "physiological-sigh");
    assert_eq!(session["kind"], "breathing");
    assert_eq!(session["completed"], false);
    assert_eq!(session["planned_ms"], 18_000);
    let actual = session["actual_ms"].as_u64().unwrap();
    assert!((3_000..18_000).contains(&actual), "ended during the out-breath of the first cycle: {actual}");
}

#[test]
fn a_completed_session_and_one_ended_by_a_signal_are_both_recorded() {
    let data = tempfile::tempdir().unwrap();
    let args = ["--lang", "en", "breathe", "--pattern", "physiological-sigh", "--cycles", "1"];
    let mut app = Pty::spawn(&args, data.path(), "en_GB.UTF-8", 80, 24);
    app.wait_for("Breathe in");
    app.wait_for("Breathe out");
    app.wait_for("Completed");
    // Enter runs it again; a SIGTERM in the middle ends it, and it is still recorded.
    app.send(b"\r");
    app.wait_for("Get ready");
    app.wait_for("Breathe out");
    app.signal(15);
    assert_eq!(app.wait_exit(), 0);
    assert!(!app.alternate_screen());

    let practice = exported_practice(data.path());
    let completed: Vec<bool> = practice.iter().map(|s| s["completed"].as_bool().unwrap()).collect();
    assert_eq!(completed, [true, false], "{practice:?}");
    assert_eq!(practice[0]["actual_ms"], 9_000);
}

#[test]
fn an_unknown_pattern_is_a_usage_error_that_lists_the_choices() {
    let data = tempfile::tempdir().unwrap();
    let out = mestring(data.path(), &["breathe", "--pattern", "5-5-5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("5-5-5") && err.contains("4-7-8") && err.contains("urge-surfing"), "{err}");
}

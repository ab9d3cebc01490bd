//! The real binary in a pseudo-terminal: the welcome of the very first start, and a craving
//! written down with one key, answered later from the command line.

use crate::support::cli::{exported_json, mestring, stderr};
use crate::support::pty::Pty;

#[test]
fn the_first_start_welcomes_and_a_later_start_does_not() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn_first_start(&[], data.path(), "en_GB.UTF-8", 100, 30);
    app.wait_for("Welcome to mestring");
    assert!(app.screen().contains("no substitute for professional help"), "{}", app.screen());
    assert!(app.screen().contains("press ! from any screen"), "{}", app.screen());
    app.send(b"\r");
    app.wait_for("Language and region");
    // English and the UK come from en_GB; Enter keeps them.
    app.send(b"\r");
    app.wait_for("A first sober counter");
    app.type_text("Alcohol");
    app.send(b"\r\r");
    app.wait_for("first check-in now");
    app.send(b"\r");
    app.wait_for("Not saved yet");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);

    assert_eq!(exported_json(data.path())["counters"][0]["name"], "Alcohol");
    let settings = std::fs::read_to_string(data.path().join("config.ron")).unwrap();
    assert!(settings.contains("region: \"uk-ireland\"") && settings.contains("lang: \"en\""), "{settings}");

    let mut again = Pty::spawn_first_start(&[], data.path(), "en_GB.UTF-8", 100, 30);
    again.wait_for("Alcohol: 0 days");
    assert!(!again.screen().contains("Welcome to mestring"));
    again.send(b"q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn esc_skips_the_welcome_at_once() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn_first_start(&[], data.path(), "nb_NO.UTF-8", 80, 24);
    app.wait_for("Velkommen til mestring");
    app.send(b"\x1b");
    app.wait_for("Start her");
    assert!(app.screen().contains("ikke behandling"), "{}", app.screen());
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_craving_is_written_down_with_one_key_and_answered_from_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("Start her");
    app.send(b"3");
    app.wait_for("Oversikt");
    app.send(b"U");
    app.wait_for("Sug akkurat nå");
    // From 5 two steps up, then what set it off; Enter past the note saves.
    app.send(b"\x1b[C\x1b[C\t");
    app.type_text("stress");
    app.send(b"\r\r");
    app.wait_for("Hva kan hjelpe nå?");
    assert!(app.screen().contains("Urge surfing"), "{}", app.screen());
    app.send(b"\x1b");
    app.wait_for_gone("Hva kan hjelpe nå?");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);

    let out = mestring(data.path(), &["urge", "--outcome", "passed", "--intensity", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let urge = &exported_json(data.path())["urges"][0];
    assert_eq!((urge["intensity"].as_u64(), urge["trigger"].as_str()), (Some(7), Some("stress")));
    assert_eq!(urge["outcome"], "passed");
}

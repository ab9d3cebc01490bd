//! The settings file in the real binary: it applies at start, a flag beats it, a broken
//! setting is named with its line while the rest applies, and the file is never rewritten.

use crate::support::pty::Pty;

fn with_config(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.ron"), text).unwrap();
    dir
}

#[test]
fn language_and_key_overrides_from_the_file_apply() {
    let dir = with_config(r#"(lang: "en", keys: {"quit": ["ctrl-q"]})"#);
    let mut app = Pty::spawn(&[], dir.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("? help");
    app.wait_for("Ctrl-q quit");
    app.send(b"q");
    app.send(b"?");
    app.wait_for("Esc or ? closes");
    assert!(app.screen().contains("Ctrl-q"), "the help lists the new key");
    app.send(b"\x1b");
    app.wait_for_gone("Esc or ? closes");
    assert!(app.alternate_screen(), "q no longer quits");
    app.send(b"\x11"); // Ctrl-Q
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_flag_beats_the_file() {
    let dir = with_config(r#"(lang: "en")"#);
    let mut app = Pty::spawn(&["--lang", "nb"], dir.path(), "en_GB.UTF-8", 100, 30);
    app.wait_for("? hjelp");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_broken_setting_is_named_and_the_file_is_left_alone() {
    let text = "(\n    lang: \"en\",\n    theme: \"purple\",\n)";
    let dir = with_config(text);
    let mut app = Pty::spawn(&[], dir.path(), "nb_NO.UTF-8", 120, 30);
    // The file's valid language applies, and the message speaks it.
    app.wait_for("The settings file has 1 problem(s)");
    app.send(b"j");
    app.wait_for_gone("The settings file has 1 problem(s)");
    app.send(b",");
    app.wait_for(
        "line 3, column 5: theme: must be one of \"dark\", \"light\", \"mono\"; the default is used.",
    );
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(dir.path().join("config.ron")).unwrap(), text);
}

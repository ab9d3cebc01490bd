//! What a terminal or a desktop can do to a running mestring: end it with SIGTERM or SIGHUP
//! while a note is half typed, and resize it many times in a burst.

use crate::support::cli::exported_json;
use crate::support::pty::Pty;

/// The key that opens the tab with `title`, read from the tab bar as the user would.
fn tab_key(screen: &str, title: &str) -> u8 {
    let bar = screen.lines().next().unwrap_or_default();
    let at = bar.find(title).unwrap_or_else(|| panic!("no tab {title} in {bar}"));
    let digit = bar[..at].trim_end().chars().last().unwrap();
    digit as u8
}

fn exported_note(data: &std::path::Path) -> String {
    exported_json(data)["checkins"][0]["note"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn a_signal_while_a_note_is_being_typed_saves_it_and_restores_the_terminal() {
    // SIGTERM, SIGHUP, and SIGQUIT (whose default would dump core and leave the terminal raw).
    for signal in [15, 1, 3] {
        let data = tempfile::tempdir().unwrap();
        // Wide enough that the tab bar spells every title out.
        let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 220, 30);
        app.wait_for("avslutt");
        app.send(&[tab_key(&app.screen(), "Innsjekk")]);
        app.wait_for("Notat");
        // End goes to the last row, Up to the note, Enter starts typing.
        app.send(b"\x1b[F\x1b[A\r");
        app.wait_for("Esc avslutter notatet");
        app.type_text("halvferdig tanke før kvelden");
        app.wait_for("halvferdig tanke");
        app.signal(signal);
        assert_eq!(app.wait_exit(), 0, "signal {signal} is a clean quit");
        assert!(!app.alternate_screen(), "signal {signal} leaves the alternate screen");
        assert_eq!(
            exported_note(data.path()),
            "halvferdig tanke før kvelden",
            "signal {signal} keeps the text"
        );
    }
}

/// The terminal's markers around pasted text when bracketed paste is on.
fn bracketed(text: &str) -> Vec<u8> {
    [b"\x1b[200~".as_slice(), text.as_bytes(), b"\x1b[201~"].concat()
}

#[test]
fn a_long_paste_is_one_insert_and_a_signal_during_a_huge_one_still_quits() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "en_GB.UTF-8", 220, 30);
    app.wait_for("quit");
    assert!(
        String::from_utf8_lossy(&app.raw_output()).contains("\x1b[?2004h"),
        "bracketed paste is asked for"
    );
    app.send(&[tab_key(&app.screen(), "Check-in")]);
    app.wait_for("Note");
    app.send(b"\x1b[F\x1b[A\r");
    app.wait_for("Esc ends the note");
    // 40,000 characters: the note takes what fits, and says so.
    app.send(&bracketed(&"0123456789".repeat(4_000)));
    app.wait_for("Only what fitted was pasted");
    // A megabyte, then a signal before it can all be handled: the signal still ends the app.
    app.send(&bracketed(&"x".repeat(1 << 20)));
    app.signal(15);
    assert_eq!(app.wait_exit(), 0, "a clean quit");
    assert!(!app.alternate_screen());
    assert!(String::from_utf8_lossy(&app.raw_output()).contains("\x1b[?2004l"), "paste mode is undone");
    assert_eq!(exported_note(data.path()).chars().count(), mestring::domain::checkin::NOTE_MAX_CHARS);
}

#[test]
fn a_storm_of_resizes_leaves_it_responsive() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "en_GB.UTF-8", 100, 30);
    app.wait_for("quit");
    for i in 0..200u16 {
        app.resize(20 + (i * 7) % 180, 3 + (i * 3) % 60);
    }
    app.resize(100, 30);
    // crossterm 0.29 returns a resize as soon as its signal is ready and drops the terminal's
    // readiness seen in the same poll, so a key that arrives together with a resize waits in
    // the terminal until the next key. A person presses again; so does this test, with a key
    // that means the same however often it is pressed (the settings), until it is answered.
    let start = std::time::Instant::now();
    while !app.screen().contains("Colour theme") {
        assert!(start.elapsed() < crate::support::pty::TIMEOUT, "no answer to keys:\n{}", app.screen());
        app.send(b",");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // Still answering keys: the crisis overlay opens and closes.
    app.send(b"!");
    app.wait_for("Do you need help now?");
    app.send(b"\x1b");
    app.wait_for_gone("Do you need help now?");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

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
    for signal in [15, 1] {
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

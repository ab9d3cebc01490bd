//! The real binary in a pseudo-terminal: open a question, search with a Norwegian letter,
//! open the crisis overlay, quit, and check that the terminal was handed back.

use crate::support::pty::Pty;
use mestring::app::Tab;

#[test]
fn browse_search_crisis_and_quit_restores_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("Dagens teknikk");
    assert!(app.alternate_screen(), "the app runs in the alternate screen");
    app.open_tab(Tab::Faq);
    app.wait_for("Spørsmål og svar (32)");

    // Open the third question: its answer takes the focus.
    app.send(b"jj\r");
    app.wait_for("Hvordan finner jeg");

    // Search for a word with ø, typed with the letter itself.
    // Left goes back to the list (a lone Esc followed at once by / would read as Alt-/).
    app.send(b"\x1b[D/");
    app.type_text("pårørende");
    app.wait_until("a filtered list", |s| s.contains("Søk: pårørende") && !s.contains("(32)"));
    let screen = app.screen();
    assert!(screen.contains("For pårørende"), "the relatives' questions match:\n{screen}");
    assert!(!screen.contains("Hvor lang tid tar det"), "an unrelated question is filtered out:\n{screen}");

    // The crisis overlay opens over any screen, with the help lines.
    app.send(b"\r!");
    app.wait_for("Trenger du hjelp nå?");
    let screen = app.screen();
    for number in ["113", "116 117", "116 123"] {
        assert!(screen.contains(number), "the overlay shows {number}:\n{screen}");
    }
    app.send(b"\x1b");
    app.wait_for_gone("Trenger du hjelp nå?");

    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!app.alternate_screen(), "the terminal left the alternate screen");
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(raw.ends_with("\x1b[?25h") || raw.contains("\x1b[?1049l"), "the cursor is shown again");
}

#[test]
fn ascii_spelling_finds_norwegian_letters_in_the_real_binary() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("Dagens teknikk");
    app.open_tab(Tab::Faq);
    app.wait_for("Spørsmål og svar (32)");
    app.type_text("/parorende");
    app.wait_until("relatives' questions", |s| s.contains("For pårørende") && !s.contains("(32)"));
    app.send(b"\x03");
    assert_eq!(app.wait_exit(), 0, "Ctrl-C quits cleanly, even while typing a search");
    assert!(!app.alternate_screen());
}

#[test]
fn english_by_flag_and_norwegian_numbers_by_default_region() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&["--lang", "en"], data.path(), "nb_NO.UTF-8", 100, 40);
    app.wait_for("Technique of the day");
    app.open_tab(Tab::Faq);
    app.wait_for("Questions and answers (32)");
    app.send(b"!");
    app.wait_for("Do you need help now?");
    assert!(app.screen().contains("116 117"), "an English interface in Norway still shows legevakt");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [15, 1] {
        let data = tempfile::tempdir().unwrap();
        let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 80, 24);
        app.wait_for("Dagens teknikk");
        app.signal(signal);
        assert_eq!(app.wait_exit(), 0, "signal {signal} ends the app cleanly");
        assert!(!app.alternate_screen(), "signal {signal} leaves the alternate screen");
    }
}

#[test]
fn a_tiny_terminal_gets_a_message_and_growing_it_shows_the_app() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "en_GB.UTF-8", 20, 5);
    app.wait_for("Make the window");
    app.resize(100, 30);
    app.wait_for("Technique of the day");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

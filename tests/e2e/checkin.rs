//! The real binary in a pseudo-terminal: fill in today's check-in with the keyboard, find it in
//! the history, quit, and read it back from the database with `mestring export`.

use crate::support::cli::exported_json;
use crate::support::pty::Pty;

#[test]
fn a_check_in_made_in_the_app_is_in_the_history_and_on_disk() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("Dagens teknikk");

    // Screen 2 is the check-in; mood has focus. Right raises it to 4, "Bra".
    app.send(b"2");
    app.wait_for("Ikke lagret ennå");
    app.send(b"\x1b[C");
    app.wait_for("4 Bra");
    app.wait_for("Lagret");
    // Craving answered (0), two steps up, then to the triggers and tick the first one (stress).
    app.send(b"\x1b[B\x1b[C\x1b[C\x1b[C");
    app.wait_for("‹  2 ›");
    app.send(b"\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B ");
    app.wait_for("[x] Stress");
    // The note: End goes to the last row, Up to the note, Enter starts typing.
    app.send(b"\x1b[F\x1b[A\r");
    app.wait_for("Esc avslutter notatet");
    app.type_text("Fin dag, æøå og én 🌻");
    app.wait_for("Fin dag, æøå");
    app.send(b"\x1b");
    app.wait_for_gone("Esc avslutter notatet");

    // The history lists the day; its detail shows the note.
    app.send(b"3");
    app.wait_for("Oversikt");
    app.send(b"vvv");
    app.wait_until("the day in the list and its detail", |s| {
        s.contains("4 Bra") && s.contains("Fin dag, æøå")
    });

    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);

    let json = exported_json(data.path());
    let day = &json["checkins"][0];
    assert_eq!(day["mood"], 4);
    assert_eq!(day["craving"], 2);
    assert_eq!(day["triggers"][0], "stress");
    assert_eq!(day["note"], "Fin dag, æøå og én 🌻");
}

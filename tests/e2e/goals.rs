//! The real binary in a pseudo-terminal: make a goal and complete it (the celebration shows),
//! make a counter, record a slip, and see the counter on its screen, on the home screen and
//! in the data on disk.

use crate::support::cli::exported_json;
use crate::support::pty::Pty;
use chrono::{Days, Local};
use mestring::app::Tab;

const BACKSPACE: &[u8] = b"\x7f";

#[test]
fn a_goal_is_completed_a_slip_recorded_and_the_counter_seen() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("Dagens teknikk");
    assert!(app.screen().contains("Start her"), "nothing yet: where to start");

    // A goal: down to "+ Nytt mål", Enter opens the form; Enter after each field saves it.
    app.open_tab(Tab::Goals);
    app.wait_for("+ Nytt mål");
    app.send(b"j\r");
    app.wait_for("Dato (ÅÅÅÅ-MM-DD, kan stå tom)");
    app.type_text("Gå en tur i skogen");
    app.send(b"\r\r\r");
    app.wait_until("the goal in the list", |s| {
        s.contains("Gå en tur i skogen") && !s.contains("kan stå tom")
    });
    app.send(b"c");
    app.wait_for("Godt jobba!");
    assert!(app.screen().contains("Du klarte det samme dag som du satte deg målet."), "{}", app.screen());
    app.send(b" ");
    app.wait_for_gone("Godt jobba!");
    app.wait_for("✓ Gå en tur i skogen");

    // A counter from thirty days ago: the start field holds today's date; replace it.
    let start = Local::now().date_naive() - Days::new(30);
    app.open_tab(Tab::Sober);
    app.wait_for("+ Ny teller");
    app.send(b"a");
    app.wait_for("Første rusfrie dag");
    app.type_text("Alkohol");
    app.send(b"\r");
    for _ in 0..10 {
        app.send(BACKSPACE);
    }
    app.type_text(&start.to_string());
    // Past the optional cost, time and "what I save for", Enter on the last field saves.
    app.send(b"\r\r\r\r\r");
    app.wait_for("30 dager rusfri på rad");

    // A slip today, with what happened and what to learn.
    app.send(b"r");
    app.wait_for("Registrer en sprekk");
    app.send(b"\r");
    app.type_text("Fest hos Ola");
    app.send(b"\r");
    app.type_text("Dra hjem tidlig");
    app.send(b"\r");
    // "30 dager rusfri på rad" contains "0 dager rusfri på rad": wait for the slip itself.
    app.wait_until("the slip on the counter", |s| {
        s.contains("siste sprekk") && s.contains("Dra hjem tidlig")
    });
    let screen = app.screen();
    assert!(screen.contains("│0 dager rusfri på rad"), "a new run from today:\n{screen}");
    assert!(screen.contains("Rusfrie dager i alt: 30"), "the days before the slip still count:\n{screen}");
    assert!(screen.contains("Fest hos Ola"), "{screen}");

    app.open_tab(Tab::Home);
    app.wait_for("Alkohol: 0 dager rusfri på rad");
    assert!(app.screen().contains("Neste milepæl: 1 dag"), "{}", app.screen());
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!app.alternate_screen());

    let json = exported_json(data.path());
    assert_eq!(json["goals"][0]["title"], "Gå en tur i skogen");
    assert!(json["goals"][0]["done_at"].is_string(), "the goal is done: {}", json["goals"]);
    assert_eq!(json["counters"][0]["start"], start.to_string());
    assert_eq!(json["counters"][0]["slips"][0]["what_to_learn"], "Dra hjem tidlig");
}

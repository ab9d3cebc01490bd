//! The real binary in a pseudo-terminal: answer a whole round of "Myte eller fakta", see the
//! score, and find the round in the history again after a restart (it is in the database).

use crate::support::pty::Pty;
use mestring::app::Tab;

/// Answers the ten statements with `m` (myth) each time; returns how many were right, as the
/// screen said after each answer.
fn answer_a_round(app: &mut Pty) -> usize {
    let mut right = 0;
    for n in 1..=10 {
        let heading = format!("Påstand {n} av 10");
        app.wait_until(&heading, |s| s.contains(&heading) && s.contains("Myte eller fakta?"));
        app.send(b"m");
        app.wait_until("the verdict", |s| s.contains("Riktig.") || s.contains("Ikke helt."));
        if app.screen().contains("Riktig.") {
            right += 1;
        }
        app.send(b"\r");
    }
    right
}

#[test]
fn a_round_is_scored_and_its_history_is_kept_across_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 80, 24);
    app.wait_for("Dagens teknikk");
    app.open_tab(Tab::Learn);
    app.wait_for("Ingen runder ennå.");
    app.send(b"n");
    let right = answer_a_round(&mut app);
    let score = format!("Du fikk {right} av 10 riktig.");
    app.wait_for(&score);
    app.send(b"\r");
    app.wait_for("Tidligere runder");
    let row = format!("Runde           {right:>2} av 10");
    app.wait_for(&row);
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);

    let mut again = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 80, 24);
    again.wait_for("Dagens teknikk");
    again.open_tab(Tab::Learn);
    again.wait_for("Tidligere runder");
    again.wait_for(&row);
    let screen = again.screen();
    assert!(!screen.contains("Ingen runder ennå."), "{screen}");
    let mistakes = 10 - right;
    if mistakes > 0 {
        // The wrong answers sit in box 1, ready for a review round.
        assert!(screen.contains(&format!("boks 1: {mistakes}")), "{screen}");
        assert!(screen.contains(&format!("øv på det du svarte feil på ({mistakes})")), "{screen}");
    }
    again.send(b"q");
    assert_eq!(again.wait_exit(), 0);
}

//! A paste is one insert into the note, capped at what a note holds with a message; in a
//! one-line field its first line goes in as typed; elsewhere it does nothing. The note's limit
//! shows before it is reached, and a key past it is refused with a message, never lost unseen.

use crate::support::app::{app, faq_app, feed, go, text, type_text};
use mestring::action::Action;
use mestring::app::Tab;
use mestring::domain::checkin::NOTE_MAX_CHARS;
use mestring::i18n::Lang;

fn writing_the_note() -> mestring::app::App {
    let mut app = app(Lang::En, 80, 24);
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Bottom, Action::Up, Action::Open]);
    app
}

#[test]
fn a_paste_goes_into_the_note_whole_with_its_lines() {
    let mut app = writing_the_note();
    app.paste("Første linje\nAndre linje, æøå 👩‍👧");
    app.flush();
    assert_eq!(app.checkin().checkin().note, "Første linje\nAndre linje, æøå 👩‍👧");
}

#[test]
fn a_paste_longer_than_a_note_is_cut_to_fit_and_says_so() {
    let mut app = writing_the_note();
    type_text(&mut app, "abc");
    app.paste(&"x".repeat(NOTE_MAX_CHARS * 2));
    app.flush();
    assert_eq!(app.checkin().checkin().note.chars().count(), NOTE_MAX_CHARS);
    assert!(app.toast().unwrap().contains(&NOTE_MAX_CHARS.to_string()), "{:?}", app.toast());
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains(&format!("{NOTE_MAX_CHARS} of {NOTE_MAX_CHARS} characters")) || app.toast().is_some()
    );
    type_text(&mut app, "y");
    assert!(app.toast().unwrap().contains("The note is full"), "{:?}", app.toast());
    app.flush();
    assert!(!app.checkin().checkin().note.contains('y'), "nothing past the limit");
}

#[test]
fn near_the_limit_the_note_shows_how_much_is_written() {
    let mut app = writing_the_note();
    app.paste(&"x".repeat(NOTE_MAX_CHARS / 10 * 9));
    let count = format!("{} of {NOTE_MAX_CHARS} characters", NOTE_MAX_CHARS / 10 * 9);
    assert!(text(&app, 120, 40).contains(&count), "{}", text(&app, 120, 40));
}

#[test]
fn in_a_one_line_field_the_first_line_goes_in_as_typed() {
    let mut app = faq_app(Lang::Nb, 80, 24);
    feed(&mut app, [Action::Search]);
    app.paste("røyk\nand a second line");
    assert_eq!(app.faq().query(), "røyk");
}

#[test]
fn a_paste_outside_a_text_field_presses_no_keys() {
    let mut app = app(Lang::En, 80, 24);
    app.paste("q3!?");
    assert!(app.running(), "q in a paste is not quit");
    assert_eq!(app.tab(), Tab::Home, "3 in a paste is not a screen");
    assert!(app.overlay().is_none());
}

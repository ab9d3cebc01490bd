//! App-level behaviour that every screen shares: the quick-hide key.

use crate::support::app::{app, content, feed, text};
use mestring::action::Action;
use mestring::app::{Overlay, Tab};
use mestring::content::{RegionId, helplines};
use mestring::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn f12_blanks_the_whole_screen_and_any_key_brings_it_back_without_acting() {
    let mut app = app(Lang::Nb, 80, 24);
    let hide = app.action_for_key(key(KeyCode::F(12)));
    assert_eq!(hide, Some(Action::Hide));
    feed(&mut app, hide);
    assert_eq!(app.overlay(), Some(Overlay::Hidden));
    let screen = text(&app, 80, 24);
    assert!(screen.chars().all(|c| c == ' ' || c == '\n'), "nothing shows:\n{screen}");
    assert_eq!(app.deadline(), None, "a hidden screen asks for no frames");

    let q = app.action_for_key(key(KeyCode::Char('q')));
    feed(&mut app, q);
    assert!(app.running(), "q on the blank screen does not quit");
    assert_eq!(app.overlay(), None, "it brings the screen back");
    assert!(text(&app, 80, 24).contains("I dag"));
}

#[test]
fn f12_hides_even_while_typing_and_the_typed_text_stays() {
    let mut app = app(Lang::Nb, 80, 24);
    let faq = Tab::ALL.iter().position(|t| *t == Tab::Faq).unwrap() as u8;
    feed(&mut app, [Action::GoTab(faq), Action::Search]);
    for c in "rus".chars() {
        let a = app.action_for_key(key(KeyCode::Char(c)));
        feed(&mut app, a);
    }
    let hide = app.action_for_key(key(KeyCode::F(12)));
    feed(&mut app, hide);
    assert_eq!(app.overlay(), Some(Overlay::Hidden));
    let back = app.action_for_key(key(KeyCode::Char('x')));
    feed(&mut app, back);
    assert_eq!(app.faq().query(), "rus", "the key that reveals is not typed");
}

#[test]
fn a_click_also_brings_the_screen_back() {
    let mut app = app(Lang::En, 80, 24);
    feed(&mut app, [Action::Hide, Action::Click { column: 3, row: 3 }]);
    assert_eq!(app.overlay(), None);
}

#[test]
fn a_resize_draws_a_frame_but_the_same_size_reported_again_does_not() {
    let mut app = app(Lang::En, 80, 24);
    app.frame_drawn();
    app.update(Action::Resize { width: 100, height: 30 });
    assert!(app.needs_frame(), "a new size is drawn");
    app.frame_drawn();
    app.update(Action::Resize { width: 100, height: 30 });
    assert!(!app.needs_frame(), "crossterm and SIGWINCH both report a resize: the second is idle");
}

#[test]
fn crisis_help_never_gives_way_to_the_size_message() {
    for lang in Lang::ALL {
        for (w, h) in [(30, 8), (20, 5), (39, 20), (80, 9), (12, 3)] {
            let mut app = app(lang, w, h);
            feed(&mut app, [Action::Crisis]);
            let screen = text(&app, w, h);
            assert!(
                screen.lines().next().unwrap().starts_with("113"),
                "the emergency number first:\n{screen}"
            );
            assert!(!screen.contains(lang.strings().too_small), "{screen}");
            if h >= 5 {
                assert!(screen.contains("116 117"), "as many numbers as fit:\n{screen}");
            }
            let numbers = helplines::for_region(content(), RegionId::Norway).unwrap().lines.len();
            let lines_shown = screen.lines().filter(|l| !l.trim().is_empty()).count();
            assert_eq!(lines_shown, usize::from(h).min(numbers), "as many as fit:\n{screen}");
        }
    }
}

#[test]
fn crisis_help_in_a_small_window_scrolls_to_the_rest() {
    let mut app = app(Lang::Nb, 30, 5);
    feed(&mut app, [Action::Crisis, Action::PageDown]);
    let screen = text(&app, 30, 5);
    assert!(!screen.contains(Lang::Nb.strings().too_small), "{screen}");
    let first = screen.lines().next().unwrap();
    assert!(
        first.starts_with(|c: char| c.is_ascii_digit()) && !first.starts_with("113"),
        "scrolled on:\n{screen}"
    );
    feed(&mut app, [Action::Back]);
    assert!(text(&app, 30, 5).contains(Lang::Nb.strings().too_small), "closed, the size message again");
}

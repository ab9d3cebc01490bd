//! Keys in the check-in that must do what the field says: digits on a number, a refused date
//! kept for correcting, "used today" asked once and undoable, and "press 2" from today.

use crate::support::app::{app, feed, go, press, text, type_text};
use crate::support::checkins::today;
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::domain::checkin::CheckIn;
use mestring::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn saved(app: &App) -> Option<CheckIn> {
    app.store().get().ok().unwrap().checkin_on(today()).unwrap()
}

fn checkin(lang: Lang) -> App {
    let mut app = app(lang, 80, 24);
    go(&mut app, Tab::Checkin);
    app
}

/// Moves the cursor down `n` fields from mood.
fn down(app: &mut App, n: usize) {
    feed(app, std::iter::repeat_n(Action::Down, n));
}

#[test]
fn digits_on_a_number_field_set_it_and_do_not_switch_screens() {
    let mut app = checkin(Lang::Nb);
    type_text(&mut app, "4");
    assert_eq!(app.tab(), Tab::Checkin, "a digit on mood is a mood");
    assert_eq!(saved(&app).unwrap().mood, 4);
    down(&mut app, 1);
    type_text(&mut app, "5");
    assert_eq!((app.tab(), saved(&app).unwrap().craving), (Tab::Checkin, Some(5)));
    type_text(&mut app, "10");
    assert_eq!(saved(&app).unwrap().craving, Some(10), "two digits make ten");
    down(&mut app, 1);
    type_text(&mut app, "0");
    assert_eq!(saved(&app).unwrap().stress, Some(0));
    down(&mut app, 1);
    type_text(&mut app, "7");
    assert_eq!(saved(&app).unwrap().sleep_half_hours, Some(14), "seven hours");
    down(&mut app, 1);
    type_text(&mut app, "2");
    assert_eq!(saved(&app).unwrap().sleep_quality, Some(2));
    up_to_mood_and_type(&mut app, "9");
    assert_eq!((app.tab(), saved(&app).unwrap().mood), (Tab::Checkin, 4), "9 is no mood: nothing changes");
    assert!(text(&app, 80, 24).contains("1-5"), "and the screen says which numbers fit");
    down(&mut app, 5);
    type_text(&mut app, "3");
    assert_eq!(app.tab(), Tab::History, "on a field without a number, a digit still picks a screen");
}

fn up_to_mood_and_type(app: &mut App, digits: &str) {
    feed(app, [Action::Top, Action::Down]);
    type_text(app, digits);
}

#[test]
fn a_refused_date_keeps_what_was_typed() {
    for lang in Lang::ALL {
        let mut app = checkin(lang);
        feed(&mut app, [Action::Top, Action::Open]);
        type_text(&mut app, "2026-13-45");
        feed(&mut app, [Action::Open]);
        let screen = text(&app, 80, 24);
        assert!(screen.contains(lang.strings().checkin.bad_date), "{screen}");
        assert!(screen.contains("2026-13-45"), "the text stays to be corrected:\n{screen}");
        assert!(app.checkin().text_mode(), "still typing the date");
        for _ in 0..5 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "11-20");
        feed(&mut app, [Action::Open]);
        assert_eq!(app.checkin().checkin().date.to_string(), "2026-11-20");
    }
}

#[test]
fn used_today_asks_once_in_kind_words_and_can_be_undone() {
    for lang in Lang::ALL {
        let s = lang.strings();
        let mut app = checkin(lang);
        feed(&mut app, [Action::Save]);
        down(&mut app, 5);
        feed(&mut app, [Action::Increase]);
        assert!(saved(&app).unwrap().slip.is_none(), "nothing recorded before the answer");
        let screen = text(&app, 80, 24);
        let kind = s.sober.slip_words.split_whitespace().all(|w| screen.contains(w));
        assert!(kind, "the sober counter's kind words:\n{screen}");
        feed(&mut app, [Action::Back]);
        assert!(saved(&app).unwrap().slip.is_none(), "no is no");
        feed(&mut app, [Action::Toggle, Action::Open]);
        assert!(saved(&app).unwrap().slip.is_some(), "yes records it");
        let screen = text(&app, 80, 24);
        let footer = screen.lines().last().unwrap();
        assert!(footer.contains(s.checkin.slip_recorded) && footer.contains(s.checkin.undo_hint), "{footer}");
        press(&mut app, KeyCode::Char('u'));
        assert!(saved(&app).unwrap().slip.is_none(), "undone from the message");
        assert!(text(&app, 80, 24).contains(s.checkin.slip_undone), "{}", text(&app, 80, 24));
        press(&mut app, KeyCode::Char('u'));
        assert!(saved(&app).unwrap().slip.is_none(), "u does nothing once the message is gone");
    }
}

#[test]
fn the_key_on_today_opens_todays_check_in_not_the_last_day_viewed() {
    let mut app = checkin(Lang::Nb);
    feed(&mut app, [Action::Top, Action::Decrease, Action::Decrease]);
    assert_ne!(app.checkin().checkin().date, today());
    go(&mut app, Tab::Home);
    assert!(text(&app, 80, 24).contains("trykk 2"));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!((app.tab(), app.checkin().checkin().date), (Tab::Checkin, today()));
}

//! The terminal's real cursor in the full screen: on the selected row (or the chosen part, or
//! the field being typed in) of every screen, so a screen reader or a braille display that
//! follows the cursor follows the selection.

use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::clock::Moment;
use mestring::domain::habits::{Cadence, Habit};
use mestring::i18n::Lang;
use mestring::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Position;

use crate::support::app::{app, draw, feed, go, press, type_text};

/// Where the frame put the cursor, if it showed one.
fn cursor(app: &App, width: u16, height: u16) -> Option<Position> {
    let terminal = draw(app, width, height);
    let backend = terminal.backend();
    backend.cursor_visible().then(|| backend.cursor_position())
}

/// The cursor is shown, below the tab bar, on a cell drawn in the selection's colours.
fn assert_on_selection(app: &App, width: u16, height: u16, what: &str) -> Position {
    let at = cursor(app, width, height).unwrap_or_else(|| panic!("{what}: no cursor"));
    let buffer = draw(app, width, height).backend().buffer().clone();
    assert!(at.y > 0, "{what}: the cursor is on the tab bar");
    let cell = &buffer[(at.x, at.y)];
    assert_eq!(
        cell.bg,
        Theme::COLOR.selected.bg.unwrap(),
        "{what}: the cursor at {at:?} is not on the selection"
    );
    at
}

fn with_a_habit(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    let now = app.today().and_hms_opt(9, 0, 0).unwrap();
    for name in ["Gå tur", "Ring mamma"] {
        let habit = Habit { name: name.into(), cadence: Cadence::Daily };
        app.store_mut().get_mut().unwrap().add_habit(&habit, Moment::in_utc(now)).unwrap();
    }
    // The start screen read its numbers before the habits were there.
    go(&mut app, Tab::Goals);
    go(&mut app, Tab::Home);
    app
}

#[test]
fn the_cursor_is_on_the_selected_row_on_every_screen() {
    for (width, height) in [(80, 24), (120, 40)] {
        for lang in [Lang::Nb, Lang::En] {
            let mut app = with_a_habit(lang, width, height);
            for tab in Tab::ALL {
                go(&mut app, *tab);
                assert_on_selection(&app, width, height, &format!("{tab:?} at {width}x{height}"));
            }
        }
    }
}

#[test]
fn the_cursor_follows_the_selection() {
    let mut app = with_a_habit(Lang::Nb, 80, 24);
    let first = assert_on_selection(&app, 80, 24, "the first habit");
    feed(&mut app, [Action::Down]);
    let second = assert_on_selection(&app, 80, 24, "the second habit");
    assert_eq!((second.x, second.y), (first.x, first.y + 1));
    go(&mut app, Tab::Faq);
    let question = assert_on_selection(&app, 80, 24, "the first question");
    feed(&mut app, [Action::Down, Action::Down]);
    let third = assert_on_selection(&app, 80, 24, "the third question");
    assert!(third.y > question.y);
    go(&mut app, Tab::Checkin);
    let mood = assert_on_selection(&app, 80, 24, "the mood");
    feed(&mut app, [Action::Down]);
    assert_eq!(assert_on_selection(&app, 80, 24, "the craving").y, mood.y + 1);
}

#[test]
fn while_typing_the_cursor_is_where_the_next_letter_goes() {
    let mut app = app(Lang::En, 80, 24);
    go(&mut app, Tab::Faq);
    feed(&mut app, [Action::Search]);
    let empty = cursor(&app, 80, 24).expect("a cursor in the search field");
    type_text(&mut app, "sleep");
    let typed = cursor(&app, 80, 24).expect("a cursor in the search field");
    assert_eq!((typed.x, typed.y), (empty.x + 5, empty.y));
    let buffer = draw(&app, 80, 24).backend().buffer().clone();
    assert_eq!(buffer[(typed.x - 1, typed.y)].symbol(), "p", "right after the last letter");

    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Bottom, Action::Up, Action::Open]);
    assert!(app.text_mode(), "typing the note");
    let before = cursor(&app, 80, 24).expect("a cursor in the note");
    type_text(&mut app, "ok");
    let after = cursor(&app, 80, 24).expect("a cursor in the note");
    assert_eq!((after.x, after.y), (before.x + 2, before.y));
    press(&mut app, KeyCode::Enter);
    assert_eq!(cursor(&app, 80, 24).map(|p| (p.x, p.y)), Some((before.x, before.y + 1)), "a new line");
}

#[test]
fn an_overlay_and_the_hidden_screen_hide_the_cursor() {
    let mut app = with_a_habit(Lang::Nb, 80, 24);
    assert!(cursor(&app, 80, 24).is_some());
    feed(&mut app, [Action::Crisis]);
    assert_eq!(cursor(&app, 80, 24), None, "the crisis help is over the screen");
    feed(&mut app, [Action::Back, Action::Hide]);
    assert_eq!(cursor(&app, 80, 24), None, "nothing of the app shows");
    feed(&mut app, [Action::Back]);
    assert!(cursor(&app, 80, 24).is_some());
    assert_eq!(cursor(&app, 10, 3), None, "a screen too small to use");
}

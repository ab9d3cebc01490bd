//! `App` driven by actions, as the event loop drives it, with a fixed clock.

use crate::support::app::{content, draw, faq_app as app, feed, rows, text, type_text};
use mestring::action::Action;
use mestring::app::Overlay;
use mestring::i18n::Lang;
use mestring::panes::faq::Focus;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn starts_on_the_first_question_with_the_list_focused() {
    let app = app(Lang::Nb, 80, 24);
    assert_eq!(app.faq().focus(), Focus::List);
    assert_eq!(app.faq().selected().unwrap().id, "why-treat-both");
    assert_eq!(app.faq().visible_count(), 32);
}

#[test]
fn moving_skips_topic_headings_and_stops_at_the_ends() {
    let mut app = app(Lang::Nb, 80, 24);
    feed(&mut app, [Action::Up]);
    assert_eq!(app.faq().selected().unwrap().id, "why-treat-both", "up at the top stays");
    feed(&mut app, [Action::Bottom]);
    assert_eq!(app.faq().selected().unwrap().id, "financial-support-for-relatives");
    feed(&mut app, [Action::Down]);
    assert_eq!(app.faq().selected().unwrap().id, "financial-support-for-relatives", "down at the end stays");
    feed(&mut app, [Action::Top]);
    // Eight treatment questions, then the heading of the next topic is skipped.
    feed(&mut app, std::iter::repeat_n(Action::Down, 8));
    assert_eq!(app.faq().selected().unwrap().id, "how-long-until-results");
}

#[test]
fn open_and_back_move_between_list_and_answer() {
    let mut app = app(Lang::En, 80, 24);
    feed(&mut app, [Action::Open]);
    assert_eq!(app.faq().focus(), Focus::Detail);
    feed(&mut app, [Action::Back]);
    assert_eq!(app.faq().focus(), Focus::List);
    assert!(app.running(), "Esc goes back; it never quits");
}

#[test]
fn search_filters_as_you_type_and_esc_clears_it() {
    let mut app = app(Lang::Nb, 80, 24);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "pårørende");
    assert_eq!(app.faq().query(), "pårørende");
    let filtered = app.faq().visible_count();
    assert!(filtered > 0 && filtered < 32, "{filtered} questions match");
    feed(&mut app, [Action::Back]);
    assert_eq!(app.faq().query(), "");
    assert_eq!(app.faq().visible_count(), 32);
}

#[test]
fn enter_keeps_the_filter_and_esc_in_the_list_clears_it() {
    let mut app = app(Lang::Nb, 80, 24);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "tilbakefall");
    feed(&mut app, [Action::Open]);
    assert_eq!(app.faq().focus(), Focus::List);
    assert_eq!(app.faq().query(), "tilbakefall");
    let first = app.faq().selected().unwrap();
    assert!(first.question.contains("tilbakefall") || first.answer.contains("tilbakefall"));
    feed(&mut app, [Action::Back]);
    assert_eq!(app.faq().query(), "");
}

#[test]
fn letters_typed_in_search_are_text_not_commands() {
    let mut app = app(Lang::Nb, 80, 24);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "q!?jk");
    assert!(app.running(), "q while typing is a letter");
    assert_eq!(app.overlay(), None, "! and ? while typing are letters");
    assert_eq!(app.faq().query(), "q!?jk");
    let f1 = app.action_for_key(key(KeyCode::F(1)));
    assert_eq!(f1, Some(Action::Crisis), "F1 reaches the crisis overlay even while typing");
}

#[test]
fn a_search_with_no_matches_says_so() {
    let mut app = app(Lang::En, 80, 24);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "xyzzy");
    assert_eq!(app.faq().visible_count(), 0);
    assert!(app.faq().selected().is_none());
    feed(&mut app, [Action::Open, Action::Down, Action::Open]);
    assert!(text(&app, 80, 24).contains("No matches"));
}

#[test]
fn overlays_take_the_keys_until_closed() {
    let mut app = app(Lang::Nb, 80, 24);
    feed(&mut app, [Action::Crisis]);
    assert_eq!(app.overlay(), Some(Overlay::Crisis { scroll: 0 }));
    feed(&mut app, [Action::Down]);
    assert_eq!(app.overlay(), Some(Overlay::Crisis { scroll: 1 }));
    assert_eq!(app.faq().selected().unwrap().id, "why-treat-both", "the list underneath did not move");
    feed(&mut app, [Action::Help]);
    assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 0 }), "? switches straight to help");
    feed(&mut app, [Action::Help]);
    assert_eq!(app.overlay(), None);
    feed(&mut app, [Action::Crisis, Action::Back]);
    assert_eq!(app.overlay(), None);
}

#[test]
fn quit_from_anywhere() {
    for start in [vec![], vec![Action::Crisis], vec![Action::Search]] {
        let mut app = app(Lang::Nb, 80, 24);
        feed(&mut app, start);
        let ctrl_c = app.action_for_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        feed(&mut app, ctrl_c);
        assert!(!app.running());
    }
}

#[test]
fn tabs_switch_by_number_and_wrap_around() {
    let mut app = app(Lang::Nb, 80, 24);
    let first = app.tab();
    feed(&mut app, [Action::GoTab(mestring::app::Tab::ALL.len() as u8)]);
    assert_eq!(app.tab(), first, "a number with no screen does nothing");
    feed(&mut app, [Action::NextTab]);
    feed(&mut app, [Action::PrevTab]);
    assert_eq!(app.tab(), first);
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let mut app = app(Lang::Nb, 100, 30);
    // Row 2 of the screen is the first topic heading; row 4 is the second question.
    feed(&mut app, [Action::Click { column: 5, row: 4 }]);
    assert_eq!(app.faq().selected().unwrap().id, "can-i-manage-without-professional-help");
    feed(&mut app, [Action::Click { column: 5, row: 2 }]);
    assert_eq!(
        app.faq().selected().unwrap().id,
        "can-i-manage-without-professional-help",
        "headings are not rows"
    );
    feed(&mut app, [Action::ScrollDown, Action::ScrollDown]);
    assert_eq!(app.faq().selected().unwrap().id, "what-support-means");
}

#[test]
fn the_selected_row_is_marked_by_style_not_only_by_text() {
    let app = app(Lang::Nb, 80, 24);
    let terminal = draw(&app, 80, 24);
    let cell = &terminal.backend().buffer()[(4, 3)];
    assert!(cell.modifier.contains(Modifier::BOLD), "selection is bold");
    assert_ne!(cell.bg, ratatui::style::Color::Reset, "and highlighted");
}

#[test]
fn search_matches_are_highlighted_in_the_answer() {
    let mut app = app(Lang::Nb, 120, 40);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "tilbakefall");
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let screen = rows(terminal.backend().buffer());
    let (row, line) = screen.lines().enumerate().find(|(_, l)| l.contains("faren for tilbakefall")).unwrap();
    let col = line
        .chars()
        .collect::<Vec<_>>()
        .windows(11)
        .position(|w| w.iter().collect::<String>() == "tilbakefall")
        .unwrap();
    let cell = &buffer[(col as u16, row as u16)];
    assert!(cell.modifier.contains(Modifier::UNDERLINED), "the match is underlined: {cell:?}");
}

#[test]
fn monochrome_theme_marks_selection_with_reverse_video() {
    let mut options = crate::support::app::options(Lang::Nb);
    options.theme = mestring::theme::Theme::MONO;
    let mut app = mestring::app::App::new(
        options,
        content(),
        Box::new(mestring::clock::FixedClock::sample()),
        mestring::store::Store::open_in_memory(),
    );
    app.update(Action::Resize { width: 80, height: 24 });
    let faq = mestring::app::Tab::ALL.iter().position(|t| *t == mestring::app::Tab::Faq).unwrap();
    feed(&mut app, [Action::GoTab(faq as u8)]);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let cell = &buffer[(4, 3)];
    assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    for y in 0..24 {
        for x in 0..80 {
            let c = &buffer[(x, y)];
            assert_eq!(
                (c.fg, c.bg),
                (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
                "no colour at {x},{y}"
            );
        }
    }
}

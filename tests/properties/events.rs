//! The whole app driven by random terminal events, as a user, a terminal or a cat on the
//! keyboard would send them: keys with modifiers (also into text fields), mouse clicks and
//! wheel turns, and resizes from 1x1 to 300x100. It never panics, and every state it reaches
//! is drawn at the size the terminal has at that moment.

use crate::support::app::{app, draw, feed};
use mestring::i18n::Lang;
use proptest::prelude::*;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        // Letters, digits and the keys the keymap uses come up often, so screens get visited;
        // not q, or most runs would end after a few keys.
        4 => prop::sample::select("abcdefghijklmnoprstuvwxyz0123456789 /?!-+<>.,".chars().collect::<Vec<_>>())
            .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace,
            KeyCode::Delete, KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right,
            KeyCode::Home, KeyCode::End, KeyCode::PageUp, KeyCode::PageDown, KeyCode::F(1),
            KeyCode::F(12),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        6 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        12 => (key_code(), modifiers()).prop_map(|(code, m)| Event::Key(KeyEvent::new(code, m))),
        2 => (0u16..310, 0u16..110, prop::sample::select(vec![
            MouseEventKind::Down(MouseButton::Left),
            MouseEventKind::ScrollUp,
            MouseEventKind::ScrollDown,
        ]))
            .prop_map(|(column, row, kind)| Event::Mouse(MouseEvent {
                kind, column, row, modifiers: KeyModifiers::NONE,
            })),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_events_at_random_sizes_never_panic(
        lang in prop::sample::select(Lang::ALL.to_vec()),
        size in (1u16..=300, 1u16..=100),
        events in prop::collection::vec(event(), 0..80),
    ) {
        let (mut w, mut h) = size;
        let mut app = app(lang, w, h);
        for event in events {
            if let Event::Resize(nw, nh) = event {
                (w, h) = (nw, nh);
            }
            let action = app.action_for_event(&event);
            feed(&mut app, action);
            if !app.running() {
                break;
            }
            draw(&app, w, h);
        }
    }
}

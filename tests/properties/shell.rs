//! Random action sequences at random terminal sizes: the app never panics, and every state it
//! reaches can be drawn.

use crate::support::app::{app, draw, feed};
use mestring::action::Action;
use mestring::i18n::Lang;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::NextTab),
        Just(Action::PrevTab),
        (0u8..10).prop_map(Action::GoTab),
        Just(Action::Search),
        Just(Action::Open),
        Just(Action::Back),
        Just(Action::Help),
        Just(Action::Crisis),
        Just(Action::ScrollUp),
        Just(Action::ScrollDown),
        Just(Action::Tick),
        (0u16..320, 0u16..110).prop_map(|(column, row)| Action::Click { column, row }),
        (1u16..300, 1u16..100).prop_map(|(width, height)| Action::Resize { width, height }),
        prop::char::any().prop_map(|c| Action::Text(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        Just(Action::Text(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_at_random_sizes_never_panic(
        lang in prop::sample::select(Lang::ALL.to_vec()),
        width in 1u16..300,
        height in 1u16..100,
        actions in prop::collection::vec(action(), 0..60),
    ) {
        let mut app = app(lang, width, height);
        let (mut w, mut h) = (width, height);
        for action in actions {
            if let Action::Resize { width, height } = action {
                (w, h) = (width, height);
            }
            feed(&mut app, [action]);
            draw(&app, w, h);
        }
    }
}

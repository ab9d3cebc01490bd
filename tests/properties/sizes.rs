//! Every screen, in each state a key or two away, draws at every terminal size from 0x0 up
//! without panicking.

use std::time::Duration;

use mestring::action::Action;
use mestring::app::Tab;
use mestring::i18n::Lang;

use crate::support::app::{TestApp, draw};
use crate::support::checkins;
use crate::support::sample::sample_store;

/// Keys that lead from a screen's start to its other states: an item open, a new item's form, a
/// round or session started, a page down.
const STATES: [&[Action]; 4] =
    [&[], &[Action::Open], &[Action::NewItem], &[Action::Open, Action::NewRound, Action::PageDown]];

#[test]
fn every_screen_in_every_state_draws_at_every_size() {
    below_the_minimum();
    at_and_above_the_minimum();
}

/// Below the minimum size every screen gives way to the same message, so there the sizes are
/// taken one by one on the start screen, with the overlays that draw over any size.
fn below_the_minimum() {
    for lang in Lang::ALL {
        let mut t = TestApp::new(lang, 80, 24);
        for (w, h) in (0..=45).flat_map(|w| (0..=15).map(move |h| (w, h))) {
            for overlay in [None, Some(Action::Help), Some(Action::Crisis)] {
                t.send(&[Action::Resize { width: w, height: h }]);
                t.send(overlay.as_slice());
                draw(&t.app, w, h);
                t.send(&[Action::Back]);
            }
        }
    }
}

/// At and above the minimum, on both sides of each breakpoint the screens have, every screen in
/// every state.
fn at_and_above_the_minimum() {
    let widths = [40, 41, 44, 45, 59, 60, 69, 70, 79, 80, 99, 100, 120, 250];
    let heights = [10, 11, 12, 14, 15, 20, 24, 40, 90];
    for lang in Lang::ALL {
        for tab in Tab::ALL {
            for keys in STATES {
                let mut store = sample_store();
                checkins::seed(&mut store, 60);
                let mut t = TestApp::with_store(lang, 80, 24, Ok(store));
                t.send(&[Action::GoTab(tab_index(*tab))]);
                t.send(keys);
                // A session started by these keys runs on: its later phases draw too.
                t.advance(Duration::from_secs(7));
                for (w, h) in widths.iter().flat_map(|&w| heights.map(|h| (w, h))) {
                    t.send(&[Action::Resize { width: w, height: h }]);
                    draw(&t.app, w, h);
                    let _ = t.app.deadline();
                }
            }
        }
    }
}

fn tab_index(tab: Tab) -> u8 {
    Tab::ALL.iter().position(|t| *t == tab).expect("a tab in the tab bar") as u8
}

/// The welcome's steps, the craving dialog's stages and the history's review and cravings views
/// draw over every size too, down to 0x0.
#[test]
fn the_welcome_the_craving_dialog_and_the_review_draw_at_every_size() {
    use mestring::content::RegionId;
    let welcome_steps: [&[Action]; 4] =
        [&[], &[Action::Open], &[Action::Open, Action::Open], &[Action::Open, Action::Open, Action::Save]];
    let history_views: [&[Action]; 2] = [&[Action::NextView; 4], &[Action::NextView; 5]];
    let sizes = (0..=130).step_by(13).flat_map(|w| (0..=44).step_by(4).map(move |h| (w, h)));
    let sizes: Vec<(u16, u16)> = sizes.collect();
    for lang in Lang::ALL {
        for keys in welcome_steps {
            let mut t = TestApp::new(lang, 80, 24);
            t.app.start_welcome(RegionId::UkIreland);
            t.send(keys);
            for &(w, h) in &sizes {
                t.send(&[Action::Resize { width: w, height: h }]);
                draw(&t.app, w, h);
            }
        }
        for keys in [&[Action::LogUrge][..], &[Action::LogUrge, Action::Save]] {
            let mut t = TestApp::new(lang, 80, 24);
            t.send(keys);
            for &(w, h) in &sizes {
                t.send(&[Action::Resize { width: w, height: h }]);
                draw(&t.app, w, h);
            }
        }
        for keys in history_views {
            let mut store = sample_store();
            checkins::seed(&mut store, 60);
            let mut t = TestApp::with_store(lang, 80, 24, Ok(store));
            t.send(&[Action::GoTab(tab_index(Tab::History))]);
            t.send(keys);
            for &(w, h) in &sizes {
                t.send(&[Action::Resize { width: w, height: h }]);
                draw(&t.app, w, h);
            }
        }
    }
}

//! Snapshots of the check-in and history screens at 80x24 and 120x40 in both languages, with
//! fixed data (tests/common/checkins.rs) and the fixed clock.

use crate::support::app::{app, draw, feed, go};
use crate::support::checkins::seed_app;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::i18n::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot(name: &str, days: u64, tab: Tab, actions: &[Action]) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut app = app(lang, w, h);
            seed_app(&mut app, days);
            go(&mut app, tab);
            feed(&mut app, actions.iter().copied());
            let terminal = draw(&app, w, h);
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), terminal.backend());
        }
    }
}

#[test]
fn checkin_new_day() {
    snapshot("checkin_new_day", 0, Tab::Checkin, &[]);
}

#[test]
fn checkin_hard_day_with_choices_open() {
    // Today in the fixed data is a hard day; the trigger choices are opened.
    snapshot(
        "checkin_hard_day",
        120,
        Tab::Checkin,
        &[Action::Bottom, Action::Up, Action::Up, Action::Up, Action::Up],
    );
}

#[test]
fn checkin_yesterday_with_a_note() {
    snapshot(
        "checkin_yesterday",
        120,
        Tab::Checkin,
        &[Action::Top, Action::Decrease, Action::Bottom, Action::Up],
    );
}

#[test]
fn history_overview_30_days() {
    snapshot("history_overview", 120, Tab::History, &[Action::Increase]);
}

#[test]
fn history_calendar() {
    snapshot("history_calendar", 120, Tab::History, &[Action::NextView]);
}

#[test]
fn history_triggers_90_days() {
    snapshot(
        "history_triggers",
        120,
        Tab::History,
        &[Action::NextView, Action::NextView, Action::Increase, Action::Increase],
    );
}

#[test]
fn history_days_with_detail() {
    snapshot("history_days", 120, Tab::History, &[Action::PrevView, Action::Down, Action::Open]);
}

#[test]
fn history_empty() {
    snapshot("history_empty", 0, Tab::History, &[]);
}

//! The "Pust" screen driven through `App` with a fixed clock: deadlines, pauses, records, own
//! patterns, the bell, and redraws only on visible change.

use std::time::Duration;

use crate::support::app::{TestApp, feed};
use chrono::NaiveDate;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::clock::Clock;
use mestring::config::ThemeName;
use mestring::domain::breathing::Length;
use mestring::domain::practice::PracticeRecord;
use mestring::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Every session in the app's store, oldest first.
fn records(t: &TestApp) -> Vec<PracticeRecord> {
    let all = (NaiveDate::MIN, NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
    t.app.store().get().expect("store open").practice_between(all.0, all.1).unwrap()
}

fn breathe(lang: Lang) -> TestApp {
    let mut t = TestApp::new(lang, 80, 24);
    t.app.show(Tab::Breathe);
    t
}

fn typed(t: &mut TestApp, text: &str) {
    for c in text.chars() {
        t.send(&[Action::Text(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))]);
    }
}

fn key(t: &mut TestApp, code: KeyCode) {
    t.send(&[Action::Text(KeyEvent::new(code, KeyModifiers::NONE))]);
}

#[test]
fn idle_until_a_session_starts_and_idle_again_when_it_ends() {
    let mut t = breathe(Lang::En);
    let start = t.clock.instant();
    assert_eq!(t.app.deadline(), None, "the picker never wakes the app");
    t.send(&[Action::Open]);
    assert_eq!(t.app.deadline(), Some(start + secs(1)), "the 3-2-1 ticks on whole seconds");
    t.advance(secs(1));
    assert_eq!(t.app.deadline(), Some(start + secs(2)));
    // Run the 4-minute box session to its end by following the deadlines, as the loop does.
    let mut wakeups = 0;
    while let Some(deadline) = t.app.deadline() {
        t.advance(deadline - t.clock.instant());
        wakeups += 1;
    }
    assert!(t.shows("Completed"));
    assert_eq!(t.clock.instant() - start, secs(3 + 240), "ends exactly on schedule");
    // 240 s of countdown ticks, the figure's sizes, 60 gauge cells: a few per second at most.
    assert!((240..=240 * 3).contains(&wakeups), "{wakeups} wake-ups");
    let records = records(&t);
    assert_eq!(records.len(), 1);
    assert_eq!(t.app.breathe().stats().sessions, 1, "the screen's numbers follow the store");
    assert!(records[0].completed);
    assert_eq!((records[0].planned_ms, records[0].actual_ms), (240_000, 240_000));
    assert_eq!(records[0].exercise, "box");
    assert_eq!(t.app.deadline(), None, "idle after the session");
}

#[test]
fn a_tick_with_nothing_new_to_show_does_not_redraw() {
    let mut t = breathe(Lang::En);
    t.send(&[Action::Open]);
    t.app.frame_drawn();
    let mut tick_after = |by| {
        t.clock.advance(by);
        feed(&mut t.app, [Action::Tick]);
        t.app.needs_frame()
    };
    assert!(!tick_after(ms(300)), "0.3 s into the 3-2-1 nothing visible changed");
    assert!(tick_after(ms(700)), "the count went from 3 to 2");
}

#[test]
fn pausing_stops_the_clock_and_shifts_the_rest() {
    let mut t = breathe(Lang::En);
    let start = t.clock.instant();
    t.send(&[Action::Open]);
    t.advance(ms(5_500));
    t.send(&[Action::Pause]);
    assert_eq!(t.app.deadline(), None, "no wake-ups while paused");
    assert!(t.shows("Paused"));
    t.clock.advance(secs(100));
    t.send(&[Action::Pause]);
    let deadline = t.app.deadline().expect("running again");
    assert!(deadline > start + secs(105), "the rest moved by the pause");
    // The in-breath ends 7 s into the schedule: 107 s after the start, given the pause.
    let hold_starts = start + secs(107);
    while let Some(d) = t.app.deadline().filter(|d| *d < hold_starts) {
        t.advance(d - t.clock.instant());
    }
    assert_eq!(t.app.deadline(), Some(hold_starts));
    t.advance(hold_starts - ms(1) - t.clock.instant());
    assert!(t.shows("Breathe in"));
    t.advance(ms(1));
    assert!(t.shows("Hold"), "the hold starts exactly 100 s later than it would have");
}

#[test]
fn leaving_the_screen_or_opening_an_overlay_pauses_the_session() {
    let mut t = breathe(Lang::En);
    t.send(&[Action::Open]);
    t.advance(secs(4));
    t.send(&[Action::GoTab(0)]);
    assert_eq!(t.app.deadline(), None);
    let breathe = Tab::ALL.iter().position(|t| *t == Tab::Breathe).unwrap() as u8;
    t.send(&[Action::GoTab(breathe)]);
    assert!(t.shows("Paused"));
    t.send(&[Action::Pause, Action::Crisis]);
    assert_eq!(t.app.deadline(), None, "the crisis overlay pauses it");
    t.send(&[Action::Back]);
    assert!(t.shows("Paused"));
    t.send(&[Action::Pause, Action::Hide]);
    assert_eq!(t.app.deadline(), None, "quick-hide (F12) pauses it too");
    t.send(&[Action::Back]);
    assert!(t.shows("Paused"));
}

#[test]
fn ending_early_or_quitting_records_an_ended_session() {
    let mut t = breathe(Lang::Nb);
    t.send(&[Action::Open]);
    t.advance(secs(2));
    t.send(&[Action::Back]);
    assert!(records(&t).is_empty(), "ended during the 3-2-1: nothing to record");
    assert!(t.shows("Firkantpust"), "back to the list");

    t.send(&[Action::Open]);
    t.advance(secs(33));
    t.send(&[Action::Back]);
    let ended = records(&t)[0].clone();
    assert_eq!((ended.completed, ended.actual_ms, ended.planned_ms), (false, 30_000, 240_000));
    assert!(t.shows("Avsluttet"));

    t.send(&[Action::Open]);
    t.advance(secs(13));
    t.send(&[Action::Quit]);
    assert!(!t.app.running());
    let quit = &records(&t)[1];
    assert_eq!((quit.completed, quit.actual_ms), (false, 10_000));
}

#[test]
fn start_exercise_opens_straight_into_a_session() {
    let mut t = TestApp::new(Lang::En, 80, 24);
    assert_eq!(t.app.tab(), Tab::Home);
    t.app.start_exercise("4-7-8", Some(Length::Minutes(3))).unwrap();
    assert_eq!(t.app.tab(), Tab::Breathe);
    assert!(t.shows("Get ready") && t.shows("Cycle 1 of 9"));
    assert!(t.app.start_exercise("no-such-thing", None).is_err());
    t.send(&[Action::StartExercise("urge-surfing")]);
    assert!(t.shows("Urge surfing") || t.shows("Surf"), "{}", t.screen());
    assert!(t.shows("Step 1 of 6"));
}

#[test]
fn moving_on_early_in_a_guided_exercise() {
    let mut t = breathe(Lang::En);
    t.app.start_exercise("stop", None).unwrap();
    t.advance(secs(5));
    t.send(&[Action::NextStep]);
    assert!(t.shows("Step 2 of 4"));
    assert!(t.shows("30"), "the full 30 s of the next step");
    t.advance(secs(10));
    t.send(&[Action::Back]);
    let r = &records(&t)[0];
    assert_eq!(
        (r.exercise.as_str(), r.actual_ms, r.completed),
        ("stop", 15_000, false),
        "skipped time is not practice"
    );
}

#[test]
fn own_patterns_are_created_edited_started_and_deleted() {
    let mut t = breathe(Lang::Nb);
    t.send(&[Action::NewItem]);
    assert!(t.app.breathe().text_mode());
    typed(&mut t, "Kveldspust");
    key(&mut t, KeyCode::Tab);
    key(&mut t, KeyCode::Backspace);
    typed(&mut t, "4,5");
    t.send(&[Action::Open]);
    assert!(!t.app.breathe().text_mode());
    assert_eq!(t.app.breathe().own_patterns()[0].tenths, [45, 0, 60, 0]);
    assert!(t.shows("› Kveldspust") && t.shows("4,5-0-6-0"), "{}", t.screen());

    t.send(&[Action::Edit]);
    key(&mut t, KeyCode::Down);
    key(&mut t, KeyCode::Down);
    key(&mut t, KeyCode::Backspace);
    typed(&mut t, "2");
    t.send(&[Action::Open]);
    assert_eq!(t.app.breathe().own_patterns()[0].tenths, [45, 20, 60, 0]);

    t.send(&[Action::Open]);
    assert!(t.shows("Kveldspust · 4,5-2-6-0"));
    t.advance(secs(5));
    t.send(&[Action::Back, Action::Back]);

    t.send(&[Action::Delete]);
    assert!(t.shows("Slette «Kveldspust»?"));
    t.send(&[Action::Back]);
    assert_eq!(t.app.breathe().own_patterns().len(), 1, "Esc keeps it");
    t.send(&[Action::Delete, Action::Delete]);
    assert!(t.app.breathe().own_patterns().is_empty());
    // By name from the command line too.
    t.send(&[Action::NewItem]);
    typed(&mut t, "Morgen");
    t.send(&[Action::Open]);
    t.app.start_exercise("morgen", Some(Length::Cycles(2))).unwrap();
    assert!(t.shows("Runde 1 av 2"));
}

#[test]
fn the_bell_rings_once_per_new_phase_when_asked_for() {
    let mut t = breathe(Lang::En);
    t.app.update(Action::ApplyLook { theme: ThemeName::Dark, bell: true });
    t.send(&[Action::Open]);
    t.advance(secs(2));
    assert!(!t.app.take_bell(), "not during the 3-2-1");
    t.advance(secs(1));
    assert!(t.app.take_bell(), "breathe in");
    assert!(!t.app.take_bell(), "once");
    t.advance(secs(2));
    assert!(!t.app.take_bell(), "not on a second tick");
    t.advance(secs(2));
    assert!(t.app.take_bell(), "hold");

    let mut quiet = breathe(Lang::En);
    quiet.send(&[Action::Open]);
    quiet.advance(secs(3));
    assert!(!quiet.app.take_bell(), "off by default");
}

#[test]
fn lengths_change_in_minutes_or_cycles() {
    let mut t = breathe(Lang::En);
    t.send(&[Action::Longer, Action::Longer]);
    assert!(t.shows("Length: 6 min (23 cycles)"), "{}", t.screen());
    t.send(&[Action::SwitchUnit]);
    assert!(t.shows("Length: 23 cycles (about 6 min 8 s)"));
    t.send(&[Action::Shorter]);
    assert!(t.shows("Length: 22 cycles"));
    t.send(&[Action::Down]);
    assert!(t.shows("Length: 2 min (6 cycles)"), "each pattern starts at its own length");
}

#[test]
fn own_pattern_names_are_unique_and_patterns_outlive_the_app() {
    let mut t = breathe(Lang::En);
    t.send(&[Action::NewItem]);
    typed(&mut t, "Evening");
    t.send(&[Action::Open, Action::NewItem]);
    typed(&mut t, "evening");
    t.send(&[Action::Open]);
    assert!(t.app.breathe().text_mode(), "the form stays open with what was typed");
    assert!(t.shows("You already have a pattern with this name."));
    t.send(&[Action::Back]);
    assert_eq!(t.app.store().get().unwrap().own_patterns().unwrap().len(), 1);
}

#[test]
fn without_a_store_a_session_still_runs_and_the_failure_is_shown() {
    let mut t =
        TestApp::with_store(Lang::En, 80, 24, Err(mestring::store::StoreError::Busy { path: "x".into() }));
    t.app.show(Tab::Breathe);
    t.send(&[Action::Open]);
    t.advance(secs(10));
    t.send(&[Action::Back]);
    assert!(t.shows("Could not save"), "{}", t.screen());
    assert_eq!(t.app.breathe().unsaved().len(), 1, "kept, not dropped");
    assert!(t.shows("Ended"), "the summary is shown all the same");
}

#[test]
fn keys_in_a_session_go_through_the_keymap() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut t = breathe(Lang::En);
    assert_eq!(t.app.action_for_key(press(KeyCode::Enter)), Some(Action::Open));
    assert_eq!(t.app.action_for_key(press(KeyCode::Char('+'))), Some(Action::Longer));
    t.send(&[Action::Open]);
    assert_eq!(t.app.action_for_key(press(KeyCode::Char(' '))), Some(Action::Pause));
    assert_eq!(t.app.action_for_key(press(KeyCode::Char('n'))), Some(Action::NextStep));
    assert_eq!(t.app.action_for_key(press(KeyCode::Esc)), Some(Action::Back));
    assert_eq!(t.app.action_for_key(press(KeyCode::Left)), None, "an arrow does not end a session");
    assert_eq!(t.app.action_for_key(press(KeyCode::Char('q'))), Some(Action::Quit));
    t.advance(secs(5));
    t.send(&[Action::Back]);
    assert_eq!(t.app.action_for_key(press(KeyCode::Enter)), Some(Action::Open), "again, from the summary");
}

#[test]
fn a_session_that_ends_is_stored_after_its_frame_and_never_lost_to_a_quick_quit() {
    let mut t = breathe(Lang::En);
    t.send(&[Action::Open]);
    t.advance(secs(10));
    // Esc and q in one burst: the summary is never drawn, the record is still written.
    t.app.update(Action::Back);
    assert!(records(&t).is_empty(), "not yet: the summary's frame comes first");
    t.app.update(Action::Quit);
    assert_eq!(records(&t).len(), 1);
}

#[test]
fn a_session_done_today_is_offered_first_under_what_helped_in_the_check_in() {
    let mut t = breathe(Lang::En);
    t.send(&[Action::Open]);
    t.advance(secs(20));
    t.send(&[Action::Back]);
    t.app.show(Tab::Checkin);
    // Mood, craving, stress, sleep, sleep quality, used, triggers, HALT, then what helped.
    for _ in 0..8 {
        t.send(&[Action::Down]);
    }
    t.send(&[Action::Toggle]);
    let today = t.clock.today();
    let checkin = t.app.store().get().unwrap().checkin_on(today).unwrap().expect("saved as it is made");
    assert_eq!(checkin.helped, ["Box breathing"]);
}

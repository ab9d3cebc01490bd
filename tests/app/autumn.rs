//! The hour that runs twice when summer time ends (02:00-03:00 on 25 October 2026 in Norway).
//! Two devices change the same goal and the phase mark in it, through their screens: the first
//! at 02:30 summer time (00:30 UTC), the second at 02:10 winter time (01:10 UTC), forty minutes
//! later though its wall clock says earlier. The later change wins on both, by import and by
//! sync alike.

use std::rc::Rc;

use age::secrecy::SecretString;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::clock::FixedClock;
use mestring::i18n::Lang;
use mestring::panes::goals::Row;
use mestring::panes::learn::Section;
use mestring::store::Store;
use mestring::sync::{self, InitOptions};

use crate::support::app::{content, feed, go, go_section, options, type_text};

fn wall(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 10, 25).unwrap().and_hms_opt(h, m, 0).unwrap()
}

fn summer() -> FixedOffset {
    FixedOffset::east_opt(2 * 3600).unwrap()
}

fn winter() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

/// An app on `store` whose clock the test keeps, at 01:00 summer time.
fn device(store: Store) -> (App, Rc<FixedClock>) {
    let clock = Rc::new(FixedClock::new(wall(1, 0)));
    clock.set_local(wall(1, 0), summer());
    let mut app = App::new(options(Lang::Nb), content(), Box::new(Rc::clone(&clock)), Ok(store));
    app.update(Action::Resize { width: 100, height: 30 });
    (app, clock)
}

fn store(app: &App) -> &Store {
    app.store().get().unwrap()
}

fn store_mut(app: &mut App) -> &mut Store {
    app.store_mut().get_mut().unwrap()
}

fn json(app: &App) -> String {
    serde_json::to_string(&store(app).export(None, None, wall(4, 0)).unwrap()).unwrap()
}

/// The first device with a goal made at 01:00 summer time, and a second one with a copy.
fn two_devices() -> ((App, Rc<FixedClock>), (App, Rc<FixedClock>)) {
    let (mut first, first_clock) = device(Store::open_in_memory().unwrap());
    go(&mut first, Tab::Goals);
    feed(&mut first, [Action::Down, Action::Open]);
    type_text(&mut first, "Ringe Kari");
    feed(&mut first, [Action::Save]);
    let mut copy = Store::open_in_memory().unwrap();
    copy.import_json(&json(&first)).unwrap();
    ((first, first_clock), device(copy))
}

/// A step added to the one goal, and a phase marked (`downs` rows down the list).
fn change(
    app: &mut App,
    clock: &FixedClock,
    at: NaiveDateTime,
    offset: FixedOffset,
    step: &str,
    downs: usize,
) {
    clock.set_local(at, offset);
    go(app, Tab::Goals);
    for _ in 0..5 {
        if app.goals().selected() != Some(Row::Goal(0)) {
            feed(app, [Action::Down]);
        }
    }
    feed(app, [Action::Open, Action::NewItem]);
    type_text(app, step);
    feed(app, [Action::Open, Action::Back]);
    go_section(app, Section::Phases);
    feed(app, std::iter::repeat_n(Action::Down, downs).chain([Action::MarkPhase]));
}

/// Both devices change the goal and the phase in the hour that runs twice.
fn change_both(first: &mut (App, Rc<FixedClock>), second: &mut (App, Rc<FixedClock>)) {
    change(&mut first.0, &first.1, wall(2, 30), summer(), "Finne nummeret", 2);
    change(&mut second.0, &second.1, wall(2, 10), winter(), "Sende en melding", 3);
}

fn kept(app: &App) -> (Vec<String>, Option<String>) {
    let goal = store(app).open_goals().unwrap().remove(0).goal;
    let phase = store(app).load_progress().unwrap().phase;
    (goal.steps.into_iter().map(|s| s.text).collect(), phase)
}

#[test]
fn the_later_change_in_the_hour_that_runs_twice_wins_an_import() {
    let (mut first, mut second) = two_devices();
    change_both(&mut first, &mut second);
    let (from_first, from_second) = (json(&first.0), json(&second.0));
    store_mut(&mut first.0).import_json(&from_second).unwrap();
    store_mut(&mut second.0).import_json(&from_first).unwrap();
    let later = (vec!["Sende en melding".to_owned()], Some("skills-training".to_owned()));
    assert_eq!(kept(&first.0), later, "the first device takes the later change");
    assert_eq!(kept(&second.0), later, "the second keeps its own");
}

#[test]
fn the_later_change_in_the_hour_that_runs_twice_wins_a_sync() {
    let dir = tempfile::tempdir().unwrap();
    let pass = || SecretString::from("korrekt hest batteri".to_owned());
    let fast = InitOptions { work_factor: Some(4), ..InitOptions::default() };
    let at = |h: u32| DateTime::<Utc>::from_naive_utc_and_offset(wall(h, 0), Utc);
    let (mut first, mut second) = two_devices();
    sync::init(store_mut(&mut first.0), dir.path(), &pass(), &fast, at(0)).unwrap();
    let (_, setup, ..) = sync::init(store_mut(&mut second.0), dir.path(), &pass(), &fast, at(0)).unwrap();
    let key = sync::unlock(&setup, || Ok(pass())).unwrap();
    change_both(&mut first, &mut second);
    sync::sync(store_mut(&mut first.0), &key, at(3)).unwrap();
    sync::sync(store_mut(&mut second.0), &key, at(3)).unwrap();
    sync::sync(store_mut(&mut first.0), &key, at(3)).unwrap();
    let later = (vec!["Sende en melding".to_owned()], Some("skills-training".to_owned()));
    assert_eq!(kept(&first.0), later);
    assert_eq!(kept(&second.0), later);
}

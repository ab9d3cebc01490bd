//! Every record that an import merges by its version, changed on two copies in the hour that
//! runs twice when summer time ends (02:00-03:00 on 25 October 2026 in Norway): the first copy at
//! 02:30 summer time (00:30 UTC), the second at 02:10 winter time (01:10 UTC), forty minutes
//! later though its wall clock says earlier. In local time the first looked newer and won.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::clock::Moment;
use crate::domain::checkin::CheckIn;
use crate::domain::goals::Goal;
use crate::domain::habits::{Cadence, Habit, Mark};
use crate::domain::own_pattern::OwnPattern;
use crate::domain::plan::{Item, Section};
use crate::domain::quiz::Card;
use crate::domain::savings::Saving;
use crate::domain::sober::{Counter, SlipNote};
use crate::domain::urges::{Outcome, Urge};
use crate::store::Store;

const WEEK: &str = "2026-W43";

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
}

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, m, 0).unwrap()
}

/// One of every kind, made the evening before in summer time (+02:00).
fn made() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let at = Moment { local: at(24, 20, 0), utc: at(24, 18, 0) };
    store.save_checkin(&CheckIn::blank(day(24), at.utc)).unwrap();
    store.add_goal(&Goal::new("Ringe Kari", at.local), at).unwrap();
    store.add_habit(&Habit { name: "Gå tur".into(), cadence: Cadence::Daily }, at).unwrap();
    let counter = Counter { name: "Alkohol".into(), start: day(1), follows_checkins: true };
    store.add_counter(&counter, at).unwrap();
    store.add_plan_item(Section::People, &Item { text: "Kari".into(), phone: String::new() }, at).unwrap();
    store.save_own_pattern(&OwnPattern { id: 0, name: "Kveld".into(), tenths: [40, 0, 40, 0] }, at).unwrap();
    store.log_urge(&Urge::new(at.local, 6, "stress", ""), at).unwrap();
    store
}

/// Changes every kind, each to something that says which copy (`n`, 1 or 2) made it.
fn change(store: &mut Store, n: u8, at: Moment) {
    let name = format!("fra {n}");
    let checkin = CheckIn { note: name.clone(), ..CheckIn::blank(day(24), at.utc) };
    store.save_checkin(&checkin).unwrap();
    let goal = store.open_goals().unwrap().remove(0);
    store.save_goal_details(goal.id, &Goal { title: name.clone(), ..goal.goal }, at).unwrap();
    let habit = store.habits().unwrap().remove(0).id;
    store.save_habit(habit, &Habit { name: name.clone(), cadence: Cadence::Daily }, at).unwrap();
    let mark = if n == 1 { Mark::Done } else { Mark::Skip };
    store.set_habit_mark(habit, day(24), Some(mark), at).unwrap();
    let counter = store.counters().unwrap().remove(0);
    let renamed = Counter { name: name.clone(), ..counter.counter.clone() };
    store.save_counter(counter.id, &renamed, at).unwrap();
    let note = SlipNote { what_happened: name.clone(), what_to_learn: String::new() };
    store.record_slip(&counter, day(20), &note, at).unwrap();
    let saving = Saving { cost_cents: Some(100 * u32::from(n)), minutes: None, save_for: name.clone() };
    store.save_saving(counter.id, &saving, at).unwrap();
    let plan = store.plan().unwrap().remove(0).id;
    store
        .save_plan_item(plan, Section::People, &Item { text: name.clone(), phone: String::new() }, at)
        .unwrap();
    let pattern =
        OwnPattern { tenths: [40 + u16::from(n), 0, 40, 0], ..store.own_patterns().unwrap().remove(0) };
    store.save_own_pattern(&pattern, at).unwrap();
    store.save_card(&Card { id: "a-slip-can-teach".into(), leitner_box: n, due: day(30) }, at).unwrap();
    store.set_phase(Some(if n == 1 { "treatment" } else { "skills-training" }), at).unwrap();
    let urge = store.newest_open_urge(at.local).unwrap().unwrap().id;
    let outcome = if n == 1 { Outcome::Passed } else { Outcome::Used };
    store.answer_urge(urge, outcome, Some(n), at).unwrap();
    store.save_takeaway(WEEK, &name, at).unwrap();
}

fn json(store: &Store) -> String {
    serde_json::to_string(&store.export(None, None, at(25, 4, 0)).unwrap()).unwrap()
}

#[test]
fn the_later_change_in_the_hour_that_runs_twice_wins_an_import_for_every_kind() {
    let mut first = made();
    let mut second = Store::open_in_memory().unwrap();
    second.import_json(&json(&first)).unwrap();
    change(&mut first, 1, Moment { local: at(25, 2, 30), utc: at(25, 0, 30) });
    change(&mut second, 2, Moment { local: at(25, 2, 10), utc: at(25, 1, 10) });
    let later = json(&second);
    first.import_json(&later).unwrap();
    second.import_json(&json(&first)).unwrap();
    assert_eq!(json(&first), later, "the first copy takes every later change");
    assert_eq!(json(&second), later, "the second keeps its own");
    assert_eq!(first.open_goals().unwrap()[0].goal.title, "fra 2");
}

#[test]
fn a_local_time_keeps_its_precision_and_a_utc_one_is_left_alone() {
    let utc = |text: &str| local_text_to_utc(text).map(|t| (t.len(), t.ends_with('Z')));
    assert_eq!(utc("2026-11-01T20:00:00"), Some((20, true)));
    assert_eq!(utc("2026-11-01T20:00:00.250"), Some((24, true)));
    assert_eq!(local_text_to_utc("2026-11-01T19:00:00Z"), None);
    assert_eq!(local_text_to_utc("2026-11-01T19:00:00.250Z"), None);
    assert_eq!(local_text_to_utc("not a time"), None);
}

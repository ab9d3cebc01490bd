//! Goals, habits, counters, slips and the plan on a real in-memory database, and their export
//! and import.

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock::Moment;
use crate::domain::checkin::{CheckIn, Slip};
use crate::domain::goals::{Goal, Step};
use crate::domain::habits::{BreaksTomorrow, Cadence, Habit, Mark};
use crate::domain::plan::{Item, Section};
use crate::domain::sober::{Counter, Milestone, SlipNote};
use crate::store::{Store, StoreError};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, 0, 0).unwrap()
}

fn goal(title: &str, due: Option<NaiveDate>) -> Goal {
    Goal { due, ..Goal::new(title, at(11, 1, 10)) }
}

#[test]
fn a_goal_with_steps_is_saved_changed_completed_and_archived() {
    let mut store = Store::open_in_memory().unwrap();
    let g = Goal {
        steps: vec![Step { text: "Finne nummeret".into(), done: false }],
        ..goal("Ringe fastlegen", None)
    };
    let id = store.add_goal(&g, Moment::in_utc(at(11, 1, 10))).unwrap();
    let pos = store.add_goal_step(id, "Bestille time", Moment::in_utc(at(11, 2, 9))).unwrap();
    assert_eq!(pos, 1);
    store.set_goal_step_done(id, 0, true, Moment::in_utc(at(11, 2, 9))).unwrap();
    store.rename_goal_step(id, 1, "Bestille time på nett", Moment::in_utc(at(11, 2, 9))).unwrap();
    let read = store.goal(id).unwrap().unwrap().goal;
    assert_eq!(read.progress(), (1, 2));
    assert_eq!(read.steps[1].text, "Bestille time på nett");
    store.remove_goal_step(id, 0, Moment::in_utc(at(11, 3, 9))).unwrap();
    let read = store.goal(id).unwrap().unwrap().goal;
    assert_eq!(read.steps, [Step { text: "Bestille time på nett".into(), done: false }]);
    let details =
        Goal { title: "Ringe legen".into(), due: Some(d(11, 30)), note: "før kl 10".into(), ..read };
    store.save_goal_details(id, &details, Moment::in_utc(at(11, 3, 9))).unwrap();
    assert_eq!(store.open_goals().unwrap().len(), 1);

    let done = store.complete_goal(id, Moment::in_utc(at(11, 22, 9))).unwrap().unwrap();
    assert_eq!(done.goal.title, "Ringe legen");
    assert_eq!(done.goal.took_days(), Some(21));
    assert!(store.open_goals().unwrap().is_empty());
    assert_eq!(store.archived_goals(10).unwrap()[0].goal.done_at, Some(at(11, 22, 9)));
    store.reopen_goal(id, Moment::in_utc(at(11, 22, 10))).unwrap();
    assert_eq!(store.open_goals().unwrap().len(), 1);
    store.delete_goal(id).unwrap();
    assert!(store.goal(id).unwrap().is_none());
}

#[test]
fn a_bad_goal_or_step_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(matches!(
        store.add_goal(&goal("  ", None), Moment::in_utc(at(11, 1, 10))),
        Err(StoreError::Record(_))
    ));
    let id = store.add_goal(&goal("Gå en tur", None), Moment::in_utc(at(11, 1, 10))).unwrap();
    assert!(store.add_goal_step(id, " ", Moment::in_utc(at(11, 1, 10))).is_err());
    assert!(store.goal(id).unwrap().unwrap().goal.steps.is_empty());
    assert_eq!(store.open_goals().unwrap().len(), 1);
}

#[test]
fn the_closest_goal_is_read_like_the_domain_says() {
    let mut store = Store::open_in_memory().unwrap();
    let today = d(11, 22);
    for g in [goal("uten dato", None), goal("forbi", Some(d(11, 10))), goal("desember", Some(d(12, 5)))] {
        store.add_goal(&g, Moment::in_utc(at(11, 1, 10))).unwrap();
    }
    let snart = store.add_goal(&goal("snart", Some(d(11, 25))), Moment::in_utc(at(11, 1, 10))).unwrap();
    let all: Vec<Goal> = store.open_goals().unwrap().into_iter().map(|g| g.goal).collect();
    let expected = crate::domain::goals::closest(&all, today).map(|g| g.title.clone());
    assert_eq!(store.closest_goal(today).unwrap().map(|g| g.goal.title), expected);
    assert_eq!(expected.as_deref(), Some("snart"));
    store.complete_goal(snart, Moment::in_utc(at(11, 22, 8))).unwrap();
    assert_eq!(store.closest_goal(today).unwrap().unwrap().goal.title, "desember");
    assert_eq!(store.closest_goal(d(12, 24)).unwrap().unwrap().goal.title, "desember", "passed, latest");
    let order: Vec<String> = store.open_goals().unwrap().into_iter().map(|g| g.goal.title).collect();
    assert_eq!(order, ["forbi", "desember", "uten dato"]);
}

#[test]
fn habit_marks_make_streaks_and_warnings() {
    let mut store = Store::open_in_memory().unwrap();
    let walk = store
        .add_habit(&Habit { name: "Gå en tur".into(), cadence: Cadence::Daily }, Moment::in_utc(at(11, 1, 9)))
        .unwrap();
    let call = store
        .add_habit(
            &Habit { name: "Ringe Kari".into(), cadence: Cadence::Weekly },
            Moment::in_utc(at(11, 1, 9)),
        )
        .unwrap();
    for day in [19, 20, 21] {
        store.set_habit_mark(walk, d(11, day), Some(Mark::Done), Moment::in_utc(at(11, day, 20))).unwrap();
    }
    store.set_habit_mark(walk, d(11, 18), Some(Mark::Skip), Moment::in_utc(at(11, 17, 20))).unwrap();
    store.set_habit_mark(walk, d(11, 17), Some(Mark::Done), Moment::in_utc(at(11, 17, 20))).unwrap();
    store.set_habit_mark(call, d(11, 12), Some(Mark::Done), Moment::in_utc(at(11, 12, 20))).unwrap();
    assert_eq!(store.habit_streak(walk, Cadence::Daily, d(11, 22)).unwrap().kept, 4);

    let evening = store.habits_today(at(11, 22, 19)).unwrap();
    assert_eq!(evening.len(), 2);
    assert!(evening.iter().all(|h| h.open()));
    assert_eq!(evening[0].warning, Some(BreaksTomorrow { kept: 4 }));
    assert_eq!(evening[1].warning, Some(BreaksTomorrow { kept: 1 }), "Sunday: the week ends tonight");
    store.set_habit_mark(walk, d(11, 22), Some(Mark::Done), Moment::in_utc(at(11, 22, 19))).unwrap();
    let after = store.habits_today(at(11, 22, 19)).unwrap();
    assert!(!after[0].open() && after[0].warning.is_none());
    store.set_habit_mark(walk, d(11, 22), None, Moment::in_utc(at(11, 22, 19))).unwrap();
    assert!(store.habits_today(at(11, 22, 19)).unwrap()[0].open(), "unmarking reopens the day");
    let week = store.habit_marks_between(walk, d(11, 16), d(11, 22)).unwrap();
    assert_eq!(week.len(), 5);
    assert_eq!(week[1], (d(11, 18), Mark::Skip));
    store.delete_habit(call).unwrap();
    assert_eq!(store.habits().unwrap().len(), 1);
}

#[test]
fn a_slip_is_recorded_and_a_check_in_that_says_used_counts_too() {
    let mut store = Store::open_in_memory().unwrap();
    let today = d(11, 22);
    let all = Counter { name: "Alt rusmiddel".into(), start: d(11, 1), follows_checkins: true };
    let own = Counter { name: "Cannabis".into(), start: d(11, 1), follows_checkins: false };
    store.add_counter(&all, Moment::in_utc(at(11, 1, 9))).unwrap();
    store.add_counter(&own, Moment::in_utc(at(11, 1, 9))).unwrap();
    let counters = store.counters().unwrap();
    let note = SlipNote { what_happened: "Fest hos Ola".into(), what_to_learn: "Dra hjem tidlig".into() };
    store.record_slip(&counters[0], d(11, 10), &note, Moment::in_utc(at(11, 11, 9))).unwrap();
    let used = CheckIn {
        slip: Some(Slip { substance: "øl".into(), amount: "2".into() }),
        ..CheckIn::blank(d(11, 15), at(11, 15, 21))
    };
    store.save_checkin(&used).unwrap();

    let first = store.first_counter_today(today).unwrap().unwrap();
    assert_eq!((first.stats.current, first.stats.total, first.stats.slips), (6, 19, 2));
    assert_eq!(first.next, Some((Milestone::Days(7), d(11, 23))));
    assert_eq!(first.recent, Some((Milestone::Days(3), d(11, 19))));
    let other = store.counter_today(&counters[1], today).unwrap();
    assert_eq!((other.stats.current, other.stats.slips), (21, 0), "this counter does not follow check-ins");

    let slips = store.slips(&counters[0], today, 10).unwrap();
    assert_eq!(slips.len(), 2);
    assert_eq!(
        (slips[0].date, slips[0].checkin.as_ref().map(|s| s.substance.as_str())),
        (d(11, 15), Some("øl"))
    );
    assert_eq!(slips[1].note.as_ref(), Some(&note));
    // A note added to a check-in's slip day is the same slip, not a second one.
    store.record_slip(&counters[0], d(11, 15), &SlipNote::default(), Moment::in_utc(at(11, 16, 9))).unwrap();
    assert_eq!(store.slips(&counters[0], today, 10).unwrap().len(), 2);
    assert_eq!(store.first_counter_today(today).unwrap().unwrap().stats.slips, 2);
    // The check-in changed to "did not use": the counter follows at once.
    store.save_checkin(&CheckIn { slip: None, ..used }).unwrap();
    store.delete_slip(counters[0].id, d(11, 15)).unwrap();
    assert_eq!(store.first_counter_today(today).unwrap().unwrap().stats.slips, 1);
}

#[test]
fn slips_outside_the_counter_or_in_the_future_are_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .add_counter(
            &Counter { name: "Alkohol".into(), start: d(11, 1), follows_checkins: true },
            Moment::in_utc(at(11, 1, 9)),
        )
        .unwrap();
    let counter = store.counters().unwrap().into_iter().find(|c| c.id == id).unwrap();
    assert!(
        store.record_slip(&counter, d(10, 31), &SlipNote::default(), Moment::in_utc(at(11, 22, 9))).is_err()
    );
    assert!(
        store.record_slip(&counter, d(11, 23), &SlipNote::default(), Moment::in_utc(at(11, 22, 9))).is_err()
    );
    assert!(store.slip_dates(&counter, d(11, 22)).unwrap().is_empty());
    let future = Counter { name: "Alkohol".into(), start: d(12, 1), follows_checkins: true };
    assert!(store.add_counter(&future, Moment::in_utc(at(11, 22, 9))).is_err());
}

#[test]
fn plan_entries_keep_their_order_and_sections() {
    let mut store = Store::open_in_memory().unwrap();
    let now = at(11, 22, 9);
    let kari = store
        .add_plan_item(
            Section::People,
            &Item { text: "Kari".into(), phone: "912 34 567".into() },
            Moment::in_utc(now),
        )
        .unwrap();
    let ola = store
        .add_plan_item(
            Section::People,
            &Item { text: "Ola".into(), phone: String::new() },
            Moment::in_utc(now),
        )
        .unwrap();
    store
        .add_plan_item(
            Section::OnMyOwn,
            &Item { text: "Gå en tur rundt vannet".into(), phone: String::new() },
            Moment::in_utc(now),
        )
        .unwrap();
    store
        .add_plan_item(
            Section::WarningSigns,
            &Item { text: "Sover dårlig".into(), phone: String::new() },
            Moment::in_utc(now),
        )
        .unwrap();
    let plan = store.plan().unwrap();
    let order: Vec<&str> = plan.iter().map(|i| i.item.text.as_str()).collect();
    assert_eq!(order, ["Sover dårlig", "Gå en tur rundt vannet", "Kari", "Ola"]);
    store.swap_plan_items(kari, ola, Moment::in_utc(now)).unwrap();
    let people = store.plan_sections(&[Section::People]).unwrap();
    assert_eq!(people[0].item.text, "Ola");
    store
        .save_plan_item(
            ola,
            Section::People,
            &Item { text: "Ola".into(), phone: "22 33 44 55".into() },
            Moment::in_utc(now),
        )
        .unwrap();
    assert_eq!(store.plan_sections(&[Section::People]).unwrap()[0].item.phone, "22 33 44 55");
    let bad = Item { text: "Ola".into(), phone: "ring meg".into() };
    assert!(store.save_plan_item(ola, Section::People, &bad, Moment::in_utc(now)).is_err());
    store.delete_plan_item(kari).unwrap();
    assert_eq!(store.plan().unwrap().len(), 3);
}

fn filled_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let now = at(11, 22, 9);
    let g = Goal {
        steps: vec![Step { text: "Steg 1 ✓".into(), done: true }],
        ..goal("Mål med æøå 🎉", Some(d(12, 1)))
    };
    store.add_goal(&g, Moment::in_utc(now)).unwrap();
    let done = store.add_goal(&goal("Ferdig", None), Moment::in_utc(now)).unwrap();
    store.complete_goal(done, Moment::in_utc(now)).unwrap();
    let h = store
        .add_habit(&Habit { name: "Frokost".into(), cadence: Cadence::Daily }, Moment::in_utc(now))
        .unwrap();
    store.set_habit_mark(h, d(11, 21), Some(Mark::Done), Moment::in_utc(now)).unwrap();
    store.set_habit_mark(h, d(11, 23), Some(Mark::Skip), Moment::in_utc(now)).unwrap();
    store
        .add_counter(
            &Counter { name: "Alkohol".into(), start: d(10, 1), follows_checkins: true },
            Moment::in_utc(now),
        )
        .unwrap();
    let c = store.counters().unwrap().remove(0);
    store
        .record_slip(
            &c,
            d(10, 20),
            &SlipNote { what_happened: "Stress".into(), ..SlipNote::default() },
            Moment::in_utc(now),
        )
        .unwrap();
    store
        .add_plan_item(
            Section::People,
            &Item { text: "Kari".into(), phone: "912 34 567".into() },
            Moment::in_utc(now),
        )
        .unwrap();
    store
        .add_plan_item(
            Section::Reasons,
            &Item { text: "Barna".into(), phone: String::new() },
            Moment::in_utc(now),
        )
        .unwrap();
    store
}

#[test]
fn goals_habits_counters_and_the_plan_travel_in_the_export_and_import_idempotently() {
    let store = filled_store();
    let now = at(11, 22, 10);
    let export = store.export(None, None, now).unwrap();
    assert_eq!(
        (export.goals.len(), export.habits.len(), export.counters.len(), export.plan.len()),
        (2, 1, 1, 2)
    );
    assert_eq!(export.habits[0].marks.len(), 2);
    assert_eq!(export.counters[0].slips.len(), 1);
    let json = serde_json::to_string(&export).unwrap();
    let mut copy = Store::open_in_memory().unwrap();
    let first = copy.import_json(&json).unwrap();
    assert_eq!(first.personal, 2 + (1 + 2) + (1 + 1) + 2);
    let second = copy.import_json(&json).unwrap();
    assert_eq!(second.personal, 0, "a second import changes nothing");
    assert_eq!(copy.export(None, None, now).unwrap(), export);
    // The copy works like the original.
    assert_eq!(copy.first_counter_today(d(11, 22)).unwrap().unwrap().stats.slips, 1);
    assert_eq!(copy.closest_goal(d(11, 22)).unwrap().unwrap().goal.steps.len(), 1);
}

#[test]
fn an_import_keeps_the_newer_version_and_refuses_bad_records_whole() {
    let mut store = filled_store();
    let now = at(11, 22, 10);
    let mut export = store.export(None, None, now).unwrap();
    export.plan[0].item.text = "Kari (søster)".into();
    export.plan[0].updated_at = at(11, 23, 10);
    export.goals[0].goal.title = "Eldre tittel".into();
    export.goals[0].updated_at = at(11, 1, 10);
    let summary = store.import_json(&serde_json::to_string(&export).unwrap()).unwrap();
    assert_eq!(summary.personal, 1);
    assert_eq!(store.plan_sections(&[Section::People]).unwrap()[0].item.text, "Kari (søster)");
    assert_eq!(store.open_goals().unwrap()[0].goal.title, "Mål med æøå 🎉", "the older title lost");

    let mut bad = store.export(None, None, now).unwrap();
    bad.goals.push(GoalRecordBuilder::blank_title());
    bad.plan[0].item.text = "Endret".into();
    bad.plan[0].updated_at = at(12, 1, 10);
    let err = store.import_json(&serde_json::to_string(&bad).unwrap()).unwrap_err();
    assert!(err.to_string().contains("goal"), "{err}");
    assert_eq!(
        store.plan_sections(&[Section::People]).unwrap()[0].item.text,
        "Kari (søster)",
        "nothing written"
    );
}

struct GoalRecordBuilder;

impl GoalRecordBuilder {
    fn blank_title() -> crate::store::goals::GoalRecord {
        crate::store::goals::GoalRecord {
            uid: "abc".into(),
            updated_at: at(11, 1, 10),
            goal: goal(" ", None),
        }
    }
}

#[test]
fn an_export_from_before_goals_existed_still_imports() {
    let mut store = Store::open_in_memory().unwrap();
    let old = r#"{"format":"mestring-export","version":1,"exported_at":"2026-11-01T10:00:00","checkins":[]}"#;
    let summary = store.import_json(old).unwrap();
    assert_eq!((summary.added, summary.personal), (0, 0));
}

//! `mestring status` and the JSON export/import with goals, habits, counters and the plan, run
//! as the real binary over a database filled through the library.

use crate::support::cli::{import_twice_into_new_dir, mestring, stdout};
use chrono::{Days, Local};
use mestring::clock::Moment;
use mestring::domain::goals::Goal;
use mestring::domain::habits::{Cadence, Habit, Mark};
use mestring::domain::plan::{Item, Section};
use mestring::domain::sober::Counter;
use mestring::store::{Store, location};

#[test]
fn status_adds_the_counter_and_the_habits_left_today() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let now = Local::now().naive_local();
    let today = now.date();
    {
        let mut store = Store::open(&location::db_path(&data)).unwrap();
        let start = today - Days::new(21);
        store
            .add_counter(
                &Counter { name: "Alcohol".into(), start, follows_checkins: true },
                Moment::in_utc(now),
            )
            .unwrap();
        let walk = store
            .add_habit(&Habit { name: "Walk".into(), cadence: Cadence::Daily }, Moment::in_utc(now))
            .unwrap();
        store
            .add_habit(&Habit { name: "Breakfast".into(), cadence: Cadence::Daily }, Moment::in_utc(now))
            .unwrap();
        store.set_habit_mark(walk, today, Some(Mark::Done), Moment::in_utc(now)).unwrap();
    }
    let out = mestring(&data, &["status"]);
    assert!(out.status.success());
    let line = stdout(&out);
    assert_eq!(line.lines().count(), 1, "one line for a prompt: {line}");
    assert!(line.contains("Alcohol: 21 days sober"), "{line}");
    assert!(line.contains("1 habit left today"), "{line}");
    let nb = mestring(&data, &["--lang", "nb", "status"]);
    let line = stdout(&nb);
    assert!(line.contains("Alcohol: 21 dager rusfri") && line.contains("1 vane igjen i dag"), "{line}");
}

#[test]
fn goals_and_the_plan_survive_export_and_import_into_another_directory() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let now = Local::now().naive_local();
    {
        let mut store = Store::open(&location::db_path(&data)).unwrap();
        store.add_goal(&Goal::new("Call the GP", now), Moment::in_utc(now)).unwrap();
        let kari = Item { text: "Kari".into(), phone: "912 34 567".into() };
        store.add_plan_item(Section::People, &kari, Moment::in_utc(now)).unwrap();
    }
    let out = mestring(&data, &["export", "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["goals"][0]["title"], "Call the GP");
    assert_eq!(json["plan"][0]["phone"], "912 34 567");
    let (first, second) = import_twice_into_new_dir(root.path(), &out.stdout);
    assert!(first.contains("Goals, habits, counters and plan: 2 added or updated."), "{first}");
    assert!(!second.contains("Goals, habits"), "nothing changes the second time: {second}");
}

//! A file of sync version 1, written by a device not yet updated: there the versions of all but
//! check-ins, urges, week lines and savings are local time, read here as the same moments in UTC
//! (in this system's time zone, as migration 13 read this database).

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::clock::{Moment, utc_from_local};
use crate::domain::goals::Goal;
use crate::domain::plan::{Item, Section};
use crate::store::checkins::UTC_FORMAT;
use crate::sync::event::{Event, FORMAT};

fn at(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(h, 0, 0).unwrap()
}

fn batch(version: u32, file: u64, changes: Vec<Change>) -> Batch {
    let event = |change| Event { id: file.to_string(), device: "old".into(), at: at(10).and_utc(), change };
    let events = changes.into_iter().map(event).collect();
    Batch { format: FORMAT.into(), version, device: "old".into(), file, events }
}

fn text(store: &Store, sql: &str) -> String {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_file_of_version_1_is_read_in_local_time_and_one_of_version_2_in_utc() {
    let mut store = Store::open_in_memory().unwrap();
    let made = Moment::in_utc(at(8) - chrono::Days::new(21));
    store.add_goal(&Goal::new("Ringe Kari", made.local), made).unwrap();
    store.add_plan_item(Section::People, &Item { text: "Kari".into(), phone: String::new() }, made).unwrap();
    let export = store.export(None, None, at(9)).unwrap();
    // The old device renamed the goal, took the plan entry away and marked a favourite, all at
    // 10:00 on its wall clock.
    let mut goal = export.goals[0].clone();
    goal.goal.title = "Ringe Kari i dag".into();
    goal.updated_at = at(10);
    let plan = Deletion {
        kind: "plan".into(),
        key: export.plan[0].uid.clone(),
        version: "2026-11-22T10:00:00".into(),
    };
    let favourite = Record::Favourite { technique: "box-breathing".into(), added_at: at(10) };
    let changes = vec![Change::Put(Record::Goal(goal.clone())), Change::Delete(plan), Change::Put(favourite)];
    apply(&mut store, batch(1, 1, changes), at(11).and_utc()).unwrap();
    let utc = utc_from_local(at(10));
    let export = store.export(None, None, at(11)).unwrap();
    assert_eq!((export.goals[0].goal.title.as_str(), export.goals[0].updated_at), ("Ringe Kari i dag", utc));
    assert!(export.plan.is_empty());
    let deleted = text(&store, "SELECT deleted FROM sync_change WHERE kind = 'plan'");
    assert_eq!(deleted, utc.format(UTC_FORMAT).to_string(), "the tombstone in UTC too");
    let added = text(&store, "SELECT added_at FROM favourite_technique");
    assert_eq!(added, utc.format(crate::store::versions::UTC_MS_FORMAT).to_string());
    // Once updated, the same device writes UTC, taken as it is.
    goal.goal.title = "Ringe Kari i morgen".into();
    // A day on, so it is the newer one in any time zone.
    let next_day = at(10) + chrono::Days::new(1);
    goal.updated_at = next_day;
    apply(&mut store, batch(2, 2, vec![Change::Put(Record::Goal(goal))]), next_day.and_utc()).unwrap();
    assert_eq!(store.export(None, None, next_day).unwrap().goals[0].updated_at, next_day);
}

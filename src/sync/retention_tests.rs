//! Urges, week lines and counters' savings (migration 11's tables) through one folder, with the
//! rules the other records follow: both sides arrive, twice changes nothing, the newer edit
//! wins, and a deletion is not brought back by an older copy.

use super::tests::{at, day, pair, utc};
use super::*;
use crate::clock::Moment;
use crate::domain::savings::Saving;
use crate::domain::sober::Counter;
use crate::domain::urges::{Outcome, Urge};
use crate::store::review::WeekNoteRecord;
use crate::store::savings::SavingRecord;
use crate::store::urges::UrgeRecord;

const WEEK: &str = "2026-W47";

fn alcohol() -> Counter {
    Counter { name: "Alkohol".into(), start: day(1), follows_checkins: true }
}

fn saving(save_for: &str) -> Saving {
    Saving { cost_cents: Some(15_000), minutes: Some(120), save_for: save_for.to_owned() }
}

type Retention = (Vec<UrgeRecord>, Vec<WeekNoteRecord>, Vec<SavingRecord>);

fn retention(store: &Store) -> Retention {
    let export = store.export(None, None, at(23)).unwrap();
    (export.urges, export.week_notes, export.savings)
}

/// a, then b, then a again: each has read the other's newest file.
fn rounds(a: &mut Store, b: &mut Store, key: &SyncKey, h: u32) {
    sync(a, key, utc(h)).unwrap();
    sync(b, key, utc(h)).unwrap();
    sync(a, key, utc(h)).unwrap();
}

fn counter_id(store: &Store) -> i64 {
    store.counters().unwrap()[0].id
}

#[test]
fn urges_week_lines_and_savings_from_both_sides_reach_both_and_reading_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    let counter = a.add_counter(&alcohol(), Moment::in_utc(at(8))).unwrap();
    a.save_saving(counter, &saving("Lofoten"), Moment::in_utc(at(8))).unwrap();
    a.log_urge(&Urge::new(at(9), 7, "stress", "etter møtet"), Moment::in_utc(at(9))).unwrap();
    b.save_takeaway(WEEK, "Ringe Kari", Moment::in_utc(at(9))).unwrap();
    b.log_urge(&Urge::new(at(10), 4, "", ""), Moment::in_utc(at(10))).unwrap();
    rounds(&mut a, &mut b, &key, 11);
    let (urges, weeks, savings) = retention(&a);
    assert_eq!((urges.len(), weeks.len(), savings.len()), (2, 1, 1));
    assert_eq!(retention(&b), (urges, weeks, savings));
    let before = (retention(&a), retention(&b));
    for store in [&mut a, &mut b] {
        let report = sync(store, &key, utc(12)).unwrap();
        assert_eq!((report.written.is_none(), report.files_read), (true, 0));
        // Every file read once more, as if it had never been: nothing changes.
        store.write(setup::forget_reads).unwrap();
        let again = sync(store, &key, utc(12)).unwrap();
        assert!(again.files_read > 0);
        assert_eq!((again.merged.merged.retention, again.merged.merged.added), (0, 0), "{again:?}");
    }
    assert_eq!((retention(&a), retention(&b)), before);
}

#[test]
fn the_newer_edit_of_an_urge_a_week_line_or_a_saving_wins_on_both() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    let counter = a.add_counter(&alcohol(), Moment::in_utc(at(8))).unwrap();
    a.save_saving(counter, &saving("Lofoten"), Moment::in_utc(at(8))).unwrap();
    let urge = a.log_urge(&Urge::new(at(8), 7, "", ""), Moment::in_utc(at(8))).unwrap();
    a.save_takeaway(WEEK, "Ringe Kari", Moment::in_utc(at(8))).unwrap();
    rounds(&mut a, &mut b, &key, 9);
    let b_urge = b.newest_open_urge(at(9)).unwrap().expect("arrived").id;
    a.save_takeaway(WEEK, "fra a klokka ti", Moment::in_utc(at(10))).unwrap();
    b.save_takeaway(WEEK, "fra b klokka elleve", Moment::in_utc(at(11))).unwrap();
    b.save_saving(counter_id(&b), &saving("fra b klokka ti"), Moment::in_utc(at(10))).unwrap();
    a.save_saving(counter, &saving("fra a klokka elleve"), Moment::in_utc(at(11))).unwrap();
    a.answer_urge(urge, Outcome::Used, Some(6), Moment { local: at(10), utc: at(10) }).unwrap();
    b.answer_urge(b_urge, Outcome::Passed, Some(1), Moment { local: at(11), utc: at(11) }).unwrap();
    rounds(&mut a, &mut b, &key, 12);
    for store in [&a, &b] {
        assert_eq!(store.takeaway(WEEK).unwrap().as_deref(), Some("fra b klokka elleve"));
        assert_eq!(store.saving(counter_id(store)).unwrap().unwrap().save_for, "fra a klokka elleve");
        let kept = store.urges_between(day(22), day(22)).unwrap();
        assert_eq!((kept.len(), kept[0].outcome), (1, Some(Outcome::Passed)));
    }
    assert_eq!(retention(&a), retention(&b));
}

#[test]
fn a_removed_week_line_saving_or_urge_is_not_brought_back_by_an_older_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    let counter = a.add_counter(&alcohol(), Moment::in_utc(at(2))).unwrap();
    a.save_saving(counter, &saving("Lofoten"), Moment::in_utc(at(2))).unwrap();
    a.save_takeaway(WEEK, "Ringe Kari", Moment::in_utc(at(2))).unwrap();
    let urge = a.log_urge(&Urge::new(at(2), 5, "", ""), Moment::in_utc(at(2))).unwrap();
    rounds(&mut a, &mut b, &key, 3);
    assert_eq!(b.takeaway(WEEK).unwrap().as_deref(), Some("Ringe Kari"));
    // A third device joins with an old copy of the same records (from an import, say).
    let mut c = Store::open_in_memory().unwrap();
    c.import_json(&serde_json::to_string(&a.export(None, None, at(3)).unwrap()).unwrap()).unwrap();
    a.save_takeaway(WEEK, "", Moment::in_utc(at(5))).unwrap();
    a.save_saving(counter, &Saving::default(), Moment::in_utc(at(5))).unwrap();
    // No screen deletes an urge yet; a path written later is followed all the same.
    a.write(|tx| tx.execute("DELETE FROM urge WHERE id = ?1", [urge])).unwrap();
    sync(&mut a, &key, utc(6)).unwrap();
    init(&mut c, dir.path(), &super::tests::pass(), &super::tests::fast(), utc(6)).unwrap();
    for store in [&mut b, &mut a, &mut c] {
        sync(store, &key, utc(7)).unwrap();
    }
    for store in [&a, &b, &c] {
        assert_eq!(store.takeaway(WEEK).unwrap(), None);
        assert_eq!(store.saving(counter_id(store)).unwrap(), None);
        assert_eq!(store.urges_between(day(22), day(22)).unwrap(), []);
    }
}

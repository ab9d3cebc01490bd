//! Tests of the knowledge screens' tables: round trips, the schema's limits, and the import merge.

use super::*;
use crate::clock::{Clock, FixedClock};

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

fn now() -> NaiveDateTime {
    FixedClock::sample().now()
}

fn card(id: &str, leitner_box: u8) -> Card {
    Card { id: id.to_owned(), leitner_box, due: now().date() + chrono::Days::new(1) }
}

fn round(minutes: i64, right: u8) -> RoundRecord {
    RoundRecord {
        finished_at: now() + chrono::Duration::minutes(minutes),
        kind: RoundKind::Regular,
        right,
        total: 10,
    }
}

#[test]
fn every_change_reads_back() {
    let mut s = store();
    assert_eq!(s.load_progress().unwrap(), Progress::default());
    s.set_favourite("mindfulness", true, Moment::in_utc(now())).unwrap();
    s.set_favourite("detox", true, Moment::in_utc(now())).unwrap();
    s.set_favourite("detox", false, Moment::in_utc(now())).unwrap();
    s.save_card(&card("a", 1), Moment::in_utc(now())).unwrap();
    s.save_card(&card("a", 2), Moment::in_utc(now())).unwrap();
    s.save_card(&card("b", 5), Moment::in_utc(now())).unwrap();
    s.add_round(&round(0, 7)).unwrap();
    s.add_round(&round(0, 7)).unwrap();
    s.add_round(&RoundRecord { kind: RoundKind::Mistakes, ..round(1, 2) }).unwrap();
    s.set_phase(Some("treatment"), Moment::in_utc(now())).unwrap();
    let p = s.load_progress().unwrap();
    assert_eq!(p.favourites.into_iter().collect::<Vec<_>>(), ["mindfulness"]);
    assert_eq!(p.cards, [card("a", 2), card("b", 5)]);
    assert_eq!(p.rounds.len(), 3, "two identical rounds are two rounds");
    assert_eq!(p.rounds[2].kind, RoundKind::Mistakes);
    assert_eq!(p.phase.as_deref(), Some("treatment"));
    s.set_phase(None, Moment::in_utc(now())).unwrap();
    assert_eq!(s.load_progress().unwrap().phase, None);
}

#[test]
fn the_schema_refuses_impossible_rows() {
    let mut s = store();
    assert!(s.save_card(&card("a", 0), Moment::in_utc(now())).is_err());
    assert!(s.save_card(&card("a", 6), Moment::in_utc(now())).is_err());
    assert!(s.add_round(&round(0, 11)).is_err());
    assert_eq!(s.load_progress().unwrap(), Progress::default(), "nothing half-written");
}

#[test]
fn importing_merges_newer_wins_and_twice_changes_nothing() {
    let mut from = store();
    from.set_favourite("mindfulness", true, Moment::in_utc(now())).unwrap();
    from.save_card(&card("a", 3), Moment::in_utc(now() + chrono::Duration::hours(1))).unwrap();
    from.save_card(&card("b", 1), Moment::in_utc(now())).unwrap();
    from.add_round(&round(0, 7)).unwrap();
    from.add_round(&round(0, 7)).unwrap();
    from.set_phase(Some("follow-up"), Moment::in_utc(now() + chrono::Duration::hours(1))).unwrap();
    let export = from.export_progress().unwrap();

    let mut into = store();
    into.set_favourite("detox", true, Moment::in_utc(now())).unwrap();
    into.save_card(&card("a", 1), Moment::in_utc(now())).unwrap(); // older than the export's
    into.save_card(&card("b", 4), Moment::in_utc(now() + chrono::Duration::hours(2))).unwrap(); // newer
    into.add_round(&round(0, 7)).unwrap(); // one of the two identical rounds is here already
    into.set_phase(Some("treatment"), Moment::in_utc(now())).unwrap();
    let changed = into.write(|tx| import_progress(tx, &export)).unwrap();
    assert_eq!(changed, 1 + 1 + 1 + 1, "a favourite, card a, one round, the phase");
    let p = into.load_progress().unwrap();
    assert_eq!(p.favourites.len(), 2);
    assert_eq!(p.cards, [card("a", 3), card("b", 4)]);
    assert_eq!(p.rounds.len(), 2);
    assert_eq!(p.phase.as_deref(), Some("follow-up"));
    assert_eq!(into.write(|tx| import_progress(tx, &export)).unwrap(), 0);
    assert_eq!(into.load_progress().unwrap(), p);
}

#[test]
fn validation_names_the_bad_row() {
    let mut export = ProgressExport::default();
    export.quiz_rounds.push(round(0, 12));
    assert!(validate(&export).unwrap_err().contains("12 right of 10"));
    export.quiz_rounds.clear();
    export.quiz_cards.push(StoredCard { card: card("x", 9), answered_at: now() });
    assert!(validate(&export).unwrap_err().contains("quiz card x"));
}

#[test]
fn the_json_export_carries_progress_and_imports_back_once() {
    let mut from = store();
    from.set_favourite("mindfulness", true, Moment::in_utc(now())).unwrap();
    from.save_card(&card("a", 4), Moment::in_utc(now())).unwrap();
    from.add_round(&round(0, 9)).unwrap();
    from.set_phase(Some("adjustment"), Moment::in_utc(now())).unwrap();
    let json = serde_json::to_string(&from.export(None, None, now()).unwrap()).unwrap();
    assert!(json.contains("\"progress\"") && json.contains("\"answered_at\""), "{json}");
    let mut into = store();
    assert_eq!(into.import_json(&json).unwrap().progress, 4);
    assert_eq!(into.load_progress().unwrap(), from.load_progress().unwrap());
    assert_eq!(into.import_json(&json).unwrap().progress, 0, "a second import changes nothing");
}

#[test]
fn an_export_without_progress_still_imports_and_a_bad_one_is_refused_whole() {
    let mut s = store();
    let old = r#"{"format": "mestring-export", "version": 1, "exported_at": "2026-11-22T09:30:00", "checkins": []}"#;
    assert_eq!(s.import_json(old).unwrap().progress, 0);
    let mut export = store().export(None, None, now()).unwrap();
    export.progress.favourites.push("mindfulness".to_owned());
    export.progress.quiz_rounds.push(round(0, 11));
    let err = s.import_json(&serde_json::to_string(&export).unwrap()).unwrap_err();
    assert!(err.to_string().contains("11 right of 10"), "{err}");
    assert_eq!(s.load_progress().unwrap(), Progress::default(), "nothing of it was written");
}

//! The Markdown summary for a therapist: every part of a day a person filled in, the slips on
//! the sober counters with what they wrote, and their practice.

use chrono::{Days, Local};
use mestring::clock::Moment;
use mestring::domain::practice::{ExerciseKind, PracticeRecord};
use mestring::domain::sober::{Counter, SlipNote};
use mestring::store::{Store, location};

use crate::support::cli::{mestring_in, stderr, stdout};

#[test]
fn the_markdown_export_has_used_halt_sleep_quality_the_counters_slips_and_practice() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| mestring_in("nb_NO.UTF-8", data.path(), args);
    let out = run(&["checkin", "--mood", "2", "--used", "yes", "--substance", "øl", "--amount", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    run(&["checkin", "--halt", "tired,lonely", "--sleep", "6", "--sleep-quality", "2"]);
    let now = Local::now().naive_local();
    let today = now.date();
    let mut store = Store::open(&location::db_path(data.path())).unwrap();
    let start = today - Days::new(30);
    store
        .add_counter(&Counter { name: "Alkohol".into(), start, follows_checkins: false }, Moment::in_utc(now))
        .unwrap();
    let counter = store.counters().unwrap().remove(0);
    let note = SlipNote { what_happened: "Fest på jobben".into(), what_to_learn: "Gå tidlig hjem".into() };
    store.record_slip(&counter, today - Days::new(3), &note, Moment::in_utc(now)).unwrap();
    let session = PracticeRecord {
        kind: ExerciseKind::Breathing,
        exercise: "box".into(),
        name: "Boksepust".into(),
        started_at: now,
        planned_ms: 240_000,
        actual_ms: 240_000,
        completed: true,
    };
    store.record_practice(&session).unwrap();
    drop(store);
    let md = stdout(&run(&["export", "--format", "md"]));
    assert!(
        md.contains("| Dato | Humør | Sug | Stress | Søvn | Brukte i dag | HALT | Triggere | Notat |"),
        "{md}"
    );
    assert!(md.contains("| 6,0 t, urolig | Ja, en sprekk: øl 2 | Ensom, Sliten |"), "{md}");
    assert!(md.contains("## Sprekker på rusfri-tellerne"), "{md}");
    let slip = format!(
        "- {} (Alkohol) · Hva skjedde: Fest på jobben · Hva jeg kan lære: Gå tidlig hjem",
        today - Days::new(3)
    );
    assert!(md.contains(&slip), "{md}");
    assert!(md.contains("## Pust og mindfulness") && md.contains("Boksepust, 4 min (fullført)"), "{md}");
}

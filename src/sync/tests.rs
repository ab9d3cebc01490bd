//! Two databases syncing through one folder, in process: the rules, not the command line
//! (tests/cli/sync.rs runs the binary).

use age::secrecy::SecretString;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::*;
use crate::clock::Moment;
use crate::domain::checkin::CheckIn;
use crate::domain::goals::Goal;
use crate::domain::habits::{Cadence, Habit, Mark};

pub(super) fn pass() -> SecretString {
    SecretString::from("korrekt hest batteri".to_owned())
}

pub(super) fn fast() -> InitOptions {
    InitOptions { work_factor: Some(4), ..InitOptions::default() }
}

pub(super) fn at(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(h, 0, 0).unwrap()
}

pub(super) fn utc(h: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&at(h))
}

pub(super) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn checkin(d: u32, note: &str, h: u32) -> CheckIn {
    CheckIn {
        note: note.to_owned(),
        triggers: vec!["Svigermor på besøk".into()],
        ..CheckIn::blank(day(d), at(h))
    }
}

/// Two devices set up with one folder; the first created it.
pub(super) fn pair(dir: &Path) -> (Store, Store, SyncKey) {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let (joined, ..) = init(&mut a, dir, &pass(), &fast(), utc(1)).unwrap();
    assert_eq!(joined, Joined::Created);
    let (joined, ..) = init(&mut b, dir, &pass(), &fast(), utc(1)).unwrap();
    assert_eq!(joined, Joined::Joined);
    let setup = setup::read(a.conn()).unwrap().unwrap();
    let key = unlock(&setup, || Ok(pass())).unwrap();
    (a, b, key)
}

fn goal(title: &str, h: u32) -> Goal {
    Goal {
        title: title.to_owned(),
        due: None,
        note: String::new(),
        steps: Vec::new(),
        created_at: at(h),
        done_at: None,
    }
}

fn notes(store: &Store) -> Vec<(NaiveDate, String)> {
    let all = store.checkins_between(day(1), day(30)).unwrap();
    all.into_iter().map(|c| (c.date, c.note)).collect()
}

#[test]
fn changes_on_both_sides_reach_both_and_a_second_sync_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open_in_memory().unwrap();
    a.save_checkin(&checkin(1, "før oppsett", 8)).unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let (_, _, report, _) = init(&mut a, dir.path(), &pass(), &fast(), utc(1)).unwrap();
    assert_eq!(report.written.as_ref().map(|w| w.1), Some(1), "the first file holds all there was");
    init(&mut b, dir.path(), &pass(), &fast(), utc(1)).unwrap();
    let key = unlock(&setup::read(a.conn()).unwrap().unwrap(), || Ok(pass())).unwrap();
    a.save_checkin(&checkin(2, "fra a", 9)).unwrap();
    b.save_checkin(&checkin(3, "fra b", 9)).unwrap();
    b.add_goal(&goal("Gå tur", 9), Moment::in_utc(at(9))).unwrap();
    sync(&mut a, &key, utc(10)).unwrap();
    sync(&mut b, &key, utc(10)).unwrap();
    sync(&mut a, &key, utc(11)).unwrap();
    let want = vec![(day(1), "før oppsett".into()), (day(2), "fra a".into()), (day(3), "fra b".into())];
    assert_eq!(notes(&a), want);
    assert_eq!(notes(&b), want);
    assert_eq!(a.open_goals().unwrap()[0].goal.title, "Gå tur");
    let before = (a.export(None, None, at(12)).unwrap(), b.export(None, None, at(12)).unwrap());
    for store in [&mut a, &mut b] {
        let report = sync(store, &key, utc(12)).unwrap();
        assert_eq!((report.written.is_none(), report.files_read, report.refused.len()), (true, 0, 0));
    }
    assert_eq!((a.export(None, None, at(12)).unwrap(), b.export(None, None, at(12)).unwrap()), before);
    // What arrived is not sent back: a's files hold only a's own changes.
    let files = Folder::new(dir.path()).files_of(&setup::read(a.conn()).unwrap().unwrap().device).unwrap();
    assert_eq!(files, [1, 2]);
}

#[test]
fn the_same_day_edited_on_both_keeps_the_newer_and_the_other_stays_in_the_event_log() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    a.save_checkin(&checkin(5, "skrevet på a klokka ti", 10)).unwrap();
    b.save_checkin(&checkin(5, "skrevet på b klokka elleve", 11)).unwrap();
    sync(&mut a, &key, utc(12)).unwrap();
    sync(&mut b, &key, utc(12)).unwrap();
    sync(&mut a, &key, utc(12)).unwrap();
    for store in [&a, &b] {
        assert_eq!(store.checkin_on(day(5)).unwrap().unwrap().note, "skrevet på b klokka elleve");
    }
    let device_a = setup::read(a.conn()).unwrap().unwrap().device;
    let folder = Folder::new(dir.path());
    let logged: Vec<String> = folder
        .files_of(&device_a)
        .unwrap()
        .into_iter()
        .map(|n| {
            String::from_utf8(key.open(&std::fs::read(folder.file(&device_a, n)).unwrap()).unwrap()).unwrap()
        })
        .collect();
    assert!(logged.iter().any(|text| text.contains("skrevet på a klokka ti")), "{logged:?}");
}

#[test]
fn a_deletion_travels_and_an_older_copy_arriving_later_does_not_bring_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    let goal = a.add_goal(&goal("Slutte å røyke", 2), Moment::in_utc(at(2))).unwrap();
    let habit = a
        .add_habit(&Habit { name: "Gå tur".into(), cadence: Cadence::Daily }, Moment::in_utc(at(2)))
        .unwrap();
    a.set_habit_mark(habit, day(20), Some(Mark::Done), Moment::in_utc(at(3))).unwrap();
    sync(&mut a, &key, utc(4)).unwrap();
    sync(&mut b, &key, utc(4)).unwrap();
    assert_eq!(b.open_goals().unwrap().len(), 1);
    // A third device joins with an old copy of the same records (from an import, say).
    let mut c = Store::open_in_memory().unwrap();
    c.import_json(&serde_json::to_string(&a.export(None, None, at(4)).unwrap()).unwrap()).unwrap();
    a.delete_goal(goal).unwrap();
    a.set_habit_mark(habit, day(20), None, Moment::in_utc(at(5))).unwrap();
    sync(&mut a, &key, utc(6)).unwrap();
    init(&mut c, dir.path(), &pass(), &fast(), utc(6)).unwrap();
    for store in [&mut b, &mut a, &mut c] {
        sync(store, &key, utc(7)).unwrap();
    }
    for store in [&a, &b, &c] {
        assert!(store.open_goals().unwrap().is_empty());
        assert!(store.habit_marks_between(habit_id(store), day(1), day(30)).unwrap().is_empty());
    }
}

fn habit_id(store: &Store) -> i64 {
    store.habits().unwrap()[0].id
}

#[test]
fn a_changed_cut_or_moved_file_is_refused_by_name_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    let folder = Folder::new(dir.path());
    let device_a = setup::read(a.conn()).unwrap().unwrap().device;
    let device_b = setup::read(b.conn()).unwrap().unwrap().device;
    b.save_checkin(&checkin(20, "b sin egen", 9)).unwrap();
    sync(&mut b, &key, utc(9)).unwrap();
    let mut files = Vec::new();
    for d in 10..14 {
        a.save_checkin(&checkin(d, &format!("dag {d}"), 9)).unwrap();
        files.push(sync(&mut a, &key, utc(9)).unwrap().written.unwrap().0);
    }
    let flip = |path: &Path| {
        let mut bytes = std::fs::read(path).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x01;
        std::fs::write(path, bytes).unwrap();
    };
    flip(&files[0]);
    let cut = std::fs::read(&files[1]).unwrap();
    std::fs::write(&files[1], &cut[..cut.len() - 10]).unwrap();
    // The third replaced by the fourth, and b's own first file copied in as a's next one.
    std::fs::copy(&files[3], &files[2]).unwrap();
    std::fs::copy(folder.file(&device_b, 1), folder.file(&device_a, 99)).unwrap();
    let report = sync(&mut b, &key, utc(10)).unwrap();
    let refused: Vec<&Path> = report.refused.iter().map(|r| r.path.as_path()).collect();
    let moved = folder.file(&device_a, 99);
    assert_eq!(refused, [files[0].as_path(), &files[1], &files[2], &moved], "{report:?}");
    assert!(report.refused[2].reason.contains("moved or replaced"), "{}", report.refused[2]);
    assert_eq!(b.checkin_on(day(13)).unwrap().unwrap().note, "dag 13", "the rest is read");
    assert!(b.checkin_on(day(10)).unwrap().is_none());
    let problem = setup::read(b.conn()).unwrap().unwrap().last_error.unwrap();
    assert!(problem.contains("refused") && problem.contains("and 3 more"), "{problem}");
}

#[test]
fn a_wrong_passphrase_joins_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open_in_memory().unwrap();
    init(&mut a, dir.path(), &pass(), &fast(), utc(1)).unwrap();
    let mut b = Store::open_in_memory().unwrap();
    b.save_checkin(&checkin(1, "b sin dag", 8)).unwrap();
    let listing = |p: &Path| walk(p);
    let before = listing(dir.path());
    let wrong = SecretString::from("feil".to_owned());
    let err = init(&mut b, dir.path(), &wrong, &fast(), utc(2)).err().unwrap();
    assert!(matches!(err, SyncError::Crypto(CryptoError::WrongPassphrase)), "{err}");
    assert_eq!(listing(dir.path()), before);
    assert!(setup::read(b.conn()).unwrap().is_none());
}

#[test]
fn nothing_in_the_folder_shows_a_note_a_trigger_a_date_or_a_goal() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _b, key) = pair(dir.path());
    a.save_checkin(&checkin(7, "Hemmelig notat om kvelden", 9)).unwrap();
    a.add_goal(&goal("Ringe mamma", 9), Moment::in_utc(at(9))).unwrap();
    sync(&mut a, &key, utc(9)).unwrap();
    let mut bytes = Vec::new();
    for path in walk(dir.path()) {
        bytes.extend(std::fs::read(path).unwrap());
    }
    for secret in ["Hemmelig notat", "Svigermor", "Ringe mamma", "2026-11-07", "checkin"] {
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{secret} is readable");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            found.extend(walk(&entry.path()));
        } else {
            found.push(entry.path());
        }
    }
    found.sort();
    found
}

/// Every kind of record, changed through the store's own write paths (an `INSERT OR IGNORE`,
/// an upsert, a rename, a delete, a line emptied), arrives: the two exports end up equal.
#[test]
fn every_kind_of_change_reaches_the_other_device() {
    use crate::domain::own_pattern::OwnPattern;
    use crate::domain::plan::{Item, Section};
    use crate::domain::practice::{ExerciseKind, PracticeRecord};
    use crate::domain::quiz::{Card, RoundKind, RoundRecord};
    use crate::domain::savings::Saving;
    use crate::domain::sober::{Counter, SlipNote};
    use crate::domain::urges::{Outcome, Urge};
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    let both = |a: &mut Store, b: &mut Store, h: u32| {
        sync(a, &key, utc(h)).unwrap();
        sync(b, &key, utc(h)).unwrap();
        sync(a, &key, utc(h)).unwrap();
    };
    a.save_checkin(&checkin(3, "en dag", 9)).unwrap();
    a.set_favourite("box-breathing", true, Moment::in_utc(at(9))).unwrap();
    a.set_favourite("urge-surfing", true, Moment::in_utc(at(9))).unwrap();
    a.set_favourite("box-breathing", true, Moment::in_utc(at(10))).unwrap();
    a.save_card(&Card { id: "a-slip-can-teach".into(), leitner_box: 2, due: day(25) }, Moment::in_utc(at(9)))
        .unwrap();
    a.add_round(&RoundRecord { finished_at: at(9), kind: RoundKind::Regular, right: 7, total: 10 }).unwrap();
    a.set_phase(Some("treatment"), Moment::in_utc(at(9))).unwrap();
    let session = PracticeRecord {
        kind: ExerciseKind::Breathing,
        exercise: "box".into(),
        name: "Firkantpust".into(),
        started_at: at(8),
        planned_ms: 240_000,
        actual_ms: 200_000,
        completed: false,
    };
    a.record_practice(&session).unwrap();
    a.save_own_pattern(
        &OwnPattern { id: 0, name: "Kveld".into(), tenths: [40, 0, 60, 0] },
        Moment::in_utc(at(9)),
    )
    .unwrap();
    a.add_plan_item(
        Section::Reasons,
        &Item { text: "Barna".into(), phone: String::new() },
        Moment::in_utc(at(9)),
    )
    .unwrap();
    a.add_plan_item(
        Section::People,
        &Item { text: "Kari".into(), phone: "99 99 99 99".into() },
        Moment::in_utc(at(9)),
    )
    .unwrap();
    let counter = a
        .add_counter(
            &Counter { name: "Alkohol".into(), start: day(1), follows_checkins: true },
            Moment::in_utc(at(9)),
        )
        .unwrap();
    let stored = a.counters().unwrap().into_iter().find(|c| c.id == counter).unwrap();
    let slip = SlipNote { what_happened: "fest".into(), what_to_learn: "gå tidlig".into() };
    a.record_slip(&stored, day(10), &slip, Moment::in_utc(at(9))).unwrap();
    a.record_slip(&stored, day(12), &slip, Moment::in_utc(at(9))).unwrap();
    let habit = a
        .add_habit(&Habit { name: "Gå tur".into(), cadence: Cadence::Daily }, Moment::in_utc(at(9)))
        .unwrap();
    a.set_habit_mark(habit, day(20), Some(Mark::Done), Moment::in_utc(at(9))).unwrap();
    a.set_habit_mark(habit, day(21), Some(Mark::Skip), Moment::in_utc(at(9))).unwrap();
    let goal = a.add_goal(&goal("Gå ned i vekt", 9), Moment::in_utc(at(9))).unwrap();
    a.add_goal_step(goal, "Kjøpe sko", Moment::in_utc(at(9))).unwrap();
    a.log_urge(&Urge::new(at(9), 6, "stress", "etter møtet"), Moment::in_utc(at(9))).unwrap();
    a.save_takeaway("2026-W46", "Sove mer", Moment::in_utc(at(9))).unwrap();
    a.save_takeaway("2026-W47", "Ringe Kari", Moment::in_utc(at(9))).unwrap();
    let saving = Saving { cost_cents: Some(15_000), minutes: None, save_for: "Lofoten".into() };
    a.save_saving(counter, &saving, Moment::in_utc(at(9))).unwrap();
    both(&mut a, &mut b, 10);
    let equal = |a: &Store, b: &Store| {
        assert_eq!(a.export(None, None, at(23)).unwrap(), b.export(None, None, at(23)).unwrap());
        assert_eq!(a.favourites().unwrap(), b.favourites().unwrap());
    };
    equal(&a, &b);
    // Changes and deletions, now from b.
    b.set_favourite("urge-surfing", false, Moment::in_utc(at(11))).unwrap();
    b.save_card(
        &Card { id: "a-slip-can-teach".into(), leitner_box: 3, due: day(28) },
        Moment::in_utc(at(11)),
    )
    .unwrap();
    b.set_phase(None, Moment::in_utc(at(11))).unwrap();
    let b_pattern = b.own_patterns().unwrap()[0].id;
    b.save_own_pattern(
        &OwnPattern { id: b_pattern, name: "Natt".into(), tenths: [40, 0, 80, 0] },
        Moment::in_utc(at(11)),
    )
    .unwrap();
    let b_plan = b.plan().unwrap().into_iter().find(|i| i.item.text == "Barna").unwrap().id;
    b.delete_plan_item(b_plan).unwrap();
    let b_counter = b.counters().unwrap()[0].id;
    b.delete_slip(b_counter, day(10)).unwrap();
    let b_habit = b.habits().unwrap()[0].id;
    b.set_habit_mark(b_habit, day(21), None, Moment::in_utc(at(11))).unwrap();
    let b_goal = b.open_goals().unwrap()[0].id;
    b.complete_goal(b_goal, Moment::in_utc(at(11))).unwrap();
    let b_urge = b.newest_open_urge(at(11)).unwrap().unwrap().id;
    b.answer_urge(b_urge, Outcome::Passed, Some(2), Moment { local: at(11), utc: at(11) }).unwrap();
    b.save_takeaway("2026-W46", "", Moment::in_utc(at(11))).unwrap();
    b.save_takeaway("2026-W47", "Ringe Kari og Ola", Moment::in_utc(at(11))).unwrap();
    b.save_saving(b_counter, &Saving::default(), Moment::in_utc(at(11))).unwrap();
    both(&mut b, &mut a, 12);
    equal(&a, &b);
    assert_eq!(a.favourites().unwrap().into_iter().collect::<Vec<_>>(), ["box-breathing"]);
    assert_eq!(a.own_patterns().unwrap()[0].name, "Natt", "renamed, the old name gone");
    assert_eq!(a.own_patterns().unwrap().len(), 1);
    assert!(a.plan().unwrap().iter().all(|i| i.item.text != "Barna"));
    assert_eq!(a.habit_marks_between(habit, day(1), day(30)).unwrap().len(), 1);
    assert_eq!(a.urges_between(day(22), day(22)).unwrap()[0].outcome, Some(Outcome::Passed));
    assert_eq!(a.takeaway("2026-W46").unwrap(), None);
    assert_eq!(a.takeaway("2026-W47").unwrap().as_deref(), Some("Ringe Kari og Ola"));
    assert_eq!(a.saving(counter).unwrap(), None);
}

#[test]
fn a_change_made_with_a_clock_behind_still_wins_over_the_version_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, key) = pair(dir.path());
    b.save_checkin(&checkin(8, "fra b klokka tolv", 12)).unwrap();
    sync(&mut b, &key, utc(12)).unwrap();
    sync(&mut a, &key, utc(12)).unwrap();
    // Later in truth, but a's clock says eleven.
    a.save_checkin(&checkin(8, "fra a, senere", 11)).unwrap();
    sync(&mut a, &key, utc(13)).unwrap();
    sync(&mut b, &key, utc(13)).unwrap();
    for store in [&a, &b] {
        assert_eq!(store.checkin_on(day(8)).unwrap().unwrap().note, "fra a, senere");
    }
    let again = sync(&mut a, &key, utc(14)).unwrap();
    assert!(again.written.is_none(), "the stored bump is not a new change");
}

//! The start snapshot: a start draws its first frame from the numbers the last run left, only
//! while they still hold, and the frame is the one the database would give.

mod common;
mod goals_support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use goals_support::{at, d, fill_sample, options, screen};
use mestring::app::{App, Snapshot};
use mestring::clock::{Clock, FixedClock};
use mestring::domain::checkin::CheckIn;
use mestring::i18n::Lang;
use mestring::store::Store;
use ratatui::layout::Rect;

const SIZE: (u16, u16) = (120, 40);

fn sample_db(dir: &Path) -> PathBuf {
    let db = dir.join("mestring.sqlite3");
    fill_sample(&mut Store::open(&db).unwrap());
    db
}

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock::sample())
}

fn sized(mut app: App) -> App {
    app.set_area(Rect::new(0, 0, SIZE.0, SIZE.1));
    app
}

fn from_db(db: &Path) -> App {
    sized(App::new(options(Lang::Nb), clock(), Store::open(db)))
}

fn check_in_today(db: &Path) {
    let checkin = CheckIn { mood: 4, craving: 2, ..CheckIn::blank(d(11, 22), at(11, 22, 9)) };
    Store::open(db).unwrap().save_checkin(&checkin).unwrap();
}

fn today() -> chrono::NaiveDate {
    FixedClock::sample().today()
}

#[test]
fn a_closed_app_leaves_a_snapshot_that_draws_the_same_first_frame_and_opens_the_store_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let app = from_db(&db);
    let from_the_database = screen(&app, SIZE.0, SIZE.1);
    assert!(from_the_database.contains("Alkohol"), "{from_the_database}");
    app.close();

    let snapshot = Snapshot::load(&db, today()).expect("a snapshot for today");
    let mut app = sized(App::from_snapshot(options(Lang::Nb), clock(), db.clone(), snapshot));
    assert_eq!(screen(&app, SIZE.0, SIZE.1), from_the_database);
    assert!(app.store.get().is_err(), "not opened before the first frame");

    app.dirty = false;
    app.after_first_frame();
    assert!(app.store.get().is_ok(), "opened after it");
    assert!(!app.dirty, "the same numbers need no second frame");
    assert_eq!(screen(&app, SIZE.0, SIZE.1), from_the_database);
}

#[test]
fn a_write_after_the_snapshot_or_another_day_makes_it_unused() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    from_db(&db).close();
    assert!(Snapshot::load(&db, today()).is_some());
    assert!(Snapshot::load(&db, today().succ_opt().unwrap()).is_none(), "another day");

    // Another process (a one-shot `mestring checkin`, a second window) writes after the close.
    check_in_today(&db);
    assert!(Snapshot::load(&db, today()).is_none(), "the database changed");
}

#[test]
fn numbers_that_changed_between_the_snapshot_and_the_open_are_drawn_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    from_db(&db).close();
    let snapshot = Snapshot::load(&db, today()).unwrap();
    // Written after the snapshot was read, before the store is opened.
    check_in_today(&db);
    let mut app = sized(App::from_snapshot(options(Lang::Nb), clock(), db.clone(), snapshot));
    app.dirty = false;
    app.after_first_frame();
    assert!(app.dirty, "a second frame is due");
    assert_eq!(screen(&app, SIZE.0, SIZE.1), screen(&from_db(&db), SIZE.0, SIZE.1));
}

#[test]
fn the_file_is_private_and_a_broken_or_foreign_one_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    from_db(&db).close();
    let file = dir.path().join(mestring::app::SNAPSHOT_FILE);
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);

    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, &text[..text.len() / 2]).unwrap();
    assert!(Snapshot::load(&db, today()).is_none(), "cut short");
    std::fs::write(&file, "x".repeat(1 << 20)).unwrap();
    assert!(Snapshot::load(&db, today()).is_none(), "too large to be one");

    // A snapshot never vouches for a database that is not there.
    std::fs::write(&file, &text).unwrap();
    std::fs::remove_file(&db).unwrap();
    assert!(Snapshot::load(&db, today()).is_none());
}

#[test]
fn an_app_without_a_usable_store_leaves_no_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mestring.sqlite3");
    std::fs::write(&db, "not a database, and not ours to overwrite").unwrap();
    let app = from_db(&db);
    assert!(app.store.get().is_err());
    app.close();
    assert!(!dir.path().join(mestring::app::SNAPSHOT_FILE).exists());
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "not a database, and not ours to overwrite");
}

#[test]
fn the_technique_of_the_day_comes_from_the_snapshot_in_its_language_and_is_found_again_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let name = from_db(&db).home.technique.expect("a technique of the day").name;
    from_db(&db).close();
    let file = dir.path().join(mestring::app::SNAPSHOT_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&format!("\"{name}\"")), "{text}");

    // An English start does not show the Norwegian technique the snapshot kept.
    let snapshot = Snapshot::load(&db, today()).unwrap();
    let english = sized(App::from_snapshot(options(Lang::En), clock(), db.clone(), snapshot));
    let from_the_database = sized(App::new(options(Lang::En), clock(), Store::open(&db)));
    assert_eq!(screen(&english, SIZE.0, SIZE.1), screen(&from_the_database, SIZE.0, SIZE.1));

    // The first frame shows the kept technique as it is (here, one from an older version of the
    // app); right after it, the technique is found again and the difference drawn. (Opening the
    // store above changed the database's files: a new close leaves a new snapshot.)
    drop(from_the_database);
    from_db(&db).close();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace(&format!("\"{name}\""), "\"Et gammelt navn\"")).unwrap();
    let snapshot = Snapshot::load(&db, today()).unwrap();
    let mut app = sized(App::from_snapshot(options(Lang::Nb), clock(), db.clone(), snapshot));
    assert!(screen(&app, SIZE.0, SIZE.1).contains("Et gammelt navn"));
    app.dirty = false;
    app.after_first_frame();
    assert!(app.dirty, "a second frame is due");
    assert_eq!(screen(&app, SIZE.0, SIZE.1), screen(&from_db(&db), SIZE.0, SIZE.1));
}

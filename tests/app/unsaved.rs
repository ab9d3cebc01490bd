//! Nothing typed is lost when the app closes while a check-in cannot be saved: it asks, keeps
//! the check-in in a file on request (or by itself on a signal), and offers it back next time.
//! A database that could not be written is opened afresh once writing may work again.

use std::path::Path;

use crate::support::app::{app_with, feed, go, text, type_text};
use mestring::action::Action;
use mestring::app::{Overlay, Tab};
use mestring::i18n::Lang;
use mestring::store::{DB_FILE, Store, recovery};

/// A database in `dir` with one day saved, so the file exists.
fn database(dir: &Path) -> std::path::PathBuf {
    let path = dir.join(DB_FILE);
    drop(Store::open(&path).unwrap());
    path
}

/// Types a note into today's check-in while the store refuses every write, as a read-only or
/// full disk would, and cannot be opened afresh (its file has gone from its place).
fn typed_while_writes_fail(dir: &Path) -> mestring::app::App {
    let path = database(dir);
    let mut app = app_with(Lang::En, 80, 24, Store::open(&path));
    app.store().get().unwrap().conn().pragma_update(None, "query_only", true).unwrap();
    std::fs::rename(&path, dir.join("elsewhere.sqlite3")).unwrap();
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Bottom, Action::Up, Action::Open]);
    type_text(&mut app, "Dette må ikke forsvinne");
    feed(&mut app, [Action::Back]);
    app
}

#[test]
fn quit_with_a_check_in_that_could_not_be_saved_asks_and_keeps_it_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = typed_while_writes_fail(dir.path());
    feed(&mut app, [Action::Quit]);
    assert!(app.running(), "the app asks before it closes");
    assert_eq!(app.overlay(), Some(Overlay::Unsaved));
    let screen = text(&app, 80, 24);
    assert!(screen.contains("could not be saved"), "{screen}");
    feed(&mut app, [Action::Save]);
    assert!(app.running(), "trying again fails again, so it still asks");
    feed(&mut app, [Action::KeepUnsaved]);
    assert!(!app.running());
    let kept = recovery::read(dir.path()).expect("kept beside the database");
    assert_eq!(kept.note, "Dette må ikke forsvinne");
}

#[test]
fn quit_again_in_the_box_quits_without_keeping_and_esc_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = typed_while_writes_fail(dir.path());
    feed(&mut app, [Action::Quit, Action::Back]);
    assert!(app.running() && app.overlay().is_none(), "Esc is back to the app");
    assert!(text(&app, 80, 24).contains("Dette må ikke forsvinne"));
    feed(&mut app, [Action::Quit, Action::Quit]);
    assert!(!app.running());
    assert!(recovery::read(dir.path()).is_none(), "asked not to keep it");
}

#[test]
fn a_signal_keeps_a_check_in_that_could_not_be_saved_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = typed_while_writes_fail(dir.path());
    app.quit_on_signal();
    assert!(!app.running());
    assert_eq!(recovery::read(dir.path()).map(|c| c.note), Some("Dette må ikke forsvinne".into()));
}

#[test]
fn the_next_start_offers_the_kept_check_in_back_saves_it_and_forgets_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = typed_while_writes_fail(dir.path());
    feed(&mut app, [Action::Quit, Action::KeepUnsaved]);
    drop(app);
    std::fs::rename(dir.path().join("elsewhere.sqlite3"), dir.path().join(DB_FILE)).unwrap();
    let mut app = app_with(Lang::En, 80, 24, Store::open(&dir.path().join(DB_FILE)));
    assert_eq!(app.overlay(), Some(Overlay::Recovered), "offered first thing");
    feed(&mut app, [Action::Open]);
    assert_eq!(app.tab(), Tab::Checkin);
    let today = app.checkin().checkin().date;
    let saved = app.store().get().unwrap().checkin_on(today).unwrap().expect("saved");
    assert_eq!(saved.note, "Dette må ikke forsvinne");
    assert!(recovery::read(dir.path()).is_none(), "the file goes once it is saved");
}

#[test]
fn a_store_that_refused_a_write_as_read_only_is_opened_afresh_for_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = database(dir.path());
    let mut app = app_with(Lang::En, 80, 24, Store::open(&path));
    app.store().get().unwrap().conn().pragma_update(None, "query_only", true).unwrap();
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Top, Action::Down, Action::Increase]);
    assert!(app.checkin().unsaved().is_some(), "refused while the file cannot be written");
    feed(&mut app, [Action::Increase]);
    assert!(app.checkin().unsaved().is_none(), "saved once the file could be opened for writing again");
}

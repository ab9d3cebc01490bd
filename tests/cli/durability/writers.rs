//! `mestring checkin` and the TUI's form writing the same day. The command runs in this
//! process on a clock that lets the TUI save every time the command asks the time: each of
//! those moments is a place where another writer can come in, and none may cost a change.

use std::cell::RefCell;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use mestring::clock::Clock;
use mestring::domain::checkin::CheckIn;
use mestring::store::{Store, StoreError, location};

use crate::support::cli::run_with_clock;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// The TUI, holding the day in its form; it ticks one more "what helped" on each save.
struct Tui {
    store: Store,
    base: Option<CheckIn>,
    saved: Vec<String>,
}

impl Tui {
    fn save_one_more(&mut self, now: NaiveDateTime) {
        let mut mine = self.base.clone().unwrap_or_else(|| CheckIn::blank(day(), now));
        let label = format!("tui-{}", self.saved.len());
        mine.helped.push(label.clone());
        mine.updated_at = now;
        match self.store.save_checkin_over(self.base.as_ref(), &mine) {
            Ok(stored) => {
                self.base = Some(stored);
                self.saved.push(label);
            }
            // The command holds its write transaction: the TUI keeps its edit and tries later.
            Err(StoreError::Busy { .. }) => {}
            Err(e) => panic!("the TUI's save failed: {e}"),
        }
    }
}

/// A clock at a fixed moment on which the TUI saves whenever it is read.
struct Interleaving {
    wall: NaiveDateTime,
    origin: Instant,
    tui: RefCell<Tui>,
}

impl Clock for Interleaving {
    fn now(&self) -> NaiveDateTime {
        self.tui.borrow_mut().save_one_more(self.wall);
        self.wall
    }

    fn now_utc(&self) -> NaiveDateTime {
        self.now()
    }

    fn local_from_utc(&self, utc: NaiveDateTime) -> NaiveDateTime {
        utc
    }

    fn instant(&self) -> Instant {
        self.origin
    }
}

fn run_checkin(data: &Path, clock: &Interleaving, flags: &[&str]) {
    let date = day().to_string();
    let mut args = vec!["checkin", "--date", &date];
    args.extend_from_slice(flags);
    assert_eq!(run_with_clock(data, &args, clock), std::process::ExitCode::SUCCESS, "{flags:?}");
}

#[test]
fn the_command_and_the_tui_writing_one_day_interleaved_both_keep_their_changes() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let db = location::db_path(&data);
    let wall = day().and_hms_opt(21, 0, 0).unwrap();
    let mut first = CheckIn::blank(day(), wall);
    first.note = "skrevet i appen".to_owned();
    Store::open(&db).unwrap().save_checkin(&first).unwrap();

    let store = Store::open(&db).unwrap();
    // The TUI never waits: a save that meets the command's transaction is refused at once.
    store.conn().busy_timeout(Duration::ZERO).unwrap();
    let base = store.checkin_on(day()).unwrap();
    let clock =
        Interleaving { wall, origin: Instant::now(), tui: RefCell::new(Tui { store, base, saved: vec![] }) };
    run_checkin(&data, &clock, &["--craving", "7"]);
    run_checkin(&data, &clock, &["--stress", "4", "--trigger", "work"]);
    // The TUI's last try, after the commands.
    clock.tui.borrow_mut().save_one_more(wall);

    let stored = Store::open(&db).unwrap().checkin_on(day()).unwrap().unwrap();
    let tui = clock.tui.borrow();
    assert!(tui.saved.len() > 2, "the TUI saved while the commands ran: {:?}", tui.saved);
    for label in &tui.saved {
        assert!(stored.helped.contains(label), "the TUI's {label} was lost: {stored:?}");
    }
    assert_eq!((stored.craving, stored.stress), (Some(7), Some(4)), "the commands' changes");
    assert_eq!(stored.triggers, ["work"]);
    assert_eq!(stored.note, "skrevet i appen", "a field no one changed");
}

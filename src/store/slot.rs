//! The store as the TUI holds it: open and usable, or the reason it is not. Screens that need
//! data show the reason; the others work as usual, so the help lines are always reachable.
//!
//! The full `quick_check` of a large file takes a while, so it runs on a thread after the first
//! frame, followed by the daily backup. Reads go ahead meanwhile; a write waits for the check's
//! answer, so nothing is ever written to a file that turns out to be damaged.
//!
//! A file that could not be written for a reason that passes (a read-only file or directory,
//! permissions, a full disk, another program holding it) is opened afresh before the next
//! write, so the app writes again as soon as it can, without a restart.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;

use chrono::NaiveDate;

use super::{Result, Store, StoreError, backup};

pub struct Slot {
    store: Option<Store>,
    problem: Option<StoreError>,
    /// The answer of the check running on its thread, until it has been taken.
    check: Option<Receiver<Result<()>>>,
    backup: Option<JoinHandle<Result<Option<PathBuf>>>>,
    /// The check closed the store without going through `poll`; tell `poll` once.
    closed_at_once: Option<()>,
    /// The database file, to open afresh (see the module's documentation).
    path: Option<PathBuf>,
    /// A write was refused as read-only: open the file afresh before the next one.
    reopen: bool,
    /// The file was open in this session (see [`Slot::open_afresh`]).
    had_store: bool,
}

/// Something the background work found, for the app to tell the user.
pub enum Notice<'a> {
    /// The database is damaged or not ours; nothing more is written this session.
    Closed(&'a StoreError),
    BackupFailed(StoreError),
}

impl Slot {
    pub fn new(opened: Result<Store>) -> Self {
        let (store, problem) = match opened {
            Ok(mut store) => {
                store.fold_wal_on_close();
                (Some(store), None)
            }
            Err(problem) => (None, Some(problem)),
        };
        let path = match (&store, &problem) {
            (Some(store), _) => Some(store.path().to_owned()),
            (None, Some(problem)) => problem.path().map(Path::to_owned),
            (None, None) => None,
        };
        let had_store = store.is_some();
        Self {
            store,
            problem,
            check: None,
            backup: None,
            closed_at_once: None,
            path,
            reopen: false,
            had_store,
        }
    }

    /// The database file, if there is one (not for a store in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref().filter(|p| *p != Path::new(":memory:"))
    }

    pub fn get(&self) -> Result<&Store, &StoreError> {
        self.store.as_ref().ok_or_else(|| self.problem())
    }

    /// The store for a write: waits for the start-up check if it is still running.
    pub fn get_mut(&mut self) -> Result<&mut Store, &StoreError> {
        if let Some(check) = self.check.take() {
            let answer = check.recv().unwrap_or(Ok(()));
            self.take_check_answer(answer);
        }
        let passing = self.problem.as_ref().is_some_and(|p| !p.is_fatal());
        if self.reopen || (self.store.is_none() && passing) {
            self.open_afresh();
        }
        match self.store.as_mut() {
            Some(store) => Ok(store),
            None => Err(self.problem.as_ref().expect("a slot without a store has a problem")),
        }
    }

    /// Opens the database file again, in place of a store that could not write or open. A file
    /// that was open before must still be there: a new, empty database in its place would look
    /// like lost data. One that never opened may still be made (the first start), but only in a
    /// data directory that exists.
    fn open_afresh(&mut self) {
        let Some(path) = self.path().map(Path::to_owned) else { return };
        let opened = if self.had_store || !path.parent().is_some_and(Path::is_dir) {
            Store::open_existing(&path)
        } else {
            Store::open(&path)
        };
        // On failure the reason already shown still holds (an open store still reads); the next
        // write tries again.
        if let Ok(mut store) = opened {
            store.fold_wal_on_close();
            self.store = Some(store);
            self.problem = None;
            self.reopen = false;
            self.had_store = true;
        }
    }

    fn problem(&self) -> &StoreError {
        self.problem.as_ref().expect("a slot without a store has a problem")
    }

    /// Why the store cannot be used, if it cannot.
    pub fn unavailable(&self) -> Option<&StoreError> {
        self.store.is_none().then(|| self.problem())
    }

    /// Records a failed operation. A damaged or foreign file closes the store for the session,
    /// so nothing more is written to it; other failures (full disk, busy) may pass.
    pub fn failed(&mut self, error: StoreError) {
        if error.is_fatal() {
            self.store = None;
            self.problem = Some(error);
        } else if matches!(error, StoreError::ReadOnly { .. }) {
            self.reopen = true;
        }
    }

    fn take_check_answer(&mut self, answer: Result<()>) {
        if let Err(e) = answer {
            self.failed(e);
            self.closed_at_once = Some(());
        }
    }

    /// Starts the checks that wait until the first frame is on screen: `quick_check`, then the
    /// daily backup, on a thread with its own connection. An in-memory store is checked at once.
    pub fn after_first_frame(&mut self, today: NaiveDate) {
        let Some(store) = self.store.as_ref() else { return };
        let path = store.path().to_owned();
        if !path.is_file() {
            let answer = store.quick_check();
            return self.take_check_answer(answer);
        }
        let (tx, rx) = mpsc::channel();
        self.check = Some(rx);
        self.backup = Some(std::thread::spawn(move || {
            let checked = Store::open_existing(&path).and_then(|own| {
                // A small page cache: the check reads every page once, keeping them buys nothing.
                let _ = own.conn().pragma_update(None, "cache_size", -256);
                own.quick_check().map(|()| own)
            });
            let own = match checked {
                Ok(own) => {
                    let _ = tx.send(Ok(()));
                    own
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return Ok(None);
                }
            };
            if backup::due(&path, today) { backup::make(&own, today).map(Some) } else { Ok(None) }
        }));
    }

    /// Takes in what the background work has finished since the last call, without waiting:
    /// a problem found by the check (the store is then closed), or a failed backup.
    pub fn poll(&mut self) -> Option<Notice<'_>> {
        if let Some(check) = &self.check {
            match check.try_recv() {
                Ok(answer) => {
                    self.check = None;
                    if let Err(e) = answer {
                        self.failed(e);
                        return self.unavailable().map(Notice::Closed);
                    }
                }
                Err(TryRecvError::Disconnected) => self.check = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        if self.backup.as_ref().is_some_and(JoinHandle::is_finished) {
            let result = self.backup.take()?.join().unwrap_or(Ok(None));
            if let Err(e) = result {
                return Some(Notice::BackupFailed(e));
            }
        }
        self.closed_at_once.take().and_then(|()| self.unavailable()).map(Notice::Closed)
    }
}

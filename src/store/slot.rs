//! The store as the TUI holds it: open and usable, or the reason it is not. Screens that need
//! data show the reason; the others work as usual, so the help lines are always reachable.

use std::path::PathBuf;
use std::thread::JoinHandle;

use chrono::NaiveDate;

use super::{Result, Store, StoreError, backup};

pub struct Slot {
    store: Option<Store>,
    problem: Option<StoreError>,
    backup: Option<JoinHandle<Result<Option<PathBuf>>>>,
}

impl Slot {
    pub fn new(opened: Result<Store>) -> Self {
        match opened {
            Ok(store) => Self { store: Some(store), problem: None, backup: None },
            Err(problem) => Self { store: None, problem: Some(problem), backup: None },
        }
    }

    pub fn get(&self) -> Result<&Store, &StoreError> {
        self.store.as_ref().ok_or_else(|| self.problem())
    }

    pub fn get_mut(&mut self) -> Result<&mut Store, &StoreError> {
        match self.store.as_mut() {
            Some(store) => Ok(store),
            None => Err(self.problem.as_ref().expect("a slot without a store has a problem")),
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
        }
    }

    /// The checks that wait until the first frame is on screen: `quick_check` here, then the
    /// daily backup on a thread with its own connection. Returns a problem to show, if any.
    pub fn after_first_frame(&mut self, today: NaiveDate) -> Option<&StoreError> {
        let store = self.store.as_ref()?;
        if let Err(e) = store.quick_check() {
            self.failed(e);
            return self.problem.as_ref();
        }
        let path = store.path().to_owned();
        if path.is_file() {
            self.backup =
                Some(std::thread::spawn(move || backup::daily(&Store::open_existing(&path)?, today)));
        }
        None
    }

    /// The backup's result once it is done (and only once).
    pub fn finished_backup(&mut self) -> Option<Result<Option<PathBuf>>> {
        if !self.backup.as_ref()?.is_finished() {
            return None;
        }
        let handle = self.backup.take()?;
        Some(handle.join().unwrap_or_else(|_| Ok(None)))
    }
}

//! The app's syncs: one on a thread after the first frame, one when it quits, and the footer's
//! line about them. Never a prompt and never a modal: without a passphrase source (keyring,
//! the command given at `init`, `MESTRING_PASSWORD_FILE`, `MESTRING_PASSWORD`) the footer says so
//! and `mestring sync` does the rest.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, Utc};

use super::{SyncError, SyncKey, passphrase, setup};
use crate::i18n::SyncText;
use crate::store::Store;

/// How often the loop looks at a running sync: often enough that the footer changes when it
/// ends, seldom enough to cost nothing (the loop blocks again once it has ended).
const LOOK_AGAIN: Duration = Duration::from_millis(250);

/// What the footer says about sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncState {
    /// Not set up here (or not started): the footer says nothing.
    Off,
    Running,
    Done(DateTime<Utc>),
    /// No passphrase without asking; `mestring sync` asks.
    Locked,
    Failed(String),
}

#[derive(Default)]
pub struct BackgroundSync {
    db_path: Option<PathBuf>,
    running: Option<JoinHandle<Finished>>,
    /// The key unlocked by the start's sync, kept in memory for the one at quit.
    key: Option<SyncKey>,
    state: Option<SyncState>,
    /// The last sync merged something from another device: screens should read again.
    merged: bool,
}

struct Finished {
    key: Option<SyncKey>,
    state: SyncState,
    merged: bool,
}

impl BackgroundSync {
    /// Starts a sync on its own thread when `store` (a file, not `:memory:`) has sync set up.
    /// Costs the main thread one small query.
    pub fn start(&mut self, store: &Store) {
        let path = store.path();
        if !path.is_file() || !matches!(setup::read(store.conn()), Ok(Some(_))) {
            return;
        }
        self.db_path = Some(path.to_owned());
        self.state = Some(SyncState::Running);
        let path = path.to_owned();
        self.running = Some(std::thread::spawn(move || sync_once(&path, None)));
    }

    /// While a sync runs, when the loop should look again.
    pub fn deadline(&self) -> Option<Instant> {
        self.running.as_ref().map(|_| Instant::now() + LOOK_AGAIN)
    }

    /// Takes in a finished sync without waiting. True when the footer's line changed.
    pub fn poll(&mut self) -> bool {
        if !self.running.as_ref().is_some_and(JoinHandle::is_finished) {
            return false;
        }
        self.take_finished();
        true
    }

    /// Whether the last sync brought changes from another device; asked once.
    pub fn take_merged(&mut self) -> bool {
        std::mem::take(&mut self.merged)
    }

    /// At quit: waits for the start's sync if it still runs, then syncs once more with the key
    /// it unlocked (no passphrase work again). The problem, if there was one, for stderr.
    pub fn at_quit(&mut self) -> Option<String> {
        self.take_finished();
        let (path, key) = (self.db_path.clone()?, self.key.take()?);
        let finished = sync_once(&path, Some(key));
        match finished.state {
            SyncState::Failed(problem) => Some(problem),
            _ => None,
        }
    }

    pub fn state(&self) -> SyncState {
        self.state.clone().unwrap_or(SyncState::Off)
    }

    /// The footer's line, or `None` when sync is not set up.
    pub fn footer(&self, t: &SyncText) -> Option<String> {
        match self.state() {
            SyncState::Off => None,
            SyncState::Running => Some(t.footer_running.to_owned()),
            SyncState::Done(at) => {
                Some(t.footer_done.replace("{time}", &at.with_timezone(&Local).format("%H:%M").to_string()))
            }
            SyncState::Locked => Some(t.footer_locked.to_owned()),
            SyncState::Failed(problem) => Some(t.footer_failed.replace("{problem}", &problem)),
        }
    }

    fn take_finished(&mut self) {
        let Some(handle) = self.running.take() else { return };
        let finished = handle.join().unwrap_or_else(|_| Finished {
            key: None,
            state: SyncState::Failed("the sync thread stopped".to_owned()),
            merged: false,
        });
        self.key = finished.key;
        self.state = Some(finished.state);
        self.merged |= finished.merged;
    }
}

/// One sync on its own connection; `key` when already unlocked, else unlocked without a prompt.
fn sync_once(path: &Path, key: Option<SyncKey>) -> Finished {
    let failed = |e: &dyn std::fmt::Display| Finished {
        key: None,
        state: SyncState::Failed(e.to_string()),
        merged: false,
    };
    // Checked like any writer: nothing is merged into a file that turns out to be damaged. At
    // quit (the key given) the start's sync has checked it this session.
    let opened = if key.is_some() { Store::open(path) } else { Store::open_checked(path) };
    let mut store = match opened {
        Ok(store) => store,
        Err(e) => return failed(&e),
    };
    let setup = match setup::read(store.conn()) {
        Ok(Some(setup)) => setup,
        Ok(None) => return Finished { key: None, state: SyncState::Off, merged: false },
        Err(e) => return failed(&store.sql_error(e)),
    };
    // The start's backup may have been made meanwhile; sealing needs no passphrase.
    if let Err(e) = super::backups::seal_plain(&store) {
        return failed(&e);
    }
    let key = match key {
        Some(key) => key,
        None => match super::unlock(&setup, || passphrase::obtain(setup.password_command.as_deref(), None)) {
            Ok(key) => key,
            Err(SyncError::Passphrase(passphrase::PassphraseError::Missing)) => {
                return Finished { key: None, state: SyncState::Locked, merged: false };
            }
            Err(e) => return failed(&e),
        },
    };
    let at = Utc::now();
    match super::sync(&mut store, &key, at) {
        Ok(report) => {
            let m = &report.merged;
            let merged =
                m.deleted + m.merged.added + m.merged.updated + m.merged.progress + m.merged.personal > 0
                    || m.merged.practice != Default::default();
            let state = match report.refused.first() {
                None => SyncState::Done(at),
                Some(first) => SyncState::Failed(first.to_string()),
            };
            Finished { key: Some(key), state, merged }
        }
        Err(e) => Finished { key: Some(key), state: SyncState::Failed(e.to_string()), merged: false },
    }
}

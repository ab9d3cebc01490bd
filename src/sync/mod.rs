//! Sync between a person's own machines through a folder they already sync (Syncthing,
//! Nextcloud, a USB stick), end-to-end encrypted. "Sync is events, not files": the local
//! SQLite stays the only thing the app reads; each device appends its own encrypted event files
//! to the folder and merges the others' with the import's rules, as atuin's per-host record
//! store and taskchampion's encrypted operation log do.
//!
//! - [`event`]: what a file holds; [`folder`]: where files go; [`crypto`]: the key.
//! - `outbox`: this device's changes, found by triggers (migrations 10 and 12) so every write
//!   path counts.
//! - `inbox`: another device's events merged; [`setup`]: this device's state in its database.
//! - [`passphrase`], [`keyring`]: unlocking; [`background`]: the TUI's sync at start and quit.
//! - [`backups`]: the daily backups sealed with the same key, when asked for.
//!
//! A sync writes first and reads after: a day edited here and on another device goes into this
//! device's file before the other version is merged, so the version that loses stays in the
//! event log in the folder.

pub mod background;
pub mod backups;
pub mod crypto;
pub mod event;
pub mod folder;
mod inbox;
pub mod keyring;
mod outbox;
pub mod passphrase;
pub mod setup;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, TransactionBehavior};

pub use crypto::{CryptoError, SyncKey};
use event::Batch;
pub use folder::{Folder, FolderError};
pub use inbox::Applied;
pub use setup::Setup;

use crate::store::exchange::ImportError;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("sync is not set up on this device; run `mestring sync init DIR` first")]
    NotSetUp,
    #[error("{} has no sync key (key.age): to set the folder up again from this device, run `mestring sync init {}`", .0.display(), .0.display())]
    NoKeyFile(PathBuf),
    #[error(
        "the folder's key (fingerprint {found}) is not the one this device was set up with ({expected}): \
         if the folder was set up again, run `mestring sync init {folder}` with its new passphrase"
    )]
    OtherKey { found: String, expected: String, folder: String },
    #[error("another device set up {} at the same moment; run `mestring sync init` again to join it", .0.display())]
    Raced(PathBuf),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error(transparent)]
    Passphrase(#[from] passphrase::PassphraseError),
    #[error("in the sync folder: {0}")]
    Folder(#[from] FolderError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A file of another device that was not merged, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: refused: {}", self.path.display(), self.reason)
    }
}

/// What one sync did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// This device's new file and how many events it holds.
    pub written: Option<(PathBuf, usize)>,
    pub files_read: usize,
    pub merged: Applied,
    pub refused: Vec<Refused>,
}

/// How `init` found the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    /// The folder had no key: a new one was made.
    Created,
    /// The folder's key opened with the passphrase.
    Joined,
}

/// Choices made at `init`.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    pub password_command: Option<String>,
    pub keyring: bool,
    pub encrypt_backups: bool,
    /// scrypt's work factor for a new key file; `None` lets age aim at about a second here.
    pub work_factor: Option<u8>,
}

/// Sets this device up with `dir`: opens the folder's key with the passphrase (a wrong one
/// fails before anything is written) or makes a new key, writes everything in the database as
/// this device's next file, and reads the other devices' files.
pub fn init(
    store: &mut Store,
    dir: &Path,
    passphrase: &age::secrecy::SecretString,
    options: &InitOptions,
    at: DateTime<Utc>,
) -> Result<(Joined, Setup, Report, Option<String>), SyncError> {
    let folder = Folder::new(dir);
    let (key, joined) = match folder.read_key()? {
        Some(bytes) => (SyncKey::unwrap(&bytes, passphrase)?, Joined::Joined),
        None => (SyncKey::generate(), Joined::Created),
    };
    if joined == Joined::Created {
        folder.write_key(&key.wrap(passphrase, options.work_factor)?).map_err(|e| {
            if e.source.kind() == std::io::ErrorKind::AlreadyExists {
                SyncError::Raced(dir.to_owned())
            } else {
                e.into()
            }
        })?;
    }
    let old = setup::read(store.conn()).map_err(|e| store.sql_error(e))?;
    let device = old.as_ref().map_or_else(|| uuid::Uuid::now_v7().to_string(), |s| s.device.clone());
    let same_place = old.as_ref().is_some_and(|s| s.folder == dir && s.fingerprint == key.fingerprint());
    let mut keyring_problem = None;
    if options.keyring {
        keyring_problem = keyring::store(&device, &key.secret()).err();
    } else if old.as_ref().is_some_and(|s| s.keyring) {
        keyring::forget(&device);
    }
    let setup = Setup {
        folder: dir.to_owned(),
        device,
        recipient: key.recipient(),
        fingerprint: key.fingerprint(),
        next_file: 1,
        sent_seq: 0,
        password_command: options.password_command.clone(),
        keyring: options.keyring && keyring_problem.is_none(),
        encrypt_backups: options.encrypt_backups,
        last_sync: None,
        last_error: None,
    };
    let written = write_batch(
        store,
        &folder,
        &setup,
        &key,
        at,
        |store, at| outbox::everything(store, &setup.device, at),
        |tx| {
            setup::save(tx, &setup)?;
            if !same_place {
                setup::forget_reads(tx)?;
            }
            Ok(())
        },
    )?;
    let setup = setup::read(store.conn()).map_err(|e| store.sql_error(e))?.ok_or(SyncError::NotSetUp)?;
    let mut report = read_others(store, &folder, &setup, &key, at)?;
    report.written = written;
    finish(store, &report, at)?;
    Ok((joined, setup, report, keyring_problem))
}

/// The key for this device's folder: from the keyring when it has it, else from the folder's
/// key file and the passphrase `passphrase` gives (called only when needed: it may prompt).
pub fn unlock(
    setup: &Setup,
    passphrase: impl FnOnce() -> Result<age::secrecy::SecretString, passphrase::PassphraseError>,
) -> Result<SyncKey, SyncError> {
    if setup.keyring
        && let Some(key) = keyring::load(&setup.device).and_then(|s| {
            use age::secrecy::ExposeSecret;
            SyncKey::from_secret(s.expose_secret()).ok()
        })
        && key.fingerprint() == setup.fingerprint
    {
        return Ok(key);
    }
    let folder = Folder::new(&setup.folder);
    let bytes = folder.read_key()?.ok_or_else(|| SyncError::NoKeyFile(setup.folder.clone()))?;
    let key = SyncKey::unwrap(&bytes, &passphrase()?)?;
    if key.fingerprint() != setup.fingerprint {
        return Err(SyncError::OtherKey {
            found: key.fingerprint(),
            expected: setup.fingerprint.clone(),
            folder: setup.folder.display().to_string(),
        });
    }
    Ok(key)
}

/// Writes this device's new changes to the folder, then reads every other device's new files.
/// A file that cannot be read is refused (named in the report) and the rest is still read.
pub fn sync(store: &mut Store, key: &SyncKey, at: DateTime<Utc>) -> Result<Report, SyncError> {
    let setup = setup::read(store.conn()).map_err(|e| store.sql_error(e))?.ok_or(SyncError::NotSetUp)?;
    let folder = Folder::new(&setup.folder);
    let outcome = (|| -> Result<Report, SyncError> {
        // A key from the keyring needs no key file, but a folder without one was deleted or
        // emptied: files written there now could be read by nobody who sets it up again.
        if !folder.key_file().exists() {
            return Err(SyncError::NoKeyFile(setup.folder.clone()));
        }
        let written = write_batch(
            store,
            &folder,
            &setup,
            key,
            at,
            |store, at| outbox::changes(store, &setup.device, setup.sent_seq, at),
            |_| Ok(()),
        )?;
        let mut report = read_others(store, &folder, &setup, key, at)?;
        report.written = written;
        Ok(report)
    })();
    match &outcome {
        Ok(report) => finish(store, report, at)?,
        Err(e) => {
            let message = e.to_string();
            store.write(|tx| setup::record_outcome(tx, None, Some(&message)))?;
        }
    }
    outcome
}

fn finish(store: &mut Store, report: &Report, at: DateTime<Utc>) -> Result<(), SyncError> {
    let problem = report.refused.first().map(|r| match report.refused.len() {
        1 => r.to_string(),
        n => format!("{r} (and {} more)", n - 1),
    });
    store.write(|tx| setup::record_outcome(tx, Some(at), problem.as_deref()))?;
    Ok(())
}

/// One IMMEDIATE transaction around reading the changes, writing the file and saving the new
/// position: a change made meanwhile waits, so it is either in this file or in the next. When
/// the file cannot be written (folder read-only or full), nothing of the position moves.
fn write_batch(
    store: &mut Store,
    folder: &Folder,
    setup: &Setup,
    key: &SyncKey,
    at: DateTime<Utc>,
    changes: impl FnOnce(&Store, DateTime<Utc>) -> crate::store::Result<outbox::Outgoing>,
    also: impl FnOnce(&Transaction) -> rusqlite::Result<()>,
) -> Result<Option<(PathBuf, usize)>, SyncError> {
    let tx = Transaction::new_unchecked(store.conn(), TransactionBehavior::Immediate)
        .map_err(|e| store.sql_error(e))?;
    let outgoing = changes(store, at)?;
    also(&tx).map_err(|e| store.sql_error(e))?;
    if !outgoing.bumped.is_empty() {
        store_bumped(&tx, &outgoing.bumped).map_err(|e| store.sql_error(e))?;
    }
    let mut written = None;
    let mut next = setup.next_file;
    if !outgoing.events.is_empty() {
        // A file found under the number the database has is one a killed sync wrote before it
        // could note it: never replaced, its events go again in this one.
        let existing = folder.files_of(&setup.device)?.last().map_or(0, |n| n + 1);
        let n = next.max(existing).max(1);
        let events = outgoing.events.len();
        let batch = Batch {
            format: event::FORMAT.to_owned(),
            version: event::VERSION,
            device: setup.device.clone(),
            file: n,
            events: outgoing.events,
        };
        let path = folder.write_batch(&setup.device, n, &key.seal(&batch.to_json())?)?;
        written = Some((path, events));
        next = n + 1;
    }
    tx.execute(
        "UPDATE sync_setup SET next_file = ?1, sent_seq = ?2",
        rusqlite::params![next as i64, outgoing.up_to],
    )
    .map_err(|e| store.sql_error(e))?;
    tx.commit().map_err(|e| store.sql_error(e))?;
    Ok(written)
}

/// Stores the versions sent for changes made with a clock behind, so this device holds what the
/// others will: the version only (the import would skip a copy whose content is the same),
/// quietly, since it is not a new change.
fn store_bumped(tx: &Transaction, bumped: &[event::Record]) -> rusqlite::Result<()> {
    tx.execute("INSERT INTO sync_applying (only) VALUES (1)", [])?;
    for record in bumped {
        let table = match record.kind() {
            "checkin" => "checkin SET updated_at = ?1 WHERE date = ?2",
            "goal" => "goal SET updated_at = ?1 WHERE uid = ?2",
            "habit" => "habit SET updated_at = ?1 WHERE uid = ?2",
            "counter" => "counter SET updated_at = ?1 WHERE uid = ?2",
            "plan" => "plan_item SET updated_at = ?1 WHERE uid = ?2",
            "pattern" => "breathing_pattern SET updated_at = ?1 WHERE name = ?2",
            "urge" => "urge SET updated_at = ?1 WHERE uid = ?2",
            "week_note" => "week_review SET updated_at = ?1 WHERE week = ?2",
            "saving" => {
                "counter_saving SET updated_at = ?1 WHERE counter_id = (SELECT id FROM counter WHERE uid = ?2)"
            }
            _ => continue,
        };
        let Some(version) = record.version() else { continue };
        // Every table above keeps its version in UTC to the second, marked `Z` (see
        // `store::versions`); favourites, the only ones in milliseconds, are never bumped.
        let version = version.format(crate::store::checkins::UTC_FORMAT).to_string();
        tx.execute(&format!("UPDATE {table}"), rusqlite::params![version, record.key()])?;
    }
    tx.execute("DELETE FROM sync_applying", [])?;
    Ok(())
}

fn read_others(
    store: &mut Store,
    folder: &Folder,
    setup: &Setup,
    key: &SyncKey,
    at: DateTime<Utc>,
) -> Result<Report, SyncError> {
    let mut report = Report::default();
    for device in folder.other_devices(&setup.device)? {
        for n in folder.files_of(&device)? {
            if setup::has_read(store.conn(), &device, n).map_err(|e| store.sql_error(e))? {
                continue;
            }
            let path = folder.file(&device, n);
            match read_file(store, &path, key, &device, n, at) {
                Ok(applied) => {
                    report.files_read += 1;
                    add(&mut report.merged, applied);
                }
                Err(FileProblem::Store(e)) => return Err(e.into()),
                Err(FileProblem::Refused(reason)) => report.refused.push(Refused { path, reason }),
            }
        }
    }
    Ok(report)
}

enum FileProblem {
    Refused(String),
    Store(StoreError),
}

fn read_file(
    store: &mut Store,
    path: &Path,
    key: &SyncKey,
    device: &str,
    n: u64,
    at: DateTime<Utc>,
) -> Result<Applied, FileProblem> {
    let refuse = |reason: String| FileProblem::Refused(reason);
    let sealed = std::fs::read(path).map_err(|e| refuse(e.to_string()))?;
    let plain = key.open(&sealed).map_err(|e| refuse(e.to_string()))?;
    let batch = Batch::from_json(&plain).map_err(|e| refuse(format!("not a batch of events: {e}")))?;
    if batch.format != event::FORMAT || !(event::OLDEST..=event::VERSION).contains(&batch.version) {
        return Err(refuse(format!(
            "format {} version {}, this mestring reads {} {}",
            batch.format,
            batch.version,
            event::FORMAT,
            event::VERSION
        )));
    }
    if batch.device != device || batch.file != n || batch.events.iter().any(|e| e.device != device) {
        return Err(refuse(format!(
            "it was written as file {} of device {}, not as this file: moved or replaced",
            batch.file, batch.device
        )));
    }
    inbox::apply(store, batch, at).map_err(|e| match e {
        ImportError::Store(e) => FileProblem::Store(e),
        other => refuse(other.to_string()),
    })
}

fn add(total: &mut Applied, one: Applied) {
    total.events += one.events;
    total.deleted += one.deleted;
    let (t, o) = (&mut total.merged, one.merged);
    t.added += o.added;
    t.updated += o.updated;
    t.unchanged += o.unchanged;
    t.progress += o.progress;
    t.personal += o.personal;
    t.retention += o.retention;
    t.practice.sessions_added += o.practice.sessions_added;
    t.practice.patterns_added += o.practice.patterns_added;
    t.practice.patterns_updated += o.practice.patterns_updated;
}

#[cfg(test)]
mod retention_tests;
#[cfg(test)]
mod tests;

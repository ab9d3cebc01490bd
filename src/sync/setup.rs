//! This device's sync set-up and what it has read, as rows in its own database (migration 10):
//! the folder, the device id, the public half of the key, how far it has sent, the last result.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub folder: PathBuf,
    pub device: String,
    pub recipient: String,
    pub fingerprint: String,
    /// The number the next file of this device gets (at least: a file found there is skipped).
    pub next_file: u64,
    /// Changes up to this `sync_change.seq` are in this device's files.
    pub sent_seq: i64,
    /// Run to get the passphrase when syncing without a prompt (stored by `init`; never the
    /// passphrase itself).
    pub password_command: Option<String>,
    /// The user agreed to keep the unlocked key in the OS keyring.
    pub keyring: bool,
    pub encrypt_backups: bool,
    pub last_sync: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// Another device, as seen from here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub device: String,
    pub files: u64,
    pub events: u64,
    pub last_read: Option<DateTime<Utc>>,
}

pub fn read(conn: &Connection) -> rusqlite::Result<Option<Setup>> {
    conn.query_row(
        "SELECT folder, device, recipient, fingerprint, next_file, sent_seq, password_command, keyring,
                encrypt_backups, last_sync, last_error FROM sync_setup WHERE only = 1",
        [],
        |r| {
            Ok(Setup {
                folder: PathBuf::from(r.get::<_, String>(0)?),
                device: r.get(1)?,
                recipient: r.get(2)?,
                fingerprint: r.get(3)?,
                next_file: r.get::<_, i64>(4)?.max(1) as u64,
                sent_seq: r.get(5)?,
                password_command: r.get(6)?,
                keyring: r.get(7)?,
                encrypt_backups: r.get(8)?,
                last_sync: r.get::<_, Option<String>>(9)?.and_then(|t| t.parse().ok()),
                last_error: r.get(10)?,
            })
        },
    )
    .optional()
}

pub fn save(tx: &Transaction, s: &Setup) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO sync_setup (only, folder, device, recipient, fingerprint, next_file, sent_seq,
             password_command, keyring, encrypt_backups, last_sync, last_error)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            s.folder.to_string_lossy(),
            s.device,
            s.recipient,
            s.fingerprint,
            s.next_file as i64,
            s.sent_seq,
            s.password_command,
            s.keyring,
            s.encrypt_backups,
            s.last_sync.map(|t| t.to_rfc3339()),
            s.last_error,
        ],
    )?;
    Ok(())
}

/// The outcome of a sync for `status` and the TUI's footer: when one last ran through
/// (`synced`), and the problem of the last one, if it had one.
pub fn record_outcome(
    tx: &Transaction,
    synced: Option<DateTime<Utc>>,
    error: Option<&str>,
) -> rusqlite::Result<()> {
    if let Some(at) = synced {
        tx.execute("UPDATE sync_setup SET last_sync = ?1", [at.to_rfc3339()])?;
    }
    tx.execute("UPDATE sync_setup SET last_error = ?1", [error])?;
    Ok(())
}

/// The other devices whose files this one has read.
pub fn peers(conn: &Connection) -> rusqlite::Result<Vec<Peer>> {
    conn.prepare(
        "SELECT device, count(*), sum(events), max(read_at) FROM sync_read GROUP BY device ORDER BY device",
    )?
    .query_map([], |r| {
        Ok(Peer {
            device: r.get(0)?,
            files: r.get::<_, i64>(1)? as u64,
            events: r.get::<_, i64>(2)? as u64,
            last_read: r.get::<_, Option<String>>(3)?.and_then(|t| t.parse().ok()),
        })
    })?
    .collect()
}

pub fn has_read(conn: &Connection, device: &str, file: u64) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM sync_read WHERE device = ?1 AND file = ?2")?
        .query_row(params![device, file as i64], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

pub fn mark_read(
    tx: &Transaction,
    device: &str,
    file: u64,
    events: usize,
    at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO sync_read (device, file, read_at, events) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![device, file as i64, at.to_rfc3339(), events as i64])?;
    Ok(())
}

/// Forgets what was read from a folder, for a device that is set up with a new one.
pub fn forget_reads(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM sync_read", [])?;
    Ok(())
}

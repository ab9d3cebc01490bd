//! The user's data: one SQLite file in the data directory.
//!
//! Durability first: WAL with `synchronous=FULL` (a returned write survives power loss), every
//! write in an IMMEDIATE transaction (two instances queue instead of failing half-way), one row
//! per change (never a rewrite of everything), and a file that is not ours or is damaged is
//! never written. Opening is cheap (a few pragmas, the schema version): the full `quick_check`
//! and the daily backup run after the first frame, see [`Store::quick_check`] and [`backup`].
//!
//! `Store` is one concrete type; each table group adds its methods in its own module
//! (`checkins.rs`, `practice.rs`, ...), and its tables as migrations at the end of [`migrations::MIGRATIONS`].

pub mod backup;
pub mod checkins;
pub mod daylio;
mod error;
pub mod exchange;
pub mod goals;
pub mod habits;
pub mod location;
mod lock;
pub mod migrations;
pub mod plan;
pub mod practice;
pub mod progress;
pub mod recovery;
pub mod review;
pub mod savings;
mod slot;
pub mod sober;
pub mod urges;
pub mod versions;
pub mod wal;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use error::{Result, StoreError};
pub use slot::{Notice, Slot};

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "mestring.sqlite3";
/// Marks the file as mestring's in its header ("mest"), so a foreign SQLite file is recognised.
pub const APPLICATION_ID: i32 = 0x6d65_7374;
/// How long a write waits for another instance's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How a connection waits for the disk: `Full` always; `Off` only for a new file that is synced
/// as a whole before anyone can open it.
enum Synchronous {
    Full,
    Off,
}

pub struct Store {
    conn: Connection,
    /// Where the file is, for messages; `:memory:` for tests.
    path: PathBuf,
    /// Fold the WAL into the database when closing (see [`Store::fold_wal_on_close`]).
    fold_on_close: bool,
    /// Opened by a command that only reads, or a backup: every write is refused.
    read_only: bool,
    /// Tells a restore that the file is in use (see `lock.rs`); `None` in memory and for backups.
    _in_use: Option<lock::InUse>,
}

impl Store {
    /// Opens (creating if missing, with mode 0600) the database at `path` and brings its schema up
    /// to date. Refuses, without writing, a file that is not ours or is from a newer version.
    /// A new database is built under a temporary name and linked into place complete, so another
    /// process starting at the same moment never sees a half-made file.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            // The schema must be in the new file itself when it is linked into place: its WAL
            // stays behind under the temporary name.
            // Nobody sees the new file until it is complete and synced to disk (see
            // `create_database`), so its migrations need no sync of their own: one fsync at the
            // end instead of one per migration.
            location::create_database(path, |fresh| {
                Store::prepare_with(open_rw(fresh)?, fresh.to_owned(), Synchronous::Off)?.fold_wal()
            })?;
        }
        let in_use = lock::shared(path);
        refuse_empty_with_backups(path)?;
        let checked = wal::check(path)?;
        let mut store = Store::prepare(open_rw(path)?, path.to_owned())?;
        drop(checked);
        store._in_use = in_use;
        Ok(store)
    }

    /// Opens a database that must already exist, to write to it (the TUI's background check).
    pub fn open_existing(path: &Path) -> Result<Store> {
        must_exist(path)?;
        Store::open(path)
    }

    /// Opens for a command that writes without the TUI: also runs `quick_check`, so a damaged
    /// file is refused before the first write touches it.
    pub fn open_checked(path: &Path) -> Result<Store> {
        let store = Store::open(path)?;
        store.quick_check()?;
        Ok(store)
    }

    /// Opens for a command that only reads (`status`, `export`, `doctor`): SQLite opens the file
    /// read-only, so neither it nor its WAL is written, whatever happens.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        must_exist(path)?;
        let in_use = lock::shared(path);
        refuse_empty_with_backups(path)?;
        let conn = match wal::check(path)? {
            Some(checked) => checked,
            None => wal::read_only(path)?,
        };
        let mut store = Store::reading(conn, path)?;
        store._in_use = in_use;
        Ok(store)
    }

    /// Opens a backup to check or read it: immutable, so nothing is written beside it and its
    /// bytes never change. Only a mestring database is one: an empty file is not a backup. A
    /// file that has a WAL (one a restore kept aside) is read with it, read-only.
    pub fn open_backup(path: &Path) -> Result<Store> {
        must_exist(path)?;
        let has_wal = std::fs::metadata(wal::wal_path(path)).is_ok_and(|m| m.len() > 0);
        let conn = if has_wal {
            wal::check(path)?.map_or_else(|| wal::read_only(path), Ok)?
        } else {
            wal::immutable(path)?
        };
        let app_id: i32 =
            conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| sql(path, e))?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotOurs { path: path.to_owned() });
        }
        Store::reading(conn, path)
    }

    /// A store on a connection that cannot write. A file from an older version is upgraded in a
    /// copy in memory, so it reads like a current one and stays as it is.
    fn reading(conn: Connection, path: &Path) -> Result<Store> {
        check_ownership(&conn, path)?;
        let conn = if migrations::is_current(&conn, path)? {
            conn
        } else {
            let mut copy = Connection::open_in_memory().map_err(|e| sql(path, e))?;
            rusqlite::backup::Backup::new(&conn, &mut copy)
                .and_then(|b| b.run_to_completion(256, Duration::ZERO, None))
                .map_err(|e| sql(path, e))?;
            migrations::upgrade_copy(&mut copy, path)?;
            copy
        };
        conn.pragma_update(None, "foreign_keys", "ON").map_err(|e| sql(path, e))?;
        conn.pragma_update(None, "cache_size", -512).map_err(|e| sql(path, e))?;
        Ok(Store { conn, path: path.to_owned(), fold_on_close: false, read_only: true, _in_use: None })
    }

    /// A fresh database in memory, for tests and benchmarks: the same schema and rules.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::from_sqlite(path.clone(), e))?;
        Store::prepare(conn, path)
    }

    fn prepare(conn: Connection, path: PathBuf) -> Result<Store> {
        Store::prepare_with(conn, path, Synchronous::Full)
    }

    fn prepare_with(mut conn: Connection, path: PathBuf, synchronous: Synchronous) -> Result<Store> {
        let sql = |e| StoreError::from_sqlite(path.clone(), e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        // First: by default the last connection to close folds the WAL into the file, which
        // would write a file that the checks below refuse.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).map_err(sql)?;
        // Checked before anything is written: WAL mode would change a foreign file's header.
        check_ownership(&conn, &path)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        let synchronous = match synchronous {
            Synchronous::Full => "FULL",
            Synchronous::Off => "OFF",
        };
        conn.pragma_update(None, "synchronous", synchronous).map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        // The WAL is folded into the database by SQLite's own checkpoints as it grows, not on
        // every close: a one-shot `mestring checkin` then costs one fsync, not three. A WAL left
        // behind is as durable as the database and is read by the next open (NO_CKPT_ON_CLOSE
        // above).
        conn.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024).map_err(sql)?;
        // Screens read a few hundred rows at a time; a small page cache keeps memory flat however
        // long the history grows (SQLite's default allows 2 MB).
        conn.pragma_update(None, "cache_size", -512).map_err(sql)?;
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        migrations::run(&mut conn, &path)?;
        Ok(Store { conn, path, fold_on_close: false, read_only: false, _in_use: None })
    }

    /// Folds the WAL into the database file now and empties it. Fails if another connection
    /// kept a part of it from being folded.
    pub fn fold_wal(&self) -> Result<()> {
        let (busy, frames, folded): (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.sql_error(e))?;
        if busy == 0 && frames == folded {
            Ok(())
        } else {
            let source = std::io::Error::other("another connection held on to the WAL");
            Err(StoreError::Io { path: self.path.clone(), source })
        }
    }

    /// Folds the WAL into the database when this store closes, so the next start has nothing
    /// to replay (every start reads the whole WAL to rebuild its index). The TUI asks for this:
    /// closing it is not something anyone waits for. One-shot commands leave the WAL, so that a
    /// `mestring checkin` costs one fsync.
    pub fn fold_wal_on_close(&mut self) {
        self.fold_on_close = true;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's fast consistency check: every page readable, every index matching its table.
    pub fn quick_check(&self) -> Result<()> {
        self.check("quick_check")
    }

    /// The thorough check, for `mestring doctor`.
    pub fn integrity_check(&self) -> Result<()> {
        self.check("integrity_check")
    }

    fn check(&self, pragma: &str) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!("PRAGMA {pragma}")).map_err(|e| self.sql_error(e))?;
        let lines: Vec<String> = stmt
            .query_map([], |row| row.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.sql_error(e))?;
        if lines.len() == 1 && lines[0] == "ok" {
            Ok(())
        } else {
            Err(StoreError::Damaged { path: self.path.clone(), detail: lines.join("; ") })
        }
    }

    /// Runs `change` in an IMMEDIATE transaction and commits it: the change is on disk when this
    /// returns `Ok`, and nothing of it is when it returns `Err`.
    pub fn write<T>(&mut self, change: impl FnOnce(&Transaction) -> rusqlite::Result<T>) -> Result<T> {
        let path = self.path.clone();
        self.write_checked(|tx| change(tx).map_err(|e| sql(&path, e)))
    }

    /// [`Store::write`] for a change that can also fail for its own reasons (a value read in
    /// the transaction that makes the change invalid): then nothing of it is written.
    pub fn write_checked<T>(&mut self, change: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly { path: self.path.clone() });
        }
        let path = self.path.clone();
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| sql(&path, e))?;
        // Every write carries the database's identity into the WAL (see `wal.rs`).
        tx.prepare_cached("UPDATE identity SET writes = writes + 1")
            .and_then(|mut s| s.execute([]))
            .map_err(|e| sql(&path, e))?;
        let value = change(&tx)?;
        tx.commit().map_err(|e| sql(&path, e))?;
        Ok(value)
    }

    /// Runs `reads` in one read transaction: they see the data of one moment, and SQLite takes
    /// its locks and checks the WAL once for all of them instead of once per statement.
    pub fn in_one_read<T>(&self, reads: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)
            .map_err(|e| self.sql_error(e))?;
        let value = reads(self)?;
        tx.commit().map_err(|e| self.sql_error(e))?;
        Ok(value)
    }

    /// For reads. Writes go through [`Store::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn sql_error(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(self.path.clone(), e)
    }
}

/// The WAL is kept between runs of one-shot commands (see `prepare`), but a long one makes
/// every start read it whole to rebuild its index. Past this size, any close folds it.
const WAL_FOLD_BYTES: u64 = 1024 * 1024;

impl Drop for Store {
    fn drop(&mut self) {
        let wal = PathBuf::from(format!("{}-wal", self.path.display()));
        if self.read_only {
            return;
        }
        if self.fold_on_close || std::fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_FOLD_BYTES) {
            // Best effort: if another instance is reading, SQLite checkpoints later instead.
            let _ = self.fold_wal();
        }
    }
}

fn sql(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::from_sqlite(path.to_owned(), e)
}

/// A database file of no bytes (a full disk or another program's crash can leave one) would
/// be taken for a new database, and the data would seem gone. With backups beside it, it is
/// refused, untouched, so the person hears of the backups; without, it is a new database.
fn refuse_empty_with_backups(path: &Path) -> Result<()> {
    let no_wal = std::fs::metadata(wal::wal_path(path)).map_or(true, |m| m.len() == 0);
    if std::fs::metadata(path).is_ok_and(|m| m.len() == 0)
        && no_wal
        && backup::list(path)?.iter().any(|b| b.sound)
    {
        return Err(StoreError::EmptyWithBackups {
            path: path.to_owned(),
            backups: backup::backup_dir(path),
        });
    }
    Ok(())
}

fn must_exist(path: &Path) -> Result<()> {
    if path.is_file() {
        return Ok(());
    }
    let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
    Err(StoreError::Io { path: path.to_owned(), source })
}

/// Never with `CREATE`: a database is created only by [`location::create_database`], whole.
fn open_rw(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_sqlite(path.to_owned(), e))
}

/// A file is ours when its header carries our application id, or when it is an empty database
/// (just created). Anything else - another program's database, a text file - is refused.
fn check_ownership(conn: &Connection, path: &Path) -> Result<()> {
    let sql = |e| StoreError::from_sqlite(path.to_owned(), e);
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(sql)?;
    if app_id == APPLICATION_ID {
        return Ok(());
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(sql)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql)?;
    if app_id == 0 && objects == 0 && version == 0 {
        Ok(())
    } else {
        Err(StoreError::NotOurs { path: path.to_owned() })
    }
}

#[cfg(test)]
#[path = "open_tests.rs"]
mod tests;

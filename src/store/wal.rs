//! The `-wal` beside the database, and connections that cannot write.
//!
//! SQLite replays whatever `-wal` file lies beside a database into it, and the first writer to
//! close folds it in for good. A WAL carried over from another file (by hand, or by a sync tool
//! from another machine) would overwrite this database's pages with that file's. Nothing in the
//! WAL format ties it to its database, so mestring ties them itself: every write touches the
//! one row of `identity` (see [`super::Store::write`]), so every WAL that mestring writes holds
//! its database's `uid`. Before a connection that may write opens the file, the database is read
//! twice without writing: alone (immutable: SQLite ignores the WAL) and through the WAL. Both
//! must say they are mestring's, with the same `uid`.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{APPLICATION_ID, Result, StoreError};

pub fn wal_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", db.display()))
}

/// Who a database says it is: its header's application id, and its `identity` row (missing
/// before the version that added it).
#[derive(Debug, PartialEq)]
struct Identity {
    app_id: i32,
    uid: Option<String>,
}

fn identity(conn: &Connection) -> rusqlite::Result<Identity> {
    let app_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'identity'",
        [],
        |r| r.get(0),
    )?;
    let uid = if has_table {
        conn.query_row("SELECT uid FROM identity WHERE only = 1", [], |r| r.get(0)).optional()?
    } else {
        None
    };
    Ok(Identity { app_id, uid })
}

/// Refuses, writing nothing, a non-empty WAL that does not belong to the database at `db`.
/// Returns the read-only connection that read through the WAL, when there was one: kept open
/// until the store's own connection is, SQLite builds the WAL's index once, not twice.
pub fn check(db: &Path) -> Result<Option<Connection>> {
    let wal = wal_path(db);
    if std::fs::metadata(&wal).map_or(true, |m| m.len() == 0) {
        return Ok(None);
    }
    // The file alone may be mid-checkpoint by another instance, or damaged; then there is
    // nothing to compare with, and the usual checks after opening decide.
    let Ok(alone) = immutable(db).and_then(|conn| identity(&conn).map_err(|e| sql(db, e))) else {
        return Ok(None);
    };
    if alone.app_id != APPLICATION_ID {
        // Not ours, or an empty new file: the ownership check refuses or accepts it as before.
        return Ok(None);
    }
    let foreign = || StoreError::ForeignWal { db: db.to_owned(), wal: wal.clone() };
    let read = read_only(db).and_then(|conn| Ok((identity(&conn).map_err(|e| sql(db, e))?, conn)));
    let (through, conn) = match read {
        Ok(read) => read,
        // Pages that make no database together: the WAL is another file's.
        Err(StoreError::NotOurs { .. } | StoreError::Damaged { .. }) => return Err(foreign()),
        Err(e) => return Err(e),
    };
    let same_owner = through.app_id == APPLICATION_ID && (alone.uid.is_none() || through.uid == alone.uid);
    if same_owner { Ok(Some(conn)) } else { Err(foreign()) }
}

fn sql(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::from_sqlite(path.to_owned(), e)
}

/// A connection that can only read: SQLite writes neither the database nor its WAL (it may
/// create the `-shm` index beside them, which holds no data).
pub fn read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sql(path, e))?;
    conn.busy_timeout(super::BUSY_TIMEOUT).map_err(|e| sql(path, e))?;
    Ok(conn)
}

/// A connection to the file alone, for a file nothing else changes (a backup) or to compare
/// with the WAL: SQLite reads no WAL and creates nothing beside the file.
pub fn immutable(path: &Path) -> Result<Connection> {
    let flags =
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let uri = format!("file:{}?immutable=1", uri_path(path));
    Connection::open_with_flags(uri, flags).map_err(|e| sql(path, e))
}

/// `path` with the characters a URI gives meaning to escaped.
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Moment;

    #[test]
    fn a_read_only_open_of_an_older_file_reads_it_upgraded_and_leaves_it_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        crate::store::migrations::migrations().to_version(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO checkin (date, mood, craving, stress, updated_at)
             VALUES ('2026-03-01', 4, 1, 2, '2026-03-01T20:00:00')",
        )
        .unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        let mut store = crate::store::Store::open_read_only(&path).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(store.checkin_on(day).unwrap().unwrap().mood, 4);
        assert!(store.own_patterns().unwrap().is_empty(), "tables of later versions read as empty");
        let now = day.and_hms_opt(21, 0, 0).unwrap();
        assert!(matches!(
            store.set_phase(Some("treatment"), Moment::in_utc(now)),
            Err(StoreError::ReadOnly { .. })
        ));
        drop(store);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!wal_path(&path).exists());
    }

    #[test]
    fn paths_with_uri_characters_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a ?#%&=b.sqlite3");
        Connection::open(&path).unwrap().execute_batch("PRAGMA application_id = 7").unwrap();
        let app_id: i32 =
            immutable(&path).unwrap().pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        assert_eq!(app_id, 7);
    }
}

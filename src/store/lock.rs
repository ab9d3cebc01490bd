//! Whether a database is in use, so `doctor --restore` never swaps the file under a running app:
//! the app would go on writing into the file moved aside, and those changes would look lost.
//!
//! Every store open on a file holds a shared `flock` on the directory that holds it; a restore
//! takes it exclusively, and refuses when it cannot. The directory, not the database: closing any
//! other descriptor of the database file would drop SQLite's own POSIX locks on it.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::Path;

use super::{Result, StoreError};

/// Held while a store is open; dropping it (closing the descriptor) releases the lock.
#[derive(Debug)]
pub struct InUse(#[allow(dead_code)] File);

fn dir_of(db: &Path) -> &Path {
    db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Marks the database as in use. Waits while a restore runs (it takes a moment). Best effort:
/// where the directory cannot be opened or locked (a file system without `flock`), the store
/// opens anyway, as it did before there was a lock.
pub fn shared(db: &Path) -> Option<InUse> {
    let dir = File::open(dir_of(db)).ok()?;
    // SAFETY: flock on a descriptor this function owns.
    let locked = unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_SH) } == 0;
    locked.then_some(InUse(dir))
}

/// The database to oneself, for a restore: refused while any store has it open. A holder that
/// lets go within half a second (a one-shot command finishing, or a child process that has not
/// yet closed the descriptor it inherited) is waited for; an open app is not going to.
pub fn exclusive(db: &Path) -> Result<Option<InUse>> {
    let dir =
        File::open(dir_of(db)).map_err(|source| StoreError::Io { path: dir_of(db).to_owned(), source })?;
    for _ in 0..20 {
        // SAFETY: flock on a descriptor this function owns.
        if unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(Some(InUse(dir)));
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EWOULDBLOCK) {
            // No locks on this file system: nothing to learn from it, as before there was a lock.
            return Ok(None);
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    Err(StoreError::InUse { path: db.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_holder_keeps_the_exclusive_lock_away_until_it_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("mestring.sqlite3");
        let app = shared(&db).expect("a local directory can be locked");
        assert!(matches!(exclusive(&db), Err(StoreError::InUse { .. })));
        drop(app);
        let restore = exclusive(&db).unwrap();
        assert!(restore.is_some());
    }
}

//! Daily backups: a consistent copy of the database made with `VACUUM INTO`, one per local date,
//! the newest seven kept, in `backups/` next to the database. A damaged database is never
//! backed up (it would push the good copies out), and a restore never deletes the file it
//! replaces: it is moved aside.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::location::{create_private_dir, create_private_file};
use super::{Result, Store, StoreError};

/// How many daily copies are kept.
pub const KEEP: usize = 7;
const PREFIX: &str = "mestring-";
const SUFFIX: &str = ".sqlite3";
/// A backup encrypted with the sync key (`mestring sync init --encrypt-backups`, issue 17): the
/// same copy, sealed by `crate::sync::backups`. Counted, listed and pruned like a plain one.
pub const SEALED: &str = ".age";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub date: NaiveDate,
    pub path: PathBuf,
    pub bytes: u64,
}

pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The backups next to `db_path`, newest first.
pub fn list(db_path: &Path) -> Result<Vec<Backup>> {
    let dir = backup_dir(db_path);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut backups: Vec<Backup> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let name = name.strip_suffix(SEALED).unwrap_or(&name);
            let date = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?.parse().ok()?;
            let bytes = entry.metadata().ok()?.len();
            Some(Backup { date, path: entry.path(), bytes })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.date));
    Ok(backups)
}

/// Whether today's backup is still to be made.
pub fn due(db_path: &Path, today: NaiveDate) -> bool {
    let target = target(db_path, today);
    !target.exists() && !PathBuf::from(format!("{}{SEALED}", target.display())).exists()
}

fn target(db_path: &Path, today: NaiveDate) -> PathBuf {
    backup_dir(db_path).join(format!("{PREFIX}{today}{SUFFIX}"))
}

/// Makes today's backup unless it exists, then keeps the newest [`KEEP`]. Returns the new
/// file, or `None` when today's copy was already there. Checks the database first: a damaged
/// one is never copied over good backups.
pub fn daily(store: &Store, today: NaiveDate) -> Result<Option<PathBuf>> {
    if !due(store.path(), today) {
        return Ok(None);
    }
    store.quick_check()?;
    make(store, today).map(Some)
}

/// Makes today's backup of a database that passed `quick_check` today.
pub fn make(store: &Store, today: NaiveDate) -> Result<PathBuf> {
    let dir = backup_dir(store.path());
    let target = target(store.path(), today);
    create_private_dir(&dir)?;
    // Written under a temporary name and renamed when complete and synced, so a crash never
    // leaves a half copy that looks like a backup.
    // Named per process: two instances backing up at once must not share a half-written file.
    let partial = dir.join(format!(".{PREFIX}{today}{SUFFIX}.partial-{}", std::process::id()));
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io { path, source }
    };
    let _ = fs::remove_file(&partial);
    create_private_file(&partial)?;
    let target_text = partial.to_str().ok_or_else(|| StoreError::Io {
        path: partial.clone(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "path is not UTF-8"),
    })?;
    store.conn().execute("VACUUM INTO ?1", [target_text]).map_err(|e| store.sql_error(e))?;
    File::open(&partial).and_then(|f| f.sync_all()).map_err(io(&partial))?;
    fs::rename(&partial, &target).map_err(io(&target))?;
    File::open(&dir).and_then(|d| d.sync_all()).map_err(io(&dir))?;
    prune(store.path())?;
    Ok(target)
}

/// Deletes all but the newest [`KEEP`] backups, and half-written copies that a killed process
/// left behind (older than ten minutes, so a backup running now in another instance is spared).
fn prune(db_path: &Path) -> Result<()> {
    let stale = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    for entry in fs::read_dir(backup_dir(db_path)).into_iter().flatten().flatten() {
        let partial = entry.file_name().to_string_lossy().contains(".partial-");
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < stale);
        if partial && old {
            let _ = fs::remove_file(entry.path());
        }
    }
    for old in list(db_path)?.into_iter().skip(KEEP) {
        fs::remove_file(&old.path).map_err(|source| StoreError::Io { path: old.path, source })?;
    }
    Ok(())
}

/// Replaces the database at `db_path` with `backup`, after checking the backup. The current
/// file (with its -wal and -shm) is moved aside, never deleted; its new name is returned.
/// Other instances of mestring must be closed first.
pub fn restore(db_path: &Path, backup: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    Store::open_existing(backup)?.integrity_check()?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    let aside = db_path.with_file_name(format!("{}.replaced-{stamp}", super::DB_FILE));
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io { path, source }
    };
    let moved = if db_path.exists() {
        fs::rename(db_path, &aside).map_err(io(db_path))?;
        for ext in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{ext}", db_path.display()));
            if side.exists() {
                fs::rename(&side, format!("{}{ext}", aside.display())).map_err(io(&side))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    let partial = db_path.with_file_name(format!(".{}.restoring-{}", super::DB_FILE, std::process::id()));
    let _ = fs::remove_file(&partial);
    create_private_file(&partial)?;
    fs::copy(backup, &partial).map_err(io(&partial))?;
    File::open(&partial).and_then(|f| f.sync_all()).map_err(io(&partial))?;
    fs::rename(&partial, db_path).map_err(io(db_path))?;
    if let Some(dir) = db_path.parent() {
        File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))?;
    }
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn one_backup_a_day_and_only_the_last_seven() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("mestring.sqlite3")).unwrap();
        store.save_checkin(&CheckIn::blank(date(1), date(1).and_hms_opt(8, 0, 0).unwrap())).unwrap();
        for d in 1..=10 {
            assert!(daily(&store, date(d)).unwrap().is_some());
            assert!(daily(&store, date(d)).unwrap().is_none(), "a second run the same day does nothing");
        }
        let kept = list(store.path()).unwrap();
        assert_eq!(
            kept.iter().map(|b| b.date).collect::<Vec<_>>(),
            (4..=10).rev().map(date).collect::<Vec<_>>()
        );
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&kept[0].path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(fs::metadata(backup_dir(store.path())).unwrap().permissions().mode() & 0o777, 0o700);
        let copy = Store::open_existing(&kept[0].path).unwrap();
        assert!(copy.checkin_on(date(1)).unwrap().is_some());
    }

    #[test]
    fn restoring_moves_the_current_file_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mestring.sqlite3");
        let mut store = Store::open(&path).unwrap();
        let noon = date(1).and_hms_opt(12, 0, 0).unwrap();
        store.save_checkin(&CheckIn::blank(date(1), noon)).unwrap();
        let backup = daily(&store, date(1)).unwrap().unwrap();
        store.save_checkin(&CheckIn::blank(date(2), noon)).unwrap();
        drop(store);
        let aside = restore(&path, &backup, noon).unwrap().expect("moved aside");
        let restored = Store::open(&path).unwrap();
        assert!(restored.checkin_on(date(1)).unwrap().is_some());
        assert!(restored.checkin_on(date(2)).unwrap().is_none());
        let old = Store::open_existing(&aside).unwrap();
        assert!(old.checkin_on(date(2)).unwrap().is_some(), "the replaced data is still there");
    }
}

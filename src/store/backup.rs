//! Daily backups: a consistent copy of the database made with `VACUUM INTO`, one per local date,
//! the newest seven kept, in `backups/` next to the database. A damaged database is never
//! backed up (it would push the good copies out), and a restore never deletes the file it
//! replaces: it is moved aside.

use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use tempfile::NamedTempFile;

use super::location::create_private_dir;
use super::{Result, Store, StoreError};

/// How many daily copies are kept.
pub const KEEP: usize = 7;
const PREFIX: &str = "mestring-";
const SUFFIX: &str = ".sqlite3";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub date: NaiveDate,
    pub path: PathBuf,
    pub bytes: u64,
    /// Its header says it is a mestring database. One that does not (damaged, or another file
    /// under a backup's name) is listed as such and never offered for a restore.
    pub sound: bool,
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
            let date = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?.parse().ok()?;
            let bytes = entry.metadata().ok()?.len();
            Some(Backup { date, sound: has_our_header(&entry.path()), path: entry.path(), bytes })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.date));
    Ok(backups)
}

/// Whether the file starts with SQLite's header carrying mestring's application id: 100 bytes
/// read, so listing the backups stays cheap.
fn has_our_header(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 100];
    let read = File::open(path).and_then(|mut f| f.read_exact(&mut header));
    read.is_ok()
        && header.starts_with(b"SQLite format 3\0")
        && header[68..72] == super::APPLICATION_ID.to_be_bytes()
}

/// Whether today's backup is still to be made.
pub fn due(db_path: &Path, today: NaiveDate) -> bool {
    !target(db_path, today).exists()
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
    let partial = copy_into_temp(store, &dir, &format!(".{PREFIX}{today}{SUFFIX}.partial-"), &target)?;
    partial.persist(&target).map_err(|e| StoreError::Io { path: target.clone(), source: e.error })?;
    File::open(&dir).and_then(|d| d.sync_all()).map_err(|source| StoreError::Io { path: dir, source })?;
    prune(store.path(), today)?;
    Ok(target)
}

/// A consistent copy of `store` in a new file in `dir`, complete and on disk, under a name
/// nobody else can have taken or planted a link at (`O_EXCL`, random), mode 0600. Errors name
/// `target`, the file the copy is for: the temporary name means nothing to anyone.
fn copy_into_temp(store: &Store, dir: &Path, prefix: &str, target: &Path) -> Result<NamedTempFile> {
    // tempfile's errors name the temporary file; the kind says what went wrong.
    let io = |e: std::io::Error| StoreError::Io { path: target.to_owned(), source: e.kind().into() };
    let partial = tempfile::Builder::new().prefix(prefix).tempfile_in(dir).map_err(io)?;
    // 0600 whatever the umask; SQLite writes into the file as it is.
    partial.as_file().set_permissions(std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    let text = partial.path().to_str().ok_or_else(|| io(std::io::ErrorKind::InvalidFilename.into()))?;
    store
        .conn()
        .execute("VACUUM INTO ?1", [text])
        .map_err(|e| StoreError::from_sqlite(target.to_owned(), e))?;
    partial.as_file().sync_all().map_err(io)?;
    Ok(partial)
}

/// Deletes all but the newest [`KEEP`] backups, and half-written copies that a killed process
/// left behind (older than ten minutes, so a backup running now in another instance is spared).
/// Backups dated after `today` were made while the clock ran ahead: they go first, so they
/// never push today's out.
fn prune(db_path: &Path, today: NaiveDate) -> Result<()> {
    let stale = std::time::SystemTime::now().checked_sub(std::time::Duration::from_secs(600));
    for entry in fs::read_dir(backup_dir(db_path)).into_iter().flatten().flatten() {
        let partial = entry.file_name().to_string_lossy().contains(".partial-");
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| stale.is_some_and(|s| t < s));
        if partial && old {
            let _ = fs::remove_file(entry.path());
        }
    }
    let mut backups = list(db_path)?;
    backups.sort_by_key(|b| std::cmp::Reverse((b.date <= today, b.date)));
    for old in backups.into_iter().skip(KEEP) {
        fs::remove_file(&old.path).map_err(|source| StoreError::Io { path: old.path, source })?;
    }
    Ok(())
}

/// Replaces the database at `db_path` with `backup`, after checking the backup. The current
/// file (with its -wal and -shm) is moved aside under a name of its own, never deleted; its new
/// name is returned. Refused while mestring has the database open (see `lock.rs`), and when
/// `backup` is the database itself.
pub fn restore(db_path: &Path, backup: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    if is_same_file(db_path, backup) {
        let source = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "this is the database itself, not a backup; nothing was changed",
        );
        return Err(StoreError::Io { path: backup.to_owned(), source });
    }
    let dir = db_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let _alone = super::lock::exclusive(db_path)?;
    let source = Store::open_backup(backup)?;
    source.integrity_check()?;
    // The copy is complete and on disk before the current file moves: a full disk leaves
    // everything where it was. SQLite writes it, so it is private (0600) whatever the backup's
    // mode, and a file kept aside by an earlier restore comes with what its WAL held.
    let partial = copy_into_temp(&source, dir, &format!(".{}.restoring-", super::DB_FILE), db_path)?;
    drop(source);
    let moved = if db_path.exists() { Some(move_aside(db_path, now)?) } else { None };
    if let Err(e) = partial.persist_noclobber(db_path) {
        // Put the current file back rather than leave no database at all.
        if let Some(aside) = &moved {
            for ext in ["", "-wal", "-shm"] {
                let _ =
                    fs::rename(format!("{}{ext}", aside.display()), format!("{}{ext}", db_path.display()));
            }
        }
        return Err(StoreError::Io { path: db_path.to_owned(), source: e.error });
    }
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| StoreError::Io { path: dir.to_owned(), source })?;
    Ok(moved)
}

pub fn is_same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// Moves the database and its -wal and -shm to `<name>.replaced-<time>`, or `-2`, `-3`, ... when
/// that name is taken (two restores in one second): a kept file is never overwritten.
fn move_aside(db_path: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let side = |path: &Path, ext: &str| PathBuf::from(format!("{}{ext}", path.display()));
    let mut n = 0u64;
    loop {
        n += 1;
        let name = if n == 1 { format!("{stamp}") } else { format!("{stamp}-{n}") };
        let aside = db_path.with_file_name(format!("{}.replaced-{name}", super::DB_FILE));
        if ["-wal", "-shm"].iter().any(|ext| side(&aside, ext).exists()) {
            continue;
        }
        // A hard link fails on an existing name where a rename would replace it.
        match fs::hard_link(db_path, &aside) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(StoreError::Io { path: db_path.to_owned(), source }),
        }
        fs::remove_file(db_path).map_err(|source| StoreError::Io { path: db_path.to_owned(), source })?;
        for ext in ["-wal", "-shm"] {
            if side(db_path, ext).exists() {
                fs::rename(side(db_path, ext), side(&aside, ext))
                    .map_err(|source| StoreError::Io { path: side(db_path, ext), source })?;
            }
        }
        return Ok(aside);
    }
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
    fn backups_made_while_the_clock_ran_ahead_never_push_todays_out() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("mestring.sqlite3")).unwrap();
        for ahead in 20..=28 {
            daily(&store, date(ahead)).unwrap();
        }
        // The clock is right again: the 5th and the 6th are today, one after the other.
        for today in [5, 6] {
            let made = daily(&store, date(today)).unwrap().expect("made");
            assert!(made.exists(), "today's backup ({today}) was pruned at once");
        }
        let kept: Vec<NaiveDate> = list(store.path()).unwrap().iter().map(|b| b.date).collect();
        assert_eq!(kept.len(), KEEP);
        assert!(kept.contains(&date(5)) && kept.contains(&date(6)), "{kept:?}");
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

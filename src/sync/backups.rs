//! Encrypted daily backups (`mestring sync init --encrypt-backups`): each plain copy that
//! `store::backup` made is sealed to the sync key's public half (no passphrase needed) as
//! `<name>.age`, and the plain copy deleted once the sealed one is on disk. Restoring one
//! (`mestring doctor --restore`) opens it with the key.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::{SyncError, SyncKey, crypto, setup};
use crate::store::{Store, StoreError, backup};

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SyncError {
    let path = path.to_owned();
    move |source| SyncError::Store(StoreError::Io { path, source })
}

/// Beside the backups: the sync folder's path (no secret; the key in it needs the passphrase).
const FOLDER_POINTER: &str = "sync-folder";

/// The sync folder named beside the backups, for restoring a sealed one without the database.
pub fn folder_beside(db_path: &Path) -> Option<PathBuf> {
    let bytes = fs::read(backup::backup_dir(db_path).join(FOLDER_POINTER)).ok()?;
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

/// Seals every plain backup beside `store` when the user asked for encrypted backups; returns
/// how many. Backups appear whole (renamed into place), so any plain one found is complete.
pub fn seal_plain(store: &Store) -> Result<usize, SyncError> {
    let Some(setup) = setup::read(store.conn()).map_err(|e| store.sql_error(e))? else { return Ok(0) };
    if !setup.encrypt_backups {
        return Ok(0);
    }
    // Where the key is, for a restore when the database that knows it is the broken file.
    let pointer = backup::backup_dir(store.path()).join(FOLDER_POINTER);
    if fs::read(&pointer).ok().as_deref() != Some(setup.folder.as_os_str().as_encoded_bytes()) {
        write_private(&pointer, setup.folder.as_os_str().as_encoded_bytes())?;
    }
    let mut sealed = 0;
    for copy in backup::list(store.path())? {
        if copy.path.extension().is_some_and(|e| e == "age") {
            continue;
        }
        let plain = fs::read(&copy.path).map_err(io(&copy.path))?;
        let target = PathBuf::from(format!("{}{}", copy.path.display(), backup::SEALED));
        write_private(&target, &crypto::seal_to(&setup.recipient, &plain)?)?;
        fs::remove_file(&copy.path).map_err(io(&copy.path))?;
        sealed += 1;
    }
    Ok(sealed)
}

/// A sealed backup opened into a plain file beside it (mode 0600), for a restore to check and
/// copy; the caller deletes it afterwards.
pub fn open_sealed(sealed: &Path, key: &SyncKey) -> Result<PathBuf, SyncError> {
    let bytes = fs::read(sealed).map_err(io(sealed))?;
    let plain = key.open(&bytes)?;
    let target = sealed.with_file_name(format!(
        ".{}.opened-{}",
        sealed.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let _ = fs::remove_file(&target);
    write_private(&target, &plain)?;
    Ok(target)
}

/// Temporary name, flushed, renamed: a sealed copy is never seen half-written.
fn write_private(target: &Path, bytes: &[u8]) -> Result<(), SyncError> {
    let temp = target.with_file_name(format!(
        ".{}.partial-{}",
        target.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let written = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| fs::rename(&temp, target));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(io(target)(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_sealed_when_asked_counts_as_todays_and_opens_with_the_key() {
        use age::secrecy::SecretString;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("folder");
        let db = dir.path().join("data/mestring.sqlite3");
        let mut store = Store::open(&db).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let pass = SecretString::from("hest".to_owned());
        let options =
            super::super::InitOptions { encrypt_backups: true, work_factor: Some(4), ..Default::default() };
        super::super::init(&mut store, &folder, &pass, &options, chrono::Utc::now()).unwrap();
        let made = backup::make(&store, day).unwrap();
        assert_eq!(seal_plain(&store).unwrap(), 1);
        assert!(!made.exists(), "the plain copy is gone");
        let list = backup::list(&db).unwrap();
        assert_eq!((list.len(), list[0].date), (1, day));
        assert!(!backup::due(&db, day), "today's sealed copy counts as today's backup");
        let sealed = fs::read(&list[0].path).unwrap();
        assert!(crypto::is_sealed(&sealed) && !sealed.windows(6).any(|w| w == b"SQLite"));
        let setup = setup::read(store.conn()).unwrap().unwrap();
        let key = super::super::unlock(&setup, || Ok(pass.clone())).unwrap();
        let opened = open_sealed(&list[0].path, &key).unwrap();
        assert_eq!(folder_beside(&db), Some(folder));
        Store::open_existing(&opened).unwrap().integrity_check().unwrap();
    }
}

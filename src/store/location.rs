//! Where the data lives, and files only the user can read: directories 0700, files 0600.

use std::fs::{OpenOptions, Permissions};
use std::io::ErrorKind;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::{DB_FILE, Result, StoreError};

/// The data directory: `--data-dir` / `MESTRING_DATA_DIR` when given, else the XDG data
/// directory (also on macOS, where command-line tools are expected to follow XDG).
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_owned());
    }
    let xdg = etcetera::base_strategy::Xdg::new().map_err(|e| StoreError::Io {
        path: PathBuf::from("~"),
        source: std::io::Error::new(ErrorKind::NotFound, e.to_string()),
    })?;
    Ok(xdg.data_dir().join("mestring"))
}

pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

/// Creates `dir` (and missing parents) with mode 0700, whatever the umask. An existing
/// directory is left as it is: it may be one the user chose and shares with other things.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    crate::files::create_private_dir(dir).map_err(|source| StoreError::Io { path: dir.to_owned(), source })
}

/// Creates an empty file with mode 0600 (whatever the umask) if none exists, so SQLite never
/// creates the database (or its -wal and -shm files, which copy the database's mode) readable by
/// others. `create_new` is `O_EXCL`: a link planted at `path` is never followed.
pub fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        create_private_dir(parent)?;
    }
    let io = |source| StoreError::Io { path: path.to_owned(), source };
    match OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(file) => file.set_permissions(Permissions::from_mode(0o600)).map_err(io),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(io(source)),
    }
}

/// Creates the database at `path` complete or not at all: `init` sets up a fresh file under a
/// temporary name (WAL, schema), which is then hard-linked to `path`. If another process got
/// there first, its database is kept and ours is dropped. Errors name `path`: the temporary
/// name means nothing to anyone.
pub fn create_database(path: &Path, init: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let io = |source: std::io::Error| StoreError::Io { path: path.to_owned(), source };
    // A random name, created with O_EXCL, mode 0600 whatever the umask; deleted when dropped.
    let fresh = tempfile::Builder::new()
        .prefix(&format!(".{}.new-", super::DB_FILE))
        .tempfile_in(dir)
        .map_err(|e| io(e.kind().into()))?;
    fresh.as_file().set_permissions(Permissions::from_mode(0o600)).map_err(io)?;
    let linked = init(fresh.path())
        .map_err(|e| e.renamed(fresh.path(), path))
        .and_then(|()| fresh.as_file().sync_all().map_err(io))
        .and_then(|()| match std::fs::hard_link(fresh.path(), path) {
            Ok(()) => std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
            // A file system without hard links: a rename, after checking nobody was first.
            Err(_) if !path.exists() => std::fs::rename(fresh.path(), path).map_err(io),
            Err(source) => Err(io(source)),
        });
    for leftover in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{leftover}", fresh.path().display()));
    }
    linked
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_directories_are_0700_and_files_0600() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/mestring");
        create_private_file(&db_path(&dir)).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&db_path(&dir)), 0o600);
    }

    #[test]
    fn an_existing_file_is_not_touched() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("x");
        std::fs::write(&path, "keep").unwrap();
        create_private_file(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
    }

    #[test]
    fn an_explicit_directory_wins() {
        assert_eq!(data_dir(Some(Path::new("/tmp/x"))).unwrap(), PathBuf::from("/tmp/x"));
    }
}

//! The sync folder's layout. Each device writes only below its own directory, so no sync tool
//! ever sees two writers on one file:
//!
//! ```text
//! DIR/key.age                          the sync key, encrypted with the passphrase
//! DIR/devices/<device-id>/<n>.age      that device's n-th batch of events, encrypted
//! ```
//!
//! A file is written under a hidden temporary name, flushed to disk, and linked to its final
//! name only when complete, so a reader (or Syncthing) never sees half a file under a name it
//! reads; a killed sync leaves at most a temporary file, which readers skip.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

pub const KEY_FILE: &str = "key.age";
const DEVICES: &str = "devices";
const SUFFIX: &str = ".age";

/// An I/O failure and the file it happened to, for messages that name the file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct FolderError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> FolderError {
    let path = path.to_owned();
    move |source| FolderError { path, source }
}

#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_owned() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn key_file(&self) -> PathBuf {
        self.root.join(KEY_FILE)
    }

    pub fn device_dir(&self, device: &str) -> PathBuf {
        self.root.join(DEVICES).join(device)
    }

    pub fn file(&self, device: &str, n: u64) -> PathBuf {
        self.device_dir(device).join(format!("{n}{SUFFIX}"))
    }

    /// The key file's bytes, or `None` when the folder has none yet.
    pub fn read_key(&self) -> Result<Option<Vec<u8>>, FolderError> {
        let path = self.key_file();
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(at(&path)(e)),
        }
    }

    /// Writes the key file of a new folder; refuses to replace one that appeared meanwhile.
    pub fn write_key(&self, bytes: &[u8]) -> Result<(), FolderError> {
        private_dir(&self.root)?;
        write_new(&self.key_file(), bytes)
    }

    /// Writes this device's `n`-th file. Fails, changing nothing, if that name exists.
    pub fn write_batch(&self, device: &str, n: u64, bytes: &[u8]) -> Result<PathBuf, FolderError> {
        let dir = self.device_dir(device);
        private_dir(&dir)?;
        remove_temporary(&dir);
        let path = self.file(device, n);
        write_new(&path, bytes)?;
        Ok(path)
    }

    /// The devices that have a directory here, other than `except`.
    pub fn other_devices(&self, except: &str) -> Result<Vec<String>, FolderError> {
        let dir = self.root.join(DEVICES);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(at(&dir)(e)),
        };
        // Sorted through a BTreeSet: a slice sort would add tens of kB of sorting code.
        let devices: std::collections::BTreeSet<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name != except && uuid::Uuid::parse_str(name).is_ok())
            .collect();
        Ok(devices.into_iter().collect())
    }

    /// The numbers of a device's complete files, ascending. Temporary files are not listed.
    pub fn files_of(&self, device: &str) -> Result<Vec<u64>, FolderError> {
        let dir = self.device_dir(device);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(at(&dir)(e)),
        };
        let numbers: std::collections::BTreeSet<u64> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(SUFFIX)?.parse().ok())
            .collect();
        Ok(numbers.into_iter().collect())
    }
}

/// Creates `dir` with mode 0700 if missing; an existing one (the user's folder) is left alone.
fn private_dir(dir: &Path) -> Result<(), FolderError> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(at(dir))
}

/// Removes what a killed sync of this device left. Only this device writes here, and its
/// syncs queue on the database's write lock, so no temporary file here is still being written.
fn remove_temporary(dir: &Path) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.contains(".tmp-") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Temporary name, data flushed, then a hard link to the final name (which, unlike a rename,
/// never replaces a file that is already there), then the directory flushed. On file systems
/// without hard links (FAT on a USB stick) a rename after checking the name is free.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), FolderError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(at(path)(e));
    }
    let linked = match fs::hard_link(&temp, path) {
        Ok(()) => fs::remove_file(&temp),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
        Err(_) if path.exists() => Err(io::Error::from(ErrorKind::AlreadyExists)),
        Err(_) => fs::rename(&temp, path),
    };
    if let Err(e) = linked {
        let _ = fs::remove_file(&temp);
        return Err(at(path)(e));
    }
    File::open(dir).and_then(|d| d.sync_all()).map_err(at(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_listed_by_number_and_temporary_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let folder = Folder::new(dir.path());
        let me = uuid::Uuid::now_v7().to_string();
        let other = uuid::Uuid::now_v7().to_string();
        for n in [2, 10, 1] {
            folder.write_batch(&other, n, b"x").unwrap();
        }
        fs::write(folder.device_dir(&other).join(".11.age.tmp-99"), b"half").unwrap();
        fs::create_dir_all(dir.path().join("devices/.stfolder")).unwrap();
        folder.write_batch(&me, 1, b"mine").unwrap();
        assert_eq!(folder.files_of(&other).unwrap(), [1, 2, 10]);
        assert_eq!(folder.other_devices(&me).unwrap(), std::slice::from_ref(&other));
        let err = folder.write_batch(&other, 2, b"again").unwrap_err();
        assert_eq!(err.source.kind(), ErrorKind::AlreadyExists);
        assert_eq!(fs::read(folder.file(&other, 2)).unwrap(), b"x", "never replaced");
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(folder.file(&me, 1)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

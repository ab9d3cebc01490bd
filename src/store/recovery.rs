//! A check-in that could not be saved when the app closed (a full disk, a read-only file, a
//! signal while a write kept failing): kept in a file beside the database, offered back at the
//! next start, and deleted once it is saved. The file is the person's, readable by them alone,
//! and nothing else reads it.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::checkin::CheckIn;
use crate::files;

/// The file's name in the data directory.
pub const FILE: &str = "unsaved-checkin.json";
/// A kept check-in is a form's worth of text; a file much larger is not one.
const MAX_BYTES: u64 = 1 << 20;

/// Writes `checkin` to the recovery file in `dir` (replacing one kept before: the newer form
/// holds everything the older one did, as it was opened from the same day or saved since).
pub fn keep(dir: &Path, checkin: &CheckIn) -> io::Result<PathBuf> {
    let path = dir.join(FILE);
    let json = serde_json::to_vec_pretty(checkin).map_err(io::Error::other)?;
    files::replace_private(&path, &json)?;
    Ok(path)
}

/// The check-in kept in `dir`, if there is one that reads.
pub fn read(dir: &Path) -> Option<CheckIn> {
    let text = files::read_regular(&dir.join(FILE), MAX_BYTES).ok()?;
    serde_json::from_str(&text).ok()
}

/// Deletes the recovery file in `dir`, once what it kept is saved.
pub fn forget(dir: &Path) -> io::Result<()> {
    match std::fs::remove_file(dir.join(FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_check_in_reads_back_whole_and_is_gone_once_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut checkin = CheckIn::blank(day, day.and_hms_opt(21, 0, 0).unwrap());
        checkin.note = "Lang dag.\nMen jeg klarte det. æøå 👩‍👧".into();
        let path = keep(dir.path(), &checkin).unwrap();
        assert_eq!(read(dir.path()), Some(checkin));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        forget(dir.path()).unwrap();
        assert_eq!(read(dir.path()), None);
        forget(dir.path()).unwrap();
    }

    #[test]
    fn a_broken_file_is_not_read_and_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "{ half").unwrap();
        assert_eq!(read(dir.path()), None);
        assert!(dir.path().join(FILE).exists());
    }
}

//! The user's files outside the database (settings, content packs): read only what is a regular
//! file of a sane size, create directories only the user can enter, and replace a file whole,
//! through a temporary file nobody can have planted a link at.

use std::fs::{DirBuilder, File, OpenOptions, Permissions};
use std::io::{self, ErrorKind, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// The text of the regular file at `path`, if it has at most `max_bytes`. A FIFO, a device (a
/// link to `/dev/zero`) or a directory is refused without reading: opening does not wait for a
/// writer (`O_NONBLOCK`), and the checks are made on the open file, so it cannot be swapped
/// between a check and the read. A file that grows past the limit while read is refused too.
pub fn read_regular(path: &Path, max_bytes: u64) -> io::Result<String> {
    let file = OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(ErrorKind::InvalidInput, "not a regular file; not read"));
    }
    let too_large =
        || io::Error::new(ErrorKind::FileTooLarge, format!("larger than {}; not read", size(max_bytes)));
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut text = String::new();
    file.take(max_bytes + 1).read_to_string(&mut text)?;
    if text.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(text)
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 { format!("{} MiB", bytes >> 20) } else { format!("{} KiB", bytes >> 10) }
}

/// Creates `dir` and its missing parents with mode 0700, whatever the umask (which could widen
/// nothing but narrow it to unusable, or a umask of 000 to the world). Directories that exist
/// are left as they are: they may be shared with other things.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        create_private_dir(parent)?;
    }
    match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => std::fs::set_permissions(dir, Permissions::from_mode(0o700)),
        // Made by someone else at the same moment.
        Err(e) if e.kind() == ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// Replaces the file at `path` with `contents`, mode 0600: readers see the old file or the new
/// one, never half. The temporary file beside it gets a random name and is created with
/// `O_EXCL`, so a link planted there is never followed; a link at `path` itself is replaced, not
/// written through. Errors never name the temporary file.
pub fn replace_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // tempfile's errors carry the temporary name; only the kind is kept.
    let plain = |e: io::Error| io::Error::from(e.kind());
    let mut temp = tempfile::Builder::new().prefix(&format!(".{name}.")).tempfile_in(dir).map_err(plain)?;
    // 0600 whatever the umask: a umask of 777 would leave a file its owner cannot read.
    temp.as_file().set_permissions(Permissions::from_mode(0o600))?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    File::open(dir)?.sync_all()
}

/// A FIFO at `path`, for tests of what must never wait on one.
#[cfg(test)]
pub(crate) fn make_fifo(path: &Path) {
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        make_fifo(&fifo);
        let zero = dir.path().join("zero");
        symlink("/dev/zero", &zero).unwrap();
        let big = dir.path().join("big");
        std::fs::write(&big, "x".repeat(2049)).unwrap();
        for (path, kind) in [
            (&fifo, ErrorKind::InvalidInput),
            (&zero, ErrorKind::InvalidInput),
            (&dir.path().to_owned(), ErrorKind::InvalidInput),
            (&big, ErrorKind::FileTooLarge),
        ] {
            assert_eq!(read_regular(path, 2048).unwrap_err().kind(), kind, "{}", path.display());
        }
        std::fs::write(&big, "x".repeat(2048)).unwrap();
        assert_eq!(read_regular(&big, 2048).unwrap().len(), 2048);
    }
}

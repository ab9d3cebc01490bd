//! Files only the user can read, made so whatever the process's umask, and errors that name the
//! user's files, never the temporary ones that stand in for them while they are written.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::cli::{mestring, stderr};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `mestring args` under `umask`, and with files limited to `max_file_bytes` when given (as a
/// full disk would), with SIGXFSZ ignored so a write past the limit fails instead of killing.
fn mestring_limited(data: &Path, args: &[&str], umask: u32, max_file_bytes: Option<u64>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mestring"));
    cmd.args(args).env("MESTRING_DATA_DIR", data).env("MESTRING_CONFIG", data.join("config.ron"));
    cmd.env("LANG", "en_GB.UTF-8").env_remove("MESTRING_LANG");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(umask as libc::mode_t);
            if let Some(max) = max_file_bytes {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit { rlim_cur: max, rlim_max: max };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[test]
fn new_directories_are_0700_and_files_0600_under_any_umask() {
    for umask in [0o000, 0o022, 0o777] {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("a/b/data");
        let out = mestring_limited(&data, &["checkin", "--mood", "4"], umask, None);
        assert!(out.status.success(), "umask {umask:o}: {}", stderr(&out));
        for dir in [root.path().join("a"), root.path().join("a/b"), data.clone(), data.join("backups")] {
            assert_eq!(mode(&dir), 0o700, "umask {umask:o}: {}", dir.display());
        }
        let backups: Vec<_> =
            std::fs::read_dir(data.join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(backups.len(), 1);
        for file in [data.join("mestring.sqlite3"), backups[0].clone()] {
            assert_eq!(mode(&file), 0o600, "umask {umask:o}: {}", file.display());
        }
        assert!(mestring(&data, &["status"]).status.success(), "umask {umask:o}: readable afterwards");
    }
}

#[test]
fn a_failed_write_names_the_database_never_a_temporary_file() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    // Too small for a new database: creating it fails half-way, as on a full disk.
    let out = mestring_limited(&data, &["checkin", "--mood", "4"], 0o022, Some(8 * 1024));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&data.join("mestring.sqlite3").display().to_string()), "names the database: {err}");
    let inside = err.replace(&root.path().display().to_string(), "");
    assert!(!inside.contains("/."), "names no temporary file: {err}");
    let left: Vec<_> = std::fs::read_dir(&data).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "nothing half-made is left: {left:?}");
}

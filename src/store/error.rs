//! What can go wrong with the user's data, named so a person knows what happened to which file
//! and what to do. Every variant that concerns the database file says that it was not changed.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::domain::checkin::Invalid;
use crate::i18n::Strings;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a mestring database, or it is damaged. It has not been changed. \
         Run `mestring doctor` to check it and restore a backup."
    )]
    NotOurs { path: PathBuf },
    #[error(
        "{path} is empty, but there are backups of your data in {backups}. It has not been \
         changed. Run `mestring doctor` to see them and restore one."
    )]
    EmptyWithBackups { path: PathBuf, backups: PathBuf },
    #[error(
        "{wal} does not belong to {db}: it is another database's. Neither file has been changed. \
         Move {wal} out of the way (keep it until you know you do not need it) and try again."
    )]
    ForeignWal { db: PathBuf, wal: PathBuf },
    #[error(
        "{path} is damaged ({detail}). It has not been changed. \
         Run `mestring doctor` to check it and restore a backup."
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer mestring (schema {found}, this one knows {known}). \
         It has not been changed; please use the newer version."
    )]
    Newer { path: PathBuf, found: usize, known: usize },
    #[error("cannot write to {path}: the disk is full. Nothing was lost; free some space and try again.")]
    DiskFull { path: PathBuf },
    #[error("cannot write to {path}: it is read-only. Nothing was lost; check the permissions.")]
    ReadOnly { path: PathBuf },
    #[error("{path} is busy in another program for too long. Nothing was lost; try again.")]
    Busy { path: PathBuf },
    #[error(
        "{path} is open in mestring (another window, or a command still running). \
         Nothing was changed; close it and try again."
    )]
    InUse { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Invalid(#[from] Invalid),
    /// A goal, habit, counter, slip or plan entry that breaks a rule of its domain type.
    #[error("{0}")]
    Record(String),
    #[error("{path}: {source}")]
    Sqlite { path: PathBuf, source: rusqlite::Error },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Classifies a SQLite error by what the person can do about it.
    pub fn from_sqlite(path: PathBuf, source: rusqlite::Error) -> Self {
        match source.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            Some(ErrorCode::NotADatabase) => StoreError::NotOurs { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged { path, detail: source.to_string() },
            _ => StoreError::Sqlite { path, source },
        }
    }

    /// The file the error is about, where it names one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            StoreError::NotOurs { path }
            | StoreError::EmptyWithBackups { path, .. }
            | StoreError::Damaged { path, .. }
            | StoreError::Newer { path, .. }
            | StoreError::DiskFull { path }
            | StoreError::ReadOnly { path }
            | StoreError::Busy { path }
            | StoreError::InUse { path }
            | StoreError::Io { path, .. }
            | StoreError::Sqlite { path, .. } => Some(path),
            StoreError::ForeignWal { db, .. } => Some(db),
            StoreError::Invalid(_) | StoreError::Record(_) => None,
        }
    }

    /// The same error about `to` where it named `from` (a temporary file standing in for `to`).
    pub fn renamed(self, from: &Path, to: &Path) -> Self {
        let swap = |p: PathBuf| if p == from { to.to_owned() } else { p };
        match self {
            StoreError::NotOurs { path } => StoreError::NotOurs { path: swap(path) },
            StoreError::Damaged { path, detail } => StoreError::Damaged { path: swap(path), detail },
            StoreError::Newer { path, found, known } => StoreError::Newer { path: swap(path), found, known },
            StoreError::DiskFull { path } => StoreError::DiskFull { path: swap(path) },
            StoreError::ReadOnly { path } => StoreError::ReadOnly { path: swap(path) },
            StoreError::Busy { path } => StoreError::Busy { path: swap(path) },
            StoreError::InUse { path } => StoreError::InUse { path: swap(path) },
            StoreError::Io { path, source } => StoreError::Io { path: swap(path), source },
            StoreError::Sqlite { path, source } => StoreError::Sqlite { path: swap(path), source },
            other => other,
        }
    }

    /// The file must not be written again in this session: it is not ours or it is damaged.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            StoreError::NotOurs { .. }
                | StoreError::Damaged { .. }
                | StoreError::Newer { .. }
                | StoreError::ForeignWal { .. }
                | StoreError::EmptyWithBackups { .. }
        )
    }

    /// A short sentence for the footer of the TUI, in the interface language.
    pub fn describe(&self, s: &Strings) -> String {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            StoreError::NotOurs { path: p } | StoreError::Damaged { path: p, .. } => {
                format!("{} {}", path(p), s.checkin.store_damaged)
            }
            StoreError::Newer { path: p, .. } => format!("{} {}", path(p), s.checkin.store_newer),
            StoreError::ForeignWal { wal, .. } => format!("{} {}", path(wal), s.checkin.store_foreign_wal),
            StoreError::EmptyWithBackups { path: p, .. } => {
                format!("{} {}", path(p), s.checkin.store_empty_with_backups)
            }
            StoreError::DiskFull { .. } => s.checkin.store_disk_full.to_owned(),
            StoreError::ReadOnly { path: p } => format!("{} {}", path(p), s.checkin.store_read_only),
            StoreError::Busy { .. } | StoreError::InUse { .. } => s.checkin.store_busy.to_owned(),
            StoreError::Invalid(invalid) => invalid.to_string(),
            StoreError::Record(problem) => problem.clone(),
            StoreError::Io { .. } | StoreError::Sqlite { .. } => format!("{} {self}", s.checkin.store_failed),
        }
    }
}

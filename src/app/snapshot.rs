//! The start screen's numbers as they were when the app last closed, so that the next start can
//! draw its first frame before it opens the database.
//!
//! Opening SQLite (it reads the whole schema) and the start screen's reads took 0.74 of the
//! 1.40 ms a start spent in the process (`bench_start_parts`, BENCHMARKS.md, issue 2, run 9).
//! The snapshot is a small file beside the database, written when the TUI closes. A start uses
//! it only when it was written on the same date and the database and its WAL are as they were
//! then: size, inode, modification and change times, all of which any write changes. The store
//! is opened right after the first frame and the numbers are read again; a difference is drawn
//! at once. So the snapshot decides nothing: a missing, old, foreign or unreadable one only
//! means the usual start, and the database stays the one source of the user's data.
//!
//! It also keeps the technique of the day the screen showed, in its language, so the first frame
//! needs neither the embedded techniques file nor a RON parser. It too is worked out again after the first frame, and replaced if it differs
//! (a new version of the app, a content pack added since).

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::App;
use crate::clock::Clock;
use crate::content::daily_technique;
use crate::content::phases;
use crate::content::techniques::Technique;
use crate::panes::Ctx;
use crate::panes::home::{Today, read_today};
use crate::store::{Slot, Store, StoreError};
use crate::ui;

/// The snapshot's file name, in the data directory beside the database.
pub const SNAPSHOT_FILE: &str = "start-snapshot.json";
/// A snapshot takes a few hundred bytes; a file much larger than that is not one.
const MAX_BYTES: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The database and its WAL just after the app closed them.
    files: [Option<FileStamp>; 2],
    date: NaiveDate,
    /// The phase marked on the phases screen, by id.
    phase: Option<String>,
    home: Today,
    /// The technique of the day as shown, and the language (`Lang::code`) it is in.
    technique: Option<(String, Technique)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct FileStamp {
    len: u64,
    inode: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            len: m.len(),
            inode: m.ino(),
            modified: (m.mtime(), m.mtime_nsec()),
            changed: (m.ctime(), m.ctime_nsec()),
        })
    }
}

/// Where the snapshot for the database at `db` is kept.
fn path(db: &Path) -> PathBuf {
    db.with_file_name(SNAPSHOT_FILE)
}

fn stamps(db: &Path) -> [Option<FileStamp>; 2] {
    [FileStamp::of(db), FileStamp::of(&PathBuf::from(format!("{}-wal", db.display())))]
}

impl Snapshot {
    /// The snapshot for a start on `today` with the database at `db`, if there is one that is
    /// still true: written on `today`, and the database and its WAL unchanged since.
    pub fn load(db: &Path, today: NaiveDate) -> Option<Snapshot> {
        let file = std::fs::File::open(path(db)).ok()?;
        let len = file.metadata().ok()?.len();
        if len > MAX_BYTES {
            return None;
        }
        // Room for the whole file and the read that finds its end: two reads, not a doubling
        // series of them.
        let mut text = String::with_capacity(len as usize + 1);
        file.take(MAX_BYTES).read_to_string(&mut text).ok()?;
        let snapshot: Snapshot = serde_json::from_str(&text).ok()?;
        let fresh = snapshot.date == today && snapshot.files[0].is_some() && snapshot.files == stamps(db);
        fresh.then_some(snapshot)
    }

    /// Writes the snapshot, stamped with the files as they are now, so call it once the store
    /// is closed. Without a database file there is nothing to vouch for, and nothing is written.
    pub fn save(mut self, db: &Path) -> std::io::Result<()> {
        self.files = stamps(db);
        if self.files[0].is_none() {
            return Ok(());
        }
        let target = path(db);
        let tmp = target.with_file_name(format!(".{SNAPSHOT_FILE}.{}", std::process::id()));
        let written = (|| {
            let text = serde_json::to_string(&self).map_err(std::io::Error::other)?;
            let mut file =
                OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
            file.write_all(text.as_bytes())?;
            // No fsync: a snapshot lost in a crash only means the next start reads the database.
            std::fs::rename(&tmp, &target)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(&target);
        }
        written
    }
}

impl App {
    /// An app whose start screen shows `snapshot` (see [`Snapshot::load`]); the database at `db`
    /// is opened after the first frame, by [`App::after_first_frame`].
    pub fn from_snapshot(
        options: super::Options,
        clock: Box<dyn Clock>,
        db: PathBuf,
        snapshot: Snapshot,
    ) -> Self {
        let source = std::io::Error::other("opened after the first frame");
        let mut app = App::build(options, clock, Slot::new(Err(StoreError::Io { path: db.clone(), source })));
        let lang = options.lang;
        let phase = snapshot.phase.and_then(|id| phases::all(lang).iter().find(|p| p.id == id));
        if let Some((_, technique)) = snapshot.technique.filter(|(code, _)| code == lang.code()) {
            app.home.use_technique(snapshot.date, Some(technique));
        }
        app.home.show(app.clock.now(), snapshot.home, phase);
        app.opens_after_first_frame = Some(db);
        app
    }

    /// Opens the store a start from a snapshot left for after the first frame, reads the start
    /// screen's numbers and finds the technique of the day again, and draws them if they differ
    /// from the snapshot's.
    pub(super) fn open_store_after_first_frame(&mut self) {
        let Some(db) = self.opens_after_first_frame.take() else { return };
        let today = self.home.today;
        if self.home.use_technique(today, daily_technique::of_the_day(self.options.lang, today)) {
            self.dirty = true;
        }
        self.store = Slot::new(Store::open(&db).map(|mut store| {
            store.fold_wal_on_close();
            store
        }));
        let (shown, shown_phase) = (self.home.data.clone(), self.home.phase.map(|p| &p.id));
        let phase = self.current_phase();
        let mut ctx = ctx!(self);
        self.home.enter(&mut ctx, phase);
        let same = self.home.data == shown && self.home.phase.map(|p| &p.id) == shown_phase;
        if self.home.problem.is_some() || !same {
            self.dirty = true;
        }
    }

    /// Closes the store and leaves a snapshot of the start screen for the next start. Best
    /// effort: when the numbers cannot be read or the file cannot be written, the next start
    /// reads the database, as it would anyway.
    pub fn close(self) {
        let Ok(store) = self.store.get() else { return };
        let db = store.path().to_owned();
        let now = self.clock.now();
        let Ok(home) = store.in_one_read(|store| read_today(store, now)) else { return };
        let phase = self.current_phase().map(|p| p.id.clone());
        // Kept only when it is the one for the snapshot's date (the app may have run past midnight).
        let technique = (self.home.today == now.date())
            .then(|| self.home.technique.clone())
            .flatten()
            .map(|t| (self.options.lang.code().to_owned(), t));
        let snapshot = Snapshot { files: [None, None], date: now.date(), phase, home, technique };
        // The store folds its WAL as it closes: the stamps are taken after that.
        drop(self);
        let _ = snapshot.save(&db);
    }
}

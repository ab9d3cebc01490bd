//! Content packs: a clinic or a user adds or replaces techniques, FAQs, quiz statements,
//! exercises and help lines by dropping RON files in `<config dir>/content/` (`nb/faq.ron`,
//! `en/techniques.ron`, ..., and `helplines.ron`), in the same shape as the files in `data/`.
//!
//! An item whose id exists replaces the embedded one; a new id is added. A file that does not
//! parse, or an item that breaks a rule the embedded content is tested for (an empty id or text,
//! an id twice), is reported with file, line and column and left out; everything else loads.

use std::cell::RefCell;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::ContentError;

/// A file larger than this is not a content pack someone wrote by hand; it is not read. Twice the
/// largest embedded file: merging a pack costs time that grows with items times file size, and
/// the help lines of the crisis screen are read through it, so a pack at this limit, however
/// its items are cut, still loads in a blink.
pub const MAX_PACK_BYTES: u64 = 64 * 1024;

/// Where packs are read from, and what was wrong with them until the app has shown it.
#[derive(Debug, Default)]
pub struct Packs {
    dir: Option<PathBuf>,
    problems: RefCell<Vec<ContentError>>,
}

impl Packs {
    /// Packs from `dir`; none at all without one.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { dir, problems: RefCell::default() }
    }

    /// The problems found since the last call, each once.
    pub fn take_problems(&self) -> Vec<ContentError> {
        self.problems.take()
    }

    pub(crate) fn report(&self, problem: ContentError) {
        self.problems.borrow_mut().push(problem);
    }

    /// The pack file at `relative` under the pack directory, if there is one.
    pub(crate) fn read(&self, relative: &str) -> Option<(String, String)> {
        let path = self.dir.as_ref()?.join(relative);
        self.read_file(&path)
    }

    fn read_file(&self, path: &Path) -> Option<(String, String)> {
        let name = path.display().to_string();
        // Only a regular file, never waited on (a FIFO would hold up every screen that reads
        // content, the help lines too), and never more than the limit (a link to /dev/zero).
        match crate::files::read_regular(path, MAX_PACK_BYTES) {
            Ok(text) => Some((name, text)),
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => None,
            Err(e) => {
                self.report(problem(&name, 1, 1, e.to_string()));
                None
            }
        }
    }
}

fn problem(file: &str, line: usize, column: usize, message: String) -> ContentError {
    ContentError { file: file.to_owned(), line, column, message }
}

/// An item that has an id and text that must not be empty.
pub trait Item {
    fn id(&self) -> &str;
    fn texts(&self) -> Vec<&str>;
    /// Anything else that would break a screen (a breathing cycle of no length, ...).
    fn problem(&self) -> Option<String> {
        None
    }
}

/// Merges `extra` into `base` by id, after checking each item; problems name `file` and the
/// line of the item's id in `text`.
pub fn merge_items<T: Item>(base: &mut Vec<T>, extra: Vec<T>, file: &str, text: &str, packs: &Packs) {
    let mut seen = std::collections::HashSet::new();
    for item in extra {
        let id = item.id().to_owned();
        let (line, column) = locate(text, &id);
        let broken = if id.trim().is_empty() {
            Some("an item has an empty id".to_owned())
        } else if !seen.insert(id.clone()) {
            Some(format!("the id \"{id}\" is used twice in this file"))
        } else if item.texts().iter().any(|t| t.trim().is_empty()) {
            Some(format!("\"{id}\" has an empty text"))
        } else {
            item.problem().map(|p| format!("\"{id}\": {p}"))
        };
        if let Some(message) = broken {
            packs.report(problem(file, line, column, format!("{message}; the item is left out")));
            continue;
        }
        match base.iter_mut().find(|b| b.id() == id) {
            Some(existing) => *existing = item,
            None => base.push(item),
        }
    }
}

/// Where `id: "<id>"` stands in the file, 1-based, for messages; the top if it is not found.
fn locate(text: &str, id: &str) -> (usize, usize) {
    let quoted = format!("\"{id}\"");
    text.lines()
        .enumerate()
        .find_map(|(i, line)| line.find(&quoted).map(|col| (i + 1, col + 1)))
        .unwrap_or((1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Thing(&'static str, &'static str);

    impl Item for Thing {
        fn id(&self) -> &str {
            self.0
        }
        fn texts(&self) -> Vec<&str> {
            vec![self.1]
        }
    }

    #[test]
    fn packs_replace_by_id_add_new_ids_and_leave_out_broken_items() {
        let text = "[\n (id: \"a\"),\n (id: \"c\"),\n (id: \"\"),\n (id: \"c\"),\n (id: \"e\")\n]";
        let mut base = vec![Thing("a", "old"), Thing("b", "kept")];
        let packs = Packs::default();
        merge_items(
            &mut base,
            vec![
                Thing("a", "new"),
                Thing("c", "added"),
                Thing("", "x"),
                Thing("c", "again"),
                Thing("e", " "),
            ],
            "pack.ron",
            text,
            &packs,
        );
        assert_eq!(base, vec![Thing("a", "new"), Thing("b", "kept"), Thing("c", "added")]);
        let problems: Vec<String> = packs.take_problems().iter().map(|p| p.to_string()).collect();
        assert!(
            problems.iter().any(|p| p.starts_with("pack.ron:3:") && p.contains("used twice")),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains("empty id")), "{problems:?}");
        assert!(
            problems.iter().any(|p| p.starts_with("pack.ron:6:") && p.contains("empty text")),
            "{problems:?}"
        );
    }
}

#[cfg(test)]
mod breathing_pack_tests {
    use super::*;
    use crate::content::exercises::{BreathKind, BreathStep, BreathingPattern};

    fn pattern(id: &str, seconds: &[f32]) -> BreathingPattern {
        BreathingPattern {
            id: id.into(),
            name: "n".into(),
            summary: "s".into(),
            steps: seconds.iter().map(|&s| BreathStep { kind: BreathKind::In, seconds: s }).collect(),
            default_minutes: 3,
        }
    }

    #[test]
    fn a_breathing_pattern_without_time_is_left_out() {
        let mut base = vec![pattern("box", &[4.0, 4.0])];
        let text = "(id: \"slow\")\n(id: \"empty\")\n(id: \"nan\")";
        merge_items(
            &mut base,
            vec![pattern("slow", &[6.0, 6.0]), pattern("empty", &[0.0]), pattern("nan", &[f32::NAN])],
            "p.ron",
            text,
            &Packs::default(),
        );
        let ids: Vec<&str> = base.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["box", "slow"]);
    }
}

//! Content: the articles' knowledge as RON files under `data/`, embedded at compile time, and
//! held by one [`Content`] value with the content packs of one directory merged in.
//!
//! Every kind is parsed lazily, the first time a screen asks for it, and then kept: start-up
//! parses nothing that the first screen does not show.

pub mod articles;
mod cross_refs;
pub mod daily_technique;
pub mod exercises;
pub mod faq;
pub mod figures;
mod glossary;
pub mod helplines;
pub mod labels;
pub mod packs;
pub mod phases;
pub mod quiz;
pub mod relatives;
mod safety;
pub mod techniques;
#[cfg(test)]
mod text_rules;
pub mod triggers;

use std::cell::OnceCell;
use std::path::PathBuf;

use serde::de::DeserializeOwned;

use crate::i18n::Lang;

pub use faq::{Faq, FaqTopic};
pub use helplines::{Helpline, Region, RegionId};
pub use packs::Packs;
pub use quiz::{Statement, Verdict};
pub use techniques::{Reported, Tag, Technique, TechniqueGroup};

/// Where an item comes from. People see it as a readable citation ([`articles::source_line`]):
/// the article's title and topic, or that the item is mestring's own. The seed file and the
/// section heading stay in the data, to trace the text, and are never shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub enum Source {
    /// A passage of one of the two articles.
    Article {
        /// Id of the article in `articles.ron`.
        article: String,
        /// The heading of the section in the seed that holds the passage, for tracing only.
        section: String,
        /// What mestring added to the article's words (a safety note, a help line), with the
        /// general source it rests on, so the addition is not passed off as the article's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        added: Option<String>,
    },
    /// Not in the articles: mestring's own, with the general source it rests on, if any.
    Own {
        #[serde(default)]
        basis: Option<String>,
    },
    /// A content pack's own item, named as its author wants it shown (e.g. the clinic).
    Local { name: String },
}

impl Source {
    /// The article's id, for an item that comes from one.
    pub fn article(&self) -> Option<&str> {
        match self {
            Source::Article { article, .. } => Some(article),
            Source::Own { .. } | Source::Local { .. } => None,
        }
    }

    /// Whether two languages agree on where an item comes from: the same passage, and an
    /// addition or a basis in both or in neither (their words differ by language).
    #[cfg(test)]
    pub fn same_origin(&self, other: &Source) -> bool {
        match (self, other) {
            (
                Source::Article { article: a, section: s, added: x },
                Source::Article { article: b, section: t, added: y },
            ) => a == b && s == t && x.is_some() == y.is_some(),
            (Source::Own { basis: x }, Source::Own { basis: y }) => x.is_some() == y.is_some(),
            (Source::Local { name: a }, Source::Local { name: b }) => a == b,
            _ => false,
        }
    }
}

/// A RON file that did not parse, with the place of the error for a human to find it.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses one RON text, normalising every string to NFC so that search and width are stable.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    ron::from_str::<T>(text).map_err(|err| ContentError {
        file: file.to_owned(),
        line: err.span.start.line,
        column: err.span.start.col,
        message: err.code.to_string(),
    })
}

/// Embeds `data/<lang>/<name>` for both languages; the result is indexed by [`Lang`].
macro_rules! embed_per_lang {
    ($name:literal) => {
        [
            ($name, include_str!(concat!("../../data/nb/", $name))),
            ($name, include_str!(concat!("../../data/en/", $name))),
        ]
    };
}
pub(crate) use embed_per_lang;

/// Everything mestring shows from `data/`, in both languages, with the content packs of one
/// directory: each kind is parsed the first time it is asked for and kept. The app makes one
/// at start-up and keeps it for the life of the process ([`Content::leak`]), so screens can
/// hold on to the items they show.
pub struct Content {
    packs: Packs,
    articles: PerLang<articles::ArticlesFile>,
    exercises: PerLang<exercises::ExercisesFile>,
    faq: PerLang<faq::FaqFile>,
    figures: PerLang<figures::FiguresFile>,
    phases: PerLang<phases::PhasesFile>,
    quiz: PerLang<quiz::QuizFile>,
    relatives: PerLang<relatives::RelativesFile>,
    techniques: PerLang<techniques::TechniqueFile>,
    triggers: PerLang<triggers::TriggersFile>,
    helplines: OnceCell<helplines::HelplineFile>,
}

impl Content {
    /// The embedded content, with the packs in `pack_dir` merged in (none without one).
    pub fn new(pack_dir: Option<PathBuf>) -> Self {
        Self {
            packs: Packs::new(pack_dir),
            articles: articles::per_lang(),
            exercises: exercises::per_lang(),
            faq: faq::per_lang(),
            figures: figures::per_lang(),
            phases: phases::per_lang(),
            quiz: quiz::per_lang(),
            relatives: relatives::per_lang(),
            techniques: techniques::per_lang(),
            triggers: triggers::per_lang(),
            helplines: OnceCell::new(),
        }
    }

    /// [`Content::new`], kept until the process ends: what the screens show is borrowed from it
    /// for as long as they are on screen, which is the whole run.
    pub fn leak(pack_dir: Option<PathBuf>) -> &'static Content {
        Box::leak(Box::new(Content::new(pack_dir)))
    }

    /// What was wrong in the packs read since the last call (file, line and column), each once.
    pub fn take_problems(&self) -> Vec<ContentError> {
        self.packs.take_problems()
    }
}

/// Screens that derive `Debug` hold the content; its files are not worth printing.
impl std::fmt::Debug for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Content").field("packs", &self.packs).finish_non_exhaustive()
    }
}

/// One content is the same as another only if it is the same value: two made from the same
/// files could still differ by the packs read since.
impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Merges a content pack into the embedded content: `(base, pack, pack file name, pack text)`.
pub type Merge<T> = fn(&mut T, T, &str, &str, &Packs);

/// One lazily parsed content kind per language. Embedded content is validated by tests, so a
/// parse failure here is a build defect; it is reported, and the kind is shown empty. Kinds
/// with a `merge` also take the user's content pack for that kind and language, if any.
pub struct PerLang<T> {
    files: [(&'static str, &'static str); 2],
    cells: [OnceCell<T>; 2],
    merge: Option<Merge<T>>,
}

impl<T: DeserializeOwned + Default> PerLang<T> {
    pub fn new(files: [(&'static str, &'static str); 2]) -> Self {
        Self { files, cells: [OnceCell::new(), OnceCell::new()], merge: None }
    }

    pub fn with_packs(files: [(&'static str, &'static str); 2], merge: Merge<T>) -> Self {
        Self { files, cells: [OnceCell::new(), OnceCell::new()], merge: Some(merge) }
    }

    pub fn get(&self, lang: Lang, packs: &Packs) -> &T {
        let index = lang as usize;
        self.cells[index].get_or_init(|| {
            let (name, text) = self.files[index];
            let mut content = parse(&format!("data/{}/{name}", lang.code()), text).unwrap_or_else(|err| {
                packs.report(err);
                T::default()
            });
            if let Some(merge) = self.merge
                && let Some((file, text)) = packs.read(&format!("{}/{name}", lang.code()))
            {
                match parse::<T>(&file, &text) {
                    Ok(pack) => merge(&mut content, pack, &file, &text, packs),
                    Err(err) => packs.report(err),
                }
            }
            content
        })
    }

    /// Parses without caching, for tests that must see the error.
    pub fn try_parse(&self, lang: Lang) -> Result<T, ContentError> {
        let (name, text) = self.files[lang as usize];
        parse(&format!("data/{}/{name}", lang.code()), text)
    }
}

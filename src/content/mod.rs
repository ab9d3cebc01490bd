//! Content: the articles' knowledge as RON files under `data/`, embedded at compile time.
//!
//! Every kind is parsed lazily, the first time a screen asks for it, and then kept for the life
//! of the process: start-up parses nothing that the first screen does not show.

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

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::i18n::Lang;

pub use faq::{Faq, FaqTopic};
pub use helplines::{Helpline, Region, RegionId};
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

/// Merges a content pack into the embedded content: `(base, pack, pack file name, pack text)`.
pub type Merge<T> = fn(&mut T, T, &str, &str);

/// One lazily parsed content kind per language. Embedded content is validated by tests, so a
/// parse failure here is a build defect; it is reported, and the kind is shown empty. Kinds
/// with a `merge` also take the user's content pack for that kind and language, if any.
pub struct PerLang<T: 'static> {
    files: [(&'static str, &'static str); 2],
    cells: [OnceLock<T>; 2],
    merge: Option<Merge<T>>,
}

impl<T: DeserializeOwned + Default> PerLang<T> {
    pub const fn new(files: [(&'static str, &'static str); 2]) -> Self {
        Self { files, cells: [OnceLock::new(), OnceLock::new()], merge: None }
    }

    pub const fn with_packs(files: [(&'static str, &'static str); 2], merge: Merge<T>) -> Self {
        Self { files, cells: [OnceLock::new(), OnceLock::new()], merge: Some(merge) }
    }

    pub fn get(&self, lang: Lang) -> &T {
        let index = lang as usize;
        self.cells[index].get_or_init(|| {
            let (name, text) = self.files[index];
            let mut content = parse(&format!("data/{}/{name}", lang.code()), text).unwrap_or_else(|err| {
                packs::report(err);
                T::default()
            });
            if let Some(merge) = self.merge
                && let Some((file, text)) = packs::read(&format!("{}/{name}", lang.code()))
            {
                match parse::<T>(&file, &text) {
                    Ok(pack) => merge(&mut content, pack, &file, &text),
                    Err(err) => packs::report(err),
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

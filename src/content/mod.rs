//! Content: the articles' knowledge as RON files under `data/`, embedded at compile time.
//!
//! Every kind is parsed lazily, the first time a screen asks for it, and then kept for the life
//! of the process: start-up parses nothing that the first screen does not show.

mod cross_refs;
pub mod daily_technique;
pub mod exercises;
pub mod faq;
pub mod figures;
pub mod helplines;
pub mod labels;
pub mod packs;
pub mod phases;
pub mod quiz;
pub mod relatives;
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

/// Where an item comes from: the seed article and the section in it, so it can be traced.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct Source {
    /// File name under `shared/seeds/`, e.g. `000_3c85f47529e58ea8.txt`.
    pub seed: String,
    /// The heading of the article's section the item comes from.
    pub section: String,
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

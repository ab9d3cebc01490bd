//! Questions and answers from both articles, grouped by topic.

use serde::{Deserialize, Serialize};

use super::{PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum FaqTopic {
    /// Treatment, and how mental health and substance use interact.
    Treatment,
    /// Quitting step by step, and relapse.
    Quitting,
    /// Motivation during rehabilitation.
    Motivation,
    /// Questions from relatives (pårørende).
    Relatives,
}

impl FaqTopic {
    pub const ALL: [FaqTopic; 4] =
        [FaqTopic::Treatment, FaqTopic::Quitting, FaqTopic::Motivation, FaqTopic::Relatives];
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Faq {
    /// English kebab-case, the same in every language.
    pub id: String,
    pub topic: FaqTopic,
    pub question: String,
    pub answer: String,
    pub source: Source,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct FaqFile {
    pub items: Vec<Faq>,
}

static FAQ: PerLang<FaqFile> = PerLang::new(embed_per_lang!("faq.ron"));

/// All questions in one language, in file order (grouped by topic).
pub fn all(lang: Lang) -> &'static [Faq] {
    &FAQ.get(lang).items
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<FaqFile, super::ContentError> {
    FAQ.try_parse(lang)
}

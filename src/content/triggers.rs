//! The check-in's default triggers. Article 000 advises mapping what sets off the urge (stress,
//! loneliness, ...); offering a short list to tick makes that a few keystrokes instead of a blank
//! page, and the ids let the history count triggers across languages.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Trigger {
    /// English kebab-case, the same in every language. Stored with each check-in, so an id must
    /// never change once released; only the label may.
    pub id: String,
    /// One to three words, to fit a row of checkboxes.
    pub label: String,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct TriggersFile {
    pub items: Vec<Trigger>,
}

pub(super) fn per_lang() -> PerLang<TriggersFile> {
    PerLang::new(embed_per_lang!("triggers.ron"))
}

/// The default triggers in one language, in the order they are offered.
pub fn all(content: &Content, lang: Lang) -> &[Trigger] {
    &content.triggers.get(lang, &content.packs).items
}

/// The label for a stored id, or `None` for an id this version does not know.
pub fn label<'a>(content: &'a Content, lang: Lang, id: &str) -> Option<&'a str> {
    all(content, lang).iter().find(|t| t.id == id).map(|t| t.label.as_str())
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<TriggersFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    const IDS: [&str; 16] = [
        "stress",
        "loneliness",
        "conflict",
        "boredom",
        "tiredness",
        "places",
        "people",
        "celebrations",
        "money-worries",
        "pain",
        "anxiety",
        "low-mood",
        "hunger",
        "payday",
        "alcohol-around",
        "social-media",
    ];

    fn files() -> [TriggersFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(all(&Content::new(None), lang).len(), IDS.len(), "{}", lang.code());
            assert!(label(&Content::new(None), lang, "stress").is_some());
            assert_eq!(label(&Content::new(None), lang, "no-such-trigger"), None);
        }
    }

    #[test]
    fn ids_are_the_expected_ones_unique_and_in_the_same_order() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let ids: Vec<&str> = file.items.iter().map(|t| t.id.as_str()).collect();
            let unique: HashSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{}: duplicate id", lang.code());
            assert_eq!(ids, IDS, "{}", lang.code());
        }
    }

    #[test]
    fn labels_are_short_clean_and_distinct() {
        use unicode_normalization::is_nfc;
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let mut seen = HashSet::new();
            for trigger in &file.items {
                let label = trigger.label.as_str();
                let words = label.split_whitespace().count();
                assert!((1..=3).contains(&words), "{lang}: {} is {words} words", trigger.id);
                assert_eq!(label, label.trim(), "{lang}: {}", trigger.id);
                assert!(is_nfc(label), "{lang}: {}", trigger.id);
                assert!(!trigger.id.is_empty());
                assert!(seen.insert(label.to_lowercase()), "{lang}: {label} twice");
            }
        }
    }
}

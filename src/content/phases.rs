//! The ten phases of help and support from article 000's table. They let a person see where they
//! are on the way, and that every phase has its own kind of help, a relapse included.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Phase {
    /// English kebab-case, the same in every language.
    pub id: String,
    /// The phase's place in the article's table (1-10); the phases are a sequence, not a menu.
    pub number: u8,
    pub name: String,
    pub what_happens: String,
    /// The kinds of help that fit this phase, from the article's "examples of support".
    pub support: Vec<String>,
    /// One to three small actions, so that reading about a phase can end in doing something.
    pub try_now: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct PhasesFile {
    pub items: Vec<Phase>,
}

pub(super) fn per_lang() -> PerLang<PhasesFile> {
    PerLang::new(embed_per_lang!("phases.ron"))
}

/// All phases in one language, in the article's order.
pub fn all(content: &Content, lang: Lang) -> &[Phase] {
    &content.phases.get(lang, &content.packs).items
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<PhasesFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    /// The rows of article 000's table "Vanlige faser i ruavhengighet hjelp og støtte", in order.
    const IDS: [&str; 10] = [
        "assessment",
        "motivation",
        "treatment",
        "skills-training",
        "social-support",
        "follow-up",
        "quality-of-life",
        "adjustment",
        "handling-relapse",
        "long-term-stability",
    ];

    fn files() -> [PhasesFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            let file = try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            let code = lang.code();
            assert_eq!(file.items.len(), IDS.len(), "{code}");
            assert_eq!(all(&Content::new(None), lang).len(), IDS.len(), "{code}");
        }
    }

    #[test]
    fn ids_are_unique_expected_and_in_the_articles_order() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let ids: Vec<&str> = file.items.iter().map(|p| p.id.as_str()).collect();
            let unique: HashSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{lang}: duplicate id");
            assert_eq!(ids, IDS, "{lang}");
        }
    }

    #[test]
    fn numbers_run_one_to_ten() {
        for file in files() {
            let numbers: Vec<u8> = file.items.iter().map(|p| p.number).collect();
            assert_eq!(numbers, (1..=10).collect::<Vec<u8>>());
        }
    }

    #[test]
    fn languages_agree_on_ids_numbers_and_sources() {
        let [nb, en] = files();
        for (a, b) in nb.items.iter().zip(&en.items) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.number, b.number, "{}", a.id);
            assert!(a.source.same_origin(&b.source), "{}", a.id);
        }
    }

    #[test]
    fn every_phase_has_support_and_one_to_three_things_to_try() {
        for file in files() {
            for phase in &file.items {
                assert!(!phase.support.is_empty(), "{}", phase.id);
                assert!((1..=3).contains(&phase.try_now.len()), "{}", phase.id);
            }
        }
    }

    #[test]
    fn text_is_present_clean_and_person_first() {
        for (lang, file) in LANGS.iter().zip(files()) {
            crate::content::text_rules::assert_clean(lang.code(), &file);
        }
    }

    #[test]
    fn withdrawal_is_never_mentioned_without_a_doctor() {
        for file in files() {
            let treatment = file.items.iter().find(|p| p.id == "treatment").unwrap();
            assert!(treatment.what_happens.contains("116 117"));
        }
    }
}

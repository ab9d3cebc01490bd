//! Questions and answers from both articles, grouped by topic.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
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
    /// The topic's heading in the interface language.
    pub fn name(self, s: &crate::i18n::Strings) -> &'static str {
        match self {
            FaqTopic::Treatment => s.topic_treatment,
            FaqTopic::Quitting => s.topic_quitting,
            FaqTopic::Motivation => s.topic_motivation,
            FaqTopic::Relatives => s.topic_relatives,
        }
    }
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

pub(super) fn per_lang() -> PerLang<FaqFile> {
    PerLang::with_packs(embed_per_lang!("faq.ron"), |base, pack, file, text, packs| {
        super::packs::merge_items(&mut base.items, pack.items, file, text, packs)
    })
}

impl super::packs::Item for Faq {
    fn id(&self) -> &str {
        &self.id
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.question, &self.answer]
    }
}

/// All questions in one language, in file order (grouped by topic).
pub fn all(content: &Content, lang: Lang) -> &[Faq] {
    &content.faq.get(lang, &content.packs).items
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<FaqFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use unicode_normalization::UnicodeNormalization;

    use super::*;

    /// Every question of both articles, by id, written from the seeds' five FAQ lists.
    const EXPECTED: &[&str] = &[
        // 000: "Ofte stilte spørsmål – Hva lurer flest på om behandling og psykisk helse?"
        "why-treat-both",
        "can-i-manage-without-professional-help",
        "choose-coping-techniques",
        "what-support-means",
        "is-it-scary-to-ask-for-help",
        // 000: "Ofte stilte spørsmål om steg-for-steg metoder for å slutte med rus"
        "how-long-until-results",
        "combine-techniques",
        "what-if-i-relapse",
        "can-i-quit-without-help",
        "stay-motivated-over-time",
        // 001: "Ofte stilte spørsmål (FAQ)"
        "what-matters-most-for-motivation",
        "inner-or-outer-motivation",
        "motivate-someone-unwilling",
        "how-relatives-can-help-motivation",
        "motivation-vs-willpower",
        "how-long-to-keep-up-motivation",
        "can-digital-support-help",
        "combine-mental-health-and-substance-care",
        // 001: "Ofte stilte spørsmål (FAQ) om psykisk helse og rus og motivasjon"
        "motivation-with-mental-illness",
        "does-mental-health-affect-my-use",
        "normal-to-lose-motivation",
        "involve-family-in-recovery",
        "best-treatments-for-both",
        "no-motivation-at-all",
        "digital-tools-for-motivation",
        // 001: "Vanlige spørsmål for pårørende"
        "relative-refuses-help",
        "avoid-burnout-as-relative",
        "join-treatment-meetings",
        "handle-conflicts",
        "feeling-responsible-as-relative",
        "support-motivation-as-relative",
        "financial-support-for-relatives",
    ];

    fn ids(file: &FaqFile) -> Vec<&str> {
        file.items.iter().map(|f| f.id.as_str()).collect()
    }

    #[test]
    fn every_language_parses_and_holds_every_question_of_the_articles_once() {
        for lang in Lang::ALL {
            let file = try_parse(lang).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
            let ids = ids(&file);
            let unique: HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "duplicate ids in {}", lang.code());
            let expected: HashSet<_> = EXPECTED.iter().collect();
            assert_eq!(unique, expected, "{}: ids differ from the articles' questions", lang.code());
        }
    }

    #[test]
    fn both_languages_have_the_same_items_in_the_same_order_and_topics() {
        let nb = try_parse(Lang::Nb).unwrap();
        let en = try_parse(Lang::En).unwrap();
        assert_eq!(ids(&nb), ids(&en));
        for (a, b) in nb.items.iter().zip(&en.items) {
            assert_eq!(a.topic, b.topic, "{}", a.id);
            assert!(a.source.same_origin(&b.source), "{}", a.id);
        }
    }

    #[test]
    fn no_field_is_empty_and_text_is_nfc() {
        for lang in Lang::ALL {
            for item in try_parse(lang).unwrap().items {
                for text in [&item.question, &item.answer] {
                    assert!(!text.trim().is_empty(), "{} has an empty field", item.id);
                    assert_eq!(text.nfc().collect::<String>(), *text, "{} is not NFC", item.id);
                }
            }
        }
    }

    #[test]
    fn text_is_clean_and_person_first() {
        for lang in Lang::ALL {
            crate::content::text_rules::assert_clean(lang.code(), &try_parse(lang).unwrap());
        }
    }

    #[test]
    fn items_are_grouped_by_topic_in_topic_order() {
        for lang in Lang::ALL {
            let topics: Vec<_> = try_parse(lang).unwrap().items.iter().map(|f| f.topic).collect();
            assert!(topics.is_sorted(), "{}: topics are not grouped in order", lang.code());
        }
    }

    #[test]
    fn quitting_without_help_names_the_doctor() {
        for lang in Lang::ALL {
            let file = try_parse(lang).unwrap();
            for id in ["can-i-quit-without-help", "can-i-manage-without-professional-help"] {
                let item = file.items.iter().find(|f| f.id == id).unwrap();
                assert!(item.answer.contains("116 117"), "{id} ({}) must name legevakt", lang.code());
            }
        }
    }
}

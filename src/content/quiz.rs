//! "Myte eller fakta": statements about recovery to judge. Many beliefs the articles take apart
//! ("just pull yourself together", "a relapse means failure") keep people from seeking help;
//! meeting them as a question, with a kind explanation, loosens them better than a lecture.
//!
//! Statements are about ideas, never the articles' percentages: those come without real
//! citations and must not be learnt as facts.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Verdict {
    /// A common belief that is false.
    Myth,
    /// A true claim.
    Fact,
}

/// Unknown fields are refused so that a misspelt field fails the content tests instead of being
/// ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// English kebab-case, the same in every language; quiz progress is stored by it.
    pub id: String,
    /// Phrased so a person can judge it true or false.
    pub text: String,
    pub verdict: Verdict,
    /// Shown after answering, right or wrong: one to three warm sentences, never shaming.
    pub explanation: String,
    pub source: Source,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct QuizFile {
    pub items: Vec<Statement>,
}

pub(super) fn per_lang() -> PerLang<QuizFile> {
    PerLang::with_packs(embed_per_lang!("quiz.ron"), |base, pack, file, text, packs| {
        super::packs::merge_items(&mut base.items, pack.items, file, text, packs)
    })
}

impl super::packs::Item for Statement {
    fn id(&self) -> &str {
        &self.id
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.text, &self.explanation]
    }
}

/// All statements in one language, in file order (myths and facts mixed).
pub fn all(content: &Content, lang: Lang) -> &[Statement] {
    &content.quiz.get(lang, &content.packs).items
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<QuizFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    /// From article 000's three myth lists and its text, and article 001's FAQs and relatives'
    /// questions.
    const MYTHS: [&str; 16] = [
        "willpower-is-enough",
        "mental-health-unrelated",
        "all-treatment-is-the-same",
        "there-is-a-quick-fix",
        "going-alone-shows-strength",
        "family-support-means-conflict",
        "help-means-losing-control",
        "sober-life-is-problem-free",
        "a-slip-means-failure",
        "cut-off-everyone",
        "motivation-must-come-from-within",
        "feel-motivated-first",
        "mental-illness-means-no-point",
        "no-point-if-not-ready",
        "relatives-must-fix-it",
        "self-care-is-selfish",
    ];
    const FACTS: [&str; 16] = [
        "substance-use-as-coping",
        "treat-both-together",
        "tailored-treatment",
        "recovery-is-a-process",
        "asking-for-help-is-brave",
        "family-support-helps",
        "sober-life-takes-practice",
        "a-slip-can-teach",
        "combine-techniques",
        "different-techniques-suit-different-people",
        "know-your-triggers",
        "motivation-differs-from-willpower",
        "motivation-comes-and-goes",
        "digital-tools-supplement",
        "relatives-can-set-boundaries",
        "relatives-welcome-at-meetings",
    ];
    /// Words that label people by their illness; the content speaks of people, not of "addicts".
    /// Whole words only, so "addiction" and "rusavhengighet" stay allowed.
    fn labels_people(text: &str) -> Option<&str> {
        const STEMS: [&str; 4] = ["rusmisbruker", "misbruker", "narkoman", "rusavhengige"];
        const WORDS: [&str; 4] = ["addict", "addicts", "junkie", "junkies"];
        text.split(|c: char| !c.is_alphanumeric()).find(|word| {
            let word = word.to_lowercase();
            STEMS.iter().any(|stem| word.starts_with(stem)) || WORDS.contains(&word.as_str())
        })
    }

    fn files() -> [QuizFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    fn count(file: &QuizFile, verdict: Verdict) -> usize {
        file.items.iter().filter(|s| s.verdict == verdict).count()
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            let file = try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(all(&Content::new(None), lang).len(), file.items.len(), "{}", lang.code());
        }
    }

    #[test]
    fn ids_are_unique() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let mut seen = HashSet::new();
            for item in &file.items {
                assert!(seen.insert(&item.id), "{}: duplicate id {}", lang.code(), item.id);
            }
        }
    }

    #[test]
    fn every_expected_statement_is_present_with_its_verdict() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let expected = MYTHS
                .iter()
                .map(|id| (*id, Verdict::Myth))
                .chain(FACTS.iter().map(|id| (*id, Verdict::Fact)));
            for (id, verdict) in expected {
                let item = file.items.iter().find(|s| s.id == id);
                let item = item.unwrap_or_else(|| panic!("{lang}: missing {id}"));
                assert_eq!(item.verdict, verdict, "{lang}: {id}");
            }
            assert_eq!(file.items.len(), MYTHS.len() + FACTS.len(), "{lang}: unlisted statements");
        }
    }

    #[test]
    fn myths_and_facts_are_balanced() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let (myths, facts) = (count(&file, Verdict::Myth), count(&file, Verdict::Fact));
            assert!(myths >= 12 && facts >= 12, "{}: {myths} myths, {facts} facts", lang.code());
            assert!(myths.abs_diff(facts) <= 2, "{}: {myths} myths, {facts} facts", lang.code());
        }
    }

    #[test]
    fn languages_agree_on_everything_but_the_words() {
        let [nb, en] = files();
        let ids = |f: &QuizFile| f.items.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&nb), ids(&en));
        for (a, b) in nb.items.iter().zip(&en.items) {
            assert_eq!(a.verdict, b.verdict, "{}", a.id);
            assert!(a.source.same_origin(&b.source), "{}", a.id);
        }
    }

    #[test]
    fn every_text_is_present_kind_and_free_of_figures() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            for s in &file.items {
                let fields = [("id", &s.id), ("text", &s.text), ("explanation", &s.explanation)];
                for (field, value) in fields {
                    assert!(!value.trim().is_empty(), "{lang}: {} has an empty {field}", s.id);
                }
                // Not the source: its section quotes the article's heading verbatim.
                for (field, value) in [("text", &s.text), ("explanation", &s.explanation)] {
                    let word = labels_people(value);
                    assert!(word.is_none(), "{lang}: {}.{field} says {word:?}", s.id);
                }
                for (field, value) in [("text", &s.text), ("explanation", &s.explanation)] {
                    assert!(
                        !value.contains('%') && !value.chars().any(|c| c.is_ascii_digit()),
                        "{lang}: {}.{field} has a figure; statements are about ideas",
                        s.id
                    );
                }
                let sentences = s.explanation.matches(['.', '!', '?']).count();
                assert!((1..=3).contains(&sentences), "{lang}: {} explanation length", s.id);
            }
        }
    }

    #[test]
    fn text_is_clean_and_person_first() {
        for lang in Lang::ALL {
            crate::content::text_rules::assert_clean(lang.code(), &try_parse(lang).unwrap());
        }
    }
}

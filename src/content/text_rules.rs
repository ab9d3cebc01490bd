//! Rules every content file is tested for, in one place: no empty text, NFC, no emoji, and
//! person-first words (CONTENT.md). Section headings in `source` are the articles' own words,
//! kept so the source can be found, and are not held to the wording rule.

use serde::Serialize;
use unicode_normalization::is_nfc;

use super::{Source, articles, exercises, faq, figures, phases, quiz, relatives, techniques, triggers};
use crate::i18n::Lang;

/// Words that label people by their illness; the content speaks of people, not of "addicts".
pub const STIGMA: [&str; 9] = [
    "rusmisbruker",
    "rusmisbrukere",
    "rusmisbrukeren",
    "rusmisbrukerne",
    "rusavhengige",
    "narkoman",
    "narkomane",
    "addict",
    "addicts",
];

/// Every string in `value` with its path (`.items[3].name`), so a failing check names the field.
pub fn strings(value: &impl Serialize) -> Vec<(String, String)> {
    fn walk(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(s) => out.push((path, s.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    walk(item, format!("{path}.{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(value).expect("content serialises"), String::new(), &mut out);
    out
}

/// Asserts the rules above for every string of one content file in one language.
pub fn assert_clean(lang: &str, file: &impl Serialize) {
    for (path, text) in strings(file) {
        assert!(!text.trim().is_empty(), "{lang}{path} is empty");
        assert!(is_nfc(&text), "{lang}{path} is not NFC");
        assert!(
            !text.chars().any(|c| matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)),
            "{lang}{path} has an emoji"
        );
        if path.contains(".source.") {
            continue;
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            assert!(!STIGMA.contains(&word.as_str()), "{lang}{path}: {word}");
        }
    }
}

/// Every content file of one language as JSON, with its name, for checks that span all kinds.
pub fn files(lang: Lang) -> Vec<(&'static str, serde_json::Value)> {
    fn json<T: Serialize, E: std::fmt::Display>(parsed: Result<T, E>) -> serde_json::Value {
        let parsed = parsed.unwrap_or_else(|err| panic!("{err}"));
        serde_json::to_value(parsed).expect("content serialises")
    }
    vec![
        ("articles.ron", json(articles::try_parse(lang))),
        ("exercises.ron", json(exercises::try_parse(lang))),
        ("faq.ron", json(faq::try_parse(lang))),
        ("figures.ron", json(figures::try_parse(lang))),
        ("phases.ron", json(phases::try_parse(lang))),
        ("quiz.ron", json(quiz::try_parse(lang))),
        ("relatives.ron", json(relatives::try_parse(lang))),
        ("techniques.ron", json(techniques::try_parse(lang))),
        ("triggers.ron", json(triggers::try_parse(lang))),
    ]
}

/// Every `source` in a file, with its path.
pub fn sources(value: &serde_json::Value) -> Vec<(String, Source)> {
    fn walk(value: &serde_json::Value, path: String, out: &mut Vec<(String, Source)>) {
        match value {
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    if key == "source" {
                        let source = serde_json::from_value(item.clone()).expect("a source");
                        out.push((format!("{path}.source"), source));
                    } else {
                        walk(item, format!("{path}.{key}"), out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

//! Checks on what mestring adds to the articles for safety: withdrawal warnings name GHB/GBL
//! beside alcohol, benzodiazepines and opioids and say what to do on a suspected overdose, and
//! every addition of that kind, or a help line's number, is cited as mestring's own, never as
//! the article's.

#[cfg(test)]
mod tests {
    use crate::content::{Source, helplines, text_rules};
    use crate::i18n::Lang;

    /// Each item that has a `source`, with its strings (the source's own left out).
    fn items(value: &serde_json::Value, path: String, out: &mut Vec<(String, Source, Vec<String>)>) {
        match value {
            serde_json::Value::Array(list) => {
                for (i, item) in list.iter().enumerate() {
                    items(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                if let Some(source) = map.get("source") {
                    let texts = map
                        .iter()
                        .filter(|(key, _)| *key != "source")
                        .flat_map(|(_, v)| text_rules::strings(v).into_iter().map(|(_, s)| s))
                        .collect();
                    let source = serde_json::from_value(source.clone()).expect("a source");
                    out.push((path, source, texts));
                } else {
                    for (key, item) in map {
                        items(item, format!("{path}.{key}"), out);
                    }
                }
            }
            _ => {}
        }
    }

    fn all_items(lang: Lang) -> Vec<(String, Source, Vec<String>)> {
        let mut out = Vec::new();
        for (name, value) in text_rules::files(lang) {
            if name != "figures.ron" && name != "articles.ron" {
                items(&value, name.to_owned(), &mut out);
            }
        }
        out
    }

    #[test]
    fn withdrawal_warnings_name_ghb_and_say_what_to_do_on_an_overdose() {
        let checks = [
            (Lang::Nb, "benzodiazepin", ["stabilt sideleie", "nalokson nesespray"]),
            (Lang::En, "benzodiazepine", ["recovery position", "naloxone nasal spray"]),
        ];
        let mut warnings = 0;
        for (lang, benzo, overdose) in checks {
            for (path, _, texts) in all_items(lang) {
                let text = texts.join(" ");
                if !text.contains(benzo) {
                    continue;
                }
                warnings += 1;
                assert!(text.contains("GHB/GBL"), "{path}: withdrawal without GHB/GBL");
                assert!(text.contains("113"), "{path}: no 113");
                for words in overdose {
                    assert!(text.contains(words), "{path}: no \"{words}\"");
                }
            }
        }
        assert!(warnings >= 8, "the warnings are where they were: {warnings}");
    }

    /// The articles name no help line and give no safety advice; where the content does, the
    /// item says it is mestring's addition (or wholly mestring's own).
    #[test]
    fn help_lines_and_safety_advice_are_cited_as_mestrings_own() {
        let file = helplines::try_parse().unwrap();
        let numbers: Vec<String> =
            file.regions.iter().flat_map(|r| &r.lines).map(|l| l.number.clone()).collect();
        for lang in Lang::ALL {
            for (path, source, texts) in all_items(lang) {
                let text = texts.join(" ");
                let named = numbers.iter().find(|n| contains_number(&text, n));
                let advice = ["GHB", "nalokson", "naloxone"].into_iter().find(|w| text.contains(w));
                if named.is_none() && advice.is_none() {
                    continue;
                }
                let marked = match &source {
                    Source::Article { added, .. } => added.is_some(),
                    Source::Own { .. } => true,
                    Source::Local { .. } => false,
                };
                assert!(marked, "{}/{path}: {named:?} {advice:?} is not marked as mestring's", lang.code());
            }
        }
    }

    /// "113" as a number of its own, not inside "1130" or a date.
    fn contains_number(text: &str, number: &str) -> bool {
        text.match_indices(number).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + number.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
        })
    }
}

//! The glossary in `data/glossary.ron`: one term per idea in each language. The test holds the
//! whole content of a language to it, so a rejected variant cannot creep back in.

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use crate::content::{helplines, text_rules};
    use crate::i18n::Lang;

    #[derive(Deserialize)]
    struct Term {
        idea: String,
        #[serde(rename = "use")]
        preferred: String,
        not: Vec<String>,
    }

    #[derive(Deserialize)]
    struct Glossary {
        nb: Vec<Term>,
        en: Vec<Term>,
    }

    fn glossary() -> Glossary {
        crate::content::parse("data/glossary.ron", include_str!("../../data/glossary.ron"))
            .unwrap_or_else(|err| panic!("{err}"))
    }

    /// Every string a person can read in `lang`, with where it is; the articles' headings kept
    /// for tracing are left out, they are the articles' words.
    fn content(lang: Lang) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, value) in text_rules::files(lang) {
            for (path, text) in text_rules::strings(&value) {
                if !path.ends_with(".section") {
                    out.push((format!("{name}{path}"), text));
                }
            }
        }
        for region in helplines::try_parse().unwrap().regions {
            for line in region.lines {
                let texts = [&line.description, &line.hours].into_iter().chain(&line.note);
                out.extend(texts.map(|t| (format!("helplines.ron {}", line.id), t.get(lang).to_owned())));
            }
        }
        out
    }

    /// Whether `text` holds `word` as a word or phrase of its own (case aside): "diet" is not
    /// in "dietary", "addict" is not in "addiction".
    fn holds(text: &str, word: &str) -> bool {
        let (text, word) = (text.to_lowercase(), word.to_lowercase());
        let part = |c: char| c.is_alphanumeric() || c == '\'';
        text.match_indices(&word).any(|(at, _)| {
            !text[..at].chars().next_back().is_some_and(part)
                && !text[at + word.len()..].chars().next().is_some_and(part)
        })
    }

    #[test]
    fn no_rejected_variant_appears_in_its_language() {
        let glossary = glossary();
        for (lang, terms) in [(Lang::Nb, &glossary.nb), (Lang::En, &glossary.en)] {
            let content = content(lang);
            assert!(content.len() > 1000, "{}: the content was read", lang.code());
            for term in terms {
                assert!(!term.idea.is_empty() && !term.preferred.is_empty() && !term.not.is_empty());
                for variant in &term.not {
                    for (path, text) in &content {
                        assert!(
                            !holds(text, variant),
                            "{}: {path} says \"{variant}\"; the glossary says \"{}\" ({})",
                            lang.code(),
                            term.preferred,
                            term.idea
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_variant_is_found_as_a_word_and_only_as_a_word() {
        assert!(holds("Don't stop now", "don't"));
        assert!(holds("et sterkt Rustrang.", "rustrang"));
        assert!(!holds("a dietary note", "diet"));
        assert!(!holds("addiction is an illness", "addict"));
        assert!(holds("be patient, also on the days when", "also on the days"));
    }

    /// The preferred words are in use, so the glossary describes the content and not a wish.
    #[test]
    fn the_preferred_words_for_the_settled_ideas_are_used() {
        for (lang, words) in [
            (Lang::Nb, ["sug", "arbeidstrening", "kosthold"]),
            (Lang::En, ["craving", "work training", "nutrition"]),
        ] {
            let content = content(lang);
            for word in words {
                assert!(content.iter().any(|(_, text)| holds(text, word)), "{}: {word}", lang.code());
            }
        }
    }
}

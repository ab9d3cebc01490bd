//! How a stored label reads on screen: check-ins store content ids (`stress`,
//! `breathe-through-the-urge`) or the user's own words; ids show in the interface language,
//! the user's words as they wrote them.

use super::{Content, techniques, triggers};
use crate::i18n::Lang;

/// A trigger's label: the content label for a known id, else the user's own words.
pub fn trigger<'a>(content: &'a Content, lang: Lang, stored: &'a str) -> &'a str {
    triggers::label(content, lang, stored).unwrap_or(stored)
}

/// What helped: a technique's name for a known id, else the user's own words.
pub fn helped<'a>(content: &'a Content, lang: Lang, stored: &'a str) -> &'a str {
    technique_name(content, lang, stored).unwrap_or(stored)
}

pub fn technique_name<'a>(content: &'a Content, lang: Lang, id: &str) -> Option<&'a str> {
    techniques::all(content, lang).iter().find(|t| t.id == id).map(|t| t.name.as_str())
}

/// The stored form of something the user typed: the id when it names a default trigger in
/// either language ("Stress", "ensomhet"), so counts add up across languages.
pub fn trigger_id_for(content: &Content, typed: &str) -> String {
    let typed = typed.trim();
    for lang in Lang::ALL {
        if let Some(t) =
            triggers::all(content, lang).iter().find(|t| t.id == typed || t.label.eq_ignore_ascii_case(typed))
        {
            return t.id.clone();
        }
    }
    typed.to_owned()
}

/// Like [`trigger_id_for`], for technique names.
pub fn helped_id_for(content: &Content, typed: &str) -> String {
    let typed = typed.trim();
    for lang in Lang::ALL {
        if let Some(t) = techniques::all(content, lang)
            .iter()
            .find(|t| t.id == typed || t.name.eq_ignore_ascii_case(typed))
        {
            return t.id.clone();
        }
    }
    typed.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_in_the_interface_language_and_own_words_as_written() {
        assert_eq!(trigger(&Content::new(None), Lang::Nb, "loneliness"), "Ensomhet");
        assert_eq!(trigger(&Content::new(None), Lang::En, "loneliness"), "Loneliness");
        assert_eq!(trigger(&Content::new(None), Lang::Nb, "Svigermor"), "Svigermor");
        assert_eq!(trigger_id_for(&Content::new(None), "ensomhet"), "loneliness");
        assert_eq!(trigger_id_for(&Content::new(None), " Loneliness "), "loneliness");
        assert_eq!(trigger_id_for(&Content::new(None), "Svigermor"), "Svigermor");
        assert_eq!(helped_id_for(&Content::new(None), "mindfulness"), "mindfulness");
        assert_eq!(helped(&Content::new(None), Lang::Nb, "gikk tur"), "gikk tur");
    }
}

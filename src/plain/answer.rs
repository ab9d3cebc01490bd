//! What a typed line means: a number, one of the words everywhere (`?`, `!`, `q`, `0`), or a
//! word of the choices on screen, which may be shortened while it fits only one of them.

use crate::i18n::PlainText;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Enter alone: keep the value, or read on.
    Empty,
    Number(usize),
    Help,
    Crisis,
    Quit,
    /// `0` or "back": one level up.
    Back,
    /// "menu": straight to the menu.
    Menu,
    /// Anything else, trimmed.
    Words(String),
}

pub fn parse(line: &str, t: &PlainText) -> Answer {
    let text = line.trim();
    let lower = text.to_lowercase();
    match lower.as_str() {
        "" => Answer::Empty,
        "?" => Answer::Help,
        "!" => Answer::Crisis,
        "q" => Answer::Quit,
        "0" => Answer::Back,
        w if w == t.words_back => Answer::Back,
        w if w == t.words_menu => Answer::Menu,
        _ => match text.parse::<usize>() {
            Ok(n) => Answer::Number(n),
            Err(_) => Answer::Words(text.to_owned()),
        },
    }
}

/// A choice named by words, with the short key that also picks it (the full-screen mode's key,
/// so the plain mode teaches the keys too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named<T> {
    pub key: Option<String>,
    pub words: String,
    pub value: T,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Found<'a, T> {
    One(&'a Named<T>),
    Several(Vec<&'a Named<T>>),
    None,
}

/// The choice `typed` names: its key exactly, its words, or the start of its words (or of one
/// of them) when that fits one choice only.
pub fn find<'a, T>(typed: &str, choices: &'a [Named<T>]) -> Found<'a, T> {
    if let Some(c) = choices.iter().find(|c| c.key.as_deref() == Some(typed)) {
        return Found::One(c);
    }
    let typed = normalise(typed);
    if let Some(c) = choices.iter().find(|c| normalise(&c.words) == typed) {
        return Found::One(c);
    }
    let fits: Vec<&Named<T>> = choices
        .iter()
        .filter(|c| {
            let words = normalise(&c.words);
            words.starts_with(&typed) || words.split(' ').any(|w| w.starts_with(&typed))
        })
        .collect();
    match fits.len() {
        0 => Found::None,
        1 => Found::One(fits[0]),
        _ => Found::Several(fits),
    }
}

/// Lower case, one space between words: "Neste  Side" is "neste side".
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn named(key: Option<&str>, words: &str) -> Named<&'static str> {
        Named { key: key.map(str::to_owned), words: words.to_owned(), value: "" }
    }

    #[test]
    fn numbers_and_the_words_of_every_screen_are_read_first() {
        let t = &Lang::Nb.strings().plain;
        assert_eq!(parse(" 12 ", t), Answer::Number(12));
        assert_eq!(parse("0", t), Answer::Back);
        assert_eq!(parse("Tilbake", t), Answer::Back);
        assert_eq!(parse("MENY", t), Answer::Menu);
        assert_eq!(parse("Q", t), Answer::Quit);
        assert_eq!(parse("!", t), Answer::Crisis);
        assert_eq!(parse("?", t), Answer::Help);
        assert_eq!(parse("   ", t), Answer::Empty);
        assert_eq!(parse("neste side", t), Answer::Words("neste side".to_owned()));
    }

    #[test]
    fn a_word_may_be_shortened_while_it_fits_one_choice() {
        let choices =
            [named(Some("v"), "neste visning"), named(None, "neste side"), named(Some("f"), "favoritt")];
        assert_eq!(find("v", &choices), Found::One(&choices[0]));
        assert_eq!(find("Neste  Side", &choices), Found::One(&choices[1]));
        assert_eq!(find("fav", &choices), Found::One(&choices[2]));
        assert_eq!(find("visn", &choices), Found::One(&choices[0]), "the start of a later word");
        assert_eq!(find("neste", &choices), Found::Several(vec![&choices[0], &choices[1]]));
        assert_eq!(find("hopp", &choices), Found::None);
        let views = [named(Some("v"), "neste visning"), named(Some("V"), "forrige visning")];
        assert_eq!(find("V", &views), Found::One(&views[1]), "a key is exact, before any word");
    }
}

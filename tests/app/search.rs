//! Searching questions and techniques: whole words and word beginnings, never letters picked
//! from here and there, and an honest "no matches".

use crate::support::app::{app, content, faq_app, feed, go, text, type_text};
use mestring::action::Action;
use mestring::app::Tab;
use mestring::content::{faq, techniques};
use mestring::i18n::Lang;

fn searched_faq(lang: Lang, query: &str) -> mestring::app::App {
    let mut app = faq_app(lang, 80, 24);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, query);
    app
}

/// Each word of `text`, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).filter(|w| !w.is_empty()).collect()
}

#[test]
fn letters_scattered_over_a_question_are_no_match() {
    // No question or answer has the word "røyk": no letters picked from "rus" and "og".
    let app = searched_faq(Lang::Nb, "royk");
    assert_eq!(app.faq().visible_count(), 0);
    assert!(text(&app, 80, 24).contains("Ingen treff"), "{}", text(&app, 80, 24));
}

#[test]
fn an_ascii_spelling_finds_the_word_and_only_the_word() {
    // The questions say "særlig" (especially), never "ærlig" (honest): no matches there.
    assert_eq!(searched_faq(Lang::Nb, "aerlig").faq().visible_count(), 0);
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Techniques);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "aerlig");
    let mut ids = app.techniques().visible_ids();
    let mut expected: Vec<&str> = techniques::all(content(), Lang::Nb)
        .iter()
        .filter(|t| {
            words(&format!("{} {} {}", t.name, t.summary, t.steps.join(" ")))
                .iter()
                .any(|w| w.starts_with("ærlig"))
        })
        .map(|t| t.id.as_str())
        .collect();
    assert!(!expected.is_empty());
    ids.sort_unstable();
    expected.sort_unstable();
    assert_eq!(ids, expected, "every technique with \"ærlig\", and no other");
}

#[test]
fn a_word_beginning_finds_longer_words_and_whole_words_come_first() {
    let app = searched_faq(Lang::Nb, "paror");
    let items = faq::all(content(), Lang::Nb);
    let ids = app.faq().visible_ids();
    assert!(ids.len() > 1, "{ids:?}");
    let first = items.iter().find(|f| f.id == ids[0]).unwrap();
    assert!(first.question.contains("pårørende"), "the best match first: {}", first.question);
}

#[test]
fn technique_search_matches_words_not_scattered_letters() {
    let mut app = app(Lang::En, 80, 24);
    go(&mut app, Tab::Techniques);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "brth");
    assert!(app.techniques().visible_ids().is_empty(), "{:?}", app.techniques().visible_ids());
    feed(&mut app, [Action::Back]);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "breath");
    let ids = app.techniques().visible_ids();
    let items = techniques::all(content(), Lang::En);
    assert!(!ids.is_empty());
    for id in ids {
        let t = items.iter().find(|t| t.id == id).unwrap();
        let all = format!("{} {} {}", t.name, t.summary, t.steps.join(" "));
        assert!(words(&all).iter().any(|w| w.starts_with("breath")), "{id} has no word starting \"breath\"");
    }
}

//! Snapshots of the app shell and the FAQ screen: every screen state a user can reach here,
//! at 80x24 and 120x40, in both languages.

use crate::support::app::{draw, faq_app as app, feed, type_text};
use mestring::action::Action;
use mestring::i18n::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot(name: &str, lang: Lang, actions: &[Action], typed: &str) {
    for (w, h) in SIZES {
        let mut app = app(lang, w, h);
        feed(&mut app, actions.iter().copied());
        type_text(&mut app, typed);
        let terminal = draw(&app, w, h);
        insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), terminal.backend());
    }
}

#[test]
fn faq_start() {
    for lang in Lang::ALL {
        snapshot("faq_start", lang, &[], "");
    }
}

#[test]
fn faq_answer_open() {
    for lang in Lang::ALL {
        snapshot("faq_answer_open", lang, &[Action::Down, Action::Down, Action::Down, Action::Open], "");
    }
}

#[test]
fn faq_search() {
    snapshot("faq_search", Lang::Nb, &[Action::Search], "tilbakefall");
    snapshot("faq_search", Lang::En, &[Action::Search], "relapse");
}

#[test]
fn faq_search_without_matches() {
    for lang in Lang::ALL {
        snapshot("faq_search_none", lang, &[Action::Search], "xyzzy");
    }
}

#[test]
fn help_overlay() {
    for lang in Lang::ALL {
        snapshot("help", lang, &[Action::Help], "");
    }
}

#[test]
fn crisis_overlay() {
    for lang in Lang::ALL {
        snapshot("crisis", lang, &[Action::Crisis], "");
    }
}

#[test]
fn too_small() {
    for lang in Lang::ALL {
        let app = app(lang, 20, 5);
        insta::assert_snapshot!(format!("too_small_{}_20x5", lang.code()), draw(&app, 20, 5).backend());
    }
}

#[test]
fn crisis_in_a_window_too_small_for_the_overlay() {
    for lang in Lang::ALL {
        let mut app = app(lang, 30, 8);
        feed(&mut app, [Action::Crisis]);
        insta::assert_snapshot!(format!("crisis_small_{}_30x8", lang.code()), draw(&app, 30, 8).backend());
    }
}

#[test]
fn narrow_terminal_shows_one_column_at_a_time() {
    let mut app = app(Lang::Nb, 60, 20);
    feed(&mut app, [Action::Down, Action::Open]);
    insta::assert_snapshot!("faq_narrow_answer_nb_60x20", draw(&app, 60, 20).backend());
}

//! Snapshots of every knowledge screen at 80x24 and 120x40, in both languages, with a fixed
//! clock and fixed progress; plus the styles that text snapshots cannot show.

use crate::support::app::*;
use insta::assert_snapshot;
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::clock::Moment;
use mestring::content::Verdict;
use mestring::domain::quiz::{Card, RoundKind, RoundRecord};
use mestring::i18n::Lang;
use mestring::panes::learn::Section;
use mestring::store::Store;
use mestring::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A store as a person who has used the app for a while might have it.
fn used() -> Store {
    let clock = mestring::clock::FixedClock::sample();
    use mestring::clock::Clock;
    let day = |d: i64| clock.today() + chrono::Duration::days(d);
    let mut store = Store::open_in_memory().unwrap();
    let now = clock.now();
    store.set_favourite("mindfulness", true, Moment::in_utc(now)).unwrap();
    store.set_favourite("daily-routines", true, Moment::in_utc(now)).unwrap();
    store.set_phase(Some("skills-training"), Moment::in_utc(now)).unwrap();
    let cards = [
        Card { id: "willpower-is-enough".into(), leitner_box: 1, due: day(0) },
        Card { id: "a-slip-means-failure".into(), leitner_box: 1, due: day(1) },
        Card { id: "recovery-is-a-process".into(), leitner_box: 3, due: day(3) },
    ];
    for card in &cards {
        store.save_card(card, Moment::in_utc(now)).unwrap();
    }
    for (i, (right, kind)) in
        [(7, RoundKind::Regular), (2, RoundKind::Mistakes), (9, RoundKind::Regular)].iter().enumerate()
    {
        let at = clock.now() - chrono::Duration::days(3 - i as i64);
        let total = if *kind == RoundKind::Mistakes { 2 } else { 10 };
        store.add_round(&RoundRecord { finished_at: at, kind: *kind, right: *right, total }).unwrap();
    }
    store
}

fn each(name: &str, setup: impl Fn(&mut App)) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut app = app_with(lang, w, h, Ok(used()));
            setup(&mut app);
            assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen(&app, w, h));
        }
    }
}

fn answer_right(app: &mut App) {
    let verdict = app.learn().quiz.current().unwrap().verdict;
    feed(app, [if verdict == Verdict::Myth { Action::AnswerMyth } else { Action::AnswerFact }]);
}

#[test]
fn techniques() {
    each("techniques_list", |a| go(a, Tab::Techniques));
    each("techniques_detail", |a| {
        go(a, Tab::Techniques);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Open]);
    });
    each("techniques_favourites", |a| {
        go(a, Tab::Techniques);
        feed(a, [Action::NextFilter]);
    });
    each("techniques_tag", |a| {
        go(a, Tab::Techniques);
        feed(a, [Action::NextFilter, Action::NextFilter, Action::NextFilter]);
    });
    each("techniques_search", |a| {
        go(a, Tab::Techniques);
        feed(a, [Action::Search]);
        let word = if a.options().lang == Lang::Nb { "pust" } else { "breath" };
        for c in word.chars() {
            let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c));
            feed(a, [Action::Text(key)]);
        }
    });
}

#[test]
fn quiz() {
    each("quiz_start", |a| go_section(a, Section::Quiz));
    each("quiz_question", |a| {
        go_section(a, Section::Quiz);
        feed(a, [Action::NewRound]);
    });
    each("quiz_answered", |a| {
        go_section(a, Section::Quiz);
        feed(a, [Action::NewRound]);
        answer_right(a);
    });
    each("quiz_result", |a| {
        go_section(a, Section::Quiz);
        feed(a, [Action::NewRound]);
        for _ in 0..10 {
            answer_right(a);
            feed(a, [Action::Continue]);
        }
    });
    each("quiz_mistakes", |a| {
        go_section(a, Section::Quiz);
        feed(a, [Action::ReviewMistakes]);
    });
}

#[test]
fn phases() {
    each("phases", |a| go_section(a, Section::Phases));
    each("phases_detail", |a| {
        go_section(a, Section::Phases);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Down, Action::Open]);
    });
}

#[test]
fn relatives() {
    each("relatives", |a| go_section(a, Section::Relatives));
    each("relatives_chart", |a| {
        go_section(a, Section::Relatives);
        while a.learn().relatives.selected() != Some(mestring::panes::relatives::Entry::Chart) {
            feed(a, [Action::Down]);
        }
        feed(a, [Action::Open]);
    });
    each("relatives_question", |a| {
        go_section(a, Section::Relatives);
        feed(a, [Action::Bottom]);
    });
}

#[test]
fn figures() {
    each("figures_two_series", |a| go_section(a, Section::Figures));
    each("figures_two_series_scrolled", |a| {
        go_section(a, Section::Figures);
        feed(a, [Action::Open, Action::PageDown]);
    });
    each("figures_one_series", |a| {
        go_section(a, Section::Figures);
        feed(a, [Action::Down, Action::Open, Action::PageDown]);
    });
    each("figures_shares", |a| {
        go_section(a, Section::Figures);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Open]);
    });
    each("figures_running_text", |a| {
        go_section(a, Section::Figures);
        feed(a, [Action::Bottom, Action::Open]);
    });
}

#[test]
fn the_selected_technique_and_the_active_part_are_marked_by_style() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Techniques);
    let buf = buffer(&app, 80, 24);
    // Row 4: the first technique under the first heading (tab bar, filter, border, heading).
    assert_eq!(buf[(1, 4)].symbol(), "›");
    assert_eq!(buf[(1, 4)].bg, Theme::COLOR.selected.bg.unwrap());
    assert_eq!(buf[(20, 4)].bg, Theme::COLOR.selected.bg.unwrap(), "the whole row is highlighted");
    assert_ne!(buf[(1, 5)].bg, Theme::COLOR.selected.bg.unwrap());
    go_section(&mut app, Section::Phases);
    let buf = buffer(&app, 80, 24);
    let active = Theme::COLOR.tab_active.bg.unwrap();
    let part_row: String = (0..80).map(|x| buf[(x, 1)].symbol()).collect();
    let start = part_row.find("Veien videre").unwrap() as u16;
    assert_eq!(buf[(start, 1)].bg, active);
    assert_ne!(buf[(2, 1)].bg, active, "the quiz part is not the active one");
}

#[test]
fn chart_values_are_written_beside_their_bars_in_the_bars_colour() {
    let mut app = app(Lang::Nb, 120, 40);
    go_section(&mut app, Section::Figures);
    let buf = buffer(&app, 120, 40);
    let rows: Vec<Vec<&str>> = (0..40).map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect()).collect();
    let joined: Vec<String> = rows.iter().map(|r| r.concat()).collect();
    let y = joined.iter().position(|r| r.contains("35 % fullføring")).expect("the first bar");
    let x = rows[y].iter().position(|c| *c == "3").unwrap() as u16;
    assert_eq!(buf[(x, y as u16)].fg, Theme::COLOR.bars[0].fg.unwrap());
    assert_eq!(rows[y][x as usize - 2], "░", "the value comes after the scale, outside the bar");
    let relapse = joined.iter().position(|r| r.contains("65 % tilbakefall")).unwrap();
    assert_eq!(relapse, y + 1, "the second series sits right under the first");
}

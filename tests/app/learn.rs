//! The knowledge screens driven through `App` by actions, as the keys would: fixed clock, progress
//! in memory.

use crate::support::app::content;
use crate::support::app::*;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::clock::{Clock, FixedClock, Moment};
use mestring::content::{Verdict, techniques};
use mestring::domain::quiz::RoundKind;
use mestring::i18n::Lang;
use mestring::keymap;
use mestring::panes::browse::Focus;
use mestring::panes::learn::Section;
use mestring::panes::quiz::Stage;
use mestring::panes::relatives::Entry;
use mestring::panes::techniques::Filter;
use mestring::store::{Store, StoreError};

/// Answers the statement on screen: rightly when `right`, else the other way.
fn answer(app: &mut mestring::app::App, right: bool) {
    let verdict = app.learn().quiz.current().expect("a statement on screen").verdict;
    let myth = (verdict == Verdict::Myth) == right;
    feed(app, [if myth { Action::AnswerMyth } else { Action::AnswerFact }]);
}

#[test]
fn a_round_of_ten_scores_and_is_saved_with_its_boxes() {
    let mut app = app(Lang::Nb, 80, 24);
    go_section(&mut app, Section::Quiz);
    feed(&mut app, [Action::NewRound]);
    for i in 0..10 {
        answer(&mut app, i % 3 != 0); // wrong at 0, 3, 6, 9
        let screen = text(&app, 80, 24);
        let expected = if i % 3 != 0 { "Riktig." } else { "Ikke helt." };
        assert!(screen.contains(expected), "answer {i}: {screen}");
        feed(&mut app, [Action::Continue]);
    }
    assert!(matches!(app.learn().quiz.stage(), Stage::Done { .. }));
    assert!(text(&app, 80, 24).contains("Du fikk 6 av 10 riktig."));
    let saved = saved(&app);
    assert_eq!(saved.rounds.len(), 1);
    assert_eq!((saved.rounds[0].right, saved.rounds[0].total), (6, 10));
    assert_eq!(saved.rounds[0].kind, RoundKind::Regular);
    assert_eq!(saved.cards.len(), 10);
    assert_eq!(saved.cards.iter().filter(|c| c.leitner_box == 1).count(), 4);
    assert_eq!(saved.cards.iter().filter(|c| c.leitner_box == 2).count(), 6);
    feed(&mut app, [Action::Continue]);
    assert_eq!(*app.learn().quiz.stage(), Stage::Start);
    let start = text(&app, 80, 24);
    assert!(start.contains("22.11.2026 09:30"), "the history shows the round: {start}");
    assert!(start.contains("6 av 10"), "{start}");
}

#[test]
fn reviewing_mistakes_asks_only_them_and_right_answers_move_them_up() {
    let mut app = app(Lang::En, 80, 24);
    go_section(&mut app, Section::Quiz);
    feed(&mut app, [Action::ReviewMistakes]);
    assert_eq!(*app.learn().quiz.stage(), Stage::Start, "no mistakes yet");
    assert_eq!(app.toast(), Some("No mistakes to review right now."));
    feed(&mut app, [Action::NewRound]);
    let mut wrong = Vec::new();
    for i in 0..10 {
        if i < 3 {
            wrong.push(app.learn().quiz.current().unwrap().id.clone());
        }
        answer(&mut app, i >= 3);
        feed(&mut app, [Action::Continue]);
    }
    feed(&mut app, [Action::ReviewMistakes]);
    let Stage::Asking { round, .. } = app.learn().quiz.stage() else { panic!("a mistakes round") };
    assert_eq!(round.kind, RoundKind::Mistakes);
    let mut asked = round.ids.clone();
    asked.sort();
    wrong.sort();
    assert_eq!(asked, wrong);
    for _ in 0..3 {
        answer(&mut app, true);
        feed(&mut app, [Action::Continue]);
    }
    let saved = saved(&app);
    assert_eq!(saved.rounds.last().map(|r| (r.kind, r.right, r.total)), Some((RoundKind::Mistakes, 3, 3)));
    assert!(saved.cards.iter().all(|c| c.leitner_box == 2), "every statement is now right once");
}

#[test]
fn leaving_a_round_keeps_the_answers_given() {
    let mut app = app(Lang::Nb, 80, 24);
    go_section(&mut app, Section::Quiz);
    feed(&mut app, [Action::NewRound]);
    answer(&mut app, false);
    feed(&mut app, [Action::Back]);
    assert_eq!(*app.learn().quiz.stage(), Stage::Start);
    let saved = saved(&app);
    assert_eq!(saved.cards.len(), 1);
    assert!(saved.rounds.is_empty(), "an unfinished round is not in the history");
}

#[test]
fn filters_cycle_and_show_only_matching_techniques() {
    let mut app = app(Lang::Nb, 120, 40);
    go(&mut app, Tab::Techniques);
    assert_eq!(app.techniques().visible_ids().len(), techniques::all(content(), Lang::Nb).len());
    feed(&mut app, [Action::NextFilter]);
    assert_eq!(app.techniques().filter(), Filter::Favourites);
    assert!(app.techniques().visible_ids().is_empty());
    assert!(text(&app, 120, 40).contains("Ingen teknikker passer"));
    feed(&mut app, [Action::NextFilter]);
    assert_eq!(app.techniques().filter(), Filter::Tag(mestring::content::Tag::Craving));
    let shown = app.techniques().visible_ids();
    assert!(!shown.is_empty());
    for id in &shown {
        let t = techniques::all(content(), Lang::Nb).iter().find(|t| t.id == *id).unwrap();
        assert!(t.tags.contains(&mestring::content::Tag::Craving), "{id}");
    }
    feed(&mut app, [Action::PrevFilter, Action::PrevFilter, Action::PrevFilter]);
    assert_eq!(app.techniques().filter(), Filter::Tag(mestring::content::Tag::Motivation), "wraps around");
    feed(&mut app, [Action::Back]);
    assert_eq!(app.techniques().filter(), Filter::All, "Esc clears the filter");
}

#[test]
fn favourites_are_saved_and_shown() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Techniques);
    let first = app.techniques().selected().unwrap().id.clone();
    feed(&mut app, [Action::ToggleFavourite]);
    assert_eq!(app.toast(), Some("Lagt til i favorittene."));
    assert!(saved(&app).favourites.contains(&first));
    feed(&mut app, [Action::NextFilter]);
    assert_eq!(app.techniques().visible_ids(), [first.as_str()]);
    feed(&mut app, [Action::ToggleFavourite]);
    assert!(saved(&app).favourites.is_empty());
    assert!(app.techniques().visible_ids().is_empty());
}

#[test]
fn a_failed_save_says_so_and_changes_nothing() {
    let path = std::path::PathBuf::from("/data/mestring.sqlite3");
    let mut app = app_with(Lang::En, 80, 24, Err(StoreError::ReadOnly { path }));
    go(&mut app, Tab::Techniques);
    feed(&mut app, [Action::ToggleFavourite]);
    let expected =
        "/data/mestring.sqlite3 cannot be written. What you typed is still here; check the permissions.";
    assert_eq!(app.toast(), Some(expected));
    assert!(app.techniques().favourites().is_empty());
    go_section(&mut app, Section::Phases);
    feed(&mut app, [Action::MarkPhase]);
    assert!(app.current_phase().is_none());
    assert_eq!(app.toast(), Some(expected));
    go_section(&mut app, Section::Quiz);
    feed(&mut app, [Action::NewRound]);
    answer(&mut app, true);
    assert!(text(&app, 80, 24).contains("Right."), "the quiz still answers; only the box is not kept");
    assert_eq!(app.toast(), Some(expected));
}

#[test]
fn search_finds_techniques_by_folded_words() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Techniques);
    feed(&mut app, [Action::Search]);
    assert!(app.techniques().text_mode());
    for c in "pust".chars() {
        let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c));
        let action = app.action_for_key(key).unwrap();
        feed(&mut app, [action]);
    }
    let shown = app.techniques().visible_ids();
    assert!(shown.contains(&"breathe-through-the-urge"), "{shown:?}");
    assert!(shown.len() < techniques::all(content(), Lang::Nb).len());
    feed(&mut app, [Action::Back]);
    assert_eq!(app.techniques().focus(), Focus::List);
    assert_eq!(app.techniques().visible_ids().len(), techniques::all(content(), Lang::Nb).len());
}

#[test]
fn the_exercise_key_starts_the_exercise_or_says_there_is_none() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Techniques);
    feed(&mut app, [Action::Practise]);
    assert_eq!(app.toast(), Some("Denne teknikken har ingen øvelse å starte."));
    while app.techniques().selected().unwrap().id != "stress-management" {
        feed(&mut app, [Action::Down]);
    }
    feed(&mut app, [Action::Practise]);
    // The technique's exercise starts at once on the breathing screen.
    let name = mestring::panes::techniques::exercise_name(content(), Lang::Nb, "box").unwrap();
    assert_eq!(app.tab(), Tab::Breathe);
    assert!(app.breathe().in_session());
    assert!(text(&app, 80, 24).contains(name), "{}", text(&app, 80, 24));
}

#[test]
fn the_marked_phase_is_saved_shown_and_can_be_removed() {
    let mut app = app(Lang::Nb, 80, 24);
    go_section(&mut app, Section::Phases);
    feed(&mut app, [Action::Down, Action::Down, Action::MarkPhase]);
    assert_eq!(app.current_phase().map(|p| p.id.as_str()), Some("treatment"));
    assert_eq!(saved(&app).phase.as_deref(), Some("treatment"));
    assert!(text(&app, 80, 24).contains("Din fase: 3. "));
    feed(&mut app, [Action::MarkPhase]);
    assert!(app.current_phase().is_none());
    assert_eq!(saved(&app).phase, None);
}

#[test]
fn saved_progress_comes_back_on_start() {
    let mut store = Store::open_in_memory().unwrap();
    let now = FixedClock::sample().now();
    store.set_favourite("mindfulness", true, Moment::in_utc(now)).unwrap();
    store.set_phase(Some("follow-up"), Moment::in_utc(now)).unwrap();
    let mut app = app_with(Lang::Nb, 80, 24, Ok(store));
    assert_eq!(app.current_phase().map(|p| p.number), Some(6), "the start screen reads it from the store");
    let _ = app.learn().section;
    assert_eq!(app.current_phase().map(|p| p.number), Some(6), "a pane built but never shown is not asked");
    // The knowledge screens read their part when first shown.
    app.show(mestring::app::Tab::Techniques);
    assert!(app.techniques().favourites().contains("mindfulness"));
    app.show(mestring::app::Tab::Learn);
    assert_eq!(app.learn().phases.selected().map(|p| p.id.as_str()), Some("follow-up"));
    assert_eq!(app.current_phase().map(|p| p.number), Some(6));
}

#[test]
fn a_relatives_question_opens_in_the_questions_screen() {
    let mut app = app(Lang::Nb, 80, 24);
    go_section(&mut app, Section::Relatives);
    while !matches!(app.learn().relatives.selected(), Some(Entry::Question(q)) if q.id == "handle-conflicts")
    {
        feed(&mut app, [Action::Down]);
    }
    feed(&mut app, [Action::Open]);
    assert_eq!(app.tab(), Tab::Faq);
    assert_eq!(app.faq().selected().map(|f| f.id.as_str()), Some("handle-conflicts"));
    assert_eq!(app.faq().focus(), Focus::Detail);
}

#[test]
fn sections_switch_both_ways_and_wrap() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Learn);
    assert_eq!(app.learn().section, Section::Quiz);
    feed(&mut app, [Action::PrevSection]);
    assert_eq!(app.learn().section, Section::Figures);
    feed(&mut app, [Action::NextSection, Action::NextSection]);
    assert_eq!(app.learn().section, Section::Phases);
}

#[test]
fn no_screen_binds_a_key_to_two_actions() {
    let mut app = app(Lang::Nb, 80, 24);
    for tab in Tab::ALL {
        go(&mut app, *tab);
        if *tab == Tab::Learn {
            for section in Section::ALL {
                go_section(&mut app, section);
                assert_eq!(keymap::Keymap::default().conflicts(app.scopes()), [], "{section:?}");
            }
        } else {
            assert_eq!(keymap::Keymap::default().conflicts(app.scopes()), [], "{tab:?}");
        }
    }
}

#[test]
fn the_footer_always_names_help_crisis_and_quit_at_80_columns() {
    for lang in Lang::ALL {
        let mut app = app(lang, 80, 24);
        for tab in Tab::ALL {
            go(&mut app, *tab);
            let screen = text(&app, 80, 24);
            let footer = screen.lines().last().unwrap();
            let crisis = lang.strings().actions.crisis;
            assert!(footer.contains(crisis) && footer.contains(lang.strings().actions.quit), "{footer}");
        }
    }
}

#[test]
fn i_used_this_ticks_the_technique_in_todays_checkin_and_keeps_what_is_there() {
    let mut store = Store::open_in_memory().unwrap();
    let clock = FixedClock::sample();
    let mut today = mestring::domain::checkin::CheckIn::blank(clock.today(), clock.now());
    today.mood = 2;
    today.helped.push("call-your-support".to_owned());
    store.save_checkin(&today).unwrap();
    let mut app = app_with(Lang::Nb, 80, 24, Ok(store));
    go(&mut app, Tab::Techniques);
    while app.techniques().selected().unwrap().id != "breathe-through-the-urge" {
        feed(&mut app, [Action::Down]);
    }
    feed(&mut app, [Action::MarkUsed]);
    assert_eq!(app.tab(), Tab::Checkin, "the check-in shows what was ticked");
    assert!(app.toast().unwrap().contains("Pust deg gjennom suget"), "{:?}", app.toast());
    app.flush();
    let saved = app.store().get().unwrap().checkin_on(clock.today()).unwrap().unwrap();
    assert_eq!(saved.mood, 2);
    assert_eq!(saved.helped, ["call-your-support", "breathe-through-the-urge"]);
    go(&mut app, Tab::Techniques);
    feed(&mut app, [Action::MarkUsed]);
    app.flush();
    let saved = app.store().get().unwrap().checkin_on(clock.today()).unwrap().unwrap();
    assert_eq!(saved.helped.len(), 2, "ticking twice keeps one");
}

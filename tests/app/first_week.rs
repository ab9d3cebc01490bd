//! The smaller things a new user stumbles on in the first week: cut text that says so, hints
//! that fit the screen and what the keys do there, a cursor where the next letter goes, words
//! that agree with their numbers, and messages that say what is really wrong.

use chrono::Days;
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::clock::Moment;
use mestring::content::exercises;
use mestring::domain::checkin::CheckIn;
use mestring::domain::goals::Goal;
use mestring::i18n::Lang;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

use crate::support::app::{app, buffer, content, feed, go, press, text, type_text};
use crate::support::checkins::today;

fn footer(app: &App, w: u16, h: u16) -> String {
    text(app, w, h).lines().last().unwrap().to_owned()
}

#[test]
fn a_list_row_cut_to_its_width_ends_in_an_ellipsis() {
    let app = crate::support::app::faq_app(Lang::Nb, 80, 24);
    let screen = text(&app, 80, 24);
    let row = screen.lines().find(|l| l.contains("› Hvorfor bør")).expect("the first question");
    assert!(row.contains('…'), "the question is longer than the list: {row}");
}

#[test]
fn the_history_footer_offers_enter_only_where_there_are_days_to_open() {
    let mut app = app(Lang::En, 80, 24);
    crate::support::checkins::seed_app(&mut app, 10);
    go(&mut app, Tab::History);
    feed(&mut app, [Action::NextView]);
    assert!(
        !footer(&app, 80, 24).contains("Enter"),
        "the calendar has no day cursor: {}",
        footer(&app, 80, 24)
    );
    feed(&mut app, [Action::NextView, Action::NextView]);
    assert!(footer(&app, 80, 24).contains("Enter open"), "{}", footer(&app, 80, 24));
}

#[test]
fn footer_hints_are_the_keys_that_work_there() {
    let mut app = app(Lang::En, 80, 24);
    feed(&mut app, [Action::ShowSettings]);
    assert!(!footer(&app, 80, 24).contains("Ctrl-s"), "settings save each change: {}", footer(&app, 80, 24));
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Bottom, Action::Up, Action::Open]);
    assert!(app.checkin().text_mode());
    let typing = footer(&app, 80, 24);
    assert!(
        !typing.contains("q quit") && typing.contains("Esc") && typing.contains("Ctrl-c quit"),
        "{typing}"
    );
}

#[test]
fn the_cursor_shows_where_the_next_letter_goes() {
    let mut app = app(Lang::En, 80, 24);
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Top, Action::Open]);
    type_text(&mut app, "2026-11-2");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    let buf = buffer(&app, 80, 24);
    let cursor: Vec<&str> = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|p| buf[*p].modifier.contains(Modifier::REVERSED))
        .map(|p| buf[p].symbol())
        .collect();
    assert_eq!(cursor, ["-"], "on the second dash of 2026-11-2, after two steps left");
}

#[test]
fn words_agree_with_their_numbers() {
    let mut app = app(Lang::Nb, 120, 40);
    let c = |days_ago: u64, triggers: Vec<String>| {
        let date = today() - Days::new(days_ago);
        CheckIn { triggers, craving: Some(3), ..CheckIn::blank(date, date.and_hms_opt(20, 0, 0).unwrap()) }
    };
    let store = app.store_mut().get_mut().unwrap();
    store.save_checkin(&c(1, vec!["stress".into()])).unwrap();
    store.save_checkin(&c(0, vec![])).unwrap();
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    store.add_goal(&Goal::new("Ringe Kari", now), Moment::in_utc(now)).unwrap();
    go(&mut app, Tab::History);
    feed(&mut app, [Action::NextView, Action::NextView]);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("(1 dag)") && !screen.contains("(1 dager)"), "{screen}");
    go(&mut app, Tab::Goals);
    feed(&mut app, [Action::Down, Action::Open]);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("Ringe Kari") && !screen.contains("0 av 0"), "a goal without steps: {screen}");
    feed(&mut app, [Action::Back, Action::Complete]);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("Du klarte det samme dag som du satte deg målet."), "{screen}");
}

#[test]
fn a_huge_number_of_seconds_is_too_long_not_not_a_number() {
    let mut app = app(Lang::En, 80, 24);
    go(&mut app, Tab::Breathe);
    feed(&mut app, [Action::NewItem]);
    type_text(&mut app, "Mine");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "999999");
    feed(&mut app, [Action::Open]);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("At most 60 seconds per step."), "{screen}");
    assert!(!screen.contains("Type seconds"), "{screen}");
}

#[test]
fn no_step_of_a_guided_exercise_reads_like_the_paused_state() {
    for lang in Lang::ALL {
        let paused = lang.strings().breathe.paused.to_lowercase();
        for exercise in exercises::mindfulness(content(), lang) {
            for step in &exercise.steps {
                let title = step.title.to_lowercase();
                let alike = paused.starts_with(&title) || title.starts_with(&paused);
                assert!(!alike, "{}: the step {:?} reads like \"{paused}\"", exercise.id, step.title);
            }
        }
    }
}

//! The home, goals, counter and plan screens driven by actions, as the event loop drives them,
//! on a real in-memory database and a fixed clock.

use crate::support::app::{app, app_at, buffer, clear_field, feed, go, text, type_text};
use crate::support::sample::{at, d, sample_app, sample_store};
use mestring::action::Action;
use mestring::app::{Overlay, Tab};
use mestring::domain::checkin::{CheckIn, Slip};
use mestring::domain::habits::Mark;
use mestring::domain::plan::Section;
use mestring::i18n::Lang;
use mestring::panes::goals::{Focus, Mode, Row};
use mestring::store::{Store, StoreError};
use ratatui::style::Modifier;

fn store(app: &mestring::app::App) -> &Store {
    app.store().get().expect("an open store")
}

#[test]
fn the_app_starts_on_today_with_the_counter_habits_goal_phase_and_technique() {
    let app = sample_app(Lang::Nb, 80, 24);
    assert_eq!(app.tab(), Tab::Home);
    assert_eq!(Tab::ALL[0], Tab::Home);
    let screen = text(&app, 80, 24);
    for expected in [
        "Alkohol: 11 dager rusfri på rad",
        "Neste milepæl: 14 dager",
        "En hel uke.",
        "Innsjekk i dag: ikke ennå – trykk 2",
        "1 av 3 gjort",
        "Nærmeste mål: Ringe fastlegen",
        "Humør",
        "Fasen din: Behandling",
        "Dagens teknikk:",
    ] {
        assert!(screen.contains(expected), "{expected:?} is missing:\n{screen}");
    }
}

#[test]
fn ticking_a_habit_on_the_home_screen_writes_it_and_untick_takes_it_back() {
    let mut app = sample_app(Lang::En, 80, 24);
    feed(&mut app, [Action::Toggle]);
    let today = d(11, 22);
    let walk = store(&app).habits().unwrap()[0].id;
    assert_eq!(store(&app).habit_marks_between(walk, today, today).unwrap(), [(today, Mark::Done)]);
    assert!(text(&app, 80, 24).contains("2 of 3 done"));
    feed(&mut app, [Action::Toggle]);
    assert!(store(&app).habit_marks_between(walk, today, today).unwrap().is_empty());
    // The weekly call was done on another day this week: a tick today adds today, keeps that.
    feed(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    let call = store(&app).habits().unwrap()[2].id;
    assert_eq!(store(&app).habit_marks_between(call, d(11, 16), today).unwrap().len(), 1);
}

#[test]
fn the_evening_warning_shows_when_a_streak_would_break_at_midnight() {
    let evening = app_at(Lang::Nb, 80, 24, Ok(sample_store()), at(11, 22, 19));
    let screen = text(&evening, 80, 24);
    assert!(screen.contains("«Gå en tur»: 4 dager på rad. Rekker du det i kveld"), "{screen}");
    let morning = sample_app(Lang::Nb, 80, 24);
    assert!(!text(&morning, 80, 24).contains("Rekker du det i kveld"), "not in the morning");
}

#[test]
fn a_goal_is_made_with_a_step_completed_with_a_celebration_and_archived() {
    let mut app = app(Lang::Nb, 100, 30);
    go(&mut app, Tab::Goals);
    feed(&mut app, [Action::Down, Action::Open]);
    assert!(matches!(app.goals().mode, Mode::Form(..)));
    let q = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('q'));
    assert!(matches!(app.action_for_key(q), Some(Action::Text(_))), "q is a letter in the form");
    type_text(&mut app, "Gå til fastlegen");
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "2026-11-30");
    feed(&mut app, [Action::Save]);
    assert!(matches!(app.goals().mode, Mode::Browse));
    assert_eq!(app.goals().open[0].goal.title, "Gå til fastlegen");
    assert_eq!(app.goals().selected(), Some(Row::Goal(0)), "the new goal is selected");

    feed(&mut app, [Action::Open, Action::NewItem]);
    type_text(&mut app, "Bestille time");
    feed(&mut app, [Action::Open]);
    assert_eq!(app.goals().focus, Focus::Steps(0));
    feed(&mut app, [Action::Toggle]);
    assert_eq!(store(&app).open_goals().unwrap()[0].goal.progress(), (1, 1));

    feed(&mut app, [Action::Complete]);
    let Mode::Celebrate(done) = &app.goals().mode else { panic!("no celebration") };
    assert_eq!(done.goal.title, "Gå til fastlegen");
    let screen = text(&app, 100, 30);
    assert!(
        screen.contains("Godt jobba!") && screen.contains("Du klarte det samme dag som du satte deg målet."),
        "{screen}"
    );
    feed(&mut app, [Action::Down]);
    assert!(matches!(app.goals().mode, Mode::Browse), "any key closes it");
    assert!(store(&app).open_goals().unwrap().is_empty());
    let done_at = d(11, 22).and_hms_opt(9, 30, 0);
    assert_eq!(store(&app).archived_goals(5).unwrap()[0].goal.done_at, done_at);
    assert!(text(&app, 100, 30).contains("✓ Gå til fastlegen"));
}

#[test]
fn a_wrong_date_keeps_the_form_and_everything_typed() {
    let mut app = sample_app(Lang::En, 80, 24);
    go(&mut app, Tab::Goals);
    feed(&mut app, [Action::Down, Action::Down, Action::Down, Action::Down, Action::NewItem]);
    type_text(&mut app, "Cinema");
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "next week");
    feed(&mut app, [Action::Save]);
    let Mode::Form(_, form) = &app.goals().mode else { panic!("the form closed") };
    assert_eq!((form.value(0).as_str(), form.value(1).as_str()), ("Cinema", "next week"));
    assert!(form.error().unwrap().contains("YYYY-MM-DD"));
    feed(&mut app, [Action::Back]);
    assert_eq!(store(&app).open_goals().unwrap().len(), 2, "nothing was written");
}

#[test]
fn a_habits_days_take_ticks_and_planned_days_off() {
    let mut app = sample_app(Lang::Nb, 100, 30);
    go(&mut app, Tab::Goals);
    feed(&mut app, [Action::Open]);
    let Focus::Days(today) = app.goals().focus else { panic!("days not shown") };
    assert_eq!(app.goals().days[today].0, d(11, 22));
    feed(&mut app, [Action::Toggle]);
    assert_eq!(app.goals().habits[0].streak.kept, 5);
    // A day to come cannot be done, only planned off.
    feed(&mut app, [Action::Down, Action::Toggle]);
    assert_eq!(app.goals().days[today + 1].1, None);
    feed(&mut app, [Action::PlanSkip]);
    assert_eq!(app.goals().days[today + 1].1, Some(Mark::Skip));
    // Yesterday's planned day off, replaced by done, lengthens the streak.
    feed(&mut app, [Action::Up, Action::Up, Action::Up, Action::Up, Action::Toggle]);
    assert_eq!(app.goals().days[today - 3], (d(11, 19), Some(Mark::Done)));
    assert_eq!(app.goals().habits[0].streak.kept, 6);
    feed(&mut app, [Action::Back]);
    assert_eq!(app.goals().focus, Focus::List);
}

#[test]
fn deleting_asks_first_and_no_keeps_everything() {
    let mut app = sample_app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Goals);
    feed(&mut app, [Action::Delete]);
    assert!(matches!(app.goals().mode, Mode::Confirm(_)));
    type_text(&mut app, "n");
    assert_eq!(store(&app).habits().unwrap().len(), 3);
    feed(&mut app, [Action::Delete]);
    type_text(&mut app, "j");
    assert_eq!(store(&app).habits().unwrap().len(), 2);
}

#[test]
fn a_slip_is_recorded_with_its_notes_and_the_counter_keeps_the_days_before_it() {
    let mut app = sample_app(Lang::Nb, 100, 30);
    go(&mut app, Tab::Sober);
    assert_eq!(app.sober().counters[0].1.stats.current, 11);
    feed(&mut app, [Action::RecordSlip]);
    assert!(app.sober().text_mode());
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "Krangel på jobben");
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "Gå ut en tur før jeg svarer");
    feed(&mut app, [Action::Open]);
    let stats = app.sober().counters[0].1.stats;
    assert_eq!((stats.current, stats.slips, stats.total), (0, 3, 80), "today is a slip day; the total stays");
    assert!(app.toast().unwrap().contains("Dagene du har klart, står"));
    let screen = text(&app, 100, 30);
    assert!(screen.contains("0 dager rusfri på rad") && screen.contains("Krangel på jobben"), "{screen}");
    for unkind in ["feil", "mislyk", "failure", "reset"] {
        assert!(!screen.to_lowercase().contains(unkind), "{unkind:?} on the counter screen");
    }
}

#[test]
fn a_slip_from_the_check_in_is_listed_but_changed_only_in_the_check_in() {
    let mut app = sample_app(Lang::En, 100, 30);
    go(&mut app, Tab::Sober);
    feed(&mut app, [Action::Open]);
    assert_eq!(app.sober().slips[0].date, d(11, 10));
    assert!(app.sober().slips[0].checkin.is_some());
    feed(&mut app, [Action::Delete]);
    assert!(app.toast().unwrap().contains("change it there"));
    assert_eq!(app.sober().slips.len(), 2);
    // A recorded slip can be removed after a yes.
    feed(&mut app, [Action::Down, Action::Delete]);
    type_text(&mut app, "y");
    assert_eq!(app.sober().slips.len(), 1);
    assert_eq!(app.sober().counters[0].1.stats.slips, 1);
}

#[test]
fn a_check_in_that_says_used_feeds_the_counter() {
    let mut store = sample_store();
    let used = CheckIn { slip: Some(Slip::default()), ..CheckIn::blank(d(11, 22), at(11, 22, 9)) };
    store.save_checkin(&used).unwrap();
    let mut app = app_at(Lang::Nb, 100, 30, Ok(store), at(11, 22, 10));
    assert_eq!(app.home().data.counter.as_ref().unwrap().stats.current, 0);
    go(&mut app, Tab::Sober);
    assert_eq!(app.sober().counters[1].1.stats.slips, 0, "Cannabis does not follow check-ins");
}

#[test]
fn a_new_counter_refuses_a_day_to_come_and_starts_on_the_date_given() {
    let mut app = app(Lang::En, 80, 24);
    go(&mut app, Tab::Sober);
    feed(&mut app, [Action::NewItem]);
    type_text(&mut app, "All substances");
    feed(&mut app, [Action::Open]);
    clear_field(&mut app);
    type_text(&mut app, "2026-12-01");
    feed(&mut app, [Action::Save]);
    let mestring::panes::sober::Mode::Form(_, form) = &app.sober().mode else { panic!("the form closed") };
    assert!(form.error().unwrap().contains("not come yet"));
    clear_field(&mut app);
    type_text(&mut app, "2026-11-01");
    feed(&mut app, [Action::Save]);
    assert_eq!(app.sober().counters[0].1.stats.current, 21);
    assert!(text(&app, 80, 24).contains("21 days sober in a row"));
}

#[test]
fn plan_entries_are_added_checked_moved_and_shown_first_in_the_crisis_overlay() {
    let mut app = app(Lang::Nb, 100, 30);
    go(&mut app, Tab::Plan);
    let people = Section::ALL.iter().position(|s| *s == Section::People).unwrap();
    feed(&mut app, vec![Action::Down; people]);
    feed(&mut app, [Action::NewItem]);
    type_text(&mut app, "Kari");
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "ring meg");
    feed(&mut app, [Action::Open]);
    assert!(app.plan().text_mode(), "a phone number of letters is refused");
    clear_field(&mut app);
    type_text(&mut app, "912 34 567");
    feed(&mut app, [Action::Open]);
    assert!(!app.plan().text_mode());
    feed(&mut app, [Action::NewItem]);
    type_text(&mut app, "Ola");
    feed(&mut app, [Action::Save]);
    feed(&mut app, [Action::MoveUp]);
    let names: Vec<String> = app.plan().entries().iter().map(|e| e.item.text.clone()).collect();
    assert_eq!(names, ["Ola", "Kari"]);

    feed(&mut app, [Action::Crisis]);
    assert_eq!(app.overlay(), Some(Overlay::Crisis { scroll: 0 }));
    let screen = text(&app, 100, 30);
    let kari = screen.find("912 34 567  Kari").expect("the contact is shown");
    let emergency = screen.find("113").expect("the help lines are shown");
    assert!(kari < emergency, "the person's own contacts come first:\n{screen}");
}

#[test]
fn without_a_store_the_screens_say_why_and_a_form_keeps_what_was_typed() {
    // In a directory of its own: a check-in kept beside a shared path by another run would be
    // offered back here.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.sqlite3");
    let broken = Err(StoreError::NotOurs { path: path.clone() });
    let mut app = app_at(Lang::En, 80, 24, broken, at(11, 22, 9));
    assert!(text(&app, 80, 24).contains("cannot be read now"));
    go(&mut app, Tab::Goals);
    feed(&mut app, [Action::Down, Action::Open]);
    type_text(&mut app, "Walk");
    feed(&mut app, [Action::Save]);
    let Mode::Form(_, form) = &app.goals().mode else { panic!("the form closed") };
    assert_eq!(form.value(0), "Walk");
    assert!(app.toast().unwrap().contains(path.to_str().unwrap()));
    feed(&mut app, [Action::Crisis]);
    assert!(text(&app, 80, 24).contains("113"), "the help lines need no store");
}

#[test]
fn the_selected_rows_are_marked_by_style() {
    let app = sample_app(Lang::Nb, 80, 24);
    let buf = buffer(&app, 80, 24);
    let row = (0..24)
        .find(|y| (0..80).map(|x| buf[(x, *y)].symbol()).collect::<String>().contains("› [ ] Gå en tur"))
        .unwrap();
    let theme = mestring::theme::Theme::COLOR;
    assert_eq!(buf[(3, row)].bg, theme.selected.bg.unwrap(), "the home screen's habit cursor");
    let mut app = app;
    go(&mut app, Tab::Goals);
    let buf = buffer(&app, 80, 24);
    assert!(buf[(3, 3)].modifier.contains(Modifier::BOLD), "the goals list's cursor");
    assert_eq!(buf[(3, 3)].bg, theme.selected.bg.unwrap());
}

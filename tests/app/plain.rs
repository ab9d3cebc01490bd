//! The plain mode driven by typed lines on the app of the full screen, its output read as
//! lines: what a screen reader would read, and what the answers change in the store.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::mpsc;

use chrono::NaiveDate;
use mestring::app::{App, Tab};
use mestring::clock::Moment;
use mestring::domain::goals::Goal;
use mestring::domain::habits::{Cadence, Habit};
use mestring::event::{Event, Events};
use mestring::i18n::Lang;
use mestring::plain::{Console, run_with};

use crate::support::app::app;

/// What the plain mode wrote, shared with the test.
#[derive(Clone, Default)]
struct Output(Rc<RefCell<Vec<u8>>>);

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs the plain mode on `app` with `lines` typed one after another (then the input ends, as
/// Ctrl-D ends it), and returns everything it wrote.
fn plain(app: &mut App, lines: &[&str]) -> String {
    let (tx, rx) = mpsc::channel();
    for line in lines {
        tx.send(Event::Line((*line).to_owned())).unwrap();
    }
    drop(tx);
    let output = Output::default();
    let mut console = Console::new(Events::from_channel(rx), Box::new(output.clone()));
    run_with(app, &mut console);
    String::from_utf8(output.0.borrow().clone()).expect("UTF-8")
}

fn sunday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The menu's number of `tab`, as the plain menu lists them.
fn number(tab: Tab) -> String {
    (Tab::ALL.iter().position(|t| *t == tab).unwrap() + 1).to_string()
}

#[test]
fn the_check_in_is_a_conversation_and_every_answer_is_kept() {
    let mut app = app(Lang::Nb, 80, 24);
    let checkin = number(Tab::Checkin);
    let out = plain(
        &mut app,
        &[
            &checkin,
            "",
            "4",
            "?",
            "11",
            "3",
            "5",
            "7,5",
            "god",
            "ja",
            "øl",
            "to",
            "1, svigermor",
            "2,4",
            "1",
            "Gikk tur",
            "q",
        ],
    );
    assert!(out.contains("Humør, 1 til 5 (nå: 3 Helt ok; Enter beholder det)"), "{out}");
    assert!(out.contains("Skriv et tall fra 0 til 10."), "11 is refused and asked again: {out}");
    assert!(out.contains("\nHumør: 4 Bra\n"), "? reads the day so far: {out}");
    assert!(out.contains("Innsjekk lagret for 2026-11-22."), "{out}");
    let saved = app.store().get().unwrap().checkin_on(sunday()).unwrap().expect("saved");
    assert_eq!((saved.mood, saved.craving, saved.stress), (4, Some(3), Some(5)));
    assert_eq!((saved.sleep_half_hours, saved.sleep_quality), (Some(15), Some(4)));
    let slip = saved.slip.expect("used today");
    assert_eq!((slip.substance.as_str(), slip.amount.as_str()), ("øl", "to"));
    assert_eq!(saved.triggers, ["stress", "svigermor"]);
    assert!(saved.halt.angry && saved.halt.tired && !saved.halt.hungry);
    assert_eq!(saved.helped, ["breathe-through-the-urge"]);
    assert_eq!(saved.note, "Gikk tur");
}

#[test]
fn enter_keeps_every_value_and_0_ends_the_conversation_early() {
    let mut app = app(Lang::En, 80, 24);
    let checkin = number(Tab::Checkin);
    let out = plain(&mut app, &[&checkin, "", "5", "0", "q"]);
    let saved = app.store().get().unwrap().checkin_on(sunday()).unwrap().expect("saved");
    assert_eq!((saved.mood, saved.craving), (5, None), "what was answered is saved, the rest not answered");
    assert!(out.contains("Check-in saved for 2026-11-22."), "{out}");
    assert!(out.contains("Menu:"), "back at the menu: {out}");
}

#[test]
fn a_hard_day_is_met_with_the_help_lines() {
    let mut app = app(Lang::Nb, 80, 24);
    let checkin = number(Tab::Checkin);
    let out = plain(&mut app, &[&checkin, "", "1", "0", "q"]);
    let after = out.split("Innsjekk lagret").nth(1).expect("saved");
    assert!(after.contains("Det høres ut som en tung dag"), "{after}");
    assert!(after.contains("\n116 123  Mental Helses hjelpetelefon"), "number first: {after}");
}

#[test]
fn every_screen_is_read_as_lines_without_drawing() {
    for lang in [Lang::Nb, Lang::En] {
        let mut app = app(lang, 80, 24);
        let mut typed: Vec<String> = Vec::new();
        for tab in Tab::ALL.iter().filter(|t| **t != Tab::Checkin) {
            typed.extend([number(*tab), "0".to_owned()]);
        }
        typed.push("q".to_owned());
        let lines: Vec<&str> = typed.iter().map(String::as_str).collect();
        let out = plain(&mut app, &lines);
        for tab in Tab::ALL.iter().filter(|t| **t != Tab::Checkin) {
            let title = tab.title(lang.strings());
            assert!(out.lines().any(|l| l.ends_with(title)), "{title} is announced: {out}");
        }
        assert!(!out.contains('\x1b'), "no escape sequences: {out}");
        let drawn = |c: char| matches!(c, '\u{2500}'..='\u{259f}' | '\u{2800}'..='\u{28ff}');
        assert!(!out.chars().any(drawn), "no box drawing, blocks or braille: {out}");
    }
}

#[test]
fn a_long_list_is_read_ten_at_a_time() {
    let mut app = app(Lang::Nb, 80, 24);
    let faq = number(Tab::Faq);
    let out = plain(&mut app, &[&faq, "", "neste side", "forrige side", "q"]);
    let total = app.faq().visible_count();
    assert!(total > 20, "enough questions to page: {total}");
    let first = format!("Nummer 1 til 10 av {total}.");
    let second = format!("Nummer 11 til 20 av {total}.");
    let pages: Vec<&str> =
        out.lines().map(|l| l.trim_start_matches("Velg: ")).filter(|l| l.starts_with("Nummer ")).collect();
    assert_eq!(pages, [first.as_str(), &second, &format!("Nummer 21 til 30 av {total}."), &second], "{out}");
    assert!(out.lines().any(|l| l.starts_with("11  ")), "items keep their numbers: {out}");
}

#[test]
fn a_number_opens_the_item_and_0_goes_back_a_level() {
    let mut app = app(Lang::En, 80, 24);
    let faq = number(Tab::Faq);
    let out = plain(&mut app, &[&faq, "3", "0", "0", "q"]);
    let third =
        mestring::content::faq::all(app.content(), Lang::En)[2].answer.lines().next().unwrap().to_owned();
    assert!(out.contains(&third), "the answer is read out: {out}");
    let menus = out.matches("Menu:").count();
    assert_eq!(menus, 2, "the first 0 closes the answer, the second leaves the screen: {out}");
}

#[test]
fn words_and_keys_do_what_the_screen_s_keys_do() {
    let mut app = app(Lang::Nb, 80, 24);
    let techniques = number(Tab::Techniques);
    let out = plain(&mut app, &[&techniques, "1", "favoritt", "q"]);
    assert!(out.lines().any(|l| l.starts_with("f  favoritt")), "the choices name the key: {out}");
    let first = app.techniques().selected().unwrap().id.clone();
    assert!(app.techniques().favourites().contains(&first), "{out}");
    assert!(out.contains("(favoritt)"), "the change is read out: {out}");
}

#[test]
fn a_form_is_asked_field_by_field_and_a_question_as_yes_or_no() {
    let mut app = app(Lang::En, 80, 24);
    let now = app.today().and_hms_opt(9, 0, 0).unwrap();
    app.store_mut().get_mut().unwrap().add_goal(&Goal::new("Call Anna", now), Moment::in_utc(now)).unwrap();
    // The list: "+ new habit", the goal, "+ new goal"; a habit made, then the goal deleted.
    let goals = number(Tab::Goals);
    let out = plain(&mut app, &[&goals, "1", "Walk every day", "2", "3", "0", "d", "no", "d", "yes", "q"]);
    let habits = app.store().get().unwrap().habits_today(now).unwrap();
    assert_eq!(habits.len(), 1, "{out}");
    assert_eq!(habits[0].habit.name, "Walk every day");
    assert_eq!(habits[0].habit.cadence, Cadence::Weekly, "the second choice: {out}");
    assert!(out.contains("Name (0 cancels): "), "{out}");
    assert!(out.contains("Delete \"Call Anna\"?") || out.contains("Call Anna"), "{out}");
    assert!(app.store().get().unwrap().open_goals().unwrap().is_empty(), "deleted after yes: {out}");
}

#[test]
fn ticking_a_habit_reads_the_changed_line() {
    let mut app = app(Lang::Nb, 80, 24);
    let now = app.today().and_hms_opt(9, 0, 0).unwrap();
    let habit = Habit { name: "Gå tur".into(), cadence: Cadence::Daily };
    app.store_mut().get_mut().unwrap().add_habit(&habit, Moment::in_utc(now)).unwrap();
    let out = plain(&mut app, &[&number(Tab::Home), "1", "q"]);
    assert!(out.contains("1  [ ] Gå tur"), "{out}");
    assert!(out.contains("1  [x] Gå tur"), "{out}");
}

#[test]
fn the_crisis_help_reads_each_number_first() {
    let mut app = app(Lang::Nb, 80, 24);
    let out = plain(&mut app, &["!", "q"]);
    let crisis: Vec<&str> = out
        .lines()
        .map(|l| l.trim_start_matches("Velg: "))
        .skip_while(|l| !l.starts_with("Krisehjelp."))
        .skip(1)
        .take_while(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert!(crisis.len() >= 8, "{out}");
    assert!(crisis[0].starts_with("113  "), "{out}");
    assert!(out.contains("Slutt på krisehjelpen."));
}

#[test]
fn a_guided_exercise_says_each_step_as_it_begins() {
    let mut app = app(Lang::En, 80, 24);
    let exercises = mestring::content::exercises::mindfulness(app.content(), Lang::En);
    let (index, stop) = exercises.iter().enumerate().find(|(_, e)| e.id == "stop").unwrap();
    let steps = stop.steps.len();
    let item =
        (mestring::content::exercises::breathing(app.content(), Lang::En).len() + 2 + index).to_string();
    let mut typed = vec![number(Tab::Breathe), item];
    typed.extend(std::iter::repeat_n("n".to_owned(), steps));
    typed.push("q".to_owned());
    let lines: Vec<&str> = typed.iter().map(String::as_str).collect();
    let out = plain(&mut app, &lines);
    for (i, step) in stop.steps.iter().enumerate() {
        let line =
            format!("Step {} of {steps}: {}, {} seconds. {}", i + 1, step.title, step.seconds, step.text);
        assert!(out.contains(&line), "{line:?} in {out}");
    }
    // Every step skipped is not a completed exercise (issue 19), and the summary says so kindly.
    assert!(out.contains("A short while counts too") && !out.contains("Completed"), "{out}");
    assert_eq!(
        app.store().get().unwrap().practice_on(sunday()).unwrap().len(),
        1,
        "the session is recorded: {out}"
    );
}

#[test]
fn the_history_and_the_figures_are_short_text_tables() {
    use mestring::domain::checkin::CheckIn;
    let mut app = app(Lang::En, 80, 24);
    for (day, mood, craving) in [(20, 2, 7), (21, 4, 3), (22, 5, 1)] {
        let date = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let mut c = CheckIn::blank(date, date.and_hms_opt(20, 0, 0).unwrap());
        (c.mood, c.craving, c.triggers) = (mood, Some(craving), vec!["stress".to_owned()]);
        app.store_mut().get_mut().unwrap().save_checkin(&c).unwrap();
    }
    let history = number(Tab::History);
    let out = plain(
        &mut app,
        &[&history, "v", "v", "v", "1", "0", "0", &number(Tab::Learn), ">", ">", ">", "1", "q"],
    );
    assert!(out.contains("Checked in: 3 / 14 days"), "{out}");
    let table =
        out.lines().skip_while(|l| !l.trim_start().starts_with("average")).take(3).collect::<Vec<_>>();
    assert!(table.len() == 3 && table[1].starts_with("Mood") && table[1].contains("3.7"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("Stress") && l.contains("3  ")), "the trigger table: {out}");
    assert!(out.contains("1  Sun 2026-11-22 · Mood 5 Very good"), "the days, newest first: {out}");
    let figures = mestring::content::figures::all(app.content(), Lang::En);
    let first = &figures[0].rows[0];
    assert!(out.lines().any(|l| l.starts_with(&format!("{}: ", first.label))), "a figure's row: {out}");
}

#[test]
fn a_check_in_that_cannot_be_saved_says_why_and_claims_nothing() {
    use mestring::store::StoreError;
    let broken = Err(StoreError::NotOurs { path: "/tmp/x.sqlite3".into() });
    let mut app = crate::support::app::app_with(Lang::En, 80, 24, broken);
    let checkin = number(Tab::Checkin);
    let out = plain(&mut app, &[&checkin, "", "4", "0", "q"]);
    assert!(out.contains("/tmp/x.sqlite3"), "the store's problem is told: {out}");
    assert!(!out.contains("Check-in saved"), "{out}");
}

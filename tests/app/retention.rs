//! What brings a person back: the welcome of the first start, the craving log and its "how did
//! it go?", the weekly review, I dag's first lines, and what a counter saved, driven by actions.

use std::time::Duration;

use chrono::NaiveDate;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::clock::{Clock, FixedClock, Moment};
use mestring::content::RegionId;
use mestring::domain::savings::Saving;
use mestring::domain::sober::Counter;
use mestring::domain::urges::{Outcome, Urge};
use mestring::i18n::Lang;
use mestring::panes::history::HistoryView;
use mestring::panes::urge::Stage;
use mestring::store::Store;
use ratatui::crossterm::event::KeyCode;

use crate::support::app::{TestApp, app, app_at, app_with, feed, go, press, text, type_text};
use crate::support::checkins::{seed, today};

fn sunday_at(hour: u32) -> chrono::NaiveDateTime {
    today().and_hms_opt(hour, 0, 0).unwrap()
}

fn urges(app: &mestring::app::App) -> Vec<Urge> {
    app.store().get().unwrap().urges_between(today(), today()).unwrap()
}

#[test]
fn a_craving_is_written_down_from_any_screen_and_help_is_offered_not_forced() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Faq);
    press(&mut app, KeyCode::Char('U'));
    assert!(matches!(app.urge().map(|u| &u.stage), Some(Stage::Log(_))), "the dialog opens over the screen");
    // Strength 5 to start from: two steps up, then what set it off and a note.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "stress");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "etter telefonen");
    press(&mut app, KeyCode::Enter);
    let logged = urges(&app);
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (logged[0].intensity, logged[0].trigger.as_str(), logged[0].note.as_str()),
        (7, "stress", "etter telefonen")
    );
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Urge surfing") && screen.contains("Pust 4-7-8"), "{screen}");
    assert!(screen.contains("Planen din har ingen punkter"), "the plan's own steps, or where to write them");
    // Nothing starts by itself; Esc leaves the person where they were.
    press(&mut app, KeyCode::Esc);
    assert!(app.urge().is_none());
    assert_eq!(app.tab(), Tab::Faq);
}

#[test]
fn esc_while_writing_a_craving_writes_nothing() {
    let mut app = app(Lang::En, 80, 24);
    feed(&mut app, [Action::LogUrge]);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    assert!(app.urge().is_none());
    assert!(urges(&app).is_empty());
}

#[test]
fn the_offer_starts_urge_surfing_and_the_plans_own_steps_are_listed() {
    let mut store = Store::open_in_memory().unwrap();
    let step = mestring::domain::plan::Item { text: "Ringe Kari".into(), phone: String::new() };
    store
        .add_plan_item(mestring::domain::plan::Section::OnMyOwn, &step, Moment::in_utc(sunday_at(8)))
        .unwrap();
    let mut app = app_with(Lang::Nb, 100, 30, Ok(store));
    feed(&mut app, [Action::LogUrge, Action::Save]);
    assert!(text(&app, 100, 30).contains("Ringe Kari"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Tab::Breathe, "urge surfing runs on the breathing screen");
    assert!(app.urge().is_none());
}

#[test]
fn a_craving_written_down_earlier_is_asked_about_at_the_next_start() {
    let mut store = Store::open_in_memory().unwrap();
    let at = FixedClock::sample().now() - chrono::TimeDelta::minutes(40);
    store.log_urge(&Urge::new(at, 8, "conflict", ""), Moment::in_utc(at)).unwrap();
    let mut app = app_with(Lang::Nb, 80, 24, Ok(store));
    assert!(matches!(app.urge().map(|u| &u.stage), Some(Stage::FollowUp { .. })));
    assert!(text(&app, 80, 24).contains("Suget kl. 08:50 (styrke 8)"), "{}", text(&app, 80, 24));
    // "It passed", then how strong it is now: three steps down from 8.
    press(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut app, KeyCode::Left);
    }
    press(&mut app, KeyCode::Enter);
    let answered = &urges(&app)[0];
    assert_eq!((answered.outcome, answered.intensity_after), (Some(Outcome::Passed), Some(5)));
    assert_eq!(answered.lasted(), Some(chrono::TimeDelta::minutes(40)));
    assert!(app.toast().is_some_and(|t| t.contains("Det gikk over")));
}

#[test]
fn a_craving_written_down_in_this_session_is_asked_about_a_quarter_hour_later() {
    let mut t = TestApp::new(Lang::En, 80, 24);
    t.send(&[Action::LogUrge, Action::Save, Action::Back]);
    t.clock.advance(Duration::from_secs(10 * 60));
    t.send(&[Action::Down]);
    assert!(t.app.urge().is_none(), "not yet after ten minutes");
    t.clock.advance(Duration::from_secs(6 * 60));
    t.send(&[Action::Down]);
    assert!(matches!(t.app.urge().map(|u| &u.stage), Some(Stage::FollowUp { .. })));
    // "Still there": asked again later, never lost.
    press(&mut t.app, KeyCode::Right);
    press(&mut t.app, KeyCode::Right);
    t.send(&[Action::Save]);
    assert_eq!(urges(&t.app)[0].outcome, Some(Outcome::StillThere));
    assert!(urges(&t.app)[0].is_open());
}

#[test]
fn an_empty_start_names_the_real_keys_and_i_dag_says_what_mestring_is_not() {
    let app = app(Lang::Nb, 80, 24);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Start her: 2 innsjekk · 5 rusfri-teller · 7 pust · U sug nå"), "{screen}");
    assert!(!screen.contains("Ingen teller ennå"), "one line instead of many empty ones");
    assert!(screen.contains("mestring er en følgesvenn, ikke behandling. Krisehjelp: !"), "{screen}");
    let full = crate::support::sample::sample_app(Lang::En, 80, 24);
    assert!(text(&full, 80, 24).contains("not treatment. Crisis help: !"), "also with data");
}

#[test]
fn on_the_weeks_last_evening_i_dag_offers_the_review_until_its_line_is_written() {
    // 22 November 2026 is a Sunday: the last day of a week that starts on Monday.
    let morning = app_at(Lang::Nb, 80, 24, Store::open_in_memory(), sunday_at(10));
    assert!(!text(&morning, 80, 24).contains("Uken er snart omme"));
    let mut evening = app_at(Lang::Nb, 80, 24, Store::open_in_memory(), sunday_at(20));
    assert!(text(&evening, 80, 24).contains("Uken er snart omme"), "{}", text(&evening, 80, 24));
    go(&mut evening, Tab::History);
    while evening.history().view() != HistoryView::Review {
        feed(&mut evening, [Action::NextView]);
    }
    press(&mut evening, KeyCode::Enter);
    type_text(&mut evening, "Ringe Kari før helgen");
    press(&mut evening, KeyCode::Enter);
    let kept = evening.store().get().unwrap().takeaway("2026-W47").unwrap();
    assert_eq!(kept.as_deref(), Some("Ringe Kari før helgen"));
    go(&mut evening, Tab::Home);
    assert!(!text(&evening, 80, 24).contains("Uken er snart omme"), "written: not offered again");
}

#[test]
fn the_review_compares_the_week_and_shows_patterns_only_with_enough_days() {
    let mut store = Store::open_in_memory().unwrap();
    seed(&mut store, 60);
    let mut app = app_with(Lang::En, 120, 40, Ok(store));
    go(&mut app, Tab::History);
    while app.history().view() != HistoryView::Review {
        feed(&mut app, [Action::NextView]);
    }
    let review = app.history().review().expect("read").clone();
    assert_eq!(review.label(), "2026-W47");
    assert_eq!(review.this.checkins, 6, "one day of the week is left out of the seeded data");
    assert!(!review.patterns.is_empty(), "sixty days hold patterns");
    assert!(review.patterns.iter().all(|p| p.days_with >= 5 && p.days_without >= 5));
    let screen = text(&app, 120, 40);
    assert!(screen.contains("Week 2026-W47") && screen.contains("In your entries"), "{screen}");
    assert!(screen.contains("not a cause"));
    // The week before, and back: there is no week after this one yet.
    feed(&mut app, [Action::Decrease]);
    assert_eq!(app.history().review().unwrap().label(), "2026-W46");
    feed(&mut app, [Action::Increase, Action::Increase]);
    assert_eq!(app.history().review().unwrap().label(), "2026-W47");

    let empty = app_with(Lang::En, 120, 40, Store::open_in_memory());
    let mut empty = empty;
    go(&mut empty, Tab::History);
    while empty.history().view() != HistoryView::Review {
        feed(&mut empty, [Action::NextView]);
    }
    assert!(empty.history().review().unwrap().patterns.is_empty());
    assert!(text(&empty, 120, 40).contains("Too little data for patterns yet"));
}

#[test]
fn the_history_lists_cravings_per_day_beside_the_check_in() {
    let mut store = Store::open_in_memory().unwrap();
    seed(&mut store, 3);
    let at = sunday_at(8);
    let id = store.log_urge(&Urge::new(at, 6, "stress", ""), Moment::in_utc(at)).unwrap();
    store
        .answer_urge(
            id,
            Outcome::Passed,
            Some(1),
            Moment { local: at + chrono::TimeDelta::minutes(20), utc: at },
        )
        .unwrap();
    let mut app = app_with(Lang::En, 100, 30, Ok(store));
    go(&mut app, Tab::History);
    while app.history().view() != HistoryView::Urges {
        feed(&mut app, [Action::NextView]);
    }
    let screen = text(&app, 100, 30);
    assert!(screen.contains("Cravings: 1 · 1 passed · typically 20 min"), "{screen}");
    assert!(screen.contains("check-in: craving 2/10"), "{screen}");
}

#[test]
fn the_welcome_sets_language_region_and_a_first_counter_and_offers_the_check_in() {
    let mut app = app(Lang::Nb, 80, 24);
    app.start_welcome(RegionId::UkIreland);
    assert!(text(&app, 80, 24).contains("erstatter ikke profesjonell hjelp"));
    assert!(text(&app, 80, 24).contains("trykker du !"), "the crisis key is named");
    feed(&mut app, [Action::Open, Action::Increase]);
    assert!(text(&app, 80, 24).contains("Language and region"), "the welcome speaks the language chosen");
    feed(&mut app, [Action::Open]);
    assert_eq!(app.options().lang, Lang::En);
    assert_eq!(app.options().region, RegionId::UkIreland);
    type_text(&mut app, "Alcohol");
    press(&mut app, KeyCode::Enter);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-11-01");
    press(&mut app, KeyCode::Enter);
    let counters = app.store().get().unwrap().counters().unwrap();
    assert_eq!(
        counters[0].counter,
        Counter {
            name: "Alcohol".into(),
            start: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            follows_checkins: true
        }
    );
    assert!(text(&app, 80, 24).contains("first check-in now"));
    press(&mut app, KeyCode::Enter);
    assert!(app.welcome().is_none());
    assert_eq!(app.tab(), Tab::Checkin);
    assert!(text(&app, 80, 24).contains("Check-in"), "the screens are in English now");
}

#[test]
fn esc_skips_the_welcome_at_once_and_writes_nothing() {
    let mut app = app(Lang::Nb, 80, 24);
    app.start_welcome(RegionId::Norway);
    feed(&mut app, [Action::Open]);
    press(&mut app, KeyCode::Esc);
    assert!(app.welcome().is_none());
    assert_eq!(app.tab(), Tab::Home);
    assert!(app.store().get().unwrap().counters().unwrap().is_empty());
    // The crisis lines are one key away during the welcome too.
    app.start_welcome(RegionId::Norway);
    feed(&mut app, [Action::Crisis]);
    assert!(app.overlay().is_some());
}

#[test]
fn a_counter_shows_what_its_sober_days_saved_in_the_regions_currency() {
    let mut store = Store::open_in_memory().unwrap();
    let counter = Counter {
        name: "Alkohol".into(),
        start: NaiveDate::from_ymd_opt(2026, 11, 12).unwrap(),
        follows_checkins: true,
    };
    let id = store.add_counter(&counter, Moment::in_utc(sunday_at(8))).unwrap();
    let saving = Saving { cost_cents: Some(15_000), minutes: Some(120), save_for: "Tur til Lofoten".into() };
    store.save_saving(id, &saving, Moment::in_utc(sunday_at(8))).unwrap();
    let mut app = app_with(Lang::Nb, 100, 30, Ok(store));
    go(&mut app, Tab::Sober);
    let screen = text(&app, 100, 30);
    assert!(screen.contains("Spart: 1\u{a0}500\u{a0}kr · 20 timer frigjort"), "ten sober days:\n{screen}");
    assert!(screen.contains("Jeg sparer til: Tur til Lofoten"));
}

#[test]
fn the_counter_form_keeps_a_cost_and_refuses_one_it_cannot_read() {
    let mut app = app(Lang::En, 100, 30);
    go(&mut app, Tab::Sober);
    feed(&mut app, [Action::NewItem]);
    type_text(&mut app, "Alcohol");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "lots");
    feed(&mut app, [Action::Save]);
    assert!(text(&app, 100, 30).contains("Write the amount as a number"));
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "12.50");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "1:30");
    feed(&mut app, [Action::Save]);
    let id = app.sober().counters[0].0.id;
    let kept = app.store().get().unwrap().saving(id).unwrap().unwrap();
    assert_eq!((kept.cost_cents, kept.minutes), (Some(1_250), Some(90)));
}

#[test]
fn with_weeks_from_sunday_the_review_is_offered_on_saturday_evening() {
    let saturday = (today() - chrono::Days::new(1)).and_hms_opt(19, 0, 0).unwrap();
    let mut app = app_at(Lang::En, 80, 24, Store::open_in_memory(), saturday);
    assert!(
        !text(&app, 80, 24).contains("The week is nearly over"),
        "Saturday is not the end of a Monday week"
    );
    let loaded = mestring::config::parse("config.ron", "(week_start: \"sunday\")");
    app.configure(mestring::app::Setup::new(None, loaded));
    assert!(text(&app, 80, 24).contains("The week is nearly over"), "{}", text(&app, 80, 24));
}

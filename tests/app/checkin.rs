//! The check-in and history screens driven by actions, with an in-memory store and a fixed
//! clock: what is saved, what stays on screen when saving fails, and what the history shows.

use crate::support::app::{app, content, draw, feed, go, rows, text, type_text};
use crate::support::checkins::{seed_app, today};
use mestring::action::Action;
use mestring::app::{Setup, Tab};
use mestring::config;
use mestring::i18n::Lang;
use mestring::panes::history::HistoryView;

fn saved(app: &mut mestring::app::App) -> Option<mestring::domain::checkin::CheckIn> {
    app.store().get().ok().unwrap().checkin_on(today()).unwrap()
}

#[test]
fn opening_the_screen_saves_nothing_until_something_changes() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Checkin);
    assert_eq!(saved(&mut app), None);
    assert!(text(&app, 80, 24).contains("Ikke lagret ennå"));
    // Ctrl-S records an ordinary day with the defaults as they are shown.
    feed(&mut app, [Action::Save]);
    assert_eq!(saved(&mut app).map(|c| c.mood), Some(3));
}

#[test]
fn a_day_filled_by_keys_alone_is_saved_as_it_is_made() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Checkin);
    // Mood is focused first: one step up to "Bra".
    feed(&mut app, [Action::Increase]);
    assert_eq!(saved(&mut app).unwrap().mood, 4, "saved without pressing save");
    // Not answered until changed: the first step answers 0.
    feed(&mut app, [Action::Down, Action::Increase, Action::Increase, Action::Increase]); // craving 2
    feed(&mut app, [Action::Down, Action::Increase, Action::Increase]); // stress 1
    feed(&mut app, [Action::Down, Action::Increase, Action::Increase]); // sleep 7.5
    feed(&mut app, [Action::Down, Action::Down]); // past sleep quality to "used"
    feed(&mut app, [Action::Down, Action::Toggle, Action::Increase, Action::Toggle]); // stress, loneliness
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "Svigermor");
    feed(&mut app, [Action::Open]);
    feed(&mut app, [Action::Down, Action::Increase, Action::Increase, Action::Increase, Action::Toggle]); // tired
    feed(&mut app, [Action::Down, Action::Toggle]); // breathing helped
    feed(&mut app, [Action::Down, Action::Open]);
    type_text(&mut app, "Fin dag 🌤 æøå");
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "Linje to");
    feed(&mut app, [Action::Back]);
    let c = saved(&mut app).unwrap();
    assert_eq!((c.mood, c.craving, c.stress, c.sleep_half_hours), (4, Some(2), Some(1), Some(15)));
    assert_eq!(c.triggers, ["stress", "loneliness", "Svigermor"]);
    assert!(c.halt.tired && !c.halt.hungry);
    assert_eq!(c.helped, ["breathe-through-the-urge"]);
    assert_eq!(c.note, "Fin dag 🌤 æøå\nLinje to");
    assert!(c.slip.is_none());
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Lagret 2026-11-22 09:30"), "{screen}");
}

#[test]
fn a_failed_save_keeps_what_was_typed_says_why_and_is_tried_again() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Checkin);
    // The database refuses writes, as a read-only file or a full disk would.
    app.store().get().ok().unwrap().conn().pragma_update(None, "query_only", true).unwrap();
    feed(&mut app, [Action::Bottom, Action::Up, Action::Open]);
    type_text(&mut app, "Dette må ikke forsvinne");
    feed(&mut app, [Action::Back]);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Dette må ikke forsvinne"), "the note stays on screen:\n{screen}");
    assert!(screen.contains("Det du skrev står her fortsatt"), "the footer says why:\n{screen}");
    assert!(screen.contains("Ikke lagret ennå"), "{screen}");
    app.store().get().ok().unwrap().conn().pragma_update(None, "query_only", false).unwrap();
    feed(&mut app, [Action::Top, Action::Down, Action::Increase]);
    let c = saved(&mut app).expect("saved on the next change");
    assert_eq!((c.mood, c.note.as_str()), (4, "Dette må ikke forsvinne"));
}

#[test]
fn a_hard_day_offers_breathing_and_the_help_lines_without_forcing_them() {
    let breathe = Tab::ALL.iter().position(|t| *t == Tab::Breathe).unwrap();
    let short = format!("Tung dag? {}: en pusteøvelse · !: hjelpetelefonene.", breathe + 1);
    for (w, h, expected) in [(80, 24, short.as_str()), (120, 40, "Pust deg gjennom suget")] {
        let mut app = app(Lang::Nb, w, h);
        go(&mut app, Tab::Checkin);
        feed(&mut app, [Action::Down]);
        // Not answered, then 0, then up to 7.
        feed(&mut app, std::iter::repeat_n(Action::Increase, 8));
        assert!(!text(&app, w, h).contains(expected), "craving 7 is not offered support");
        feed(&mut app, [Action::Increase]);
        let screen = text(&app, w, h);
        assert!(screen.contains(expected), "{w}x{h}:\n{screen}");
        assert!(app.overlay().is_none(), "nothing is forced open");
        feed(&mut app, [Action::Crisis]);
        assert!(text(&app, w, h).contains("116 123"), "! opens the help lines");
        feed(&mut app, [Action::Back, Action::GoTab(breathe as u8)]);
        assert_eq!(app.tab(), Tab::Breathe, "the breathing screen is the key the offer names");
    }
}

#[test]
fn any_earlier_day_can_be_filled_in_but_not_a_future_one() {
    let mut app = app(Lang::En, 80, 24);
    seed_app(&mut app, 3);
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Top, Action::Increase]);
    assert_eq!(app.checkin().checkin().date, today(), "tomorrow is not offered");
    feed(&mut app, [Action::Decrease]);
    let yesterday = crate::support::checkins::day(1).unwrap();
    assert_eq!(app.checkin().checkin(), &yesterday, "yesterday's check-in is loaded");
    feed(&mut app, [Action::Open]);
    type_text(&mut app, "2026-01-32");
    feed(&mut app, [Action::Open]);
    assert!(text(&app, 80, 24).contains("YYYY-MM-DD, today or earlier"), "a bad date is explained");
    crate::support::app::clear_field(&mut app);
    type_text(&mut app, "2026-01-15");
    feed(&mut app, [Action::Open]);
    assert_eq!(app.checkin().checkin().date.to_string(), "2026-01-15");
    feed(&mut app, [Action::Down, Action::Decrease]);
    let store = app.store().get().ok().unwrap();
    assert_eq!(store.checkin_on("2026-01-15".parse().unwrap()).unwrap().unwrap().mood, 2);
}

#[test]
fn the_history_lists_days_and_edits_one_in_the_check_in_screen() {
    let mut app = app(Lang::En, 120, 40);
    seed_app(&mut app, 60);
    go(&mut app, Tab::History);
    assert_eq!(app.history().view(), HistoryView::Overview);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("Streak: 52 of 60 days"), "{screen}");
    feed(&mut app, [Action::NextView, Action::NextView, Action::NextView]);
    assert_eq!(app.history().view(), HistoryView::Days);
    feed(&mut app, [Action::Down]);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("Tung kveld."), "the detail shows yesterday's note:\n{screen}");
    feed(&mut app, [Action::Edit]);
    assert_eq!(app.tab(), Tab::Checkin);
    assert_eq!(app.checkin().checkin().date, crate::support::checkins::day(1).unwrap().date);
}

#[test]
fn a_new_check_in_shows_in_the_history_at_once() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::History);
    assert!(text(&app, 80, 24).contains("Ingen innsjekk ennå"));
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Increase]);
    go(&mut app, Tab::History);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Sjekket inn: 1 / 14 dager"), "{screen}");
}

#[test]
fn the_list_reads_older_days_a_page_at_a_time() {
    let mut app = app(Lang::En, 80, 24);
    seed_app(&mut app, 700);
    go(&mut app, Tab::History);
    assert_eq!(app.history().days_read(), 200, "one page read on entering");
    feed(&mut app, [Action::NextView, Action::NextView, Action::NextView, Action::Bottom]);
    feed(&mut app, [Action::Bottom, Action::Bottom, Action::Bottom]);
    assert_eq!(app.history().days_read(), 600, "700 days minus every seventh");
    assert_eq!(app.history().selected_day().unwrap().date, today() - chrono::Days::new(699));
}

#[test]
fn the_focused_field_and_the_calendar_are_styled() {
    let mut app = app(Lang::Nb, 120, 40);
    seed_app(&mut app, 30);
    go(&mut app, Tab::Checkin);
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let theme = mestring::theme::Theme::COLOR;
    // Row 3 is "Humør", the field that has focus first; row 4 is not focused.
    assert_eq!(buffer[(3, 3)].style().bg, theme.selected.bg, "{:?}", buffer[(3, 3)]);
    assert_ne!(buffer[(3, 4)].style().bg, theme.selected.bg);
    go(&mut app, Tab::History);
    feed(&mut app, [Action::NextView]);
    let terminal = draw(&app, 120, 40);
    let screen = rows(terminal.backend().buffer());
    let row = screen.lines().position(|l| l.contains("nov ")).unwrap();
    let col = screen.lines().nth(row).unwrap().chars().position(|c| c == 'n').unwrap();
    // 22 November: the 22nd cell after the month name, two columns per day.
    let cell = &terminal.backend().buffer()[((col + 4 + 21 * 2) as u16, row as u16)];
    let mood = crate::support::checkins::day(0).unwrap().mood;
    let expected = [97, 67, 37, 78, 184].map(ratatui::style::Color::Indexed)[usize::from(mood - 1)];
    assert_eq!((cell.symbol(), cell.fg), ("■", expected));
}

#[test]
fn triggers_and_week_start_from_the_settings_file_are_used() {
    let mut app = app(Lang::En, 120, 40);
    seed_app(&mut app, 30);
    let loaded =
        config::parse("config.ron", r#"(triggers: ["Mondays", "Loneliness"], week_start: "sunday")"#);
    app.configure(Setup::new(None, loaded));
    go(&mut app, Tab::Checkin);
    feed(&mut app, [Action::Bottom, Action::Up, Action::Up, Action::Up, Action::Up]);
    let screen = text(&app, 120, 40);
    assert_eq!(screen.matches("Loneliness").count(), 1, "a built-in named again is not offered twice");
    // The choices scroll to the cursor; the settings' own trigger comes after the built-in ones.
    feed(&mut app, std::iter::repeat_n(Action::Increase, 30));
    let screen = text(&app, 120, 40);
    assert!(screen.contains("[ ] Mondays"), "{screen}");
    go(&mut app, Tab::History);
    feed(&mut app, [Action::NextView]);
    let screen = text(&app, 120, 40);
    let sun = screen.find("Sun").unwrap();
    assert!(sun < screen.find("Mon").unwrap(), "the weekday chart starts on Sunday:\n{screen}");
}

#[test]
fn two_windows_on_one_database_keep_each_others_changes_to_the_same_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mestring.sqlite3");
    let open = || {
        let options = crate::support::app::options(Lang::Nb);
        let clock = Box::new(mestring::clock::FixedClock::sample());
        let mut app = mestring::app::App::new(options, content(), clock, mestring::store::Store::open(&path));
        app.update(Action::Resize { width: 80, height: 24 });
        go(&mut app, Tab::Checkin);
        app
    };
    let (mut a, mut b) = (open(), open());
    // Window A: mood up. Window B, opened before A saved: craving answered 0, then up twice, a note.
    feed(&mut a, [Action::Increase]);
    feed(
        &mut b,
        [
            Action::Down,
            Action::Increase,
            Action::Increase,
            Action::Increase,
            Action::Bottom,
            Action::Up,
            Action::Open,
        ],
    );
    type_text(&mut b, "fra B");
    feed(&mut b, [Action::Back]);
    // Window A changes stress later, from its older view of the day.
    feed(&mut a, [Action::Down, Action::Down, Action::Increase, Action::Increase]);
    let c = a.store().get().ok().unwrap().checkin_on(today()).unwrap().unwrap();
    assert_eq!((c.mood, c.craving, c.stress, c.note.as_str()), (4, Some(2), Some(1), "fra B"));
    assert_eq!(a.checkin().checkin().craving, Some(2), "window A now shows B's change too");
}

#[test]
fn a_form_left_open_across_midnight_no_longer_calls_its_day_today() {
    let mut t = crate::support::app::TestApp::new(Lang::En, 100, 30);
    go(&mut t.app, Tab::Checkin);
    assert!(t.shows("2026-11-22 (today)"), "{}", t.text());
    let after_midnight = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(0, 5, 0).unwrap();
    t.clock.set_wall(after_midnight);
    t.send(&[Action::Down]);
    let screen = t.text();
    assert!(
        screen.contains("2026-11-22") && !screen.contains("(today)"),
        "the form's day, by its date:\n{screen}"
    );
}

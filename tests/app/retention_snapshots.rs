//! Snapshots of the welcome, the craving dialog, the weekly review, the cravings per day and
//! a counter's savings, at 80x24 and 120x40, in both languages.

use chrono::{NaiveDate, TimeDelta};
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::clock::{Clock, FixedClock, Moment};
use mestring::content::RegionId;
use mestring::domain::savings::Saving;
use mestring::domain::sober::Counter;
use mestring::domain::urges::{Outcome, Urge};
use mestring::i18n::Lang;
use mestring::panes::history::HistoryView;
use mestring::store::Store;

use crate::support::app::{app, app_with, feed, go, screen};
use crate::support::checkins::seed;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn each(name: &str, make: impl Fn(Lang, u16, u16) -> App, steps: impl Fn(&mut App)) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut app = make(lang, w, h);
            steps(&mut app);
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen(&app, w, h));
        }
    }
}

/// Check-ins for sixty days and a week of cravings, some answered.
fn with_history(lang: Lang, w: u16, h: u16) -> App {
    let mut store = Store::open_in_memory().unwrap();
    seed(&mut store, 60);
    let now = FixedClock::sample().now();
    for (days, hour, strength, outcome) in [
        (0, 7, 6, Some(Outcome::Passed)),
        (1, 21, 8, Some(Outcome::Used)),
        (1, 14, 4, Some(Outcome::Passed)),
        (3, 19, 7, None),
    ] {
        let at = (now.date() - chrono::Days::new(days)).and_hms_opt(hour, 0, 0).unwrap();
        let id = store.log_urge(&Urge::new(at, strength, "stress", ""), Moment::in_utc(at)).unwrap();
        if let Some(outcome) = outcome {
            store
                .answer_urge(id, outcome, Some(2), Moment { local: at + TimeDelta::minutes(25), utc: at })
                .unwrap();
        }
    }
    store.save_takeaway("2026-W47", "Gå tur etter middag", Moment::in_utc(now)).unwrap();
    app_with(lang, w, h, Ok(store))
}

fn history_view(app: &mut App, wanted: HistoryView) {
    go(app, Tab::History);
    while app.history().view() != wanted {
        feed(app, [Action::NextView]);
    }
}

#[test]
fn welcome() {
    let welcome = |lang, w, h| {
        let mut app = app(lang, w, h);
        app.start_welcome(RegionId::Norway);
        app
    };
    each("welcome_about", welcome, |_| {});
    each("welcome_language", welcome, |a| feed(a, [Action::Open]));
    each("welcome_counter", welcome, |a| feed(a, [Action::Open, Action::Open]));
    each("welcome_first_checkin", welcome, |a| feed(a, [Action::Open, Action::Open, Action::Save]));
}

#[test]
fn cravings() {
    each("urge_log", app, |a| feed(a, [Action::LogUrge]));
    each("urge_offer", app, |a| feed(a, [Action::LogUrge, Action::Save]));
    let asked = |lang, w, h| {
        let mut store = Store::open_in_memory().unwrap();
        let at = FixedClock::sample().now() - TimeDelta::minutes(30);
        store.log_urge(&Urge::new(at, 7, "stress", ""), Moment::in_utc(at)).unwrap();
        app_with(lang, w, h, Ok(store))
    };
    each("urge_follow_up", asked, |_| {});
    each("history_urges", with_history, |a| history_view(a, HistoryView::Urges));
}

#[test]
fn review() {
    each("history_review", with_history, |a| history_view(a, HistoryView::Review));
    each("history_review_empty", app, |a| history_view(a, HistoryView::Review));
    let sunday_evening = |lang, w, h| {
        let evening = FixedClock::sample().now().date().and_hms_opt(20, 0, 0).unwrap();
        crate::support::app::app_at(lang, w, h, Store::open_in_memory(), evening)
    };
    each("home_review_offer", sunday_evening, |_| {});
}

#[test]
fn savings() {
    let saved = |lang, w, h| {
        let mut store = Store::open_in_memory().unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 10, 23).unwrap();
        let now = FixedClock::sample().now();
        let id = store
            .add_counter(
                &Counter { name: "Alkohol".into(), start, follows_checkins: true },
                Moment::in_utc(now),
            )
            .unwrap();
        let saving =
            Saving { cost_cents: Some(18_000), minutes: Some(150), save_for: "Tur til Lofoten".into() };
        store.save_saving(id, &saving, Moment::in_utc(now)).unwrap();
        app_with(lang, w, h, Ok(store))
    };
    each("home_savings", saved, |_| {});
    each("sober_savings", saved, |a| go(a, Tab::Sober));
}

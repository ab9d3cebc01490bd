//! Moving through a guided exercise with `n`, and what the summary and the record then say.

use std::time::Duration;

use crate::support::app::TestApp;
use chrono::NaiveDate;
use mestring::action::Action;
use mestring::domain::practice::PracticeRecord;
use mestring::i18n::Lang;

fn records(t: &TestApp) -> Vec<PracticeRecord> {
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    t.app.store().get().expect("store open").practice_between(NaiveDate::MIN, last).unwrap()
}

/// The STOP pause (four steps), started as `mestring breathe --pattern stop` starts it.
fn stop_pause(lang: Lang) -> TestApp {
    let mut t = TestApp::new(lang, 80, 24);
    t.app.start_exercise("stop", None).expect("a known exercise");
    t.app.frame_drawn();
    t
}

#[test]
fn skipping_past_the_last_step_shows_the_summary_at_once_and_is_not_completed() {
    for lang in [Lang::Nb, Lang::En] {
        let mut t = stop_pause(lang);
        t.advance(Duration::from_secs(3));
        for _ in 0..4 {
            t.send(&[Action::NextStep]);
        }
        let summary = if lang == Lang::Nb { "Enter: en gang til" } else { "Enter: once more" };
        assert!(t.shows(summary), "the summary at once, not a blank screen:\n{}", t.screen());
        assert!(!t.app.breathe().in_session());
        let ended = if lang == Lang::Nb { "Avsluttet" } else { "Ended" };
        assert!(t.shows(ended), "{}", t.screen());
        let records = records(&t);
        assert_eq!(records.len(), 1);
        assert!(!records[0].completed, "skipping every step is not completing the exercise");
        assert_eq!(records[0].actual_ms, 3_000, "the time actually spent");
        assert_eq!(records[0].planned_ms, 120_000);
    }
}

#[test]
fn steps_moved_on_from_after_most_of_their_time_still_complete_the_exercise() {
    let mut t = stop_pause(Lang::En);
    // 20 + 30 + 45 + 25 s: each step given most of its time before `n`.
    for seconds in [15, 25, 40, 20] {
        t.advance(Duration::from_secs(seconds));
        t.send(&[Action::NextStep]);
    }
    assert!(t.shows("Completed"), "{}", t.screen());
    let records = records(&t);
    assert!(records[0].completed);
    assert_eq!(records[0].actual_ms, 100_000);
}

#[test]
fn a_session_shorter_than_a_minute_counts_in_this_week() {
    let mut t = stop_pause(Lang::En);
    t.advance(Duration::from_secs(16));
    t.send(&[Action::Back]);
    assert!(t.shows("This week: 16 s"), "{}", t.screen());
    assert!(!t.shows("0 min"), "{}", t.screen());
}

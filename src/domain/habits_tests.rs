use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::clock::{Clock, FixedClock};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap()
}

fn done(dates: &[NaiveDate]) -> Vec<(NaiveDate, Mark)> {
    dates.iter().map(|d| (*d, Mark::Done)).collect()
}

#[test]
fn a_daily_streak_counts_done_days_in_a_row() {
    let today = d(2026, 11, 22);
    let s = streak(Cadence::Daily, today, done(&[d(2026, 11, 22), d(2026, 11, 21), d(2026, 11, 20)]));
    assert_eq!((s.kept, s.current_kept, s.current_done), (3, true, true));
    let s = streak(Cadence::Daily, today, done(&[d(2026, 11, 22), d(2026, 11, 20)]));
    assert_eq!(s.kept, 1, "a missed day without a planned skip ends the streak");
}

#[test]
fn today_not_done_yet_does_not_break_the_streak() {
    let today = d(2026, 11, 22);
    let s = streak(Cadence::Daily, today, done(&[d(2026, 11, 21), d(2026, 11, 20)]));
    assert_eq!((s.kept, s.current_kept), (2, false));
    let s = streak(Cadence::Daily, today, done(&[d(2026, 11, 20), d(2026, 11, 19)]));
    assert_eq!(s, Streak::default(), "yesterday missed: the streak is over");
}

#[test]
fn planned_skip_days_keep_the_streak_without_adding_to_it() {
    let today = d(2026, 11, 22);
    let marks = [
        (d(2026, 11, 22), Mark::Done),
        (d(2026, 11, 21), Mark::Skip),
        (d(2026, 11, 20), Mark::Done),
        (d(2026, 11, 19), Mark::Skip),
        (d(2026, 11, 18), Mark::Done),
        (d(2026, 11, 16), Mark::Done),
    ];
    let s = streak(Cadence::Daily, today, marks);
    assert_eq!(s.kept, 3, "the 17th was neither done nor planned");
    let skipped_today = streak(Cadence::Daily, today, [(today, Mark::Skip), (d(2026, 11, 21), Mark::Done)]);
    assert_eq!(
        (skipped_today.kept, skipped_today.current_kept, skipped_today.current_done),
        (1, true, false)
    );
}

#[test]
fn future_planned_skips_are_ignored_for_the_streak() {
    let today = d(2026, 11, 22);
    let marks = [(d(2026, 11, 24), Mark::Skip), (d(2026, 11, 21), Mark::Done)];
    assert_eq!(streak(Cadence::Daily, today, marks).kept, 1);
}

#[test]
fn daily_streaks_run_over_month_and_year_ends() {
    let s = streak(Cadence::Daily, d(2027, 1, 1), done(&[d(2027, 1, 1), d(2026, 12, 31), d(2026, 12, 30)]));
    assert_eq!(s.kept, 3);
    let s = streak(Cadence::Daily, d(2026, 3, 1), done(&[d(2026, 3, 1), d(2026, 2, 28), d(2026, 2, 27)]));
    assert_eq!(s.kept, 3, "2026 has no 29 February");
}

#[test]
fn a_weekly_habit_needs_one_day_in_each_week() {
    // Weeks: Mon 9, Mon 16, Mon 23 November 2026. Today is Sunday the 22nd.
    let today = d(2026, 11, 22);
    let s = streak(Cadence::Weekly, today, done(&[d(2026, 11, 18), d(2026, 11, 17), d(2026, 11, 10)]));
    assert_eq!((s.kept, s.current_kept), (2, true), "two days in one week count once");
    let s = streak(Cadence::Weekly, today, done(&[d(2026, 11, 12), d(2026, 11, 3)]));
    assert_eq!((s.kept, s.current_kept), (2, false), "this week is still open");
    let s = streak(Cadence::Weekly, today, done(&[d(2026, 11, 5)]));
    assert_eq!(s.kept, 0, "a whole week missed");
    let s = streak(Cadence::Weekly, today, [(d(2026, 11, 11), Mark::Skip), (d(2026, 11, 4), Mark::Done)]);
    assert_eq!(s.kept, 1, "a planned skip covers its week");
}

#[test]
fn a_week_that_spans_the_new_year_is_one_week() {
    // Monday 28 December 2026 to Sunday 3 January 2027.
    assert_eq!(week_start(d(2027, 1, 3)), d(2026, 12, 28));
    let s = streak(Cadence::Weekly, d(2027, 1, 3), done(&[d(2027, 1, 2), d(2026, 12, 29), d(2026, 12, 22)]));
    assert_eq!(s.kept, 2);
}

#[test]
fn the_warning_comes_in_the_evening_of_the_last_chance_only() {
    let today = d(2026, 11, 20);
    let alive = streak(Cadence::Daily, today, done(&[d(2026, 11, 19), d(2026, 11, 18)]));
    assert_eq!(breaks_tomorrow(Cadence::Daily, alive, at(today, 17, 59)), None);
    assert_eq!(breaks_tomorrow(Cadence::Daily, alive, at(today, 18, 0)), Some(BreaksTomorrow { kept: 2 }));
    let kept = streak(Cadence::Daily, today, done(&[today, d(2026, 11, 19)]));
    assert_eq!(breaks_tomorrow(Cadence::Daily, kept, at(today, 21, 0)), None, "done today");
    let skip = streak(Cadence::Daily, today, [(today, Mark::Skip), (d(2026, 11, 19), Mark::Done)]);
    assert_eq!(breaks_tomorrow(Cadence::Daily, skip, at(today, 21, 0)), None, "planned skip today");
    assert_eq!(breaks_tomorrow(Cadence::Daily, Streak::default(), at(today, 21, 0)), None, "nothing to lose");
    // Weekly: only on Sunday evening, the last day of the week.
    let weekly = streak(Cadence::Weekly, today, done(&[d(2026, 11, 12)]));
    assert_eq!(breaks_tomorrow(Cadence::Weekly, weekly, at(today, 21, 0)), None, "a Friday");
    let sunday = d(2026, 11, 22);
    let weekly = streak(Cadence::Weekly, sunday, done(&[d(2026, 11, 12)]));
    assert_eq!(breaks_tomorrow(Cadence::Weekly, weekly, at(sunday, 21, 0)), Some(BreaksTomorrow { kept: 1 }));
}

#[test]
fn daylight_saving_days_are_ordinary_days() {
    // 25 October 2026 is 25 hours long in Norway; 29 March 2026 is 23 hours long.
    let clock = FixedClock::new(at(d(2026, 10, 25), 18, 30));
    let s = streak(Cadence::Daily, clock.today(), done(&[d(2026, 10, 24), d(2026, 10, 23)]));
    assert_eq!(breaks_tomorrow(Cadence::Daily, s, clock.now()), Some(BreaksTomorrow { kept: 2 }));
    clock.set_wall(at(d(2026, 3, 30), 0, 10));
    let s = streak(Cadence::Daily, clock.today(), done(&[d(2026, 3, 29), d(2026, 3, 28)]));
    assert_eq!((s.kept, s.current_kept), (2, false));
}

#[test]
fn the_counter_says_when_to_stop_reading() {
    let mut counter = StreakCounter::new(Cadence::Daily, d(2026, 11, 22));
    assert!(counter.push(d(2026, 11, 22), Mark::Done));
    assert!(counter.push(d(2026, 11, 21), Mark::Done));
    assert!(!counter.push(d(2026, 11, 10), Mark::Done));
    assert!(!counter.push(d(2026, 11, 9), Mark::Done), "stays broken");
    assert_eq!(counter.finish().kept, 2);
}

#[test]
fn names_and_cadence_keys() {
    assert!(Habit::valid_name("Gå en tur"));
    assert!(!Habit::valid_name("  "));
    assert!(!Habit::valid_name(&"x".repeat(NAME_MAX_CHARS + 1)));
    for c in [Cadence::Daily, Cadence::Weekly] {
        assert_eq!(Cadence::from_key(c.key()), Some(c));
    }
}

use chrono::{NaiveDate, NaiveDateTime};

use super::*;

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn now() -> NaiveDateTime {
    date(1).and_hms_opt(20, 0, 0).unwrap()
}

/// A day with `craving` and `sleep` hours (None: not recorded).
fn day(n: u32, craving: u8, sleep: Option<u8>) -> CheckIn {
    let mut c = CheckIn::blank(date(n), now());
    c.craving = Some(craving);
    c.sleep_half_hours = sleep.map(|h| h * 2);
    c
}

#[test]
fn too_little_data_gives_no_pattern() {
    // Four short nights with high craving: a striking difference, but too few days to say so.
    let mut days: Vec<CheckIn> = (1..=4).map(|n| day(n, 8, Some(5))).collect();
    days.extend((5..=20).map(|n| day(n, 2, Some(8))));
    assert_eq!(compare(&days, Condition::ShortSleep, Measure::Craving), None);
    assert!(patterns(&days).iter().all(|p| p.condition != Condition::ShortSleep));
    assert!(patterns(&days[..3]).is_empty(), "three days: nothing at all");
    assert!(patterns(&[]).is_empty());
}

#[test]
fn five_days_on_each_side_give_a_pattern_with_both_counts() {
    let mut days: Vec<CheckIn> = (1..=5).map(|n| day(n, 7, Some(5))).collect();
    days.extend((6..=12).map(|n| day(n, 3, Some(8))));
    // Days without sleep recorded count on neither side.
    days.extend((13..=15).map(|n| day(n, 9, None)));
    let p = compare(&days, Condition::ShortSleep, Measure::Craving).expect("enough days");
    assert_eq!((p.days_with, p.days_without), (5, 7));
    assert_eq!((p.with, p.without), (7.0, 3.0));
    assert_eq!(patterns(&days)[0], p);
}

#[test]
fn a_small_difference_is_not_a_pattern() {
    let mut days: Vec<CheckIn> = (1..=6).map(|n| day(n, 4, Some(5))).collect();
    days.extend((7..=14).map(|n| day(n, 3, Some(8))));
    let difference = compare(&days, Condition::ShortSleep, Measure::Craving);
    assert_eq!(difference.map(|p| p.with - p.without), Some(1.0), "exactly the smallest difference counts");
    days.iter_mut().take(6).for_each(|d| d.craving = Some(3));
    days[0].craving = Some(8);
    assert_eq!(compare(&days, Condition::ShortSleep, Measure::Craving), None, "0.8 apart: noise");
}

#[test]
fn triggers_and_helpers_are_counted_most_frequent_first() {
    let labels = ["stress", "boredom", "stress", "", "payday", "boredom", "stress", "alone"];
    assert_eq!(
        most_frequent(labels.into_iter()),
        vec![("stress".to_owned(), 3), ("boredom".to_owned(), 2), ("alone".to_owned(), 1)]
    );
}

#[test]
fn a_trigger_pattern_compares_days_with_and_without_it() {
    let mut days: Vec<CheckIn> = (1..=10).map(|n| day(n, 2, None)).collect();
    for d in days.iter_mut().take(5) {
        d.triggers = vec!["conflict".to_owned()];
        d.craving = Some(6);
    }
    let found = patterns(&days);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].condition, Condition::Trigger("conflict".to_owned()));
    assert_eq!(
        (found[0].with, found[0].without, found[0].days_with, found[0].days_without),
        (6.0, 2.0, 5, 5)
    );
}

#[test]
fn weeks_start_on_monday_or_sunday_and_are_named_by_their_iso_week() {
    // Sunday 22 November 2026.
    assert_eq!(week_start(date(22), false), date(16));
    assert_eq!(week_start(date(22), true), date(22));
    assert_eq!(week_label(date(16)), "2026-W47");
    assert_eq!(week_label(date(22)), "2026-W48", "a Sunday-first week is named by its Monday");
    assert_eq!(parse_week("2026-W47", false), Some(date(16)));
    assert_eq!(parse_week("2026-w48", true), Some(date(22)));
    assert_eq!(parse_week("2026-W54", false), None);
    assert_eq!(parse_week("last week", false), None);
}

#[test]
fn a_week_counts_its_check_ins_urges_and_averages() {
    let checkins = vec![day(16, 4, Some(7)), day(17, 2, None)];
    let at = date(16).and_hms_opt(14, 0, 0).unwrap();
    let mut passed = Urge::new(at, 6, "", "");
    passed.outcome = Some(Outcome::Passed);
    let urges = vec![passed, Urge::new(at, 5, "", "")];
    let n = numbers(&checkins, &urges, 4, Some(7));
    assert_eq!((n.checkins, n.craving, n.sleep), (2, Some(3.0), Some(7.0)));
    assert_eq!((n.urges, n.passed, n.used, n.open, n.habits_kept, n.sober_days), (2, 1, 0, 1, 4, Some(7)));
    assert_eq!(numbers(&[], &[], 0, None).mood, None, "no check-ins: no average, not zero");
}

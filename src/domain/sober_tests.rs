use chrono::NaiveDate;

use super::*;
use crate::clock::{Clock, FixedClock};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn without_slips_every_finished_day_counts() {
    let s = stats(d(2026, 11, 1), d(2026, 11, 22), []);
    assert_eq!((s.current, s.total, s.longest, s.slips), (21, 21, 21, 0));
    assert_eq!(s.run_start, d(2026, 11, 1));
    let first_day = stats(d(2026, 11, 22), d(2026, 11, 22), []);
    assert_eq!((first_day.current, first_day.total), (0, 0), "the start day is not over yet");
    assert_eq!(stats(d(2026, 11, 21), d(2026, 11, 22), []).current, 1);
}

#[test]
fn a_slip_keeps_the_days_before_it() {
    // 1-9 sober (9 days), slip on the 10th, 11-21 sober (11 days).
    let s = stats(d(2026, 11, 1), d(2026, 11, 22), [d(2026, 11, 10)]);
    assert_eq!((s.current, s.total, s.longest, s.slips), (11, 20, 11, 1));
    assert_eq!((s.run_start, s.last_slip), (d(2026, 11, 11), Some(d(2026, 11, 10))));
}

#[test]
fn the_longest_run_can_be_an_earlier_one() {
    let s = stats(d(2026, 1, 1), d(2026, 3, 1), [d(2026, 2, 20), d(2026, 2, 25)]);
    assert_eq!(s.longest, 50, "1 Jan to 19 Feb");
    assert_eq!((s.current, s.slips), (3, 2), "26-28 February");
    assert_eq!(s.total, 50 + 4 + 3);
}

#[test]
fn a_slip_today_or_yesterday_starts_a_new_run_at_zero() {
    let today = d(2026, 11, 22);
    let s = stats(d(2026, 11, 1), today, [today]);
    assert_eq!((s.current, s.total, s.slips), (0, 21, 1));
    assert_eq!(s.run_start, d(2026, 11, 23));
    let s = stats(d(2026, 11, 1), today, [d(2026, 11, 21)]);
    assert_eq!((s.current, s.total), (0, 20));
}

#[test]
fn repeats_and_dates_outside_the_counter_are_ignored() {
    let s = stats(
        d(2026, 11, 5),
        d(2026, 11, 22),
        [d(2026, 11, 10), d(2026, 11, 10), d(2026, 11, 1), d(2026, 11, 30)],
    );
    assert_eq!((s.slips, s.last_slip), (1, Some(d(2026, 11, 10))));
    assert_eq!(s.total, 17 - 1);
}

#[test]
fn slip_days_in_a_row_count_once_each_and_are_not_sober() {
    let s = stats(d(2026, 11, 1), d(2026, 11, 10), [d(2026, 11, 4), d(2026, 11, 5), d(2026, 11, 6)]);
    assert_eq!((s.total, s.current, s.longest, s.slips), (3 + 3, 3, 3, 3));
}

#[test]
fn counting_over_month_and_year_ends_and_a_leap_day() {
    let s = stats(d(2026, 12, 30), d(2027, 1, 2), []);
    assert_eq!(s.current, 3);
    let s = stats(d(2028, 2, 27), d(2028, 3, 1), []);
    assert_eq!(s.current, 3, "2028 has a 29 February");
    let s = stats(d(2026, 12, 20), d(2027, 1, 10), [d(2026, 12, 31)]);
    assert_eq!((s.run_start, s.current, s.total), (d(2027, 1, 1), 9, 11 + 9));
}

#[test]
fn a_daylight_saving_change_does_not_shift_a_count() {
    // Norway: summer time starts 29 March 2026 (02:00 -> 03:00, a 23-hour day) and ends
    // 25 October 2026 (03:00 -> 02:00, a 25-hour day). The clock gives local wall time.
    let clock = FixedClock::new(d(2026, 3, 29).and_hms_opt(23, 59, 0).unwrap());
    let s = stats(d(2026, 3, 28), clock.today(), []);
    assert_eq!(s.current, 1);
    clock.set_wall(d(2026, 3, 30).and_hms_opt(0, 1, 0).unwrap());
    assert_eq!(stats(d(2026, 3, 28), clock.today(), []).current, 2);
    clock.set_wall(d(2026, 10, 26).and_hms_opt(0, 30, 0).unwrap());
    let s = stats(d(2026, 10, 24), clock.today(), [d(2026, 10, 25)]);
    assert_eq!((s.current, s.total), (0, 1), "the 25-hour day is one slip day, not two");
    let next = next_milestone(d(2026, 10, 24), clock.today()).unwrap();
    assert_eq!(next, (Milestone::Days(3), d(2026, 10, 27)));
}

#[test]
fn milestones_come_in_order_then_yearly_by_the_calendar() {
    let start = d(2026, 1, 1);
    let dates: Vec<NaiveDate> = Milestone::all().take(11).map(|m| m.date(start).unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(Milestone::Days(365).date(start), Some(d(2027, 1, 1)));
    assert_eq!(Milestone::Years(2).date(start), Some(d(2028, 1, 1)));
    assert_eq!(Milestone::Years(3).date(start), Some(d(2029, 1, 1)), "a leap year in between");
    assert_eq!(Milestone::Years(2).date(d(2028, 2, 29)), Some(d(2030, 2, 28)));
}

#[test]
fn the_next_milestone_is_the_first_after_today() {
    let start = d(2026, 11, 1);
    assert_eq!(next_milestone(start, start), Some((Milestone::Days(1), d(2026, 11, 2))));
    assert_eq!(next_milestone(start, d(2026, 11, 2)), Some((Milestone::Days(3), d(2026, 11, 4))));
    assert_eq!(next_milestone(start, d(2026, 11, 22)), Some((Milestone::Days(30), d(2026, 12, 1))));
    assert_eq!(next_milestone(start, d(2027, 11, 1)), Some((Milestone::Years(2), d(2028, 11, 1))));
    assert_eq!(next_milestone(start, d(2031, 6, 1)), Some((Milestone::Years(5), d(2031, 11, 1))));
}

#[test]
fn a_milestone_is_recent_for_a_few_days_after_it_is_reached() {
    let start = d(2026, 11, 1);
    assert_eq!(recent_milestone(start, d(2026, 11, 8), 0), Some((Milestone::Days(7), d(2026, 11, 8))));
    assert_eq!(recent_milestone(start, d(2026, 11, 9), 0), None);
    assert_eq!(recent_milestone(start, d(2026, 11, 10), 3), Some((Milestone::Days(7), d(2026, 11, 8))));
    assert_eq!(recent_milestone(start, d(2026, 11, 4), 3), Some((Milestone::Days(3), d(2026, 11, 4))));
    assert_eq!(recent_milestone(start, start, 3), None, "day 0 is no milestone");
    assert_eq!(recent_milestone(start, d(2028, 11, 2), 3), Some((Milestone::Years(2), d(2028, 11, 1))));
}

#[test]
fn slips_are_counted_per_month_across_a_year_end() {
    let slips =
        [d(2026, 11, 3), d(2026, 12, 31), d(2027, 1, 1), d(2027, 1, 1), d(2027, 1, 20), d(2025, 1, 1)];
    let by = slips_by_month(d(2027, 1, 22), 3, slips);
    assert_eq!(by, [((2026, 11), 1), ((2026, 12), 1), ((2027, 1), 2)]);
    assert_eq!(slips_by_month(d(2027, 1, 22), 1, []).len(), 1);
}

#[test]
fn validation_refuses_what_cannot_be_right() {
    let today = d(2026, 11, 22);
    let counter = Counter { name: "Alkohol".into(), start: d(2026, 11, 1), follows_checkins: true };
    assert_eq!(counter.validate(today), Ok(()));
    assert_eq!(Counter { name: "  ".into(), ..counter.clone() }.validate(today), Err(Invalid::Name));
    let future = Counter { start: d(2026, 11, 23), ..counter.clone() };
    assert_eq!(future.validate(today), Err(Invalid::Future(d(2026, 11, 23))));
    assert_eq!(
        validate_slip_date(counter.start, d(2026, 10, 31), today),
        Err(Invalid::BeforeStart(d(2026, 10, 31)))
    );
    assert_eq!(
        validate_slip_date(counter.start, d(2026, 11, 23), today),
        Err(Invalid::Future(d(2026, 11, 23)))
    );
    assert_eq!(validate_slip_date(counter.start, today, today), Ok(()));
    let long = SlipNote { what_happened: "x".repeat(SLIP_NOTE_MAX_CHARS + 1), ..SlipNote::default() };
    assert_eq!(long.validate(), Err(Invalid::NoteTooLong));
    assert!(SlipNote::default().is_empty());
}

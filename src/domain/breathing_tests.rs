use std::time::Duration;

use super::BreathKind::{Hold, In, Out};
use super::*;
use crate::content::exercises;
use crate::i18n::Lang;

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

const fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn steps(spec: &[(BreathKind, u64)]) -> Vec<Step> {
    spec.iter().map(|&(kind, millis)| Step::new(kind, ms(millis))).collect()
}

fn content(id: &str) -> Vec<Step> {
    let content = crate::content::Content::new(None);
    let pattern = exercises::find_breathing(&content, Lang::En, id).expect("pattern in content");
    pattern.steps.iter().map(Step::from_content).collect()
}

fn phase(schedule: &Schedule, elapsed: Duration) -> PhaseAt {
    match schedule.at(elapsed) {
        Moment::Breath(p) => p,
        other => panic!("expected a phase at {elapsed:?}, got {other:?}"),
    }
}

const RES: Resolution = Resolution { figure_steps: 12, gauge_cells: 40 };

#[test]
fn the_lead_in_counts_three_two_one() {
    let s = Schedule::new(&content("box"), Length::Cycles(1)).unwrap();
    let count = |e| s.visible(e, RES).seconds_left;
    assert_eq!(s.at(Duration::ZERO), Moment::LeadIn { left: secs(3) });
    assert_eq!(
        [count(ms(0)), count(ms(999)), count(ms(1000)), count(ms(2000)), count(ms(2999))],
        [3, 3, 2, 1, 1]
    );
    assert_eq!(s.next_visible_change(ms(0), RES), Some(secs(1)));
    assert_eq!(s.next_visible_change(ms(2500), RES), Some(secs(3)));
    assert_eq!(phase(&s, secs(3)).kind, In);
}

#[test]
fn box_breathing_phase_at_any_instant() {
    let s = Schedule::new(&content("box"), Length::Cycles(3)).unwrap();
    assert_eq!(s.cycle_len(), secs(16));
    assert_eq!(s.planned(), secs(48));
    let at = |e: Duration| {
        let p = phase(&s, e);
        (p.kind, p.cycle, p.step)
    };
    assert_eq!(at(secs(3)), (In, 0, 0));
    assert_eq!(at(ms(6_999)), (In, 0, 0));
    assert_eq!(at(secs(7)), (Hold, 0, 1), "a boundary belongs to the phase it starts");
    assert_eq!(at(secs(11)), (Out, 0, 2));
    assert_eq!(at(ms(18_999)), (Hold, 0, 3));
    assert_eq!(at(secs(19)), (In, 1, 0));
    assert_eq!(at(secs(3 + 16 * 2 + 12)), (Hold, 2, 3));
    assert_eq!(s.at(secs(51)), Moment::Done);
    assert_eq!(s.next_visible_change(secs(51), RES), None);
    let p = phase(&s, ms(8_250));
    assert_eq!((p.start, p.end, p.left), (secs(7), secs(11), ms(2_750)));
    assert_eq!(s.visible(ms(8_250), RES).seconds_left, 3);
}

#[test]
fn boundaries_are_exact_sums_of_the_pattern() {
    let s = Schedule::new(&content("4-7-8"), Length::Cycles(2)).unwrap();
    let got: Vec<(u64, Option<BreathKind>)> =
        s.boundaries().map(|(t, k)| (t.as_millis() as u64, k)).collect();
    assert_eq!(
        got,
        [
            (3_000, Some(In)),
            (7_000, Some(Hold)),
            (14_000, Some(Out)),
            (22_000, Some(In)),
            (26_000, Some(Hold)),
            (33_000, Some(Out)),
            (41_000, None)
        ]
    );
    for (t, kind) in s.boundaries() {
        match kind {
            Some(kind) => assert_eq!(phase(&s, t).kind, kind),
            None => assert_eq!(s.at(t), Moment::Done),
        }
        let just_before = t - Duration::from_nanos(1);
        assert_ne!(s.visible(just_before, RES).stage, s.visible(t, RES).stage, "{t:?}");
        assert_eq!(s.next_visible_change(just_before, RES), Some(t));
    }
}

#[test]
fn minutes_become_the_nearest_whole_number_of_cycles() {
    let cycles = |id: &str, minutes| Schedule::new(&content(id), Length::Minutes(minutes)).unwrap().cycles();
    assert_eq!(cycles("4-7-8", 3), 9, "180 s / 19 s = 9.47");
    assert_eq!(cycles("calm-4-6", 3), 18);
    assert_eq!(cycles("resonance", 5), 27, "300 s / 11 s = 27.3");
    assert_eq!(cycles("box", 0), 1, "at least one cycle");
    assert_eq!(Schedule::new(&content("box"), Length::Cycles(0)).unwrap().cycles(), 1);
}

#[test]
fn custom_patterns_with_tenths_are_exact() {
    let pattern = [
        Step::from_tenths(In, 37),
        Step::from_tenths(Hold, 12),
        Step::from_tenths(Out, 51),
        Step::from_tenths(Hold, 1),
    ];
    let s = Schedule::new(&pattern, Length::Cycles(100)).unwrap();
    assert_eq!(s.cycle_len(), ms(10_100));
    assert_eq!(s.total(), secs(3) + ms(1_010_000));
    let last_cycle = secs(3) + ms(10_100 * 99);
    assert_eq!(phase(&s, last_cycle + ms(3_700)).kind, Hold);
    assert_eq!(phase(&s, last_cycle + ms(3_699)).kind, In);
    assert_eq!(phase(&s, last_cycle + ms(10_000)).kind, Hold);
    assert_eq!(phase(&s, last_cycle + ms(10_000)).end, s.total());
    // 0.1 and 5.5 from content (f32) are exact too.
    let resonance = Schedule::new(&content("resonance"), Length::Cycles(1)).unwrap();
    assert_eq!(resonance.cycle_len(), ms(11_000));
    assert_eq!(Step::from_content(&exercises::BreathStep { kind: Hold, seconds: 0.1 }).len, ms(100));
    assert_eq!(label(&pattern, ','), "3,7-1,2-5,1-0,1");
    assert_eq!(label(&content("physiological-sigh"), '.'), "2+1-6");
    assert_eq!(label(&content("resonance"), ','), "5,5-5,5");
}

#[test]
fn zero_length_holds_are_skipped() {
    let s =
        Schedule::new(&steps(&[(In, 4000), (Hold, 0), (Out, 6000), (Hold, 0)]), Length::Cycles(2)).unwrap();
    assert_eq!(s.cycle_len(), secs(10));
    let kinds: Vec<Option<BreathKind>> = s.boundaries().map(|(_, k)| k).collect();
    assert_eq!(kinds, [Some(In), Some(Out), Some(In), Some(Out), None]);
    // Not even for a nanosecond: the instant the in-breath ends, the out-breath begins.
    assert_eq!(phase(&s, secs(7)).kind, Out);
    assert_eq!(phase(&s, secs(7) - Duration::from_nanos(1)).kind, In);
    assert_eq!(Schedule::new(&steps(&[(Hold, 0), (In, 0)]), Length::Cycles(1)), Err(ScheduleError::Empty));
}

#[test]
fn the_figure_grows_on_the_inhale_and_shrinks_on_the_exhale() {
    let s = Schedule::new(&content("box"), Length::Cycles(1)).unwrap();
    let level = |e| phase(&s, e).level;
    assert_eq!(level(secs(3)), 0.0);
    assert!(level(secs(4)) < level(secs(5)) && level(secs(5)) < level(secs(6)));
    assert!((level(secs(5)) - 0.5).abs() < 1e-9, "half-way in is half full");
    assert_eq!(level(secs(7)), 1.0);
    assert_eq!(level(secs(9)), 1.0, "a hold keeps the size");
    assert!(level(secs(12)) > level(secs(13)));
    assert_eq!(level(secs(15)), 0.0);
    // The sigh: the first in-breath fills two thirds, the short second one tops it up.
    let sigh = Schedule::new(&content("physiological-sigh"), Length::Cycles(1)).unwrap();
    let sigh_level = |e| phase(&sigh, e).level;
    assert!((sigh_level(secs(5)) - 2.0 / 3.0).abs() < 1e-9);
    assert!((sigh_level(ms(5_999)) - 1.0).abs() < 1e-3);
    assert_eq!(sigh_level(secs(6)), 1.0);
}

#[test]
fn next_visible_change_is_exactly_the_next_change() {
    for id in ["box", "4-7-8", "resonance", "physiological-sigh", "calm-4-6"] {
        let s = Schedule::new(&content(id), Length::Cycles(2)).unwrap();
        for res in [
            RES,
            Resolution { figure_steps: 3, gauge_cells: 7 },
            Resolution { figure_steps: 40, gauge_cells: 1 },
        ] {
            let mut e = Duration::ZERO;
            let mut wakeups = 0;
            while let Some(next) = s.next_visible_change(e, res) {
                assert!(next > e, "{id}: {next:?} after {e:?}");
                let before = s.visible(e, res);
                assert_ne!(s.visible(next, res), before, "{id}: nothing changes at {next:?}");
                // Nothing visible changes in between (sampled every 10 ms and just before).
                let mut t = e;
                while t < next {
                    assert_eq!(s.visible(t, res), before, "{id}: change at {t:?} before {next:?}");
                    t += ms(10);
                }
                assert_eq!(s.visible(next - Duration::from_nanos(1), res), before, "{id} at {next:?}");
                e = next;
                wakeups += 1;
            }
            assert_eq!(e, s.total(), "{id}: the last change is the end");
            assert_eq!(s.visible(e, res).stage, Stage::Done);
            // One wake-up per visible change, nothing more: bounded by seconds + sizes + cells.
            let bound = 3
                + s.planned().as_secs() as usize * 2
                + 4 * usize::from(res.figure_steps) * 2
                + usize::from(res.gauge_cells);
            assert!(wakeups <= bound, "{id}: {wakeups} wake-ups");
        }
    }
}

#[test]
fn a_thirty_minute_session_has_no_drift() {
    let s = Schedule::new(&content("calm-4-6"), Length::Minutes(30)).unwrap();
    assert_eq!(s.cycles(), 180);
    assert_eq!(s.total(), secs(3 + 1800));
    let last = phase(&s, secs(1802));
    assert_eq!((last.kind, last.cycle, last.start, last.end), (Out, 179, secs(1797), secs(1803)));
    // A loop that wakes late by up to 3 ms every time still sees every boundary at its exact
    // scheduled instant, because each deadline is computed from the start, not from the last
    // wake-up.
    let mut seed = 0x2545_f491_u64;
    let mut late = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        Duration::from_micros((seed >> 33) % 3_000)
    };
    let res = Resolution { figure_steps: 20, gauge_cells: 60 };
    let mut now = Duration::ZERO;
    let mut seen_starts = Vec::new();
    let mut last_stage = s.visible(now, res).stage;
    while let Some(deadline) = s.next_visible_change(now, res) {
        let woke = deadline + late();
        let stage = s.visible(woke, res).stage;
        if stage != last_stage {
            if let Moment::Breath(p) = s.at(woke) {
                assert!(woke - p.start < ms(3), "seen {:?} after its start", woke - p.start);
                seen_starts.push(p.start);
            }
            last_stage = stage;
        }
        now = woke;
    }
    let scheduled: Vec<Duration> = s.boundaries().filter_map(|(t, k)| k.map(|_| t)).collect();
    assert_eq!(seen_starts, scheduled, "every phase seen, none skipped");
    assert_eq!(scheduled.len(), 360);
    assert_eq!(scheduled[359], secs(3 + 1794));
}

#[test]
fn the_gauge_fills_with_the_breathing_time() {
    let s = Schedule::new(&content("calm-4-6"), Length::Cycles(4)).unwrap();
    let res = Resolution { figure_steps: 5, gauge_cells: 8 };
    assert_eq!(s.visible(secs(2), res).gauge, 0);
    assert_eq!(s.visible(secs(3 + 5) - Duration::from_nanos(1), res).gauge, 0);
    assert_eq!(s.visible(secs(3 + 5), res).gauge, 1);
    assert_eq!(s.visible(secs(3 + 40), res).gauge, 8);
    assert!((s.progress(secs(23)) - 0.5).abs() < 1e-12);
}

#[test]
fn a_pause_shifts_every_later_boundary_by_its_length() {
    use crate::domain::timer::SessionTimer;
    use std::time::Instant;
    let s = Schedule::new(&content("box"), Length::Cycles(2)).unwrap();
    let t0 = Instant::now();
    let mut timer = SessionTimer::start(t0);
    // Pause 1.5 s into the first hold (7 s .. 11 s) for 42 s.
    timer.pause(t0 + ms(8_500));
    let frozen = timer.elapsed(t0 + secs(30));
    assert_eq!(phase(&s, frozen).kind, Hold);
    assert_eq!(s.visible(frozen, RES).seconds_left, 3, "the countdown stands still while paused");
    timer.resume(t0 + ms(50_500));
    // A one-cell gauge and a hold (constant figure): the next change is the countdown's tick.
    let res = Resolution { figure_steps: 12, gauge_cells: 1 };
    let next = s.next_visible_change(timer.elapsed(t0 + ms(50_500)), res).unwrap();
    assert_eq!(timer.instant_of(next), Some(t0 + ms(9_000 + 42_000)), "the next second tick");
    let out_starts = secs(11);
    assert_eq!(timer.instant_of(out_starts), Some(t0 + secs(11 + 42)));
    assert_eq!(phase(&s, timer.elapsed(t0 + secs(53) - ms(1))).kind, Hold);
    assert_eq!(phase(&s, timer.elapsed(t0 + secs(53))).kind, Out);
    assert_eq!(timer.instant_of(s.total()), Some(t0 + s.total() + secs(42)));
}

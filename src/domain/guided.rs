//! The timing of a guided (mindfulness) exercise: a list of steps, each shown for a number of
//! seconds, as a pure function of the time elapsed in the session. Moving on early is a jump in
//! the session's timer (`SessionTimer::skip_to`) to the start of the next step.

use std::time::Duration;

use super::breathing::{ceil_secs, nanos};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guided {
    /// Where each step starts, in session-elapsed time; steps of zero length are dropped.
    starts: Vec<Duration>,
    /// Index into the caller's steps for each kept step.
    indices: Vec<usize>,
    total: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepAt {
    /// Index into the steps the schedule was built from.
    pub index: usize,
    /// 0-based position among the steps shown, and how many are shown.
    pub number: usize,
    pub count: usize,
    pub start: Duration,
    pub end: Duration,
    pub left: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuidedMoment {
    Step(StepAt),
    Done,
}

/// What the screen shows that depends on time; equal values draw the same frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuidedVisible {
    pub step: Option<usize>,
    pub seconds_left: u32,
    pub gauge: u16,
}

impl Guided {
    /// `None` when no step has any length: there is nothing to guide.
    pub fn new(lens: &[Duration]) -> Option<Self> {
        let mut starts = Vec::new();
        let mut indices = Vec::new();
        let mut at = Duration::ZERO;
        for (i, len) in lens.iter().enumerate().filter(|(_, l)| !l.is_zero()) {
            starts.push(at);
            indices.push(i);
            at += *len;
        }
        (!starts.is_empty()).then_some(Self { starts, indices, total: at })
    }

    pub fn total(&self) -> Duration {
        self.total
    }

    /// How many steps are shown (those longer than zero).
    pub fn steps(&self) -> usize {
        self.starts.len()
    }

    pub fn at(&self, elapsed: Duration) -> GuidedMoment {
        if elapsed >= self.total {
            return GuidedMoment::Done;
        }
        let number = self.starts.iter().rposition(|s| *s <= elapsed).unwrap_or(0);
        let start = self.starts[number];
        let end = self.starts.get(number + 1).copied().unwrap_or(self.total);
        GuidedMoment::Step(StepAt {
            index: self.indices[number],
            number,
            count: self.starts.len(),
            start,
            end,
            left: end - elapsed,
        })
    }

    /// Where the next step begins (the end, on the last step): the target of "move on".
    pub fn next_step_start(&self, elapsed: Duration) -> Duration {
        match self.at(elapsed) {
            GuidedMoment::Step(step) => step.end,
            GuidedMoment::Done => self.total,
        }
    }

    pub fn visible(&self, elapsed: Duration, gauge_cells: u16) -> GuidedVisible {
        let gauge = self.gauge(elapsed, gauge_cells);
        match self.at(elapsed) {
            GuidedMoment::Step(step) => {
                GuidedVisible { step: Some(step.number), seconds_left: ceil_secs(step.left), gauge }
            }
            GuidedMoment::Done => GuidedVisible { step: None, seconds_left: 0, gauge },
        }
    }

    /// The first instant after `elapsed` at which `visible` differs; `None` once done.
    pub fn next_visible_change(&self, elapsed: Duration, gauge_cells: u16) -> Option<Duration> {
        let GuidedMoment::Step(step) = self.at(elapsed) else { return None };
        let tick = step.end - Duration::from_secs(u64::from(ceil_secs(step.left) - 1));
        let filled = self.gauge(elapsed, gauge_cells);
        let gauge = (filled < gauge_cells).then(|| {
            nanos((u128::from(filled + 1) * self.total.as_nanos()).div_ceil(u128::from(gauge_cells)))
        });
        [Some(tick), gauge].into_iter().flatten().min()
    }

    fn gauge(&self, elapsed: Duration, cells: u16) -> u16 {
        let done = elapsed.min(self.total).as_nanos();
        (done * u128::from(cells) / self.total.as_nanos()) as u16
    }
}

/// "4:05" for a countdown of minutes, "45" below a minute.
pub fn countdown_text(seconds: u32) -> String {
    if seconds >= 60 { format!("{}:{:02}", seconds / 60, seconds % 60) } else { seconds.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    fn stop() -> Guided {
        Guided::new(&[secs(20), secs(30), Duration::ZERO, secs(45), secs(25)]).unwrap()
    }

    #[test]
    fn steps_follow_each_other_and_zero_length_ones_are_skipped() {
        let g = stop();
        assert_eq!(g.total(), secs(120));
        let step = |e| match g.at(e) {
            GuidedMoment::Step(s) => (s.index, s.number, s.count, s.left),
            GuidedMoment::Done => panic!("done at {e:?}"),
        };
        assert_eq!(step(secs(0)), (0, 0, 4, secs(20)));
        assert_eq!(step(secs(20)), (1, 1, 4, secs(30)));
        assert_eq!(step(secs(50)), (3, 2, 4, secs(45)), "the empty step is never shown");
        assert_eq!(step(secs(119)), (4, 3, 4, secs(1)));
        assert_eq!(g.at(secs(120)), GuidedMoment::Done);
        assert_eq!(g.next_step_start(secs(25)), secs(50));
        assert_eq!(g.next_step_start(secs(100)), secs(120));
        assert!(Guided::new(&[Duration::ZERO]).is_none());
    }

    #[test]
    fn every_change_is_found_and_nothing_else() {
        let g = stop();
        for cells in [1, 7, 50] {
            let mut e = Duration::ZERO;
            let mut wakeups = 0;
            while let Some(next) = g.next_visible_change(e, cells) {
                assert!(next > e);
                let before = g.visible(e, cells);
                assert_ne!(g.visible(next, cells), before, "nothing changes at {next:?}");
                assert_eq!(g.visible(next - Duration::from_nanos(1), cells), before);
                e = next;
                wakeups += 1;
            }
            assert_eq!(e, g.total());
            assert!(wakeups <= 120 + usize::from(cells), "{wakeups}");
        }
    }

    #[test]
    fn moving_on_early_jumps_to_the_next_step() {
        use crate::domain::timer::SessionTimer;
        use std::time::Instant;
        let g = stop();
        let t0 = Instant::now();
        let mut timer = SessionTimer::start(t0);
        let now = t0 + secs(5);
        timer.skip_to(g.next_step_start(timer.elapsed(now)), now);
        assert!(matches!(g.at(timer.elapsed(now)), GuidedMoment::Step(StepAt { number: 1, .. })));
        assert_eq!(timer.instant_of(secs(50)), Some(t0 + secs(35)), "the next step is 30 s away");
        assert_eq!(timer.active(now), secs(5));
    }

    #[test]
    fn countdowns_read_as_minutes_and_seconds() {
        assert_eq!(countdown_text(300), "5:00");
        assert_eq!(countdown_text(61), "1:01");
        assert_eq!(countdown_text(45), "45");
    }
}

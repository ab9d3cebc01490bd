//! The breathing schedule: what a session shows at any instant, as a pure function of the time
//! elapsed in it (see `timer` for pauses). A session is a 3-2-1 lead-in followed by a whole
//! number of cycles of one pattern.
//!
//! Every phase boundary is `LEAD_IN + cycle * cycle_len + offset_in_cycle`, in whole
//! nanoseconds: a 30-minute session ends exactly when it should. `next_visible_change` tells the
//! event loop the next instant anything on screen changes, so it can sleep until exactly then.

use std::time::Duration;

pub use crate::content::exercises::BreathKind;
use crate::content::exercises::BreathStep;

/// The 3-2-1 before the first breath.
pub const LEAD_IN: Duration = Duration::from_secs(3);
const SECOND: u128 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub kind: BreathKind,
    pub len: Duration,
}

impl Step {
    pub fn new(kind: BreathKind, len: Duration) -> Self {
        Self { kind, len }
    }

    /// Content gives seconds as `f32`; patterns are defined to the tenth, so rounding to the
    /// millisecond makes 5.5 and 0.1 exact.
    pub fn from_content(step: &BreathStep) -> Self {
        let millis = (f64::from(step.seconds.max(0.0)) * 1000.0).round() as u64;
        Self::new(step.kind, Duration::from_millis(millis))
    }

    pub fn from_tenths(kind: BreathKind, tenths: u16) -> Self {
        Self::new(kind, Duration::from_millis(u64::from(tenths) * 100))
    }
}

/// How long a session lasts, as the person chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Length {
    /// Rounded to the nearest whole number of cycles (at least one), so a session always ends
    /// at the end of an out-breath or a hold, never in the middle of a breath.
    Minutes(u16),
    Cycles(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("the pattern has no step longer than zero")]
    Empty,
}

/// One step of the cycle, placed in it, with the figure's size at its start and end
/// (0 = empty lungs, 1 = full).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placed {
    kind: BreathKind,
    start: Duration,
    len: Duration,
    from: f64,
    to: f64,
}

impl Placed {
    /// The figure grows and shrinks with an ease-in-out curve (half a cosine): breath starts and
    /// ends slowly.
    fn level(&self, into: Duration) -> f64 {
        let p = (into.as_secs_f64() / self.len.as_secs_f64()).clamp(0.0, 1.0);
        let eased = (1.0 - (std::f64::consts::PI * p).cos()) / 2.0;
        self.from + (self.to - self.from) * eased
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    steps: Vec<Placed>,
    cycle: Duration,
    cycles: u32,
}

/// The phase a session is in at some instant, with everything the screen shows about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseAt {
    pub kind: BreathKind,
    /// 0-based.
    pub cycle: u32,
    /// Index of the step within the cycle, counting only steps longer than zero.
    pub step: usize,
    /// Session-elapsed time at which this phase began and ends.
    pub start: Duration,
    pub end: Duration,
    pub left: Duration,
    /// The figure's size, 0 (empty lungs) to 1 (full).
    pub level: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Moment {
    LeadIn { left: Duration },
    Breath(PhaseAt),
    Done,
}

/// How finely the screen can show things: the number of distinct figure sizes and the
/// number of cells in the progress gauge. Changes finer than these are invisible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolution {
    pub figure_steps: u16,
    pub gauge_cells: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    LeadIn,
    Phase { cycle: u32, step: usize },
    Done,
}

/// Everything on screen that depends on time, at a given resolution: two instants with equal
/// `Visible` draw the same frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visible {
    pub stage: Stage,
    /// The countdown: the 3-2-1, or whole seconds left in the phase, rounded up.
    pub seconds_left: u32,
    pub figure: u16,
    pub gauge: u16,
}

impl Schedule {
    /// Steps of zero length (a pattern like 4-0-6-0) are dropped: a hold of nothing is not
    /// shown, not even for a frame.
    pub fn new(steps: &[Step], length: Length) -> Result<Self, ScheduleError> {
        let kept: Vec<Step> = steps.iter().copied().filter(|s| !s.len.is_zero()).collect();
        if kept.is_empty() {
            return Err(ScheduleError::Empty);
        }
        let cycle: Duration = kept.iter().map(|s| s.len).sum();
        let cycles = match length {
            Length::Cycles(n) => u32::from(n.max(1)),
            Length::Minutes(m) => {
                let wanted = u128::from(m) * 60 * SECOND;
                let per = cycle.as_nanos();
                u32::try_from((wanted + per / 2) / per).unwrap_or(u32::MAX).max(1)
            }
        };
        Ok(Self { steps: place(&kept), cycle, cycles })
    }

    pub fn cycles(&self) -> u32 {
        self.cycles
    }

    pub fn cycle_len(&self) -> Duration {
        self.cycle
    }

    /// Breathing time, without the lead-in: what a completed session is recorded as.
    pub fn planned(&self) -> Duration {
        self.cycle * self.cycles
    }

    /// From the start of the lead-in to the end of the last breath.
    pub fn total(&self) -> Duration {
        LEAD_IN + self.planned()
    }

    pub fn at(&self, elapsed: Duration) -> Moment {
        let Some(breathing) = elapsed.checked_sub(LEAD_IN) else {
            return Moment::LeadIn { left: LEAD_IN - elapsed };
        };
        if breathing >= self.planned() {
            return Moment::Done;
        }
        let cycle = (breathing.as_nanos() / self.cycle.as_nanos()) as u32;
        let cycle_start = LEAD_IN + self.cycle * cycle;
        let within = elapsed - cycle_start;
        let step = self.steps.iter().rposition(|s| s.start <= within).unwrap_or(0);
        let placed = &self.steps[step];
        let start = cycle_start + placed.start;
        let end = start + placed.len;
        Moment::Breath(PhaseAt {
            kind: placed.kind,
            cycle,
            step,
            start,
            end,
            left: end - elapsed,
            level: placed.level(elapsed - start),
        })
    }

    /// Every phase start in session-elapsed time, in order, then the end of the session.
    pub fn boundaries(&self) -> impl Iterator<Item = (Duration, Option<BreathKind>)> + '_ {
        (0..self.cycles)
            .flat_map(move |c| {
                self.steps.iter().map(move |s| (LEAD_IN + self.cycle * c + s.start, Some(s.kind)))
            })
            .chain(std::iter::once((self.total(), None)))
    }

    /// Share of the breathing time done, 0 to 1; the lead-in counts as nothing done.
    pub fn progress(&self, elapsed: Duration) -> f64 {
        let done = elapsed.saturating_sub(LEAD_IN).min(self.planned());
        done.as_secs_f64() / self.planned().as_secs_f64()
    }

    pub fn visible(&self, elapsed: Duration, res: Resolution) -> Visible {
        let gauge = self.gauge_cells(elapsed, res.gauge_cells);
        match self.at(elapsed) {
            Moment::LeadIn { left } => {
                Visible { stage: Stage::LeadIn, seconds_left: ceil_secs(left), figure: 0, gauge }
            }
            Moment::Breath(p) => Visible {
                stage: Stage::Phase { cycle: p.cycle, step: p.step },
                seconds_left: ceil_secs(p.left),
                figure: figure_step(p.level, res.figure_steps),
                gauge,
            },
            Moment::Done => Visible { stage: Stage::Done, seconds_left: 0, figure: 0, gauge },
        }
    }

    /// The first instant after `elapsed` at which `visible` differs, or `None` once the
    /// session is over. Exact to the nanosecond: at the returned instant the change has
    /// happened, and at every instant before it nothing visible has.
    pub fn next_visible_change(&self, elapsed: Duration, res: Resolution) -> Option<Duration> {
        match self.at(elapsed) {
            Moment::Done => None,
            Moment::LeadIn { left } => {
                let count = ceil_secs(left);
                Some(LEAD_IN - Duration::from_secs(u64::from(count - 1)))
            }
            Moment::Breath(p) => {
                let tick = p.end - Duration::from_secs(u64::from(ceil_secs(p.left) - 1));
                let gauge = self.next_gauge_change(elapsed, res.gauge_cells);
                let figure = self.next_figure_change(&p, elapsed, res.figure_steps);
                [Some(tick), gauge, figure].into_iter().flatten().min()
            }
        }
    }

    fn gauge_cells(&self, elapsed: Duration, cells: u16) -> u16 {
        let done = elapsed.saturating_sub(LEAD_IN).min(self.planned()).as_nanos();
        (done * u128::from(cells) / self.planned().as_nanos()) as u16
    }

    fn next_gauge_change(&self, elapsed: Duration, cells: u16) -> Option<Duration> {
        let filled = self.gauge_cells(elapsed, cells);
        if filled >= cells {
            return None;
        }
        // The smallest breathing time b with floor(b * cells / planned) > filled.
        let total = self.planned().as_nanos();
        let b = (u128::from(filled + 1) * total).div_ceil(u128::from(cells));
        Some(LEAD_IN + nanos(b))
    }

    /// The figure's size is monotonic within a phase, so the first instant it shows another
    /// step is found by bisection on whole nanoseconds.
    fn next_figure_change(&self, p: &PhaseAt, elapsed: Duration, steps: u16) -> Option<Duration> {
        let placed = &self.steps[p.step];
        let now = figure_step(p.level, steps);
        if figure_step(placed.to, steps) == now {
            return None;
        }
        let step_at = |t: u128| figure_step(placed.level(nanos(t) - p.start), steps);
        let (mut lo, mut hi) = (elapsed.as_nanos(), p.end.as_nanos());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if step_at(mid) == now { lo = mid } else { hi = mid }
        }
        Some(nanos(hi))
    }
}

/// Places the steps in the cycle and gives each its figure sizes. A run of in-breaths fills
/// the figure from where it is to full, sharing the way by their lengths (so the second, short
/// in-breath of a physiological sigh tops it up); a run of out-breaths empties it; a hold keeps
/// it. A cycle starts empty, unless it starts by breathing out.
fn place(steps: &[Step]) -> Vec<Placed> {
    let first_move = steps.iter().find(|s| s.kind != BreathKind::Hold).map(|s| s.kind);
    let mut level = if first_move == Some(BreathKind::Out) { 1.0 } else { 0.0 };
    let mut start = Duration::ZERO;
    let mut placed = Vec::with_capacity(steps.len());
    let mut i = 0;
    while i < steps.len() {
        let kind = steps[i].kind;
        let run_end = steps[i..].iter().position(|s| s.kind != kind).map_or(steps.len(), |n| i + n);
        let run = &steps[i..run_end];
        let run_len: Duration = run.iter().map(|s| s.len).sum();
        let (from, target) = match kind {
            BreathKind::In => (level, 1.0),
            BreathKind::Out => (level, 0.0),
            BreathKind::Hold => (level, level),
        };
        let mut done = Duration::ZERO;
        for step in run {
            done += step.len;
            let to = from + (target - from) * (done.as_secs_f64() / run_len.as_secs_f64());
            placed.push(Placed { kind, start, len: step.len, from: level, to });
            level = to;
            start += step.len;
        }
        i = run_end;
    }
    placed
}

/// The figure's size as one of `steps` distinct sizes (0 = smallest).
pub fn figure_step(level: f64, steps: u16) -> u16 {
    let top = f64::from(steps.max(1) - 1);
    (level.clamp(0.0, 1.0) * top).round() as u16
}

/// Whole seconds, rounded up: a countdown shows 1 until the very end, never 0.
pub(crate) fn ceil_secs(d: Duration) -> u32 {
    u32::try_from(d.as_nanos().div_ceil(SECOND)).unwrap_or(u32::MAX)
}

pub(crate) fn nanos(n: u128) -> Duration {
    Duration::new((n / SECOND) as u64, (n % SECOND) as u32)
}

/// A pattern as people write it: "4-7-8", "5,5-5,5", and "2+1-6" for two in-breaths in a row.
/// Zero-length steps are kept, so a person's own 4-0-6-0 reads as they typed it.
pub fn label(steps: &[Step], decimal: char) -> String {
    let mut out = String::new();
    for (i, step) in steps.iter().enumerate() {
        if i > 0 {
            let joined = step.kind == BreathKind::In && steps[i - 1].kind == BreathKind::In;
            out.push(if joined { '+' } else { '-' });
        }
        out.push_str(&seconds_text(step.len, decimal));
    }
    out
}

/// Seconds with one decimal only when there is one: "4", "5,5".
pub fn seconds_text(d: Duration, decimal: char) -> String {
    let tenths = (d.as_millis() + 50) / 100;
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}{decimal}{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
#[path = "breathing_tests.rs"]
mod tests;

//! The clock of one exercise session: how far into its schedule a session is at a given instant,
//! and the instant at which it will reach a given point of its schedule.
//!
//! Everything is derived from the start instant plus the total of the pauses (and, for guided
//! exercises, of the steps skipped). Nothing is ever accumulated tick by tick, so a session has
//! no drift however long it runs, and a late wake-up never shifts the rest of the schedule.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimer {
    start: Instant,
    /// Time spent in pauses that have ended.
    paused: Duration,
    /// Schedule time jumped over by moving on early (guided exercises).
    skipped: Duration,
    /// Set while paused: the schedule stands still from this instant.
    paused_since: Option<Instant>,
}

impl SessionTimer {
    pub fn start(now: Instant) -> Self {
        Self { start: now, paused: Duration::ZERO, skipped: Duration::ZERO, paused_since: None }
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    /// Where in its schedule the session is at `now`: real time since the start, minus pauses,
    /// plus what was skipped.
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.active(now) + self.skipped
    }

    /// Time actually spent in the session at `now`: real time minus pauses. This is the length
    /// a record keeps; skipping ahead does not count as practice.
    pub fn active(&self, now: Instant) -> Duration {
        let until = self.paused_since.map_or(now, |since| since.min(now));
        until.saturating_duration_since(self.start).saturating_sub(self.paused)
    }

    pub fn pause(&mut self, now: Instant) {
        if self.paused_since.is_none() {
            self.paused_since = Some(now);
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if let Some(since) = self.paused_since.take() {
            self.paused += now.saturating_duration_since(since);
        }
    }

    /// Jumps ahead so that the schedule is at `target` now (used to move on to the next step).
    /// Jumping backwards is not a thing a user can do, so it is ignored.
    pub fn skip_to(&mut self, target: Duration, now: Instant) {
        self.skipped += target.saturating_sub(self.elapsed(now));
    }

    /// The instant at which the schedule reaches `elapsed`, or `None` while paused (a paused
    /// session has no next change: the app is idle).
    pub fn instant_of(&self, elapsed: Duration) -> Option<Instant> {
        if self.is_paused() {
            return None;
        }
        let offset = (self.paused + elapsed).saturating_sub(self.skipped);
        Some(self.start + offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn elapsed_is_real_time_minus_pauses() {
        let t0 = Instant::now();
        let mut timer = SessionTimer::start(t0);
        assert_eq!(timer.elapsed(t0 + secs(5)), secs(5));
        timer.pause(t0 + secs(5));
        assert!(timer.is_paused());
        assert_eq!(timer.elapsed(t0 + secs(60)), secs(5), "the schedule stands still while paused");
        assert_eq!(timer.instant_of(secs(8)), None, "no deadline while paused");
        timer.resume(t0 + secs(65));
        assert_eq!(timer.elapsed(t0 + secs(66)), secs(6));
        assert_eq!(timer.instant_of(secs(8)), Some(t0 + secs(68)), "the rest is shifted by the pause");
        timer.pause(t0 + secs(70));
        timer.resume(t0 + secs(80));
        assert_eq!(timer.instant_of(secs(20)), Some(t0 + secs(20 + 60 + 10)));
        assert_eq!(timer.active(t0 + secs(90)), secs(20));
    }

    #[test]
    fn pausing_twice_or_resuming_unpaused_changes_nothing() {
        let t0 = Instant::now();
        let mut timer = SessionTimer::start(t0);
        timer.resume(t0 + secs(3));
        timer.pause(t0 + secs(4));
        timer.pause(t0 + secs(9));
        timer.resume(t0 + secs(10));
        assert_eq!(timer.elapsed(t0 + secs(10)), secs(4));
    }

    #[test]
    fn skipping_moves_the_schedule_but_not_the_time_spent() {
        let t0 = Instant::now();
        let mut timer = SessionTimer::start(t0);
        timer.skip_to(secs(60), t0 + secs(10));
        assert_eq!(timer.elapsed(t0 + secs(10)), secs(60));
        assert_eq!(timer.active(t0 + secs(10)), secs(10));
        assert_eq!(timer.instant_of(secs(90)), Some(t0 + secs(40)));
        timer.skip_to(secs(1), t0 + secs(11));
        assert_eq!(timer.elapsed(t0 + secs(11)), secs(61), "no jumping backwards");
    }
}

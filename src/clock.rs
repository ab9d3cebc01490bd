//! Time behind a trait, so every test that depends on "today" or on elapsed time is exact.

use std::cell::Cell;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};

pub trait Clock {
    /// The user's local wall-clock time: check-ins belong to the local calendar date.
    fn now(&self) -> NaiveDateTime;
    /// A monotonic instant, for timers that must not jump with the wall clock.
    fn instant(&self) -> Instant;

    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        local_time(SystemTime::now())
    }

    fn instant(&self) -> Instant {
        Instant::now()
    }
}

/// `time` on the local wall clock. Not chrono's `Local::now`: that panics when the system clock
/// is set before 1970. A time outside chrono's range (hundreds of thousands of years away) is
/// clamped to its end; a check-in at such a date is then refused as invalid, never a panic.
fn local_time(time: SystemTime) -> NaiveDateTime {
    let (secs, nanos) = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => (i64::try_from(after.as_secs()).unwrap_or(i64::MAX), after.subsec_nanos()),
        Err(before) => {
            let before = before.duration();
            let secs = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
            // Whole seconds further back, and the nanoseconds forward from there.
            match before.subsec_nanos() {
                0 => (-secs, 0),
                n => (-secs - 1, 1_000_000_000 - n),
            }
        }
    };
    let utc = DateTime::from_timestamp(secs, nanos).unwrap_or(if secs < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    });
    utc.with_timezone(&Local).naive_local()
}

/// A clock that only moves when a test moves it.
pub struct FixedClock {
    wall: Cell<NaiveDateTime>,
    origin: Instant,
    elapsed: Cell<Duration>,
}

impl FixedClock {
    pub fn new(wall: NaiveDateTime) -> Self {
        Self { wall: Cell::new(wall), origin: Instant::now(), elapsed: Cell::new(Duration::ZERO) }
    }

    /// 2026-11-22 09:30, the date used by snapshot tests.
    pub fn sample() -> Self {
        let wall = NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("valid sample date");
        Self::new(wall)
    }

    /// Moves both the wall clock and the monotonic clock forward.
    pub fn advance(&self, by: Duration) {
        self.elapsed.set(self.elapsed.get() + by);
        let step = chrono::Duration::from_std(by).unwrap_or(chrono::Duration::zero());
        self.wall.set(self.wall.get() + step);
    }

    pub fn set_wall(&self, wall: NaiveDateTime) {
        self.wall.set(wall);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.wall.get()
    }

    fn instant(&self) -> Instant {
        self.origin + self.elapsed.get()
    }
}

/// Lets a test keep a handle on a `FixedClock` it gave to the app, and move it.
impl<C: Clock + ?Sized> Clock for std::rc::Rc<C> {
    fn now(&self) -> NaiveDateTime {
        (**self).now()
    }

    fn instant(&self) -> Instant {
        (**self).instant()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_clock_before_1970_or_absurdly_far_away_gives_a_time_not_a_panic() {
        let day = Duration::from_secs(86_400);
        let before = local_time(UNIX_EPOCH - day * 200 - Duration::from_millis(1));
        assert_eq!(before.date().format("%Y-%m").to_string(), "1969-06", "{before}");
        assert!(local_time(UNIX_EPOCH - Duration::from_secs(u64::MAX / 2)) < before);
        assert!(local_time(UNIX_EPOCH + Duration::from_secs(u64::MAX / 2)) > local_time(SystemTime::now()));
    }
}

//! Time behind a trait, so every test that depends on "today" or on elapsed time is exact.

use std::cell::Cell;
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDate, NaiveDateTime};

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
        Local::now().naive_local()
    }

    fn instant(&self) -> Instant {
        Instant::now()
    }
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

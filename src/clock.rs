//! Time behind a trait, so every test that depends on "today" or on elapsed time is exact.

use std::cell::Cell;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, Utc};

pub trait Clock {
    /// The user's local wall-clock time: check-ins belong to the local calendar date.
    fn now(&self) -> NaiveDateTime;
    /// The same moment in UTC, for "when was this changed": local time runs an hour twice when
    /// daylight saving ends, and an edit in the second run must not look older than one in the
    /// first.
    fn now_utc(&self) -> NaiveDateTime;
    /// A UTC time from [`Clock::now_utc`] on the local wall clock, to show it.
    fn local_from_utc(&self, utc: NaiveDateTime) -> NaiveDateTime;
    /// A monotonic instant, for timers that must not jump with the wall clock.
    fn instant(&self) -> Instant;

    fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// Now, as a store write takes it.
    fn moment(&self) -> Moment {
        Moment { local: self.now(), utc: self.now_utc() }
    }
}

/// The moment of a change, as the store's writes take it: the wall clock for what people are
/// shown (when a goal was made or done), UTC for the version that an import and a sync compare,
/// so an edit in the hour that runs twice in autumn is not taken for an older one. One value,
/// so a caller cannot pass local time where UTC is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub local: NaiveDateTime,
    pub utc: NaiveDateTime,
}

impl Moment {
    /// A moment on a machine whose wall clock runs on UTC: both the same.
    pub fn in_utc(at: NaiveDateTime) -> Self {
        Self { local: at, utc: at }
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        utc_time(SystemTime::now()).with_timezone(&Local).naive_local()
    }

    fn now_utc(&self) -> NaiveDateTime {
        utc_time(SystemTime::now()).naive_utc()
    }

    fn local_from_utc(&self, utc: NaiveDateTime) -> NaiveDateTime {
        utc.and_utc().with_timezone(&Local).naive_local()
    }

    fn instant(&self) -> Instant {
        Instant::now()
    }

    /// One reading of the clock for both halves: two could fall either side of the change of
    /// hour in autumn and name different moments.
    fn moment(&self) -> Moment {
        let now = utc_time(SystemTime::now());
        Moment { local: now.with_timezone(&Local).naive_local(), utc: now.naive_utc() }
    }
}

/// `time` as chrono's. Not chrono's `Utc::now`: that panics when the system clock is set before
/// 1970. A time outside chrono's range (hundreds of thousands of years away) is clamped to its
/// end; a check-in at such a date is then refused as invalid, never a panic.
fn utc_time(time: SystemTime) -> DateTime<Utc> {
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
    let end = if secs < 0 { DateTime::<Utc>::MIN_UTC } else { DateTime::<Utc>::MAX_UTC };
    DateTime::from_timestamp(secs, nanos).unwrap_or(end)
}

/// The UTC moment of `local`, a wall-clock time read in this system's time zone, for times that
/// were kept as local (earlier versions, older exports). In the hour that runs twice when
/// daylight saving ends, the first run (summer time) is taken: the earlier of the two moments,
/// so an old edit there never passes for newer than it can have been. A time in the hour skipped
/// in spring is read with the offset from before the jump, as just after it.
pub fn utc_from_local(local: NaiveDateTime) -> NaiveDateTime {
    use chrono::{LocalResult, TimeZone};
    let hour = chrono::TimeDelta::hours(1);
    match Local.from_local_datetime(&local) {
        LocalResult::Single(moment) => moment.naive_utc(),
        // Not `earliest()`: chrono's `Local` gives the later run first (chrono issue 1625).
        LocalResult::Ambiguous(a, b) => a.naive_utc().min(b.naive_utc()),
        LocalResult::None => {
            Local.from_local_datetime(&(local + hour)).earliest().map_or(local, |m| m.naive_utc())
        }
    }
}

/// A clock that only moves when a test moves it.
pub struct FixedClock {
    wall: Cell<NaiveDateTime>,
    /// The local wall clock's offset from UTC; none unless a test sets one.
    offset: Cell<FixedOffset>,
    origin: Instant,
    elapsed: Cell<Duration>,
}

impl FixedClock {
    pub fn new(wall: NaiveDateTime) -> Self {
        let offset = Cell::new(FixedOffset::east_opt(0).expect("zero is an offset"));
        Self { wall: Cell::new(wall), offset, origin: Instant::now(), elapsed: Cell::new(Duration::ZERO) }
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

    /// Sets the wall clock to `wall` at `offset` from UTC: summer or winter time.
    pub fn set_local(&self, wall: NaiveDateTime, offset: FixedOffset) {
        self.wall.set(wall);
        self.offset.set(offset);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.wall.get()
    }

    fn now_utc(&self) -> NaiveDateTime {
        self.wall.get() - self.offset.get()
    }

    fn local_from_utc(&self, utc: NaiveDateTime) -> NaiveDateTime {
        utc + self.offset.get()
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

    fn now_utc(&self) -> NaiveDateTime {
        (**self).now_utc()
    }

    fn local_from_utc(&self, utc: NaiveDateTime) -> NaiveDateTime {
        (**self).local_from_utc(utc)
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
        let before = utc_time(UNIX_EPOCH - day * 200 - Duration::from_millis(1));
        assert_eq!(before.format("%Y-%m-%d %H:%M:%S%.3f").to_string(), "1969-06-14 23:59:59.999");
        assert!(utc_time(UNIX_EPOCH - Duration::from_secs(u64::MAX / 2)) < before);
        assert!(utc_time(UNIX_EPOCH + Duration::from_secs(u64::MAX / 2)) > utc_time(SystemTime::now()));
    }
}

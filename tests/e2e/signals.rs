//! Signals are registered before the terminal is touched and before any thread starts, so one
//! that arrives in between waits in the queue. A window change there used to be lost: the
//! terminal reader registers for resizes only once its thread runs (after the first frame).
//! Its own test binary, because a signal is process-wide.

use std::time::{Duration, Instant};

use mestring::event::{Event, Events};

#[test]
fn a_window_change_before_the_threads_start_is_queued_not_lost() {
    let mut events = Events::register().expect("signals register");
    // SAFETY: raise only sends a signal to this process; SIGWINCH is handled by the handler
    // registered above (its default action would be to ignore it, and lose it).
    assert_eq!(unsafe { libc::raise(libc::SIGWINCH) }, 0);
    events.start();
    let until = Instant::now() + Duration::from_secs(10);
    // Without a terminal the reader reports `InputClosed`; only the window change matters here.
    loop {
        match events.next(Some(until)) {
            Some(Event::WindowChanged) => break,
            Some(_) => continue,
            None => panic!("the window change was lost"),
        }
    }
}

//! What the pseudo-terminal benchmarks share: reading whole frames from timestamped output,
//! peak memory from /proc, and min / median / max.
#![allow(dead_code)]

use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Output that follows within this gap belongs to the same frame.
pub const FRAME_GAP: Duration = Duration::from_millis(5);

/// Feeds output into the parser until `done` holds for the screen, then takes in the rest of
/// that frame (a pty may split one write into several reads) and returns when its last byte came.
pub fn wait_screen(
    rx: &mpsc::Receiver<(Instant, Vec<u8>)>,
    parser: &mut vt100::Parser,
    done: impl Fn(&str) -> bool,
) -> Instant {
    let mut last = loop {
        let (at, bytes) = rx.recv_timeout(Duration::from_secs(10)).expect("the program stopped drawing");
        parser.process(&bytes);
        if done(&parser.screen().contents()) {
            break at;
        }
    };
    while let Ok((at, bytes)) = rx.recv_timeout(FRAME_GAP) {
        parser.process(&bytes);
        last = at;
    }
    last
}

/// `VmHWM` of the process, in KiB (0 if it is gone).
pub fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Min, median and max.
pub fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2], v[v.len() - 1])
}

//! Breathing-session benchmark: runs a real box-breathing session of the release binary in a
//! pseudo-terminal at 120x40 and measures how exactly the screen follows the schedule.
//!
//!     cargo run --release --example bench_breathe [-- MINUTES]      (default 5; 1 for a quick check)
//!
//! The harness opens `mestring --lang en breathe` (the list), sets the length, and presses Enter:
//! the moment it writes that key is the start instant it measures from. Every phase boundary is
//! then scheduled at start + 3 s (the 3-2-1) + its offset in the pattern, computed by the app's
//! own pure schedule (`Schedule::boundaries`). A phase change is observed when the chunk of
//! output whose parsed screen first shows the new phase word arrives at the harness; its error
//! is observed minus scheduled. That error includes everything between the key and the eye:
//! the key's way into the app, the wake-up, the frame's drawing, and the pty, so it is an upper
//! bound on the app's own lateness. A second figure measures each change relative to the first
//! frame of the session instead (which shows as soon as the key is handled), removing the input
//! and output latency that every change shares.
//!
//! On a shared machine a late change can be the machine's doing (no core free for the app, or
//! for the harness's reader) rather than the app's. To tell them apart, a probe thread in the
//! harness sleeps to absolute deadlines every 10 ms for the whole session and records how late
//! it wakes: its worst wake-ups are reported beside the app's.
//!
//! Also reported: frames (bursts of output with no gap over 2 ms) and bytes per second during
//! the session, CPU time of all the app's threads during the session (`/proc/PID/task/*/
//! schedstat`), and CPU time, bytes and context switches (wake-ups) in the 10 s after the
//! session has ended and its summary is on screen.

#[path = "bench_support/mod.rs"]
mod bench_support;

use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use bench_support::{InPty, spawn_in_pty};
use mestring::content::exercises;
use mestring::domain::breathing::{Length, Schedule, Step};
use mestring::i18n::Lang;
use portable_pty::CommandBuilder;

const COLS: u16 = 120;
const ROWS: u16 = 40;
const IDLE: Duration = Duration::from_secs(10);
/// Output within this gap of the previous chunk belongs to the same frame.
const FRAME_GAP: Duration = Duration::from_millis(2);

type Chunks = Receiver<(Instant, Vec<u8>)>;

fn main() {
    let minutes: u16 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_support::build_release(root, &[]);
    let exe = root.join("target/release/mestring");
    let data = std::env::temp_dir().join(format!("mestring-bench-breathe-{}", std::process::id()));
    std::fs::create_dir_all(&data).expect("create the benchmark's data directory");

    let content = mestring::content::Content::new(None);
    let pattern = exercises::find_breathing(&content, Lang::En, "box").expect("box breathing in content");
    let steps: Vec<Step> = pattern.steps.iter().map(Step::from_content).collect();
    let schedule = Schedule::new(&steps, Length::Minutes(minutes)).expect("a schedule");
    let report = run(&exe, &data, pattern.default_minutes, minutes, &schedule);
    let _ = std::fs::remove_dir_all(&data);
    report.print(minutes, &schedule);
}

struct Report {
    /// Observed minus scheduled, per phase change (the first is the end of the 3-2-1), in ms,
    /// with the change's scheduled offset from the start.
    from_key: Vec<(f64, Duration)>,
    from_first_frame: Vec<f64>,
    /// The summary replacing the last phase, at the session's scheduled end.
    end_from_key: f64,
    first_frame_ms: f64,
    session_s: f64,
    frames: usize,
    bytes: usize,
    session_cpu_ms: f64,
    idle_cpu_ms: f64,
    idle_bytes: usize,
    idle_switches: u64,
    /// How late the harness's own probe thread woke, in ms, sorted.
    probe: Vec<f64>,
}

fn run(exe: &Path, data: &Path, default_minutes: u16, minutes: u16, schedule: &Schedule) -> Report {
    let mut cmd = CommandBuilder::new(exe);
    cmd.args(["--lang", "en", "breathe"]);
    cmd.env("MESTRING_DATA_DIR", data);
    cmd.env_remove("MESTRING_CONFIG");
    let InPty { mut child, pid, mut writer, rx, master: _master, .. } = spawn_in_pty(cmd, COLS, ROWS);
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);

    // Set the length on the list, then wait until nothing more is drawn.
    let wanted = format!("Length: {minutes} min");
    wait_screen(&rx, &mut parser, |s| s.contains(&format!("Length: {default_minutes} min")));
    let presses = i32::from(minutes) - i32::from(default_minutes);
    let key: &[u8] = if presses > 0 { b"+" } else { b"-" };
    for _ in 0..presses.unsigned_abs() {
        writer.write_all(key).unwrap();
    }
    writer.flush().unwrap();
    wait_screen(&rx, &mut parser, |s| s.contains(&wanted));

    let (stop_probe, probe) = start_probe();
    let cpu_before = cpu_ns(pid);
    let start = Instant::now();
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();

    // Follow the session: every chunk is timestamped; the phase word is read from the screen.
    let scheduled: Vec<Duration> =
        std::iter::once(Duration::ZERO).chain(schedule.boundaries().map(|(t, _)| t)).collect();
    let mut observed: Vec<Instant> = Vec::new();
    let mut shown = String::new();
    let (mut frames, mut bytes, mut last_chunk) = (0usize, 0usize, start);
    let deadline = start + schedule.total() + Duration::from_secs(30);
    while observed.len() < scheduled.len() {
        let wait = deadline.saturating_duration_since(Instant::now());
        let (at, chunk) = rx.recv_timeout(wait).expect("the session stopped drawing");
        if at.duration_since(last_chunk) > FRAME_GAP || frames == 0 {
            frames += 1;
        }
        last_chunk = at;
        bytes += chunk.len();
        parser.process(&chunk);
        let word = phase_word(&parser);
        if word != shown && !word.is_empty() {
            observed.push(at);
            shown = word;
        }
    }
    let session_end = *observed.last().unwrap();
    let session_cpu = cpu_ns(pid) - cpu_before;
    drop(stop_probe);
    let mut probe = probe.join().expect("probe thread");
    probe.sort_by(f64::total_cmp);
    // The summary is on screen; let its frame finish, then measure the idle app.
    while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
    let (idle_cpu_before, switches_before) = (cpu_ns(pid), switches(pid));
    let idle_bytes = drain(&rx, IDLE);
    let idle_cpu = cpu_ns(pid) - idle_cpu_before;
    let idle_switches = switches(pid) - switches_before;
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    child.wait().expect("wait for mestring");

    // observed[0] is the session's first frame, the last one the summary; between them the phases.
    let first_frame = observed[0];
    let last = observed.len() - 1;
    let phases = || observed.iter().zip(&scheduled).take(last).skip(1);
    let from_key = phases().map(|(o, s)| (ms_signed(*o, start + *s), *s)).collect();
    let from_first_frame = phases().map(|(o, s)| ms_signed(*o, first_frame + *s)).collect();
    Report {
        from_key,
        from_first_frame,
        end_from_key: ms_signed(observed[last], start + scheduled[last]),
        first_frame_ms: ms_signed(first_frame, start),
        session_s: session_end.duration_since(start).as_secs_f64(),
        frames,
        bytes,
        session_cpu_ms: session_cpu as f64 / 1e6,
        idle_cpu_ms: idle_cpu as f64 / 1e6,
        idle_bytes,
        idle_switches,
        probe,
    }
}

/// A thread that sleeps to absolute deadlines 10 ms apart until the returned sender is
/// dropped, and returns how late it woke each time (ms).
fn start_probe() -> (mpsc::Sender<()>, thread::JoinHandle<Vec<f64>>) {
    let (stop, stopped) = mpsc::channel::<()>();
    let handle = thread::spawn(move || {
        let mut late = Vec::new();
        let mut next = Instant::now();
        loop {
            next += Duration::from_millis(10);
            match stopped.recv_timeout(next.saturating_duration_since(Instant::now())) {
                Err(mpsc::RecvTimeoutError::Timeout) => late.push(ms_signed(Instant::now(), next)),
                _ => return late,
            }
        }
    });
    (stop, handle)
}

/// The phase row: the one line of the screen that is exactly a phase word (or the summary).
fn phase_word(parser: &vt100::Parser) -> String {
    const WORDS: [&str; 5] = ["Get ready", "Breathe in", "Hold", "Breathe out", "Completed"];
    parser
        .screen()
        .rows(0, COLS)
        .map(|row| row.trim().to_owned())
        .find(|row| WORDS.contains(&row.as_str()))
        .unwrap_or_default()
}

/// Feeds output into the parser until `done` holds, then takes in the rest of that frame.
fn wait_screen(rx: &Chunks, parser: &mut vt100::Parser, done: impl Fn(&str) -> bool) {
    loop {
        let (_, bytes) = rx.recv_timeout(Duration::from_secs(10)).expect("mestring stopped drawing");
        parser.process(&bytes);
        if done(&parser.screen().contents()) {
            break;
        }
    }
    while let Ok((_, bytes)) = rx.recv_timeout(Duration::from_millis(50)) {
        parser.process(&bytes);
    }
}

fn drain(rx: &Chunks, period: Duration) -> usize {
    let end = Instant::now() + period;
    let mut total = 0;
    while let Ok((_, bytes)) = rx.recv_timeout(end.saturating_duration_since(Instant::now())) {
        total += bytes.len();
    }
    total
}

/// CPU time of every thread of the process, in nanoseconds (the scheduler's accounting).
fn cpu_ns(pid: u32) -> u64 {
    per_task(pid, "schedstat", |text| text.split_whitespace().next()?.parse().ok())
}

/// Context switches of every thread: each wake-up of a sleeping thread is one.
fn switches(pid: u32) -> u64 {
    per_task(pid, "status", |text| {
        let field = |name: &str| -> Option<u64> {
            text.lines().find_map(|l| l.strip_prefix(name))?.trim().parse().ok()
        };
        Some(field("voluntary_ctxt_switches:")? + field("nonvoluntary_ctxt_switches:")?)
    })
}

fn per_task(pid: u32, file: &str, read: impl Fn(&str) -> Option<u64>) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("proc tasks");
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join(file)).ok())
        .filter_map(|text| read(&text))
        .sum()
}

fn ms_signed(observed: Instant, scheduled: Instant) -> f64 {
    match observed.checked_duration_since(scheduled) {
        Some(late) => late.as_secs_f64() * 1000.0,
        None => -(scheduled.duration_since(observed).as_secs_f64() * 1000.0),
    }
}

/// The value at or below which `p` of the sorted values lie (nearest rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

impl Report {
    fn print(&self, minutes: u16, schedule: &Schedule) {
        let phases = schedule.boundaries().filter(|(_, k)| k.is_some()).count();
        println!(
            "box breathing, {minutes} min asked = {} cycles, {phases} phase changes, {:.0} s from Enter to \
             the summary, at {COLS}x{ROWS}\n",
            schedule.cycles(),
            self.session_s
        );
        println!("| error of each observed change (ms) | n | min | median | p99 | max | late > 15 ms |");
        println!("|---|---|---|---|---|---|---|");
        let from_key: Vec<f64> = self.from_key.iter().map(|(e, _)| *e).collect();
        for (name, v) in [
            ("from the Enter key (upper bound)", &from_key),
            ("from the session's first frame", &self.from_first_frame),
        ] {
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let late = sorted.iter().filter(|e| **e > 15.0).count();
            println!(
                "| {name} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {late} |",
                sorted.len(),
                sorted[0],
                percentile(&sorted, 50.0),
                percentile(&sorted, 99.0),
                sorted[sorted.len() - 1]
            );
        }
        let mut worst = self.from_key.clone();
        worst.sort_by(|a, b| b.0.total_cmp(&a.0));
        let worst: Vec<String> =
            worst.iter().take(3).map(|(e, at)| format!("{e:.2} ms at {:.0} s", at.as_secs_f64())).collect();
        println!("\nlatest three changes (from Enter): {}", worst.join(", "));
        println!("first frame of the session after Enter: {:.2} ms", self.first_frame_ms);
        println!("summary at the scheduled end (from Enter): {:.2} ms", self.end_from_key);
        println!(
            "during the session: {} frames ({:.2}/s), {} bytes ({:.0} B/s), CPU {:.1} ms = {:.3} % of a core",
            self.frames,
            self.frames as f64 / self.session_s,
            self.bytes,
            self.bytes as f64 / self.session_s,
            self.session_cpu_ms,
            self.session_cpu_ms / (self.session_s * 1000.0) * 100.0
        );
        let p = &self.probe;
        println!(
            "the machine meanwhile: the harness's probe woke late by median {:.2} ms, p99 {:.2} ms, max {:.2} ms \
             ({} wake-ups, {} later than 5 ms)",
            percentile(p, 50.0),
            percentile(p, 99.0),
            p[p.len() - 1],
            p.len(),
            p.iter().filter(|l| **l > 5.0).count()
        );
        println!(
            "after it ended ({} s, summary on screen): CPU {:.3} ms, {} bytes, {} context switches",
            IDLE.as_secs(),
            self.idle_cpu_ms,
            self.idle_bytes,
            self.idle_switches
        );
    }
}

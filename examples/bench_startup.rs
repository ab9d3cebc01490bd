//! Start-up, key-to-frame, idle, memory and size: the release binary in a pseudo-terminal at
//! 120x40, beside a minimal ratatui program (examples/floor.rs) measured the same way.
//!
//!     cargo run --release --example bench_startup [-- RUNS]
//!
//! Each of RUNS rounds (default 10, after one warm-up round) starts, in turn:
//! - the floor, which draws one bordered paragraph and redraws on each key;
//! - mestring on a data directory that does not exist yet (a first-ever start: it creates the
//!   database), timed to its first frame (the welcome);
//! - mestring with 10 years of daily check-ins, timed to its first complete frame (the start
//!   screen with its numbers), then on every screen in tab order (reached with Tab; Historikk
//!   switched to 365 days) `?` and Esc pressed in turn, each timed from the key to the last byte
//!   of the frame it causes; then 5 idle seconds (CPU time of all threads, bytes written) and the
//!   peak RSS.
//!
//! Prints Markdown for BENCHMARKS.md: medians with min and max, first-frame ratios to the floor
//! of the same round, key-to-frame per screen (median, p99, max), and the goals met or missed.

#[path = "bench_support/mod.rs"]
mod bench_support;

use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bench_support::{InPty, ms, peak_rss_kb, spawn_in_pty, stats, wait_screen};
use mestring::app::Tab;
use mestring::i18n::Lang;
use portable_pty::CommandBuilder;

const COLS: u16 = 120;
const ROWS: u16 = 40;
const IDLE: Duration = Duration::from_secs(5);
/// `?` and Esc pressed this many times each on every screen, per round.
const PAIRS: usize = 10;
/// The floor's keys per round.
const FLOOR_KEYS: usize = 40;

/// What one program did in one round.
#[derive(Default)]
struct Run {
    first_frame_ms: f64,
    /// Per screen in tab order (the floor has one "screen").
    keys_ms: Vec<Vec<f64>>,
    idle_cpu_ms: f64,
    idle_bytes: usize,
    peak_rss_kib: u64,
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_support::build_release(root, &["floor", "gen_checkins"]);
    let release = root.join("target/release");
    let dir = std::env::temp_dir().join(format!("mestring-bench-{}", std::process::id()));
    let years = dir.join("ten-years");
    bench_support::generate_apart(root, &years, 3653);
    let floor = release.join("examples/floor");
    let app = release.join("mestring");

    let round = |fresh: &Path| {
        let _ = std::fs::remove_dir_all(fresh);
        [floor_run(&floor, &dir), first_start(&app, fresh), ten_years(&app, &years)]
    };
    round(&dir.join("warm-up"));
    let rounds: Vec<[Run; 3]> = (0..runs).map(|i| round(&dir.join(format!("first-{i}")))).collect();
    report(&rounds, &app);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Starts `exe` with its data and settings in `data`, in Norwegian, and waits for the first
/// complete frame: `ready` (drawn last, in the footer) and `title` on screen.
fn start(exe: &Path, data: &Path, ready: &str, title: &str) -> (InPty, vt100::Parser, f64) {
    let mut cmd = CommandBuilder::new(exe);
    cmd.env("LANG", "nb_NO.UTF-8");
    cmd.env("MESTRING_DATA_DIR", data);
    cmd.env("MESTRING_CONFIG", data.join("config.ron"));
    let pty = spawn_in_pty(cmd, COLS, ROWS);
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    let at = wait_screen(&pty.rx, &mut parser, |s| s.contains(ready) && s.contains(title));
    let first = ms(at - pty.spawned);
    (pty, parser, first)
}

/// Sends `key` and times it to the last byte of the frame that changes the screen.
fn key_to_frame(pty: &mut InPty, parser: &mut vt100::Parser, key: &[u8]) -> f64 {
    let before = parser.screen().contents();
    let sent = Instant::now();
    pty.writer.write_all(key).and_then(|()| pty.writer.flush()).expect("send a key");
    let at = wait_screen(&pty.rx, parser, |s| s != before);
    ms(at - sent)
}

fn quit(mut pty: InPty) {
    pty.writer.write_all(b"q").and_then(|()| pty.writer.flush()).expect("send q");
    pty.child.wait().expect("wait for the program to end");
}

fn floor_run(exe: &Path, data: &Path) -> Run {
    let (mut pty, mut parser, first_frame_ms) = start(exe, data, "floor: 0 keys", "floor");
    let keys = (0..FLOOR_KEYS).map(|i| key_to_frame(&mut pty, &mut parser, [b"a", b"b"][i % 2])).collect();
    let run =
        idle_and_memory(&pty, &mut parser, Run { first_frame_ms, keys_ms: vec![keys], ..Run::default() });
    quit(pty);
    run
}

fn first_start(exe: &Path, fresh: &Path) -> Run {
    // The very first start shows the welcome over I dag.
    let (mut pty, _, first_frame_ms) = start(exe, fresh, "Steg 1 av", "Velkommen til mestring");
    // Esc skips the welcome; a pause, so the terminal does not send it and q as one Alt-q.
    pty.writer.write_all(b"\x1b").and_then(|()| pty.writer.flush()).expect("send Esc");
    std::thread::sleep(Duration::from_millis(100));
    quit(pty);
    Run { first_frame_ms, ..Run::default() }
}

fn ten_years(exe: &Path, data: &Path) -> Run {
    let (mut pty, mut parser, first_frame_ms) = start(exe, data, "q avslutt", "I dag ·");
    let mut keys_ms = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            key_to_frame(&mut pty, &mut parser, b"\t");
        }
        if *tab == Tab::History {
            for _ in 0..3 {
                key_to_frame(&mut pty, &mut parser, b"]");
            }
            assert!(parser.screen().contents().contains("365"), "Historikk shows 365 days");
        }
        let times = (0..PAIRS * 2).map(|k| key_to_frame(&mut pty, &mut parser, [b"?", b"\x1b"][k % 2]));
        keys_ms.push(times.collect());
    }
    let run = idle_and_memory(&pty, &mut parser, Run { first_frame_ms, keys_ms, ..Run::default() });
    quit(pty);
    run
}

/// After the keys every frame was taken in whole, so any byte from here on is an idle byte.
fn idle_and_memory(pty: &InPty, parser: &mut vt100::Parser, run: Run) -> Run {
    let cpu_before = cpu_ns(pty.pid);
    let idle_bytes = drain(&pty.rx, parser, IDLE);
    let idle_cpu_ms = (cpu_ns(pty.pid) - cpu_before) as f64 / 1e6;
    Run { idle_bytes, idle_cpu_ms, peak_rss_kib: peak_rss_kb(pty.pid), ..run }
}

/// Reads everything that arrives for `period`; returns the byte count.
fn drain(rx: &mpsc::Receiver<(Instant, Vec<u8>)>, parser: &mut vt100::Parser, period: Duration) -> usize {
    let end = Instant::now() + period;
    let mut total = 0;
    while let Ok((_, bytes)) = rx.recv_timeout(end.saturating_duration_since(Instant::now())) {
        parser.process(&bytes);
        total += bytes.len();
    }
    total
}

/// CPU time of every thread of the process, in nanoseconds (from the scheduler's accounting).
fn cpu_ns(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("proc tasks");
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn cell((min, median, max): (f64, f64, f64)) -> String {
    format!("{median:.2} ({min:.2}-{max:.2})")
}

fn report(rounds: &[[Run; 3]], binary: &Path) {
    let names = ["floor (bare ratatui)", "mestring, first-ever start", "mestring, 10 years of check-ins"];
    let column = |i: usize, f: fn(&Run) -> f64| stats(rounds.iter().map(|r| f(&r[i])).collect());
    println!("{} rounds at {COLS}x{ROWS}; median (min-max)\n", rounds.len());
    println!("| | first frame (ms) | first frame / the floor's, same round |\n|---|---|---|");
    for (i, name) in names.iter().enumerate() {
        let ratio = stats(rounds.iter().map(|r| r[i].first_frame_ms / r[0].first_frame_ms).collect());
        println!("| {name} | {} | {} |", cell(column(i, |r| r.first_frame_ms)), ratio_cell(ratio));
    }
    println!("\n| | idle CPU (ms / 5 s) | idle bytes / 5 s | peak RSS (MiB) |\n|---|---|---|---|");
    for i in [0, 2] {
        println!(
            "| {} | {} | {} | {} |",
            names[i],
            cell(column(i, |r| r.idle_cpu_ms)),
            cell(column(i, |r| r.idle_bytes as f64)),
            cell(column(i, |r| r.peak_rss_kib as f64 / 1024.0)),
        );
    }
    let floor_keys: Vec<f64> = rounds.iter().flat_map(|r| r[0].keys_ms.concat()).collect();
    println!("\nkey-to-frame (ms), every key of every round: median / p99 / max\n");
    println!("| screen (10 years of check-ins) | keys | median | p99 | max |\n|---|---|---|---|---|");
    let row = |name: &str, times: Vec<f64>| {
        let (median, p99, max) =
            (percentile(times.clone(), 0.5), percentile(times.clone(), 0.99), percentile(times.clone(), 1.0));
        println!("| {name} | {} | {median:.2} | {p99:.2} | {max:.2} |", times.len());
        (median, p99)
    };
    let s = Lang::Nb.strings();
    let mut worst = (0.0f64, 0.0f64);
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let times: Vec<f64> = rounds.iter().flat_map(|r| r[2].keys_ms[i].clone()).collect();
        let name = if *tab == Tab::History {
            format!("{} (365 days)", tab.title(s))
        } else {
            tab.title(s).to_owned()
        };
        let (median, p99) = row(&name, times);
        worst = (worst.0.max(median), worst.1.max(p99));
    }
    row("the floor", floor_keys);
    let bytes = std::fs::metadata(binary).map(|m| m.len()).unwrap_or(0) as f64;
    println!("\nrelease binary: {:.2} MB ({})", bytes / 1e6, binary.display());
    let first =
        |i: usize| stats(rounds.iter().map(|r| r[i].first_frame_ms / r[0].first_frame_ms).collect()).1;
    let rss = column(2, |r| r.peak_rss_kib as f64 * 1024.0 / 1e6).1;
    let idle = column(2, |r| r.idle_cpu_ms + r.idle_bytes as f64).2;
    println!("\n| goal | measured | |\n|---|---|---|");
    let goal = |what: &str, measured: String, met: bool| {
        println!("| {what} | {measured} | {} |", if met { "met" } else { "missed" });
    };
    goal("first frame, 10 years, ≤ 1.6x the floor", format!("{:.2}x", first(2)), first(2) <= 1.6);
    goal("first-ever start ≤ 3x the floor", format!("{:.2}x", first(1)), first(1) <= 3.0);
    goal(
        "key-to-frame median ≤ 1 ms on every screen",
        format!("{:.2} ms (worst screen)", worst.0),
        worst.0 <= 1.0,
    );
    goal(
        "key-to-frame p99 ≤ 16 ms on every screen",
        format!("{:.2} ms (worst screen)", worst.1),
        worst.1 <= 16.0,
    );
    goal("idle CPU and bytes exactly 0", format!("{idle} (max of CPU ms + bytes)"), idle == 0.0);
    goal("peak RSS ≤ 8 MB", format!("{rss:.2} MB"), rss <= 8.0);
    goal("release binary ≤ 5.5 MB", format!("{:.2} MB", bytes / 1e6), bytes / 1e6 <= 5.5);
}

fn ratio_cell((min, median, max): (f64, f64, f64)) -> String {
    format!("{median:.2}x ({min:.2}x-{max:.2}x)")
}

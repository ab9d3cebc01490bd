//! Start-up, latency and idle benchmark: runs the release binary in a pseudo-terminal at
//! 120x40, beside a minimal ratatui program (examples/floor.rs) measured the same way.
//!
//!     cargo run --release --example bench_startup [-- RUNS]
//!
//! Reports min/median/max over RUNS runs (default 10) of: time from spawn to the first complete
//! frame, key-to-frame latency, CPU time and bytes written during 5 idle seconds, peak RSS; and
//! the binary size. mestring runs twice: with no data, and with 10 years of daily check-ins;
//! with data, each run also opens every screen by its number key and times the frame.
//! Prints Markdown tables for BENCHMARKS.md.
//!
//!     cargo run --release --example bench_startup -- --starts [STARTS]
//!
//! times only the first frame, over STARTS starts (default 100) back to back, quitting as soon as
//! the frame is complete: no keys, no idle seconds between starts, so the machine stays warm and
//! the spawn, which both programs pay, takes less of the time.

#[path = "bench_support/mod.rs"]
mod bench_support;
#[path = "checkin_data/generate.rs"]
mod generate;

use bench_support::{InPty, ms, peak_rss_kb, spawn_in_pty, stats, wait_screen};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

const COLS: u16 = 120;
const ROWS: u16 = 40;
const IDLE: Duration = Duration::from_secs(5);
const KEYS: usize = 40;

struct Target {
    name: &'static str,
    exe: PathBuf,
    args: Vec<String>,
    /// Text that is on screen once the first frame is complete (drawn last, bottom row).
    ready: &'static str,
    /// Text of the first screen itself, so a frame of something else never counts.
    title: &'static str,
    /// Two keys that each change the screen, pressed alternately.
    keys: [&'static [u8]; 2],
    /// The data directory it runs with.
    data: PathBuf,
    /// How many screens to open by number key after the other keys (0: none).
    screens: usize,
}

/// The benchmark's own data directory, so a user's real data is never read or touched.
const DATA_ENV: &str = "MESTRING_DATA_DIR";

#[derive(Default)]
struct Run {
    first_frame_ms: f64,
    key_to_frame_ms: Vec<f64>,
    idle_cpu_ms: f64,
    idle_bytes: usize,
    peak_rss_kb: u64,
    /// Per screen, in tab order: from the number key to its frame.
    screen_ms: Vec<f64>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let starts = args.first().is_some_and(|a| a == "--starts");
    let runs: usize =
        args.get(usize::from(starts)).and_then(|a| a.parse().ok()).unwrap_or(if starts { 100 } else { 10 });
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_support::build_release(root, &["floor"]);
    let release = root.join("target/release");
    let data = tempdir();
    let empty = data.join("empty");
    let years = data.join("ten-years");
    for dir in [&empty, &years] {
        std::fs::create_dir_all(dir).expect("create data dir");
    }
    generate::generate(&years, 3653);
    // The start screen "I dag" is complete once its title and the footer (drawn last) are on
    // screen. The keys go from "I dag" to the questions and back: both redraw the whole body,
    // and the way back reads the home screen's numbers from the store again.
    let mestring = |name, data: &Path, screens| Target {
        name,
        exe: release.join("mestring"),
        args: vec![],
        ready: "q avslutt",
        title: "I dag ·",
        keys: [b"0", b"1"],
        data: data.to_owned(),
        screens,
    };
    let targets = [
        Target {
            name: "floor (bare ratatui)",
            exe: release.join("examples/floor"),
            args: vec![],
            ready: "floor: 0 keys",
            title: "floor",
            keys: [b"a", b"b"],
            data: empty.clone(),
            screens: 0,
        },
        mestring("mestring, no data", &empty, 0),
        // Keys 1-9 and 0 open the first ten screens; the rest have no number key.
        mestring("mestring, 10 years of data", &years, mestring::app::Tab::ALL.len().min(10)),
    ];
    if starts {
        first_frames_back_to_back(&targets, runs);
        let _ = std::fs::remove_dir_all(&data);
        return;
    }
    // One warm-up run each, so all start from a warm page cache. Then the programs take turns,
    // run by run: a change in the machine's load while the benchmark runs falls on all alike.
    for target in &targets {
        measure(target);
    }
    let mut results: Vec<Vec<Run>> = targets.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs {
        for (target, all) in targets.iter().zip(&mut results) {
            all.push(measure(target));
        }
    }
    print_report(&targets, &results, runs, &release.join("mestring"));
    let _ = std::fs::remove_dir_all(&data);
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mestring-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn measure(target: &Target) -> Run {
    let mut cmd = CommandBuilder::new(&target.exe);
    cmd.args(&target.args);
    cmd.env("LANG", "nb_NO.UTF-8");
    cmd.env(DATA_ENV, &target.data);
    cmd.env("MESTRING_CONFIG", target.data.join("config.ron"));
    let InPty { mut child, pid, mut writer, rx, spawned, master: _master } = spawn_in_pty(cmd, COLS, ROWS);
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    let mut run = Run::default();

    let ready_at = wait_screen(&rx, &mut parser, |s| s.contains(target.ready) && s.contains(target.title));
    run.first_frame_ms = ms(ready_at - spawned);

    for i in 0..KEYS {
        let before = parser.screen().contents();
        let sent = Instant::now();
        writer.write_all(target.keys[i % 2]).expect("send key");
        writer.flush().unwrap();
        let at = wait_screen(&rx, &mut parser, |s| s != before);
        run.key_to_frame_ms.push(ms(at - sent));
    }

    // Every screen by its number key (1-9, then 0), then back to the first, each timed to its
    // frame. A screen without a number (the settings) is left out.
    let keys = (1..target.screens).filter_map(mestring::ui::key_for_index);
    for key in keys.chain((target.screens > 0).then_some('1')) {
        let before = parser.screen().contents();
        let sent = Instant::now();
        writer.write_all(key.to_string().as_bytes()).expect("send key");
        writer.flush().unwrap();
        let at = wait_screen(&rx, &mut parser, |s| s != before);
        run.screen_ms.push(ms(at - sent));
    }
    run.screen_ms.rotate_right(usize::from(target.screens > 0));

    // Every frame was taken in whole above, so from here on any byte is an idle byte.
    let cpu_before = cpu_ns(pid);
    run.idle_bytes = drain(&rx, &mut parser, IDLE);
    run.idle_cpu_ms = (cpu_ns(pid) - cpu_before) as f64 / 1e6;
    run.peak_rss_kb = peak_rss_kb(pid);
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    child.wait().expect("wait");
    run
}

/// From spawn to the first complete frame, `starts` times for each target, taking turns; then
/// the same report of the first frame as `main`'s.
fn first_frames_back_to_back(targets: &[Target], starts: usize) {
    let once = |target: &Target| {
        let mut cmd = CommandBuilder::new(&target.exe);
        cmd.env("LANG", "nb_NO.UTF-8");
        cmd.env(DATA_ENV, &target.data);
        cmd.env("MESTRING_CONFIG", target.data.join("config.ron"));
        let InPty { mut child, mut writer, rx, spawned, master: _master, .. } = spawn_in_pty(cmd, COLS, ROWS);
        let mut parser = vt100::Parser::new(ROWS, COLS, 0);
        let ready_at =
            wait_screen(&rx, &mut parser, |s| s.contains(target.ready) && s.contains(target.title));
        writer.write_all(b"q").and_then(|()| writer.flush()).expect("send q");
        child.wait().expect("wait");
        ms(ready_at - spawned)
    };
    for target in targets {
        once(target);
    }
    let mut times: Vec<Vec<f64>> = targets.iter().map(|_| Vec::new()).collect();
    for _ in 0..starts {
        for (target, all) in targets.iter().zip(&mut times) {
            all.push(once(target));
        }
    }
    println!("{starts} starts each at {COLS}x{ROWS}, back to back; first frame (ms), min / median / max\n");
    println!(
        "| | first frame (ms) | median / the floor's | in the same round / the floor's |\n|---|---|---|---|"
    );
    let floor = stats(times[0].clone());
    for (target, all) in targets.iter().zip(&times) {
        let (a, b, c) = stats(all.clone());
        let ratios = all.iter().zip(&times[0]).map(|(app, floor)| app / floor).collect();
        let (ra, rb, rc) = stats(ratios);
        println!(
            "| {} | {a:.2} / {b:.2} / {c:.2} | {:.2}x | {ra:.2}x / {rb:.2}x / {rc:.2}x |",
            target.name,
            b / floor.1
        );
    }
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

fn print_report(targets: &[Target], results: &[Vec<Run>], runs: usize, binary: &Path) {
    let rows: Vec<[(f64, f64, f64); 5]> = results
        .iter()
        .map(|all| {
            [
                stats(all.iter().map(|r| r.first_frame_ms).collect()),
                stats(all.iter().flat_map(|r| r.key_to_frame_ms.clone()).collect()),
                stats(all.iter().map(|r| r.idle_cpu_ms).collect()),
                stats(all.iter().map(|r| r.idle_bytes as f64).collect()),
                stats(all.iter().map(|r| r.peak_rss_kb as f64 / 1024.0).collect()),
            ]
        })
        .collect();
    let bytes = std::fs::metadata(binary).map(|m| m.len()).unwrap_or(0) as f64;
    println!(
        "{runs} runs at {COLS}x{ROWS}, {KEYS} keys each, {}s idle; min / median / max\n",
        IDLE.as_secs()
    );
    println!(
        "| | first frame (ms) | key-to-frame (ms) | idle CPU (ms / 5 s) | idle bytes / 5 s | peak RSS (MiB) |"
    );
    println!("|---|---|---|---|---|---|");
    for (target, row) in targets.iter().zip(&rows) {
        let cells: Vec<String> = row.iter().map(|(a, b, c)| format!("{a:.2} / {b:.2} / {c:.2}")).collect();
        println!("| {} | {} |", target.name, cells.join(" | "));
    }
    let floor = &rows[0];
    for (target, app) in targets.iter().zip(&rows).skip(1) {
        let ratio =
            |i: usize| if floor[i].1 > 0.0 { format!("{:.2}x", app[i].1 / floor[i].1) } else { "n/a".into() };
        println!(
            "| {} / floor (medians) | {} | {} | {} | {} | {} |",
            target.name,
            ratio(0),
            ratio(1),
            ratio(2),
            ratio(3),
            ratio(4)
        );
    }
    // Each round ran the floor and then mestring within seconds of each other: the ratio of
    // the two in one round is less at the mercy of the machine's load than a ratio of medians.
    println!("\nfirst frame / the floor's in the same round, min / median / max:\n");
    for (target, all) in targets.iter().zip(results).skip(1) {
        let ratios =
            all.iter().zip(&results[0]).map(|(app, floor)| app.first_frame_ms / floor.first_frame_ms);
        let (a, b, c) = stats(ratios.collect());
        println!("- {}: {a:.2}x / {b:.2}x / {c:.2}x", target.name);
    }
    println!(
        "\nrelease binary size: {:.2} MB ({:.2} MiB, {})",
        bytes / 1e6,
        bytes / (1024.0 * 1024.0),
        binary.display()
    );
    // Opening each screen by its number key, with 10 years of data.
    if let Some((target, all)) = targets.iter().zip(results).find(|(t, _)| t.screens > 0) {
        println!("\n{}: number key to the screen's frame (ms), min / median / max\n", target.name);
        println!("| screen | key-to-frame (ms) |\n|---|---|");
        for (i, tab) in mestring::app::Tab::ALL.iter().enumerate() {
            let times: Vec<f64> = all.iter().filter_map(|r| r.screen_ms.get(i).copied()).collect();
            let (Some(key), false) = (tab.key(), times.is_empty()) else { continue };
            let (a, b, c) = stats(times);
            println!(
                "| {key} {} | {a:.2} / {b:.2} / {c:.2} |",
                tab.title(mestring::i18n::Lang::Nb.strings())
            );
        }
    }
}

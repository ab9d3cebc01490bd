//! Check-in and history benchmark (issue 3):
//!
//!     cargo run --release --example bench_checkin [-- RUNS]
//!
//! Three data directories are generated (no check-ins, 10 years of daily check-ins, 100,000
//! daily check-ins) and for each one this measures, over RUNS runs (default 10):
//! - the release binary in a 120x40 pseudo-terminal: time from spawn to the first complete
//!   frame, beside a bare ratatui program (examples/floor.rs); then the key `3` until the history
//!   screen is drawn (its data read on the way); peak RSS after both;
//! - in-process: one frame of each history view at 200x60 drawn into a `TestBackend`;
//! - `mestring checkin` as a process, spawn to exit, including its fsync.
//!
//! Prints Markdown tables for BENCHMARKS.md.

#[path = "bench_support/mod.rs"]
mod bench_support;

use bench_support::{InPty, ms, peak_rss_kb, spawn_in_pty, stats, wait_screen};

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use mestring::action::Action;
use mestring::app::{App, Options, Tab};
use mestring::clock::SystemClock;
use mestring::content::{Content, RegionId};
use mestring::i18n::Lang;
use mestring::store::Store;
use mestring::theme::Theme;
use portable_pty::CommandBuilder;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const COLS: u16 = 120;
const ROWS: u16 = 40;
const RENDERS: usize = 200;
const CHECKINS: usize = 30;

struct Dataset {
    name: &'static str,
    days: u64,
    dir: PathBuf,
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_support::build_release(root, &["floor", "gen_checkins"]);
    let release = root.join("target/release");
    let base = std::env::temp_dir().join(format!("mestring-bench-checkin-{}", std::process::id()));
    let datasets: Vec<Dataset> = [("empty", 0), ("10 years daily", 3653), ("100,000 days", 100_000)]
        .into_iter()
        .map(|(name, days)| {
            let dir = base.join(days.to_string());
            let started = Instant::now();
            bench_support::generate_apart(root, &dir, days);
            let bytes = std::fs::metadata(dir.join("mestring.sqlite3")).map(|m| m.len()).unwrap_or(0);
            eprintln!(
                "{name}: {days} days, {:.1} MB, generated in {:.1} s",
                mb(bytes),
                started.elapsed().as_secs_f64()
            );
            Dataset { name, days, dir }
        })
        .collect();

    println!("## Runs: {runs} per figure; min / median / max\n");
    println!(
        "| data | first frame (ms) | vs empty | peak RSS at first frame (MiB) | key `3` to history drawn (ms) | peak RSS after history (MiB) |"
    );
    println!("|---|---|---|---|---|---|");
    let floor: Vec<f64> = (0..=runs)
        .map(|_| first_frame(&release.join("examples/floor"), &base, "floor: 0 keys", None).first_ms)
        .skip(1)
        .collect();
    let floor_median = stats(floor.clone()).1;
    println!("| bare ratatui (floor) | {} | | | | |", fmt(stats(floor)));
    let mut empty_median = 0.0;
    for set in &datasets {
        let mut frames = Vec::new();
        let mut history = Vec::new();
        let (mut rss_first, mut rss) = (Vec::new(), Vec::new());
        for i in 0..=runs {
            let run = first_frame(&release.join("mestring"), &set.dir, "q avslutt", Some(b"3"));
            if i > 0 {
                frames.push(run.first_ms);
                history.push(run.history_ms);
                rss_first.push(run.rss_first_mb);
                rss.push(run.rss_mb);
            }
        }
        let frame = stats(frames);
        if set.days == 0 {
            empty_median = frame.1;
        }
        println!(
            "| {} | {} | {:.2}x (floor {:.2}x) | {} | {} | {} |",
            set.name,
            fmt(frame),
            frame.1 / empty_median,
            frame.1 / floor_median,
            fmt(stats(rss_first)),
            fmt(stats(history)),
            fmt(stats(rss))
        );
    }

    println!("\n## History screen at 200x60 ({RENDERS} frames; min / median / max, ms)\n");
    println!("`render`: the app drawing into the frame's buffer. `draw`: the same plus ratatui's diff");
    println!("into a `TestBackend` (what a terminal frame costs before the bytes are written).\n");
    println!("| data | | overview (365 days) | calendar | triggers | days (list + detail) |");
    println!("|---|---|---|---|---|---|");
    for set in &datasets {
        let (render, draw) = render_times(&set.dir);
        let cells = |v: Vec<(f64, f64, f64)>| v.into_iter().map(fmt).collect::<Vec<_>>().join(" | ");
        println!("| {} | render | {} |", set.name, cells(render));
        println!("| | draw | {} |", cells(draw));
    }

    println!(
        "\n## `mestring checkin`, spawn to exit incl. fsync ({CHECKINS} runs; min / median / max, ms)\n"
    );
    println!("| data | checkin | one fsync of 4 kB on the same disk, meanwhile |");
    println!("|---|---|---|");
    for set in &datasets {
        let times = checkin_times(&release.join("mestring"), &set.dir);
        println!("| {} | {} | {} |", set.name, fmt(stats(times)), fmt(stats(fsync_times(&set.dir))));
    }
    let _ = std::fs::remove_dir_all(&base);
}

struct Run {
    /// Spawn to the first complete frame.
    first_ms: f64,
    rss_first_mb: f64,
    /// The key `3` to the history screen drawn, its data read on the way.
    history_ms: f64,
    rss_mb: f64,
}

fn first_frame(exe: &Path, data: &Path, ready: &str, key: Option<&[u8]>) -> Run {
    let mut cmd = CommandBuilder::new(exe);
    cmd.env("LANG", "nb_NO.UTF-8");
    cmd.env("MESTRING_DATA_DIR", data);
    let InPty { mut child, pid, mut writer, rx, spawned, master: _master } = spawn_in_pty(cmd, COLS, ROWS);
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    let first = wait_screen(&rx, &mut parser, |s| s.contains(ready));
    // The start-up check runs on a thread after the first frame; its memory counts here.
    thread::sleep(Duration::from_millis(300));
    let rss_first_mb = peak_rss_kb(pid) as f64 / 1024.0;
    let mut to_history = 0.0;
    if let Some(key) = key {
        let sent = Instant::now();
        writer.write_all(key).unwrap();
        writer.flush().unwrap();
        let drawn = wait_screen(&rx, &mut parser, |s| s.contains("Oversikt") && s.contains("Periode"));
        to_history = ms(drawn - sent);
    }
    let rss_mb = peak_rss_kb(pid) as f64 / 1024.0;
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    child.wait().expect("wait");
    Run { first_ms: ms(first - spawned), rss_first_mb, history_ms: to_history, rss_mb }
}

use std::io::Write;

/// Per history view, the time to render one 200x60 frame, and to draw it into a `TestBackend`,
/// after the screen's data was read.
type Times = Vec<(f64, f64, f64)>;

fn render_times(dir: &Path) -> (Times, Times) {
    let options =
        Options { lang: Lang::Nb, region: RegionId::Norway, theme: Theme::COLOR, mouse: false, bell: false };
    let store = Store::open(&dir.join("mestring.sqlite3"));
    let mut app = App::new(options, Content::leak(None), Box::new(SystemClock), store);
    app.update(Action::Resize { width: 200, height: 60 });
    app.show(Tab::History);
    // The overview at its longest period, then each of the other views.
    for _ in 0..3 {
        app.update(Action::Increase);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let (mut render, mut draw) = (Vec::new(), Vec::new());
    for view in 0..4 {
        if view > 0 {
            app.update(Action::NextView);
        }
        if view == 3 {
            app.update(Action::Down);
        }
        let mut times = Vec::with_capacity(RENDERS);
        for _ in 0..RENDERS {
            let mut frame = terminal.get_frame();
            let started = Instant::now();
            app.render(&mut frame);
            times.push(ms(started.elapsed()));
        }
        render.push(stats(times));
        let mut times = Vec::with_capacity(RENDERS);
        for _ in 0..RENDERS {
            let started = Instant::now();
            terminal.draw(|frame| app.render(frame)).unwrap();
            times.push(ms(started.elapsed()));
        }
        draw.push(stats(times));
    }
    (render, draw)
}

fn checkin_times(exe: &Path, data: &Path) -> Vec<f64> {
    let today = chrono::Local::now().date_naive();
    let run = |i: u64| {
        let date = today - chrono::Days::new(i * 3 + 1);
        let started = Instant::now();
        let status = Command::new(exe)
            .args(["checkin", "--mood", "3", "--craving", "2", "--stress", "4", "--trigger", "stress"])
            .args(["--note", "Målt dag, æøå", "--date", &date.to_string()])
            .env("MESTRING_DATA_DIR", data)
            .stdout(Stdio::null())
            .status()
            .expect("run mestring checkin");
        assert!(status.success());
        ms(started.elapsed())
    };
    // The first run of the day also makes the daily backup; it is not what a habit costs.
    run(0);
    (1..=CHECKINS as u64).map(run).collect()
}

/// The disk's own cost of an fsync, for reading the check-in figures on a busy machine.
fn fsync_times(dir: &Path) -> Vec<f64> {
    let path = dir.join("fsync-probe");
    let mut file = std::fs::File::create(&path).unwrap();
    let times = (0..CHECKINS)
        .map(|_| {
            file.write_all(&[0u8; 4096]).unwrap();
            let started = Instant::now();
            file.sync_all().unwrap();
            ms(started.elapsed())
        })
        .collect();
    let _ = std::fs::remove_file(&path);
    times
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn fmt((min, median, max): (f64, f64, f64)) -> String {
    format!("{min:.2} / {median:.2} / {max:.2}")
}

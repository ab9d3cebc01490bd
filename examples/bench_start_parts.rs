//! Where the start-up time goes inside the process, step by step, the way `main` takes the
//! steps: open the store, build the app (the start screen reads its numbers), and draw the first
//! frame at 120x40 into a test backend (creating the terminal's buffers included).
//!
//!     cargo run --release --example bench_start_parts [-- RUNS]
//!
//! Every run is a fresh process (this program starts itself again), because what the first
//! frame pays for is first use: SQLite's first open, the first touch of code and data. Reports
//! min / median / max over RUNS runs (default 20), without data and with 10 years of check-ins.
//! The end-to-end figures (spawn to the frame on a pseudo-terminal) are `bench_startup`'s.

#[path = "bench_support/mod.rs"]
mod bench_support;
#[path = "checkin_data/generate.rs"]
mod generate;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use bench_support::{ms, stats};
use mestring::app::{App, Options};
use mestring::clock::SystemClock;
use mestring::content::RegionId;
use mestring::i18n::Lang;
use mestring::store::{DB_FILE, Store};
use mestring::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Set in the environment of a child run: the data directory to start with.
const CHILD: &str = "BENCH_START_PARTS_DATA";
const STEPS: [&str; 4] = ["open the store", "App::new (start screen's reads)", "first frame", "in all"];

fn main() {
    if let Some(dir) = std::env::var_os(CHILD) {
        return child(Path::new(&dir));
    }
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let root = std::env::temp_dir().join(format!("mestring-bench-parts-{}", std::process::id()));
    let (empty, years) = (root.join("empty"), root.join("ten-years"));
    for dir in [&empty, &years] {
        std::fs::create_dir_all(dir).expect("create data dir");
    }
    generate::generate(&years, 3653);
    drop(Store::open(&empty.join(DB_FILE)).expect("create the empty database"));
    println!("{runs} fresh processes each, 120x40; min / median / max, ms\n");
    println!("| data | {} |", STEPS.join(" | "));
    println!("|---|---|---|---|---|");
    for (name, dir) in [("no data", &empty), ("10 years", &years)] {
        // One warm-up run, so the binary and the database are in the page cache.
        let all: Vec<[f64; 4]> = (0..=runs).map(|_| run_child(dir)).skip(1).collect();
        let cells: Vec<String> = (0..STEPS.len())
            .map(|i| {
                let (a, b, c) = stats(all.iter().map(|r| r[i]).collect());
                format!("{a:.2} / {b:.2} / {c:.2}")
            })
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
    let _ = std::fs::remove_dir_all(&root);
}

fn run_child(dir: &Path) -> [f64; 4] {
    let exe = std::env::current_exe().expect("this program's path");
    let out = Command::new(exe).env(CHILD, dir).output().expect("run a child");
    assert!(out.status.success(), "child failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let values: Vec<f64> = text.split_whitespace().map(|v| v.parse().expect("a number")).collect();
    values.try_into().expect("four figures")
}

/// One start, timed: prints the four figures on one line.
fn child(dir: &Path) {
    let start = Instant::now();
    let lang = Lang::Nb;
    let store = Store::open(&dir.join(DB_FILE));
    let opened = Instant::now();
    let options = Options { lang, region: RegionId::Norway, theme: Theme::COLOR, mouse: false, bell: false };
    let mut app = App::new(options, Box::new(SystemClock), store);
    let built = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    app.set_area(Rect::new(0, 0, 120, 40));
    terminal.draw(|frame| app.render(frame)).expect("draw");
    let drawn = Instant::now();
    println!(
        "{:.3} {:.3} {:.3} {:.3}",
        ms(opened - start),
        ms(built - opened),
        ms(drawn - built),
        ms(drawn - start)
    );
}

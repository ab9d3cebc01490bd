//! What the pseudo-terminal benchmarks share: starting a program in a pseudo-terminal with its
//! output timestamped, reading whole frames from that output, peak memory from /proc, and
//! min / median / max.
#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Builds the release binary exactly as `cargo run --release` does, then the `examples` the
/// benchmark also runs. Apart, not in one `cargo build`: one that names an example turns on the
/// dev-dependencies' features in shared crates, and such a binary is not the one users run.
pub fn build_release(root: &Path, examples: &[&str]) {
    cargo(root, &["build", "--release", "--bin", "mestring"]);
    for example in examples {
        cargo(root, &["build", "--release", "--example", example]);
    }
}

/// Writes `days` generated check-ins into `dir` in a process of its own (`examples/gen_checkins`,
/// built by `build_release`). A harness that generated them itself would keep the memory that
/// took, and every program it then times is forked from it: forking a large process costs
/// milliseconds that the program under test does not.
pub fn generate_apart(root: &Path, dir: &Path, days: u64) {
    std::fs::create_dir_all(dir).expect("make the data directory");
    let exe = root.join("target/release/examples/gen_checkins");
    let out = Command::new(&exe).arg(dir).arg(days.to_string()).output().expect("run gen_checkins");
    assert!(out.status.success(), "gen_checkins failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// Runs cargo with `args` in `root`; panics if it fails.
pub fn cargo(root: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO")).args(args).current_dir(root).status().expect("run cargo");
    assert!(status.success(), "cargo {} failed", args.join(" "));
}

/// A program started in a pseudo-terminal.
pub struct InPty {
    pub child: Box<dyn Child + Send + Sync>,
    pub pid: u32,
    /// Keeps the terminal open for as long as the run lasts.
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Box<dyn std::io::Write + Send>,
    /// The program's output chunk by chunk, each stamped the moment it arrived: a reader thread
    /// does nothing else.
    pub rx: mpsc::Receiver<(Instant, Vec<u8>)>,
    /// Just before the spawn.
    pub spawned: Instant,
}

/// Starts `cmd` in a `cols`x`rows` pseudo-terminal of the common kind (xterm-256color), without
/// the caller's language or colour overrides.
pub fn spawn_in_pty(mut cmd: CommandBuilder, cols: u16, rows: u16) -> InPty {
    let pair = native_pty_system()
        .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
        .expect("openpty");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("MESTRING_LANG");
    cmd.env_remove("NO_COLOR");
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let spawned = Instant::now();
    let child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let pid = child.process_id().expect("pid");
    InPty { child, pid, master: pair.master, writer, rx, spawned }
}

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

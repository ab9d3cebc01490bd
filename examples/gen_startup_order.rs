//! Writes `link/startup-order.txt`, the functions mestring runs while it starts and opens its
//! screens, which build.rs hands to the linker so that they sit together in the binary:
//!
//!     cargo run --release --example gen_startup_order
//!
//! Needs valgrind. It links the release binary once more with its symbols kept
//! (`cargo rustc --release --bin mestring -- -C strip=none`: the dependencies are not rebuilt,
//! so every function keeps the name the normal build gives it), runs that binary under callgrind
//! in a pseudo-terminal, and lists every function of the binary that ran, in this order:
//! 1. a start on existing data from the start snapshot (a second start on the same day, as the
//!    start-up benchmark's runs after their warm-up are): first what runs until its first frame
//!    is out, so that code packs into the fewest pages, then the rest of that run, with the
//!    benchmark's two keys;
//! 2. the same start without the snapshot, which opens the database before its first frame (the
//!    first start of a day);
//! 3. a start on 10 years of check-ins that opens every numbered screen, as the benchmark does;
//! 4. the very first start, which creates the database.
//!
//! Then it builds the normal release binary again. Run it after a compiler update, a change to
//! the dependencies (they are part of every function's mangled name) or to what start-up does: a
//! stale list costs resident pages and page faults, never correctness.
//!
//!     cargo run --release --example gen_startup_order -- --check
//!
//! only tells how many of the listed functions the current build has (with `nm`, no valgrind),
//! and fails if it is fewer than nine in ten.

#[path = "bench_support/mod.rs"]
mod bench_support;
#[path = "checkin_data/generate.rs"]
mod generate;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bench_support::{InPty, spawn_in_pty};
use portable_pty::CommandBuilder;

const ORDER_FILE: &str = "link/startup-order.txt";
/// The start screen is complete once its footer, drawn last, is on screen.
const READY: &str = "q avslutt";
/// Callgrind is some fifty times slower than the binary alone.
const PATIENCE: Duration = Duration::from_secs(120);

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if std::env::args().nth(1).as_deref() == Some("--check") {
        return check(root);
    }
    if Command::new("valgrind").arg("--version").output().is_err() {
        eprintln!("gen_startup_order needs valgrind (its callgrind tool); install it and run again");
        std::process::exit(1);
    }
    link_with_symbols(root);
    let work = std::env::temp_dir().join(format!("mestring-order-{}", std::process::id()));
    let [existing, years, first] = ["existing", "ten-years", "first"].map(|d| work.join(d));
    for dir in [&existing, &years, &first] {
        std::fs::create_dir_all(dir).expect("create data dir");
    }
    let exe = work.join("mestring-with-symbols");
    std::fs::copy(root.join("target/release/mestring"), &exe).expect("copy the binary");
    generate::generate(&existing, 0);
    generate::generate(&years, 3653);

    let every_screen: Vec<String> = (1..mestring::app::Tab::ALL.len().min(10))
        .filter_map(mestring::app::key_for_index)
        .chain(['1'])
        .map(String::from)
        .collect();
    // A plain start leaves the start snapshot behind (see `app::Snapshot`), so the first run
    // below starts from it, as a second start on the same day does.
    run_plain(&exe, &existing);
    let keys = || vec!["0".to_owned(), "1".to_owned()];
    let runs = [
        (&existing, keys(), Before::CutAtFirstFrame),
        (&existing, keys(), Before::WithoutSnapshot(existing.join(mestring::app::SNAPSHOT_FILE))),
        (&years, every_screen, Before::Nothing),
        (&first, vec![], Before::Nothing),
    ];
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    for (i, (data, keys, before)) in runs.iter().enumerate() {
        if let Before::WithoutSnapshot(snapshot) = before {
            std::fs::remove_file(snapshot).expect("remove the start snapshot");
        }
        let out = work.join(format!("callgrind.{i}"));
        run_under_callgrind(&exe, data, keys, &out, matches!(before, Before::CutAtFirstFrame));
        let mut ran = Vec::new();
        for part in profile_parts(&out) {
            let text = std::fs::read_to_string(&part).expect("read the callgrind output");
            ran.extend(functions_of(&text, "mestring-with-symbols"));
        }
        ran.retain(|f| seen.insert(f.clone()));
        eprintln!("run {}: {} more functions of the binary ran", i + 1, ran.len());
        order.extend(ran);
    }
    write_order(&root.join(ORDER_FILE), &order);
    let _ = std::fs::remove_dir_all(&work);
    bench_support::build_release(root, &[]);
    println!("{} functions written to {ORDER_FILE}", order.len());
}

/// Counts the listed functions that the release binary, linked with its symbols, defines.
fn check(root: &Path) {
    link_with_symbols(root);
    let nm = Command::new("nm").arg("--defined-only").arg(root.join("target/release/mestring")).output();
    let nm = nm.expect("run nm (binutils)");
    let defined: HashSet<&str> = std::str::from_utf8(&nm.stdout)
        .expect("nm prints text")
        .lines()
        .filter_map(|l| l.split(' ').nth(2))
        .collect();
    let text = std::fs::read_to_string(root.join(ORDER_FILE)).expect("read the order file");
    let listed: Vec<&str> = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let found = listed.iter().filter(|name| defined.contains(*name)).count();
    bench_support::build_release(root, &[]);
    println!("{found} of the {} functions {ORDER_FILE} lists are in the binary", listed.len());
    if found * 10 < listed.len() * 9 {
        eprintln!("the list is stale: run `cargo run --release --example gen_startup_order`");
        std::process::exit(1);
    }
}

/// Links `target/release/mestring` once more with its symbols kept. Only the binary is linked
/// again: the dependencies, and so every function's name, stay those of the normal build.
fn link_with_symbols(root: &Path) {
    bench_support::cargo(root, &["rustc", "--release", "--bin", "mestring", "--", "-C", "strip=none"]);
}

/// What is done before a run, and how its profile is taken.
enum Before {
    /// Nothing: the run starts as the data directory is.
    Nothing,
    /// The start snapshot (this file) is removed, so the run opens the database before its
    /// first frame.
    WithoutSnapshot(std::path::PathBuf),
    /// Nothing, but the profile is cut where the first frame is out: the first thread is
    /// started just after it (`Events::start`), so the functions that run before the first
    /// frame come first in the list.
    CutAtFirstFrame,
}

/// Starts `exe` (without callgrind) on `data`, waits for the start screen and quits.
fn run_plain(exe: &Path, data: &Path) {
    let mut cmd = CommandBuilder::new(exe);
    set_env(&mut cmd, data);
    let InPty { mut child, mut writer, rx, master: _master, .. } = spawn_in_pty(cmd, 120, 40);
    let mut parser = vt100::Parser::new(40, 120, 0);
    settle(&rx, &mut parser, |s| s.contains(READY));
    writer.write_all(b"q").and_then(|()| writer.flush()).expect("send q");
    let status = child.wait().expect("wait for mestring");
    assert!(status.success(), "mestring exited with {status:?}");
}

fn set_env(cmd: &mut CommandBuilder, data: &Path) {
    cmd.env("LANG", "nb_NO.UTF-8");
    cmd.env("MESTRING_DATA_DIR", data);
    cmd.env("MESTRING_CONFIG", data.join("config.ron"));
}

/// Starts `exe` under callgrind in a 120x40 terminal on `data`, waits for the start screen,
/// types `keys` (each once the screen has settled) and quits with `q`. With `cut_at_first_frame`,
/// callgrind writes the profile in parts, the first when the first thread starts.
fn run_under_callgrind(exe: &Path, data: &Path, keys: &[String], out: &Path, cut_at_first_frame: bool) {
    let mut cmd = CommandBuilder::new("valgrind");
    cmd.args(["--tool=callgrind", "--demangle=no", "--quiet"]);
    if cut_at_first_frame {
        cmd.arg("--dump-before=pthread_create*");
    }
    cmd.arg(format!("--callgrind-out-file={}", out.display()));
    cmd.arg(exe);
    set_env(&mut cmd, data);
    let InPty { mut child, mut writer, rx, master: _master, .. } = spawn_in_pty(cmd, 120, 40);
    let mut parser = vt100::Parser::new(40, 120, 0);
    settle(&rx, &mut parser, |s| s.contains(READY));
    for key in keys.iter().map(String::as_str).chain(["q"]) {
        let before = parser.screen().contents();
        writer.write_all(key.as_bytes()).and_then(|()| writer.flush()).expect("send a key");
        if key != "q" {
            settle(&rx, &mut parser, |s| s != before);
        }
    }
    let status = child.wait().expect("wait for mestring");
    assert!(status.success(), "mestring under callgrind exited with {status:?}");
}

/// Reads output until `done` holds for the screen and then half a second passes without any.
fn settle(rx: &mpsc::Receiver<(Instant, Vec<u8>)>, parser: &mut vt100::Parser, done: impl Fn(&str) -> bool) {
    while !done(&parser.screen().contents()) {
        let (_, bytes) = rx.recv_timeout(PATIENCE).expect("mestring stopped drawing under callgrind");
        parser.process(&bytes);
    }
    while let Ok((_, bytes)) = rx.recv_timeout(Duration::from_millis(500)) {
        parser.process(&bytes);
    }
}

/// The files of a profile in the order they were written: callgrind numbers the parts it
/// writes before the end (`out.1`, `out.2`, ...) and writes the last one to `out` itself.
fn profile_parts(out: &Path) -> Vec<std::path::PathBuf> {
    let name = out.file_name().and_then(|n| n.to_str()).expect("a file name");
    let mut parts: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir(out.parent().expect("a directory"))
        .expect("list the profiles")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let number = path.file_name()?.to_str()?.strip_prefix(name)?.strip_prefix('.')?.parse().ok()?;
            Some((number, path))
        })
        .collect();
    parts.sort();
    parts.into_iter().map(|(_, path)| path).chain([out.to_owned()]).collect()
}

/// The functions of the object whose path ends with `object` that appear in a callgrind profile,
/// each once, in the order the profile first names them. Callgrind writes a name in full the first
/// time and as `(id)` after that, in one table for `fn=`/`cfn=` and one for `ob=`/`cob=`.
fn functions_of(profile: &str, object: &str) -> Vec<String> {
    let mut names: HashMap<&str, &str> = HashMap::new();
    let mut objects: HashMap<&str, &str> = HashMap::new();
    let mut in_object = false;
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for line in profile.lines() {
        let Some((key, spec)) = line.split_once('=') else { continue };
        match key {
            "ob" => in_object = resolve(spec, &mut objects).ends_with(object),
            "cob" => _ = resolve(spec, &mut objects),
            "cfn" => _ = resolve(spec, &mut names),
            "fn" => {
                let name = symbol(resolve(spec, &mut names));
                if in_object && !name.is_empty() && seen.insert(name) {
                    found.push(name.to_owned());
                }
            }
            _ => {}
        }
    }
    found
}

/// The symbol callgrind's name for a function stands for: it marks a recursive call's level
/// with `'2`, `'3`, ..., and names code without a symbol (the PLT, libc's start) by its address
/// or `(below main)`, which are dropped.
fn symbol(name: &str) -> &str {
    if name.starts_with("0x") || name.starts_with('(') {
        return "";
    }
    match name.rsplit_once('\'') {
        Some((base, level)) if level.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => name,
    }
}

/// `(id) name` defines `id`, `(id)` refers back to it; anything else is a plain name.
fn resolve<'a>(spec: &'a str, table: &mut HashMap<&'a str, &'a str>) -> &'a str {
    let Some(rest) = spec.strip_prefix('(') else { return spec };
    let Some((id, name)) = rest.split_once(')') else { return spec };
    match name.strip_prefix(' ') {
        Some(name) => table.entry(id).or_insert(name),
        None => table.get(id).copied().unwrap_or(spec),
    }
}

fn write_order(path: &Path, order: &[String]) {
    let mut text = String::from(
        "# Functions that mestring's start and first screens run, in the order the linker places\n\
         # them (build.rs). Written by `cargo run --release --example gen_startup_order`; do not\n\
         # edit by hand.\n",
    );
    for name in order {
        text.push_str(name);
        text.push('\n');
    }
    std::fs::write(path, text).expect("write the order file");
}

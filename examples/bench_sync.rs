//! Sync benchmark (issue 17):
//!
//!     cargo run --release --example bench_sync [-- RUNS]
//!
//! Device A holds 10 years of daily check-ins (`examples/checkin_data/generate.rs`, 3,650 days);
//! device B starts empty. Over RUNS runs (default 5), each in fresh directories:
//! - in-process, with the library (scrypt at its lowest work factor, so these figures are the
//!   sync itself): A sets up a new folder, writing everything as one encrypted file
//!   (`sync::init`); B joins and reads it; then A saves one new check-in and syncs (one event
//!   out), and B syncs (one event in);
//! - as processes: the release binary's `mestring sync` on A after one new check-in, spawn to
//!   exit, with the passphrase in MESTRING_PASSWORD and the key file at age's default scrypt work
//!   factor (what every sync without the keyring pays), and the unlock alone (`SyncKey::unwrap`).
//!
//! Prints a Markdown table for BENCHMARKS.md.

#[path = "bench_support/mod.rs"]
mod bench_support;
#[path = "checkin_data/generate.rs"]
mod generate;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use bench_support::{build_release, ms, stats};
use chrono::{Days, Local, Utc};
use mestring::domain::checkin::CheckIn;
use mestring::store::Store;
use mestring::sync::{self, InitOptions, SyncKey, folder};

const DAYS: u64 = 3650;
const PASS: &str = "korrekt hest batteri stift";

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    build_release(root, &[]);
    let work = tempfile::tempdir().unwrap();
    let template = work.path().join("template");
    std::fs::create_dir_all(&template).unwrap();
    generate::generate(&template, DAYS);
    let pass = SecretString::from(PASS.to_owned());
    let cheap = InitOptions { work_factor: Some(1), ..InitOptions::default() };
    let mut rows: Vec<(&str, Vec<f64>)> = ["scratch-write", "scratch-read", "one-write", "one-read"]
        .into_iter()
        .map(|name| (name, Vec::new()))
        .collect();
    let mut file_bytes = 0;
    for run in 0..=runs {
        let dir = tempfile::tempdir_in(work.path()).unwrap();
        let (a_dir, b_dir, folder_dir) =
            (dir.path().join("a"), dir.path().join("b"), dir.path().join("folder"));
        std::fs::create_dir_all(&a_dir).unwrap();
        std::fs::copy(template.join("mestring.sqlite3"), a_dir.join("mestring.sqlite3")).unwrap();
        let mut a = Store::open(&a_dir.join("mestring.sqlite3")).unwrap();
        let mut b = Store::open(&b_dir.join("mestring.sqlite3")).unwrap();
        let mut times = Vec::new();
        let started = Instant::now();
        let (_, setup, report, _) = sync::init(&mut a, &folder_dir, &pass, &cheap, Utc::now()).unwrap();
        times.push(started.elapsed());
        file_bytes = std::fs::metadata(&report.written.unwrap().0).unwrap().len();
        let started = Instant::now();
        let (_, _, report, _) = sync::init(&mut b, &folder_dir, &pass, &cheap, Utc::now()).unwrap();
        times.push(started.elapsed());
        assert_eq!(report.merged.merged.added, DAYS as usize);
        let key = sync::unlock(&setup, || Ok(pass.clone())).unwrap();
        // A day before the generated years: new to both devices.
        let earlier = Local::now().date_naive() - Days::new(DAYS + 5);
        a.save_checkin(&CheckIn::blank(earlier, Local::now().naive_local())).unwrap();
        let started = Instant::now();
        let report = sync::sync(&mut a, &key, Utc::now()).unwrap();
        times.push(started.elapsed());
        assert_eq!(report.written.unwrap().1, 1);
        let started = Instant::now();
        let report = sync::sync(&mut b, &key, Utc::now()).unwrap();
        times.push(started.elapsed());
        assert_eq!(report.merged.merged.added, 1);
        if run > 0 {
            for ((_, v), t) in rows.iter_mut().zip(times) {
                v.push(ms(t));
            }
        }
    }
    let (process, unlock) = as_processes(work.path(), &template, runs);
    println!("| 10 years = {DAYS} check-ins, runs = {runs} | min / median / max (ms) |");
    println!("| --- | --- |");
    let names = [
        "from scratch: A writes all of it (one file)",
        "from scratch: B reads it all",
        "one new check-in: A writes it",
        "one new check-in: B reads it",
    ];
    for (name, (_, v)) in names.iter().zip(rows) {
        let (min, med, max) = stats(v);
        println!("| {name} | {min:.1} / {med:.1} / {max:.1} |");
    }
    for (name, v) in [
        ("`mestring sync` process, one new check-in, default scrypt", process),
        ("unlock alone (scrypt, default work factor)", unlock),
    ] {
        let (min, med, max) = stats(v);
        println!("| {name} | {min:.1} / {med:.1} / {max:.1} |");
    }
    println!("\nThe 10-year file: {:.2} MB", file_bytes as f64 / 1e6);
}

/// `mestring sync` as users run it, and the scrypt unlock on its own.
fn as_processes(work: &Path, template: &Path, runs: usize) -> (Vec<f64>, Vec<f64>) {
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/mestring");
    let data = work.join("process-a");
    let folder_dir = work.join("process-folder");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(template.join("mestring.sqlite3"), data.join("mestring.sqlite3")).unwrap();
    let run = |args: &[&str]| -> Duration {
        let started = Instant::now();
        let status = Command::new(&exe)
            .args(args)
            .env("MESTRING_DATA_DIR", &data)
            .env("MESTRING_PASSWORD", PASS)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "mestring {args:?}");
        started.elapsed()
    };
    run(&["sync", "init", folder_dir.to_str().unwrap()]);
    let mut process = Vec::new();
    let mut unlock = Vec::new();
    let key_file = std::fs::read(folder::Folder::new(&folder_dir).key_file()).unwrap();
    let pass = SecretString::from(PASS.to_owned());
    for i in 0..=runs {
        let day = Local::now().date_naive() - Days::new(DAYS + 10 + i as u64);
        run(&["checkin", "--mood", "3", "--date", &day.to_string()]);
        let took = run(&["sync"]);
        let started = Instant::now();
        SyncKey::unwrap(&key_file, &pass).unwrap();
        let unlocked = started.elapsed();
        if i > 0 {
            process.push(ms(took));
            unlock.push(ms(unlocked));
        }
    }
    (process, unlock)
}

//! `mestring sync` as the real binary: two data directories sharing one folder, killed syncs,
//! damaged and moved files, a wrong passphrase, a read-only and a full folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use mestring::domain::checkin::CheckIn;
use mestring::store::Store;

use crate::support::cli::{command, exported_json, stderr, stdout};

const PASS: &str = "korrekt hest batteri stift";

/// `mestring args` on `data` with the passphrase in MESTRING_PASSWORD.
fn run(data: &Path, args: &[&str]) -> Output {
    with_pass(data, args).output().unwrap()
}

fn with_pass(data: &Path, args: &[&str]) -> Command {
    let mut cmd = command("en_GB.UTF-8", data, args);
    cmd.env("MESTRING_PASSWORD", PASS);
    cmd
}

/// `sync init` with a cheap key derivation: the tests are about the folder, not scrypt's cost.
fn init(data: &Path, dir: &Path) -> Output {
    run(data, &["sync", "init", dir.to_str().unwrap(), "--scrypt-work-factor", "4"])
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}\n{}", stderr(out), stdout(out));
    stdout(out)
}

fn checkin(data: &Path, date: &str, note: &str, trigger: &str) {
    ok(&run(data, &["checkin", "--mood", "3", "--date", date, "--note", note, "--trigger", trigger]));
}

fn checkins(data: &Path) -> serde_json::Value {
    let mut all = exported_json(data);
    all["exported_at"] = serde_json::Value::Null;
    all
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            found.extend(files(&entry.path()));
        } else {
            found.push(entry.path());
        }
    }
    found.sort();
    found
}

#[test]
fn two_machines_share_everything_through_one_folder_and_a_second_sync_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("Sync/mestring"));
    checkin(&a, "2026-03-01", "Skrevet på laptopen", "Svigermor på besøk");
    let out = ok(&init(&a, &dir));
    assert!(out.contains("New sync folder set up") && out.contains("Key fingerprint"), "{out}");
    checkin(&b, "2026-03-02", "Skrevet på stasjonær", "Jobbmøte");
    let out = ok(&init(&b, &dir));
    assert!(out.contains("Joined the sync folder") && out.contains("Read 1 files"), "{out}");
    checkin(&a, "2026-03-03", "Igjen på laptopen", "Lønningsdag");
    ok(&run(&a, &["urge", "--intensity", "7", "--trigger", "Kollega med øl"]));
    ok(&run(&a, &["sync"]));
    ok(&run(&b, &["sync"]));
    assert_eq!(checkins(&a), checkins(&b));
    assert_eq!(checkins(&a)["checkins"].as_array().unwrap().len(), 3);
    assert_eq!(checkins(&b)["urges"][0]["trigger"], "Kollega med øl", "an urge travels too");
    let listing = files(&dir);
    for data in [&a, &b] {
        let out = ok(&run(data, &["sync"]));
        assert!(out.contains("No new changes") && out.contains("Nothing new"), "{out}");
    }
    assert_eq!(files(&dir), listing, "a sync with nothing new writes nothing");
    let status = ok(&run(&a, &["sync", "status"]));
    for part in
        ["Folder:", "This machine:", "Other machines:", "1 files read", "Last sync:", "Key fingerprint:"]
    {
        assert!(status.contains(part), "{part} in {status}");
    }
    // Nothing in the folder is readable without the passphrase.
    let bytes: Vec<u8> = files(&dir).iter().flat_map(|p| std::fs::read(p).unwrap()).collect();
    for secret in ["laptopen", "stasjonær", "Svigermor", "Jobbmøte", "Lønningsdag", "Kollega", "2026-03"] {
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{secret} readable");
    }
    use std::os::unix::fs::PermissionsExt;
    for file in files(&dir) {
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o077, 0, "{}", file.display());
    }
}

#[test]
fn a_wrong_passphrase_is_named_exits_1_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    ok(&init(&a, &dir));
    checkin(&b, "2026-03-02", "B", "stress");
    let before = (files(&dir), std::fs::read(dir.join("key.age")).unwrap());
    let wrong = with_pass(&b, &["sync", "init", dir.to_str().unwrap()])
        .env("MESTRING_PASSWORD", "feil")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("wrong passphrase"), "{}", stderr(&wrong));
    assert_eq!((files(&dir), std::fs::read(dir.join("key.age")).unwrap()), before);
    assert!(ok(&run(&b, &["sync", "status"])).contains("not set up"));
    let wrong = with_pass(&a, &["sync"]).env("MESTRING_PASSWORD", "feil").output().unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("wrong passphrase"));
    // No passphrase anywhere and no terminal: told where to put one.
    let none = command("en_GB.UTF-8", &a, &["sync"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("MESTRING_PASSWORD"), "{}", stderr(&none));
}

#[test]
fn the_passphrase_comes_from_a_file_or_a_command_and_the_init_command_is_remembered() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    let pass_file = root.path().join("pass");
    std::fs::write(&pass_file, format!("{PASS}\n")).unwrap();
    let out =
        command("en_GB.UTF-8", &a, &["sync", "init", dir.to_str().unwrap(), "--scrypt-work-factor", "4"])
            .env("MESTRING_PASSWORD_FILE", &pass_file)
            .output()
            .unwrap();
    ok(&out);
    let cat = format!("cat {}", pass_file.display());
    ok(&command("en_GB.UTF-8", &b, &["sync", "init", dir.to_str().unwrap(), "--password-command", &cat])
        .output()
        .unwrap());
    checkin(&a, "2026-04-01", "fra a", "stress");
    ok(&command("en_GB.UTF-8", &a, &["sync", "--password-command", &cat]).output().unwrap());
    // b gave the command at init: a plain `mestring sync` uses it.
    ok(&command("en_GB.UTF-8", &b, &["sync"]).stdin(Stdio::null()).output().unwrap());
    assert_eq!(checkins(&a), checkins(&b));
    let db = std::fs::read(b.join("mestring.sqlite3")).unwrap();
    assert!(!db.windows(PASS.len()).any(|w| w == PASS.as_bytes()), "the passphrase is never stored");
}

#[test]
fn damaged_cut_and_moved_files_are_refused_by_name_and_the_rest_is_read() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    ok(&init(&a, &dir));
    ok(&init(&b, &dir));
    let mut written = Vec::new();
    for day in 1..=4 {
        checkin(&a, &format!("2026-05-0{day}"), &format!("dag {day}"), "stress");
        let out = ok(&run(&a, &["sync"]));
        let line = out.lines().next().unwrap();
        let path = line.split(" to ").nth(1).unwrap().trim_end_matches('.').to_owned();
        written.push(PathBuf::from(path));
    }
    let mut flipped = std::fs::read(&written[0]).unwrap();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x01;
    std::fs::write(&written[0], flipped).unwrap();
    let cut = std::fs::read(&written[1]).unwrap();
    std::fs::write(&written[1], &cut[..cut.len() - 7]).unwrap();
    std::fs::copy(&written[3], &written[2]).unwrap();
    let out = run(&b, &["sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    for path in &written[..3] {
        assert!(err.contains(&format!("{}: refused", path.display())), "{err}");
    }
    assert!(err.contains("moved or replaced") && err.contains("3 files were refused"), "{err}");
    let days = checkins(&b)["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["note"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    assert_eq!(days, ["dag 4"], "the good file is read");
    let status = ok(&run(&b, &["sync", "status"]));
    assert!(status.contains("Problem:") && status.contains("refused"), "{status}");
}

/// Runs `mestring sync` on `data` in a private mount namespace where `dir` is replaced by
/// `mount` (a shell snippet that may use $DIR and $SAVED, a copy of the folder), so the host's
/// folder is untouched and the mount ends with the process. Needs `unshare` (util-linux) and
/// user namespaces, as on the development and CI machines.
fn sync_with_mount(data: &Path, dir: &Path, saved: &Path, mount: &str) -> Output {
    let exe = env!("CARGO_BIN_EXE_mestring");
    let script = format!("{mount} && exec \"{exe}\" sync");
    let mut cmd = Command::new("unshare");
    cmd.args(["-rm", "sh", "-c", &script])
        .env("MESTRING_DATA_DIR", data)
        .env("MESTRING_CONFIG", data.join("config.ron"))
        .env("LANG", "en_GB.UTF-8")
        .env("MESTRING_PASSWORD", PASS)
        .env("DIR", dir)
        .env("SAVED", saved);
    let out = cmd.output().expect("unshare (util-linux) is needed for this test");
    assert!(!stderr(&out).contains("unshare:"), "could not make a private mount: {}", stderr(&out));
    out
}

#[test]
fn a_read_only_or_full_folder_fails_with_its_reason_and_the_changes_go_out_next_time() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    let saved = root.path().join("saved");
    ok(&init(&a, &dir));
    ok(&init(&b, &dir));
    // Enough to overflow a 64 KiB file system once encrypted (notes do not compress in age).
    for day in 1..=28 {
        let note = format!("dag {day} {}", "x".repeat(3000));
        checkin(&a, &format!("2026-02-{day:02}"), &note, "stress");
    }
    let listing = files(&dir);
    let read_only = sync_with_mount(
        &a,
        &dir,
        &saved,
        "mount --bind \"$DIR\" \"$DIR\" && mount -o remount,bind,ro \"$DIR\"",
    );
    assert_eq!(read_only.status.code(), Some(1));
    assert!(stderr(&read_only).contains("Read-only file system"), "{}", stderr(&read_only));
    assert_eq!(files(&dir), listing);
    std::process::Command::new("cp").args(["-a"]).arg(&dir).arg(&saved).status().unwrap();
    let full = sync_with_mount(
        &a,
        &dir,
        &saved,
        "mount -t tmpfs -o size=64k tmpfs \"$DIR\" && cp -a \"$SAVED\"/. \"$DIR\"/",
    );
    assert_eq!(full.status.code(), Some(1));
    assert!(stderr(&full).contains("No space left on device"), "{}", stderr(&full));
    assert_eq!(files(&dir), listing, "the host's folder was never touched");
    let status = ok(&run(&a, &["sync", "status"]));
    assert!(status.contains("No space left"), "the failure is remembered: {status}");
    // Nothing was marked as sent: the next sync with room writes all of it.
    ok(&run(&a, &["sync"]));
    ok(&run(&b, &["sync"]));
    assert_eq!(checkins(&b)["checkins"].as_array().unwrap().len(), 28);
}

/// Ten years of check-ins in `data`, imported in one transaction.
fn ten_years(data: &Path) {
    let mut store = Store::open(&data.join("mestring.sqlite3")).unwrap();
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let mut export = store.export(None, None, first.and_hms_opt(0, 0, 0).unwrap()).unwrap();
    export.checkins = (0..3650)
        .map(|i| {
            let date = first + Days::new(i);
            CheckIn {
                note: format!("Dag {i}: en vanlig dag"),
                ..CheckIn::blank(date, date.and_hms_opt(21, 0, 0).unwrap())
            }
        })
        .collect();
    store.import_json(&serde_json::to_string(&export).unwrap()).unwrap();
}

#[test]
fn a_sync_killed_at_random_moments_never_leaves_a_file_the_other_machine_reads_half() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    std::fs::create_dir_all(&a).unwrap();
    ten_years(&a);
    ok(&init(&b, &dir));
    let seed =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos() as u64;
    println!("seed {seed}");
    let mut rng = seed;
    let mut below = |n: u64| {
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (rng >> 33) % n.max(1)
    };
    // Joining writes all ten years as one file: the write the kills aim at.
    let started = Instant::now();
    ok(&init(&a, &dir));
    let window = started.elapsed().as_micros() as u64 * 5 / 4;
    let mut killed = 0;
    for _ in 0..12 {
        let mut child = with_pass(&a, &["sync", "init", dir.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(below(window)));
        let _ = child.kill();
        if !child.wait().unwrap().success() {
            killed += 1;
        }
        let out = run(&b, &["sync"]);
        assert!(out.status.success(), "seed {seed}: b refused or failed: {}", stderr(&out));
    }
    println!("{killed} of 12 syncs killed, window {window} µs");
    assert!(killed > 0, "no sync was killed; the test proved nothing (seed {seed})");
    ok(&run(&b, &["sync"]));
    assert_eq!(checkins(&b)["checkins"].as_array().unwrap().len(), 3650);
    Store::open_existing(&a.join("mestring.sqlite3")).unwrap().integrity_check().unwrap();
}

#[test]
fn encrypted_exports_and_backups_use_the_sync_key_and_come_back_with_the_passphrase() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    let folder = dir.to_str().unwrap();
    ok(&run(&a, &["sync", "init", folder, "--encrypt-backups", "--scrypt-work-factor", "4"]));
    ok(&init(&b, &dir));
    // The day's first check-in makes the day's backup, sealed at once.
    checkin(&a, "2026-03-01", "Notat i sikkerhetskopien", "Svigermor");
    let backups: Vec<PathBuf> =
        files(&a.join("backups")).into_iter().filter(|p| p.to_string_lossy().contains("mestring-")).collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].to_string_lossy().ends_with(".sqlite3.age"));
    let sealed = std::fs::read(&backups[0]).unwrap();
    assert!(!sealed.windows(8).any(|w| w == b"Svigermo") && !sealed.windows(6).any(|w| w == b"SQLite"));
    assert!(ok(&run(&a, &["doctor"])).contains(".sqlite3.age"));

    let export = run(&a, &["export", "--encrypt", "--format", "json"]);
    let bytes = export.stdout.clone();
    ok(&export);
    assert!(bytes.starts_with(b"age-encryption.org/v1\n") && !bytes.windows(6).any(|w| w == b"Notat "));
    let file = root.path().join("export.age");
    std::fs::write(&file, &bytes).unwrap();
    ok(&run(&b, &["import", file.to_str().unwrap()]));
    assert_eq!(checkins(&b)["checkins"][0]["note"], "Notat i sikkerhetskopien");
    let out = run(&root.path().join("c"), &["export", "--encrypt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "without sync there is no key: {}", stderr(&out));

    // The database broken: the sealed backup comes back with the passphrase.
    std::fs::write(a.join("mestring.sqlite3"), b"not a database any more").unwrap();
    let out = ok(&run(&a, &["doctor", "--restore", backups[0].to_str().unwrap()]));
    assert!(out.contains("mestring.sqlite3"), "{out}");
    assert_eq!(checkins(&a)["checkins"][0]["note"], "Notat i sikkerhetskopien");
}

#[test]
fn a_deleted_folder_is_set_up_again_from_any_machine_and_the_others_are_told_how_to_rejoin() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    checkin(&a, "2026-07-01", "fra a", "stress");
    checkin(&b, "2026-07-02", "fra b", "stress");
    ok(&init(&a, &dir));
    ok(&init(&b, &dir));
    ok(&run(&a, &["sync"]));
    std::fs::remove_dir_all(&dir).unwrap();
    let out = run(&a, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("sync init"), "{}", stderr(&out));
    // Set up again from b's database, with a new passphrase (the old one was lost, say).
    let new_pass = |data: &Path, args: &[&str]| {
        with_pass(data, args).env("MESTRING_PASSWORD", "ny passfrase").output().unwrap()
    };
    ok(&new_pass(&b, &["sync", "init", dir.to_str().unwrap(), "--scrypt-work-factor", "4"]));
    let out = new_pass(&a, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not the one this device was set up with"), "{}", stderr(&out));
    ok(&new_pass(&a, &["sync", "init", dir.to_str().unwrap()]));
    ok(&new_pass(&b, &["sync"]));
    assert_eq!(checkins(&a), checkins(&b));
    assert_eq!(checkins(&b)["checkins"].as_array().unwrap().len(), 2);
}

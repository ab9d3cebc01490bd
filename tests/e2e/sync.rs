//! The app syncs at start (after its first frame) and at quit, and says so in the footer.

use std::path::Path;

use crate::support::cli::{command, exported_json, stderr};
use crate::support::pty::Pty;

const PASS: &str = "korrekt hest batteri stift";

fn cli(data: &Path, args: &[&str]) {
    let out = command("en_GB.UTF-8", data, args).env("MESTRING_PASSWORD", PASS).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
}

fn notes(data: &Path) -> Vec<String> {
    let json = exported_json(data);
    json["checkins"].as_array().unwrap().iter().map(|c| c["note"].as_str().unwrap().to_owned()).collect()
}

fn app(data: &Path, pass: Option<&str>) -> Pty {
    let config = data.join("config.ron");
    let mut env = vec![
        ("MESTRING_DATA_DIR", data.to_str().unwrap()),
        ("MESTRING_CONFIG", config.to_str().unwrap()),
        ("LANG", "en_GB.UTF-8"),
    ];
    env.extend(pass.map(|p| ("MESTRING_PASSWORD", p)));
    Pty::spawn_with_env(&[], &env, 120, 30)
}

#[test]
fn the_app_syncs_after_its_first_frame_and_again_when_it_quits() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, dir) = (root.path().join("a"), root.path().join("b"), root.path().join("folder"));
    let dir = dir.to_str().unwrap();
    cli(&a, &["sync", "init", dir, "--scrypt-work-factor", "4"]);
    cli(&b, &["sync", "init", dir]);
    cli(&b, &["checkin", "--mood", "4", "--date", "2026-06-01", "--note", "from b"]);
    cli(&b, &["sync"]);
    cli(&a, &["checkin", "--mood", "3", "--date", "2026-06-02", "--note", "before the app"]);

    let mut tui = app(&a, Some(PASS));
    tui.wait_until("the footer's sync line", |s| s.contains("synced "));
    assert_eq!(notes(&a), ["from b", "before the app"], "merged at start");
    // Written by another process while the app runs: the sync at quit takes it along.
    cli(&a, &["checkin", "--mood", "3", "--date", "2026-06-03", "--note", "while it ran"]);
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);

    cli(&b, &["sync"]);
    assert_eq!(notes(&b), ["from b", "before the app", "while it ran"]);
}

#[test]
fn without_a_passphrase_source_the_footer_says_so_and_nothing_is_asked() {
    let root = tempfile::tempdir().unwrap();
    let (a, dir) = (root.path().join("a"), root.path().join("folder"));
    cli(&a, &["sync", "init", dir.to_str().unwrap(), "--scrypt-work-factor", "4"]);
    let mut tui = app(&a, None);
    tui.wait_for("sync needs the passphrase");
    assert!(tui.screen().contains("Today"), "the app works as usual:\n{}", tui.screen());
    tui.send(b"q");
    assert_eq!(tui.wait_exit(), 0);
}

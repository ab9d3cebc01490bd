//! Content packs dropped beside the settings file: they add and replace items, and a broken one
//! is named with file, line and column while everything else still loads. Files are never
//! changed.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::pty::Pty;

fn mestring(config_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(args)
        .env_remove("MESTRING_LANG")
        .env("LANG", "nb_NO.UTF-8")
        .env("MESTRING_CONFIG", config_dir.join("config.ron"))
        .env("MESTRING_DATA_DIR", config_dir.join("data"))
        .output()
        .unwrap()
}

fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join("content").join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const CLINIC_FAQ: &str = r#"(items: [
    (
        id: "clinic-opening-hours",
        topic: Treatment,
        question: "Når er klinikken åpen for drop-in?",
        answer: "Tirsdager og torsdager fra 12 til 15.",
        source: Local(name: "Klinikken"),
    ),
    (
        id: "what-if-i-relapse",
        topic: Quitting,
        question: "Hva gjør jeg hvis jeg får en sprekk? (klinikkens svar)",
        answer: "Ring oss på dagtid, så lager vi en plan sammen.",
        source: Local(name: "Klinikken"),
    ),
])"#;

#[test]
fn a_pack_adds_new_items_and_replaces_items_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "nb/faq.ron", CLINIC_FAQ);
    let out = mestring(dir.path(), &["faq", "klinikken"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("drop-in"), "the new question is there:\n{text}");
    assert!(text.contains("(klinikkens svar)"), "the replaced question is there:\n{text}");
    let all = String::from_utf8_lossy(&mestring(dir.path(), &["faq", "--format", "md"]).stdout).into_owned();
    assert_eq!(all.matches("## ").count(), 33, "32 embedded, one replaced, one added");
}

#[test]
fn a_broken_pack_is_named_with_line_and_column_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "(items: [\n    (id: \"x\", name: 42),\n])";
    write(dir.path(), "nb/techniques.ron", broken);
    let out = mestring(dir.path(), &["techniques", "mindfulness"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("techniques.ron:2:"), "names the file and line: {stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Mindfulness"), "embedded content still loads");
    let on_disk = std::fs::read_to_string(dir.path().join("content/nb/techniques.ron")).unwrap();
    assert_eq!(on_disk, broken, "the file is not changed");
}

#[test]
fn a_clinic_can_add_its_own_help_line_to_a_region() {
    let dir = tempfile::tempdir().unwrap();
    let pack = r#"(regions: [(
        id: Norway,
        name: (nb: "Norge", en: "Norway"),
        lines: [(
            id: "clinic-phone",
            number: "22 00 00 00",
            name: "Klinikken vår",
            description: (nb: "Ring oss når du trenger noen å snakke med.", en: "Call us when you need someone to talk to."),
            hours: (nb: "Hverdager 8-16", en: "Weekdays 8-16"),
            last_verified: "2026-11-20",
        )],
    )])"#;
    write(dir.path(), "helplines.ron", pack);
    let text = String::from_utf8_lossy(&mestring(dir.path(), &["help-lines"]).stdout).into_owned();
    assert!(text.contains("22 00 00 00  Klinikken vår"), "{text}");
    assert!(text.contains("116 117"), "the region's own lines are still there");
}

#[test]
fn the_app_names_a_broken_pack_in_the_footer() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "nb/faq.ron", "(items: [ this is not ron");
    let mut app = Pty::spawn(&[], dir.path(), "nb_NO.UTF-8", 100, 30);
    // The questions are read when their screen is first opened; the problem is named then.
    app.open_tab(mestring::app::Tab::Faq);
    app.wait_for("Feil i innholdsfil");
    assert!(app.screen().contains("faq.ron:1:"), "{}", app.screen());
    assert!(app.screen().contains("Spørsmål og svar (32)"), "the built-in questions load: {}", app.screen());
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn truncated_garbage_wrong_type_huge_and_deep_packs_are_named_and_never_changed() {
    let deep = format!("(items: {}{})", "[".repeat(50_000), "]".repeat(50_000));
    let huge = format!("(items: [{}])", "(id: \"x\"),".repeat(300_000));
    let cases = [
        ("truncated", CLINIC_FAQ[..CLINIC_FAQ.len() / 2].to_owned()),
        ("garbage", "\u{0}\u{7f}ÿ garbage".to_owned()),
        ("wrong type", "(items: \"many\")".to_owned()),
        ("deep", deep),
        ("huge", huge),
    ];
    for (name, text) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "nb/faq.ron", &text);
        let out = mestring(dir.path(), &["faq", "--format", "md"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: the command still works");
        assert!(stderr.contains("faq.ron:") && !stderr.contains("panicked"), "{name}: named: {stderr}");
        assert!(stderr.len() < 2000, "{name}: a short message");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).matches("## ").count(),
            32,
            "{name}: embedded FAQ shown"
        );
        let on_disk = std::fs::read_to_string(dir.path().join("content/nb/faq.ron")).unwrap();
        assert_eq!(on_disk, text, "{name}: the file is not changed");
    }
}

fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

/// `mestring args`, failing the test instead of hanging it if the command never ends (a
/// watchdog, not a measurement: a command here ends at once or waits forever).
fn mestring_or_hang(config_dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(args)
        .env_remove("MESTRING_LANG")
        .env("LANG", "nb_NO.UTF-8")
        .env("MESTRING_CONFIG", config_dir.join("config.ron"))
        .env("MESTRING_DATA_DIR", config_dir.join("data"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("mestring {args:?} hung");
}

#[test]
fn fifos_devices_and_packs_over_the_limit_are_named_and_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("config.ron"));
    mkfifo(&dir.path().join("content/helplines.ron"));
    std::fs::create_dir_all(dir.path().join("content/nb")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("content/nb/techniques.ron")).unwrap();
    // Thousands of tiny items just past the limit: merging that many took seconds.
    let items = "(id: \"x\", topic: Treatment, question: \"Q\", answer: \"A\", source: (seed: \"s\", section: \"x\")),\n";
    let count = mestring::content::packs::MAX_PACK_BYTES as usize / items.len() + 1;
    write(dir.path(), "nb/faq.ron", &format!("(items: [\n{}])", items.repeat(count)));
    for (args, shown) in [
        (&["faq", "--format", "md"][..], "## "),
        (&["techniques", "pust"], "pust"),
        (&["help-lines"], "116 117"),
    ] {
        let out = mestring_or_hang(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(shown), "{args:?}: the built-in content");
        assert!(
            stderr.contains("config.ron, linje 1, kolonne 1: dette er ingen vanlig fil"),
            "{args:?}: {stderr}"
        );
    }
    let faq = mestring_or_hang(dir.path(), &["faq", "--format", "md"]);
    assert!(String::from_utf8_lossy(&faq.stderr).contains("faq.ron:1:1: larger than 64 KiB"));
    let techniques = mestring_or_hang(dir.path(), &["techniques", "pust"]);
    assert!(String::from_utf8_lossy(&techniques.stderr).contains("techniques.ron:1:1: not a regular file"));
    let lines = mestring_or_hang(dir.path(), &["help-lines"]);
    assert!(String::from_utf8_lossy(&lines.stderr).contains("helplines.ron:1:1: not a regular file"));
}

#[test]
fn the_crisis_overlay_opens_with_a_fifo_for_a_help_line_pack() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("content/helplines.ron"));
    let mut app = Pty::spawn(&[], dir.path(), "nb_NO.UTF-8", 100, 30);
    app.wait_for("Dagens teknikk");
    app.send(b"!");
    app.wait_for("116 117");
    app.send(b"\x1b");
    app.wait_for_gone("116 117");
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
}

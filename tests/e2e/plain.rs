//! The plain mode of the real binary in a pseudo-terminal, read as the lines a screen reader
//! reads: answers typed with Enter, the terminal's own echo and line editing, nothing drawn.

use std::time::Duration;

use crate::support::cli::exported_json;
use crate::support::pty::Pty;

/// The plain mode never draws: no escape sequence at all (no colour, no cursor movement, no
/// alternate screen), no box drawing, block or braille characters.
fn assert_plain(app: &Pty) {
    let raw = app.raw_output();
    assert!(!raw.contains(&0x1b), "an escape sequence: {:?}", String::from_utf8_lossy(&raw));
    let text = String::from_utf8_lossy(&raw);
    let drawn = |c: char| matches!(c, '\u{2500}'..='\u{259f}' | '\u{2800}'..='\u{28ff}');
    assert!(!text.chars().any(drawn), "drawing characters: {text}");
    assert!(!app.alternate_screen());
}

#[test]
fn a_whole_check_in_is_answered_by_typing() {
    let data = tempfile::tempdir().unwrap();
    // `checkin` without flags, in a terminal, asks; the plain mode's check-in is the same.
    let mut app = Pty::spawn(&["checkin"], data.path(), "nb_NO.UTF-8", 100, 30);
    let answers = [
        ("Dato,", ""),
        ("Humør,", "4"),
        ("Sug,", "2"),
        ("Stress,", "6"),
        ("Søvn,", "7,5"),
        ("Søvnkvalitet,", "4"),
        ("Brukte i dag,", "nei"),
        ("Triggere,", "1, svigermor"),
        ("HALT,", "4"),
        ("Det som hjalp,", "1"),
        ("Notat,", "Fin dag, æøå"),
    ];
    for (question, answer) in answers {
        app.wait_for_prompt(question);
        app.type_text(&format!("{answer}\r"));
    }
    app.wait_for_line("Innsjekk lagret for");
    assert_eq!(app.wait_exit(), 0);
    let lines = app.lines();
    assert!(
        lines.iter().any(|l| l.starts_with("Humør, 1 til 5 (nå: 3 Helt ok; Enter beholder det): 4")),
        "{lines:#?}"
    );
    assert_plain(&app);

    let json = exported_json(data.path());
    let day = &json["checkins"][0];
    assert_eq!(
        (day["mood"].as_u64(), day["craving"].as_u64(), day["stress"].as_u64()),
        (Some(4), Some(2), Some(6))
    );
    assert_eq!(day["sleep_half_hours"], 15);
    assert_eq!(day["triggers"], serde_json::json!(["stress", "svigermor"]));
    assert_eq!(day["halt"]["tired"], true);
    assert_eq!(day["helped"][0], "breathe-through-the-urge");
    assert_eq!(day["note"], "Fin dag, æøå");
}

#[test]
fn the_crisis_help_reads_each_number_first() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&["--plain"], data.path(), "nb_NO.UTF-8", 80, 24);
    app.wait_for_line("Skriv nummeret eller navnet");
    app.type_text("!\r");
    app.wait_for_line("Slutt på krisehjelpen.");
    let lines = app.lines();
    let heading =
        lines.iter().position(|l| l.ends_with("Krisehjelp. Hjelpetelefonene, med nummeret først:")).unwrap();
    let numbers: Vec<&String> =
        lines[heading + 1..].iter().take_while(|l| l.starts_with(|c: char| c.is_ascii_digit())).collect();
    assert!(numbers.len() >= 8, "{lines:#?}");
    assert!(numbers[0].starts_with("113  Medisinsk nødtelefon"), "{lines:#?}");
    app.type_text("q\r");
    assert_eq!(app.wait_exit(), 0);
    assert_plain(&app);
}

#[test]
fn a_long_list_is_read_ten_at_a_time() {
    let data = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&["--plain"], data.path(), "en_GB.UTF-8", 80, 24);
    app.wait_for_line("Type the number or the name of a screen.");
    app.type_text("questions\r");
    app.wait_for_line("Numbers 1 to 10 of");
    app.wait_for_line("Choices:");
    let lines = app.lines();
    let page: Vec<&String> = lines.iter().skip_while(|l| !l.starts_with("Numbers 1 to 10 of")).collect();
    assert!(page.iter().any(|l| l.starts_with("10  ")), "{lines:#?}");
    assert!(!page.iter().any(|l| l.starts_with("11  ")), "ten at a time: {lines:#?}");
    app.type_text("\r");
    app.wait_for_line("Numbers 11 to 20 of");
    app.wait_for_line("20  ");
    app.type_text("12\r");
    app.wait_for_line("Source:");
    app.type_text("q\r");
    assert_eq!(app.wait_exit(), 0);
    assert_plain(&app);
}

#[test]
fn the_variable_and_the_setting_start_the_plain_mode() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("config.ron");
    let mut app = Pty::spawn_with_env(
        &[],
        &[
            ("MESTRING_PLAIN", "1"),
            ("MESTRING_DATA_DIR", data.path().to_str().unwrap()),
            ("MESTRING_CONFIG", config.to_str().unwrap()),
            ("LANG", "en_GB.UTF-8"),
        ],
        80,
        24,
    );
    app.wait_for_line("mestring in plain mode");
    app.type_text("q\r");
    assert_eq!(app.wait_exit(), 0);
    assert_plain(&app);

    std::fs::write(&config, "(plain: true)").unwrap();
    let mut app = Pty::spawn(&[], data.path(), "nb_NO.UTF-8", 80, 24);
    app.wait_for_line("mestring i enkel modus");
    app.type_text("q\r");
    assert_eq!(app.wait_exit(), 0);
    assert_plain(&app);
}

/// Rolig pust 4-6 for one minute: six rounds of breathing in for 4 seconds and out for 6,
/// after 3 seconds to get ready. Each phase's line arrives when the phase begins, timed from
/// the session's start, within 100 ms; with `--bell`, a bell rings with each.
#[test]
fn a_breathing_minute_says_each_phase_when_it_begins() {
    let data = tempfile::tempdir().unwrap();
    let args = ["--plain", "--bell", "breathe", "--pattern", "calm-4-6", "--minutes", "1"];
    let mut app = Pty::spawn(&args, data.path(), "en_GB.UTF-8", 80, 24);
    app.wait_for_line("Get ready");
    app.wait_for_lines_within("Completed", 1, Duration::from_secs(90));
    let lines = app.timed_lines();
    let start = lines.iter().find(|(_, l)| l.contains("Get ready")).unwrap().0;
    let phases: Vec<(Duration, &str)> = lines
        .iter()
        .map(|(at, l)| (*at - start, l.trim_start_matches('\u{7}')))
        .filter(|(_, l)| l.starts_with("Breathe in, 4 seconds") || l.starts_with("Breathe out, 6 seconds"))
        .collect();
    assert_eq!(phases.len(), 12, "{lines:#?}");
    for (i, (at, line)) in phases.iter().enumerate() {
        let (round, out) = (i as u64 / 2, i % 2 == 1);
        let expected = Duration::from_secs(3 + round * 10 + if out { 4 } else { 0 });
        let off = at.abs_diff(expected);
        assert!(off <= Duration::from_millis(100), "{line:?} at {at:?}, due at {expected:?}");
        assert_eq!(line.starts_with("Breathe out"), out);
    }
    assert!(phases[0].1.contains("Round 1 of 6"), "{:?}", phases[0]);
    let done = lines.iter().find(|(_, l)| l.contains("Completed")).unwrap().0 - start;
    assert!(done.abs_diff(Duration::from_secs(63)) <= Duration::from_millis(100), "{done:?}");
    let bells = app.raw_output().iter().filter(|b| **b == 0x07).count();
    assert_eq!(bells, 12, "one bell per phase");
    app.type_text("q\r");
    assert_eq!(app.wait_exit(), 0);
    let raw = app.raw_output();
    assert!(!raw.contains(&0x1b), "no escape sequence: {:?}", String::from_utf8_lossy(&raw));
    assert!(!app.alternate_screen());
}

//! The real binary: a start draws its first frame from the snapshot the last run left only while
//! the database is as that run left it, so a check-in made on the command line in between
//! is on the next start's very first frame.

mod common;

use common::cli::mestring;
use common::pty::Pty;
use mestring::app::SNAPSHOT_FILE;

const NOT_YET: &str = "Innsjekk i dag: ikke ennå";
const DONE: &str = "Innsjekk i dag: gjort";

/// Starts the app, waits for `shows`, quits, and returns everything it wrote as text, each
/// escape sequence (a cursor move over blank cells, a colour) read as one space.
fn start_and_quit(data: &std::path::Path, shows: &str) -> String {
    let mut app = Pty::spawn(&[], data, "nb_NO.UTF-8", 100, 30);
    app.wait_for(shows);
    app.send(b"q");
    assert_eq!(app.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    let mut text = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI and OSC sequences end at their first letter or BEL.
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() && e != '[' || e == '\x07' {
                    break;
                }
            }
            text.push(' ');
        } else {
            text.push(c);
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_check_in_made_between_two_starts_is_on_the_next_start_screen() {
    let data = tempfile::tempdir().unwrap();
    let drawn = start_and_quit(data.path(), NOT_YET);
    assert!(drawn.contains(NOT_YET), "the text is found in what was written: {drawn}");
    assert!(data.path().join(SNAPSHOT_FILE).is_file(), "the first run leaves a snapshot");
    // From the snapshot: nothing changed.
    start_and_quit(data.path(), NOT_YET);

    let out = mestring(data.path(), &["checkin", "--mood", "4"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let drawn = start_and_quit(data.path(), DONE);
    assert!(!drawn.contains(NOT_YET), "an out-of-date snapshot was drawn: {drawn}");
    // And from the snapshot that run left.
    start_and_quit(data.path(), DONE);
}

//! A terminal that goes away while nothing sends mestring a SIGHUP. The kernel signals only the
//! session's leader; here that is a shell that ignores SIGHUP and runs mestring as its child,
//! as wrapper scripts and some ssh and tmux setups do. Without its own watch for the hang-up,
//! mestring never ended and spun a core (crossterm reads a dead terminal again and again).

use std::io::Read;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::support::pty::TIMEOUT;

/// The pids of the children of `pid`, from /proc.
fn children(pid: u32) -> Vec<u32> {
    let list = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    list.split_whitespace().filter_map(|p| p.parse().ok()).collect()
}

#[test]
fn a_terminal_gone_without_a_sighup_still_ends_it() {
    let data = tempfile::tempdir().unwrap();
    let _ = mestring::store::Store::open(&mestring::store::location::db_path(data.path()));
    let pair = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("open a pseudo-terminal");
    let mut cmd = CommandBuilder::new("sh");
    // Not `exec`: the shell stays the session's leader, and the only one the kernel signals.
    cmd.args(["-c", "trap '' HUP; \"$0\"; exit 0", env!("CARGO_BIN_EXE_mestring")]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "en_GB.UTF-8");
    cmd.env("MESTRING_DATA_DIR", data.path());
    cmd.env("MESTRING_CONFIG", data.path().join("config.ron"));
    cmd.env_remove("MESTRING_LANG");
    let mut shell = pair.slave.spawn_command(cmd).expect("spawn the shell");
    drop(pair.slave);

    // Read until the first frame's footer is on screen, in this thread: every copy of the
    // terminal's other end must be closed below for the terminal to hang up.
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut buf = [0u8; 8192];
    while !parser.screen().contents().contains("quit") {
        let n = reader.read(&mut buf).expect("read the first frame");
        assert!(n > 0, "mestring ended before drawing");
        parser.process(&buf[..n]);
    }
    let shell_pid = shell.process_id().expect("the shell's pid");
    let app = *children(shell_pid).first().expect("mestring runs as the shell's child");

    drop(reader);
    drop(pair.master);

    let gone = Instant::now();
    let ended = loop {
        if shell.try_wait().expect("wait for the shell").is_some() {
            break true;
        }
        if gone.elapsed() > TIMEOUT {
            break false;
        }
        thread::sleep(Duration::from_millis(20));
    };
    if !ended {
        // Leave no spinning process behind a failed test.
        // SAFETY: kill takes a pid and a signal number; it touches no memory of ours.
        unsafe { libc::kill(app as i32, libc::SIGKILL) };
    }
    assert!(ended, "mestring still ran {TIMEOUT:?} after its terminal went away");
}

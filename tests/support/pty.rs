//! Runs the real `mestring` binary in a pseudo-terminal and reads its screen through a vt100
//! parser, the way a user's terminal would. Waits poll the parsed screen; they never sleep for
//! a fixed time to "let things settle".

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use mestring::app::Tab;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test fails; generous, since CI machines are slow.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// A pause in the output this long ends a frame: one write of a frame arrives within it.
const SETTLE: Duration = Duration::from_millis(15);

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for assertions on escape sequences.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Each line the program ended, as text, with the instant it arrived: the plain mode is
    /// read as lines, and its timing is measured on them.
    lines: Arc<Mutex<Vec<(Instant, String)>>>,
}

impl Pty {
    /// Starts mestring with `args` at `cols`x`rows`, with its data and settings in `data_dir`
    /// (never the user's own) and a fixed environment (language from `lang`, colours on).
    /// The database is made first, so the app starts as on any day after the first; see
    /// [`Pty::spawn_first_start`] for the welcome.
    pub fn spawn(args: &[&str], data_dir: &Path, lang: &str, cols: u16, rows: u16) -> Self {
        // A data directory the test made unusable stays so: its test is about that.
        let _ = mestring::store::Store::open(&mestring::store::location::db_path(data_dir));
        Self::spawn_first_start(args, data_dir, lang, cols, rows)
    }

    /// Starts mestring on `data_dir` as it is: without a database there, the very first start.
    pub fn spawn_first_start(args: &[&str], data_dir: &Path, lang: &str, cols: u16, rows: u16) -> Self {
        let config = data_dir.join("config.ron");
        Self::spawn_with_env(
            args,
            &[
                ("MESTRING_DATA_DIR", data_dir.to_str().unwrap()),
                ("MESTRING_CONFIG", config.to_str().unwrap()),
                ("LANG", lang),
            ],
            cols,
            rows,
        )
    }

    pub fn spawn_with_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mestring"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for var in ["MESTRING_LANG", "NO_COLOR", "MESTRING_CONFIG"] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn mestring");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let lines = Arc::new(Mutex::new(Vec::new()));
        let (p, r, l) = (parser.clone(), raw.clone(), lines.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut partial = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let arrived = Instant::now();
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
                for byte in &buf[..n] {
                    if *byte == b'\n' {
                        let line = String::from_utf8_lossy(&partial).trim_end_matches('\r').to_owned();
                        l.lock().unwrap().push((arrived, line));
                        partial.clear();
                    } else {
                        partial.push(*byte);
                    }
                }
            }
        });
        Self { child, master: pair.master, writer, parser, raw, lines }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Presses the number key of `tab`, as shown in the tab bar.
    pub fn open_tab(&mut self, tab: Tab) {
        let key = tab.key().unwrap_or_else(|| panic!("{tab:?} has no number key"));
        self.send(key.to_string().as_bytes());
    }

    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// The lines written so far (a prompt and the answer echoed after it make one line).
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().iter().map(|(_, l)| l.clone()).collect()
    }

    /// The lines written so far, each with the instant it arrived.
    pub fn timed_lines(&self) -> Vec<(Instant, String)> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits until `count` lines containing `text` have been written; panics with the lines
    /// if they never are.
    pub fn wait_for_lines(&self, text: &str, count: usize) {
        self.wait_for_lines_within(text, count, TIMEOUT);
    }

    /// [`Pty::wait_for_lines`] for something that takes `timeout` (a session of a minute).
    pub fn wait_for_lines_within(&self, text: &str, count: usize, timeout: Duration) {
        let start = Instant::now();
        while self.lines().iter().filter(|l| l.contains(text)).count() < count {
            if start.elapsed() > timeout {
                panic!(
                    "timed out waiting for {count} lines with {text:?}; the lines:\n{}",
                    self.lines().join("\n")
                );
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the line being written (a question, not yet answered) contains `text`.
    pub fn wait_for_prompt(&self, text: &str) {
        let start = Instant::now();
        loop {
            let raw = self.raw_output();
            let pending = raw.rsplit(|b| *b == b'\n').next().unwrap_or_default();
            if String::from_utf8_lossy(pending).contains(text) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out waiting for the question {text:?}; the lines:\n{}",
                    self.lines().join("\n")
                );
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn wait_for_line(&self, text: &str) {
        self.wait_for_lines(text, 1);
    }

    /// Waits until `predicate` holds for the screen text once output has paused (so a frame
    /// that arrived in pieces is whole before anything is asserted about it); panics with the
    /// screen if it never does.
    pub fn wait_until(&self, what: &str, predicate: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            if predicate(&self.screen()) {
                let received = self.raw.lock().unwrap().len();
                thread::sleep(SETTLE);
                if self.raw.lock().unwrap().len() == received && predicate(&self.screen()) {
                    return;
                }
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen shows:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text));
    }

    pub fn wait_for_gone(&self, text: &str) {
        self.wait_until(&format!("{text:?} to disappear"), |s| !s.contains(text));
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize pty");
        self.parser.lock().unwrap().screen_mut().set_size(rows, cols);
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Sends a signal to the program, as a desktop or `kill` would.
    pub fn signal(&self, signal: i32) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread drain what was written just before exit.
                thread::sleep(Duration::from_millis(50));
                return status.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("mestring did not exit; the screen shows:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

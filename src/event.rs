//! Terminal events and signals in one channel, so the main loop can block until something
//! happens or a deadline passes, and never wakes up while nothing changes.
//!
//! A thread blocks in `crossterm::event::read`; another waits for SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT (whose default would dump core and leave the terminal raw) and SIGWINCH. Both send
//! into one channel. When reading the terminal fails, the reader reports it once and stops.
//!
//! A terminal that goes away does not always make reading fail: crossterm reads the end of a
//! hung-up terminal again and again without returning (crossterm issue 793). Usually SIGHUP
//! ends us first, but the kernel sends it to the session's leader only, and a leader that
//! ignores it (a wrapper script, some ssh and tmux setups) passes nothing on. So on Linux a
//! third thread waits for the hang-up itself, and a dead terminal never spins the CPU.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Instant;

use ratatui::crossterm::event::{self, Event as TermEvent};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

#[derive(Debug)]
pub enum Event {
    Terminal(TermEvent),
    /// A signal that asks us to end: leave cleanly, saving what can be saved.
    Signal(i32),
    /// The window changed size (SIGWINCH). crossterm reports resizes too, but only once its
    /// reader thread has registered for them; this one is registered before the terminal is
    /// touched, so a resize in between is never missed.
    WindowChanged,
    /// Reading the terminal failed; there is nobody left to draw for.
    InputClosed,
    /// A line typed and ended with Enter, in the plain mode: the terminal stays in its own
    /// line mode there, so the terminal and a screen reader edit and echo the line.
    Line(String),
}

pub struct Events {
    rx: Receiver<Event>,
    /// Set by the signal thread the moment a signal asks us to end, so the loop can stop
    /// between two events of a long burst instead of after all of them.
    quit: Arc<AtomicBool>,
    /// Until `start`: the sender for the threads, and the registered (not yet read) signals.
    pending: Option<(Sender<Event>, Signals)>,
}

impl Events {
    /// Registers the signal handlers at once, so a SIGTERM from here on is a clean quit, but
    /// starts no thread: the terminal reader starts once the terminal is in raw mode. Signals
    /// that arrive before `start` wait in signal-hook's pipe, keys in the terminal's input buffer.
    pub fn register() -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])?;
        Ok(Self { rx, quit: Arc::default(), pending: Some((tx, signals)) })
    }

    /// Starts the threads that read the terminal and the signals. Idempotent.
    pub fn start(&mut self) {
        if let Some((tx, signals)) = self.pending.take() {
            spawn_reader(tx.clone());
            #[cfg(target_os = "linux")]
            spawn_hangup_watch(tx.clone());
            spawn_signal_listener(tx, signals, Arc::clone(&self.quit));
        }
    }

    /// Starts the threads for the plain mode: whole lines from standard input instead of
    /// keys, and the signals. Idempotent.
    pub fn start_lines(&mut self) {
        if let Some((tx, signals)) = self.pending.take() {
            spawn_line_reader(tx.clone());
            spawn_signal_listener(tx, signals, Arc::clone(&self.quit));
        }
    }

    /// Events from a channel, for tests that type without a terminal; no signals.
    pub fn from_channel(rx: Receiver<Event>) -> Self {
        Self { rx, quit: Arc::default(), pending: None }
    }

    /// The next event; blocks forever when `deadline` is `None`. `None` when the deadline passed.
    pub fn next(&self, deadline: Option<Instant>) -> Option<Event> {
        match deadline {
            None => Some(self.rx.recv().unwrap_or(Event::InputClosed)),
            Some(at) => {
                let wait = at.saturating_duration_since(Instant::now());
                match self.rx.recv_timeout(wait) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => Some(Event::InputClosed),
                }
            }
        }
    }

    /// Whether a signal asked us to end, whatever is still queued before it.
    pub fn quit_requested(&self) -> bool {
        self.quit.load(Ordering::SeqCst)
    }

    /// An event that is already waiting, without blocking: lets a burst of keys or resizes be
    /// handled before the next frame is drawn.
    pub fn try_next(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }
}

fn spawn_reader(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Event::Terminal(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Event::InputClosed);
                    return;
                }
            }
        }
    });
}

/// Waits, without ever waking up before, for the terminal to hang up, and reports it as
/// `InputClosed`. `poll` is asked for no events at all: the kernel reports a hang-up (or an
/// error) whatever was asked for, and keys, which the reader takes, do not wake this thread.
#[cfg(target_os = "linux")]
fn spawn_hangup_watch(tx: Sender<Event>) {
    use std::io::IsTerminal;
    use std::os::fd::AsRawFd;

    // crossterm reads standard input when it is the terminal, else the controlling terminal.
    let terminal = if std::io::stdin().is_terminal() {
        None
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(tty) => Some(tty),
            Err(_) => return,
        }
    };
    thread::spawn(move || {
        let fd = terminal.as_ref().map_or(libc::STDIN_FILENO, AsRawFd::as_raw_fd);
        let mut watched = libc::pollfd { fd, events: 0, revents: 0 };
        loop {
            // SAFETY: one valid `pollfd` for the length of the call; `terminal`, which owns
            // the descriptor when it is not standard input, lives as long as this thread.
            let ready = unsafe { libc::poll(&mut watched, 1, -1) };
            if ready > 0 && watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                let _ = tx.send(Event::InputClosed);
                return;
            }
            if ready < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                return;
            }
        }
    });
}

/// Lines as typed (the line ending and a carriage return removed, any bytes that are not UTF-8
/// replaced); the end of input is `InputClosed`, as a closed terminal is.
fn spawn_line_reader(tx: Sender<Event>) {
    thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut line = Vec::new();
        loop {
            line.clear();
            match std::io::BufRead::read_until(&mut stdin, b'\n', &mut line) {
                Ok(0) | Err(_) => {
                    let _ = tx.send(Event::InputClosed);
                    return;
                }
                Ok(_) => {
                    let text = String::from_utf8_lossy(&line);
                    let text = text.trim_end_matches(['\n', '\r']).to_owned();
                    if tx.send(Event::Line(text)).is_err() {
                        return;
                    }
                }
            }
        }
    });
}

fn spawn_signal_listener(tx: Sender<Event>, mut signals: Signals, quit: Arc<AtomicBool>) {
    thread::spawn(move || {
        for signal in signals.forever() {
            if signal != SIGWINCH {
                quit.store(true, Ordering::SeqCst);
            }
            let event = if signal == SIGWINCH { Event::WindowChanged } else { Event::Signal(signal) };
            if tx.send(event).is_err() {
                return;
            }
        }
    });
}

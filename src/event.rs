//! Terminal events and signals in one channel, so the main loop can block until something
//! happens or a deadline passes, and never wakes up while nothing changes.
//!
//! A thread blocks in `crossterm::event::read`; another waits for SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT (whose default would dump core and leave the terminal raw) and SIGWINCH. Both send
//! into one channel. When reading the terminal fails (it was closed), the reader reports it
//! once and stops, so a dead terminal can never spin the CPU.

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
            spawn_signal_listener(tx, signals, Arc::clone(&self.quit));
        }
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

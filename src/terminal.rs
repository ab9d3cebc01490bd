//! Entering and leaving the full-screen terminal, on every path out: normal quit, error, panic,
//! and the signals the event loop turns into a quit.
//!
//! `ratatui::restore` only leaves raw mode and the alternate screen. Mouse capture and the
//! cursor are ours to undo, so one function here undoes everything we set, and the panic hook
//! calls it before the panic message is printed.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, SetTitle, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// Buffered, so a frame goes out in one write instead of one per escape sequence.
pub type Tui = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

pub fn enter(mouse: bool) -> io::Result<Tui> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    // The title stays "mestring" whatever screen is open: nothing private in a window list.
    execute!(out, EnterAlternateScreen, SetTitle("mestring"), cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout())))
}

/// Undoes everything `enter` did. Safe to call more than once and when `enter` never ran.
pub fn leave() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

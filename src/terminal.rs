//! Entering and leaving the full-screen terminal, on every path out: normal quit, error, panic,
//! and the signals the event loop turns into a quit.
//!
//! `ratatui::init` enters raw mode and the alternate screen and restores both on panic. Mouse
//! capture, bracketed paste and the cursor are ours to undo, so [`leave`] undoes everything, and
//! our panic hook calls it before ratatui's own hook prints the panic.
//!
//! Bracketed paste makes a paste one event (the text between the terminal's markers) instead
//! of a key per character: a long paste is one insert, and nothing in it is taken for a key.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::SetTitle;
use ratatui::crossterm::{cursor, execute};

pub fn enter(mouse: bool) -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    install_panic_hook();
    let mut out = io::stdout();
    // The title stays "mestring" whatever screen is open: nothing private in a window list.
    execute!(out, SetTitle("mestring"), EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(terminal)
}

/// Undoes everything `enter` did. Safe to call more than once and when `enter` never ran.
pub fn leave() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, cursor::Show);
    ratatui::restore();
    let _ = out.flush();
}

/// Runs before the hook `ratatui::init` installed (which restores raw mode and the alternate
/// screen and then prints the panic).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

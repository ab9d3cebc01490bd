//! The plain mode, for a screen reader or a braille display (`--plain`, `MESTRING_PLAIN=1`,
//! or `plain: true` in the settings): no alternate screen, no drawing, no colour, no
//! animation. Lines are written one after another and stay in the scrollback; a person answers
//! with a number or a word and Enter, in the terminal's own line editing, which the screen
//! reader follows.
//!
//! It is the same program as the full screen: the same `App`, driven by the same actions, its
//! screens read through `App::readout`, its data in the same store. Only the way in and out
//! differs, so what works on screen works here.

mod answer;
mod checkin;
mod console;
mod crisis;
mod form;
mod screen;
mod session;

use std::process::ExitCode;

use chrono::NaiveDate;

pub use console::{Console, Flow, Quit};

use crate::action::Action;
use crate::app::App;
use crate::event::Events;

/// Runs the plain mode in the terminal until the person quits (or a signal, or the end of
/// the input). The terminal is never switched into another mode, so there is nothing to
/// restore.
pub fn run(mut app: App) -> color_eyre::Result<()> {
    let mut console = terminal_console(&mut app)?;
    run_with(&mut app, &mut console);
    Ok(())
}

/// `mestring checkin` without flags, in a terminal: the check-in as a conversation, the same
/// one the plain mode's check-in screen holds.
pub fn checkin(mut app: App, date: Option<NaiveDate>) -> color_eyre::Result<ExitCode> {
    let today = app.today();
    if let Some(date) = date.filter(|d| *d > today) {
        eprintln!("error: {date} has not come yet; a check-in is for today or an earlier day");
        return Ok(ExitCode::from(2));
    }
    let mut console = terminal_console(&mut app)?;
    app.after_first_frame();
    let _ = checkin::conversation(&mut app, &mut console, date);
    finish(&mut app, &mut console);
    Ok(ExitCode::SUCCESS)
}

/// The plain mode on `console`: the menu and its screens (a session that is already running,
/// from `mestring breathe --pattern`, first), until the person quits.
pub fn run_with(app: &mut App, console: &mut Console) {
    console.say(app.strings().plain.intro);
    // The check of the database and the daily backup, once the first line is out.
    app.after_first_frame();
    // However it ends (q, Ctrl-D, a signal), the end is the same.
    let _ = screens(app, console);
    finish(app, console);
}

/// The screen the app was opened at (`mestring --plain breathe`), then the menu.
fn screens(app: &mut App, console: &mut Console) -> Flow {
    if app.tab() != crate::app::Tab::Home {
        screen::screen(app, console)?;
    }
    screen::menu(app, console)
}

/// Lines in from the terminal, with the signals; the app laid out for the terminal's size
/// (paging and the breathing figure's steps depend on it, though nothing is drawn).
fn terminal_console(app: &mut App) -> color_eyre::Result<Console> {
    let mut events = Events::register()?;
    events.start_lines();
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    app.update(Action::Resize { width, height });
    Ok(Console::new(events, Box::new(std::io::stdout())))
}

/// The end, whichever way: a session in progress is recorded, typed text saved.
fn finish(app: &mut App, console: &mut Console) {
    app.quit_keeping_unsaved();
    app.frame_drawn();
    console.say(app.strings().plain.goodbye);
}

//! The event loop: draw when something changed, block until the next event otherwise.

use std::io::Write;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::Event as TermEvent;

use crate::action::Action;
use crate::app::App;
use crate::event::{Event, Events};
use crate::terminal;

/// Runs the TUI until the user quits, a signal arrives, or the terminal goes away.
pub fn run(mut app: App) -> color_eyre::Result<()> {
    // Signals first: a SIGTERM from the moment the terminal is touched is a clean quit.
    let mut events = Events::register()?;
    let mut tui = terminal::enter(app.options().mouse)?;
    // The terminal reader starts once raw mode is on.
    events.start();
    let result = event_loop(&mut app, &mut tui, &events);
    // Whatever ended the loop (quit, a signal, an error), typed text is saved before leaving.
    app.flush();
    terminal::leave();
    result
}

fn event_loop(app: &mut App, tui: &mut DefaultTerminal, events: &Events) -> color_eyre::Result<()> {
    let size = tui.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    let mut first = true;
    while app.running() {
        if app.needs_frame() {
            app.flush();
            tui.draw(|frame| app.render(frame))?;
            app.frame_drawn();
            if std::mem::take(&mut first) {
                // The database check and the daily backup wait until something is on screen.
                app.after_first_frame();
            }
            continue;
        }
        if app.take_bell() {
            // BEL after the frame that shows the new phase: sound and sight agree.
            tui.backend_mut().write_all(b"\x07")?;
            tui.backend_mut().flush()?;
        }
        // Idle means no deadline: this blocks until a key, a resize or a signal arrives.
        // While an animation runs, it wakes exactly when the next visible change is due.
        let Some(event) = events.next(app.deadline()) else {
            app.update(Action::Tick);
            continue;
        };
        handle(app, event, tui);
        // Apply whatever else is already queued before drawing: one frame per burst. A signal
        // ends the burst at once, however long it is.
        while app.running() && !events.quit_requested() {
            let Some(event) = events.try_next() else { break };
            handle(app, event, tui);
        }
        if events.quit_requested() {
            app.quit_on_signal();
        }
    }
    Ok(())
}

fn handle(app: &mut App, event: Event, tui: &DefaultTerminal) {
    let mut next = match event {
        Event::Terminal(TermEvent::Paste(text)) => app.paste(&text),
        Event::Terminal(ev) => app.action_for_event(&ev),
        // The size is asked now: several changes in a row end at the last one.
        Event::WindowChanged => tui.size().ok().map(|s| Action::Resize { width: s.width, height: s.height }),
        Event::Signal(_) | Event::InputClosed => {
            app.quit_on_signal();
            None
        }
    };
    while let Some(action) = next {
        next = app.update(action);
    }
}

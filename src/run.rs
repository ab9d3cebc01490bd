//! The event loop: draw when something changed, block until the next event otherwise.

use std::io::Write;

use crate::action::Action;
use crate::app::App;
use crate::event::{Event, Events};
use crate::terminal;

/// Runs the TUI until the user quits, a signal arrives, or the terminal goes away.
pub fn run(mut app: App) -> color_eyre::Result<()> {
    let mut events = Events::register()?;
    let entered = terminal::enter(app.options.mouse)?;
    let result = (|| -> color_eyre::Result<()> {
        let area = entered.size()?.into();
        app.set_area(area);
        app.flush();
        let mut tui = entered.first_frame(area, |area, buf| app.render_into(area, buf))?;
        app.dirty = false;
        app.after_frame();
        // Threads start after the first frame, so it does not wait for them. A resize meanwhile
        // is queued as `WindowChanged` (see `Events::register`).
        events.start();
        app.after_first_frame();
        while app.running {
            if app.dirty {
                app.flush();
                tui.draw(|frame| app.render(frame))?;
                app.dirty = false;
                app.after_frame();
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
            handle(&mut app, event, &tui);
            // Apply whatever else is already queued before drawing: one frame per burst.
            while app.running {
                let Some(event) = events.try_next() else { break };
                handle(&mut app, event, &tui);
            }
        }
        Ok(())
    })();
    // Whatever ended the loop (quit, a signal, an error), typed text is saved before leaving.
    app.flush();
    terminal::leave();
    app.close();
    result
}

fn handle(app: &mut App, event: Event, tui: &terminal::Tui) {
    let mut next = match event {
        Event::Terminal(ev) => app.action_for_event(&ev),
        // The size is asked now: several changes in a row end at the last one.
        Event::WindowChanged => tui.size().ok().map(|s| Action::Resize { width: s.width, height: s.height }),
        Event::Signal(_) | Event::InputClosed => Some(Action::Quit),
    };
    while let Some(action) = next {
        next = app.update(action);
    }
}

//! A breathing session or a guided exercise in the plain mode: one line at the start of each
//! phase or step, printed when it begins. The instants come from the session's own timer
//! (`Running::cue`, from its start instant, pauses shifting it), as the full screen's frames
//! do, so the lines never drift; between them the program sleeps until the next one is due,
//! or until the person types a line (Enter pauses, `s` stops, `n` moves a guided step on).

use std::time::Duration;

use super::answer::{self, Answer};
use super::console::{Console, Flow, Quit};
use super::crisis;
use super::screen::{follow, select};
use crate::action::Action;
use crate::app::{App, Tab};
use crate::content::exercises;
use crate::domain::breathing::{self, Length};
use crate::panes::breathe::session::{Plan, Running};
use crate::panes::readout::Readout;

const MAX_MINUTES: u16 = 60;

/// A session is on the screen.
pub fn running(app: &App) -> bool {
    app.tab() == Tab::Breathe && app.breathe().running().is_some()
}

/// Item `index` of the list: a breathing pattern asks its length first (Enter keeps the
/// suggested one), then the session starts.
pub fn choose(app: &mut App, console: &mut Console, readout: &Readout, index: usize) -> Flow {
    let t = &app.strings().plain;
    if !select(app, readout, index) {
        return Ok(());
    }
    if let Some(Length::Minutes(now)) = app.breathe().chosen_length() {
        let wanted = loop {
            let line = console.ask(&format!("{} ({}: {now}; {})", t.ask_minutes, t.current, t.keeps))?;
            match answer::parse(&line, t) {
                Answer::Empty => break now,
                Answer::Number(n) if (1..=usize::from(MAX_MINUTES)).contains(&n) => break n as u16,
                Answer::Back => return Ok(()),
                Answer::Quit => return Err(Quit),
                Answer::Crisis => crisis::show(app, console),
                _ => console
                    .say(t.want_number.replace("{min}", "1").replace("{max}", &MAX_MINUTES.to_string())),
            }
        };
        let step = if wanted > now { Action::Longer } else { Action::Shorter };
        for _ in 0..wanted.abs_diff(now) {
            follow(app, step);
        }
    }
    follow(app, Action::Open);
    Ok(())
}

/// Reads the session out until it ends, then its summary, and goes back to the list.
pub fn run(app: &mut App, console: &mut Console) -> Flow {
    let t = &app.strings().plain;
    let Some(running) = app.breathe().running() else { return Ok(()) };
    let guided = running.is_guided();
    console.say(title(app, running));
    console.say(if guided { t.guided_keys } else { t.session_keys });
    let mut said: Option<Duration> = None;
    while let Some((cue, paused)) = app.breathe().running().map(|r| (r.cue(), r.is_paused())) {
        if cue.next.is_none() && !paused {
            // Over (moved past the last step): the session ends as its last frame would end it.
            follow(app, Action::Tick);
            continue;
        }
        if said != Some(cue.started) {
            // The bell first, so that it and the line arrive together.
            if app.take_bell() {
                console.bell();
            }
            console.say(&cue.line);
            said = Some(cue.started);
        }
        let Some(line) = console.wait(cue.next)? else {
            // The next phase is due: the session moves on, as a frame would.
            follow(app, Action::Tick);
            continue;
        };
        let typed = answer::normalise(&line);
        if t.words_stop.contains(&typed.as_str()) {
            follow(app, Action::Back);
            continue;
        }
        if guided && t.words_next_step.contains(&typed.as_str()) {
            follow(app, Action::NextStep);
            continue;
        }
        match answer::parse(&line, t) {
            Answer::Empty => {
                follow(app, Action::Pause);
                let paused = app.breathe().running().is_some_and(Running::is_paused);
                console.say(if paused { t.paused } else { t.resumed });
                // On again: say where the session is.
                said = None;
            }
            Answer::Back => follow(app, Action::Back),
            Answer::Quit => return Err(Quit),
            Answer::Crisis => {
                // The crisis help pauses the session, as it does on screen.
                crisis::show(app, console);
                console.say(t.paused);
            }
            _ => console.say(if guided { t.guided_keys } else { t.session_keys }),
        }
    }
    let summary = app.readout();
    console.say_all(&summary.detail);
    // The record of the session is written once its end has been told.
    app.frame_drawn();
    if summary.inner {
        follow(app, Action::Back);
    }
    Ok(())
}

/// "Boks-pust · 4-4-4-4 · 15 runder", or the guided exercise's name.
fn title(app: &App, running: &Running) -> String {
    let b = app.strings().breathe;
    match &running.plan {
        Plan::Breathing { name, steps, length, .. } => {
            let length = match length {
                Length::Minutes(m) => format!("{m} {}", b.minutes),
                Length::Cycles(c) => format!("{c} {}", b.cycles),
            };
            format!("{name} · {} · {length}", breathing::label(steps, b.decimal))
        }
        Plan::Guided { index } => exercises::mindfulness(app.content(), app.options().lang)
            .get(*index)
            .map_or_else(String::new, |e| e.name.clone()),
    }
}

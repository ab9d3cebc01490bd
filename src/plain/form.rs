//! Typing in the plain mode. A form on screen (a goal, a counter, a plan entry, a breathing
//! pattern) becomes questions, one field at a time, answered by a line; a yes-or-no question is
//! asked as one; a search or another single field takes the line as typed. The answers reach the
//! screen as the keys that type them would.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::answer::{self, Answer};
use super::console::{Console, Flow, Quit};
use super::crisis;
use super::screen::follow;
use crate::action::Action;
use crate::app::App;
use crate::panes::entry_form::FieldView;

/// Answers whatever takes the keys as text on the current screen.
pub fn fill(app: &mut App, console: &mut Console) -> Flow {
    if let Some(question) = app.question().map(str::to_owned) {
        return confirm(app, console, &question);
    }
    if app.form().is_some() {
        return entry_form(app, console);
    }
    single_line(app, console)
}

/// Presses `code` in the focused field.
pub fn press(app: &mut App, code: KeyCode) {
    follow(app, Action::Text(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Types `text` into the focused field, after removing the `old` text there.
pub fn retype(app: &mut App, old: &str, text: &str) {
    press(app, KeyCode::End);
    for _ in old.chars() {
        press(app, KeyCode::Backspace);
    }
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Yes is Enter to the question, no is Esc, as on screen.
fn confirm(app: &mut App, console: &mut Console, question: &str) -> Flow {
    let t = &app.strings().plain;
    let answer = loop {
        let line = console.ask(&format!("{question} ({})", t.yes_no))?;
        let typed = answer::normalise(&line);
        if t.words_yes.contains(&typed.as_str()) {
            break Action::Open;
        }
        if t.words_no.contains(&typed.as_str()) {
            break Action::Back;
        }
        match answer::parse(&line, t) {
            Answer::Quit => return Err(Quit),
            Answer::Crisis => crisis::show(app, console),
            Answer::Back => break Action::Back,
            _ => console.say(t.want_yes_no),
        }
    };
    follow(app, answer);
    Ok(())
}

/// Each field from the focused one on; then the form is saved, or says what to change.
fn entry_form(app: &mut App, console: &mut Console) -> Flow {
    let t = &app.strings().plain;
    if let Some(form) = app.form() {
        console.say(&form.title);
        if let Some(intro) = &form.intro {
            console.say(intro);
        }
    }
    while let Some(form) = app.form() {
        let field = &form.fields[form.focus];
        if !ask_field(app, console, field)? {
            follow(app, Action::Back);
            return Ok(());
        }
        if form.focus + 1 < form.fields.len() {
            press(app, KeyCode::Tab);
            continue;
        }
        follow(app, Action::Save);
        if let Some(error) = app.form().and_then(|f| f.error) {
            let field = app.form().map(|f| f.fields[f.focus].label).unwrap_or_default();
            console.say(format!("{} {error}", t.form_refused.replace("{field}", field)));
        }
    }
    Ok(())
}

/// Asks one field and puts the answer in it; false when the person cancels the form.
fn ask_field(app: &mut App, console: &mut Console, field: &FieldView) -> Flow<bool> {
    let t = &app.strings().plain;
    let current = match &field.text {
        Some(text) if text.trim().is_empty() => None,
        Some(text) => Some(text.clone()),
        None => {
            for (i, option) in field.options.iter().enumerate() {
                console.say(format!("{}  {option}", i + 1));
            }
            field.options.get(field.selected).map(|o| format!("{} {o}", field.selected + 1))
        }
    };
    let prompt = match &current {
        Some(now) => format!("{} ({}: {now}; {}; {})", field.label, t.current, t.keeps, t.form_cancel),
        None => format!("{} ({})", field.label, t.form_cancel),
    };
    loop {
        let line = console.ask(&prompt)?;
        match answer::parse(&line, t) {
            Answer::Quit => return Err(Quit),
            Answer::Back => return Ok(false),
            Answer::Crisis => crisis::show(app, console),
            Answer::Help => console.say(format!("{}. {}", t.type_text, t.keeps)),
            Answer::Empty => return Ok(true),
            answer => {
                if field.text.is_some() {
                    retype(app, field.text.as_deref().unwrap_or_default(), line.trim());
                    return Ok(true);
                }
                let chosen = match answer {
                    Answer::Number(n) if (1..=field.options.len()).contains(&n) => Some(n - 1),
                    _ => field
                        .options
                        .iter()
                        .position(|o| answer::normalise(o).starts_with(&answer::normalise(&line))),
                };
                let Some(chosen) = chosen else {
                    console.say(t.unknown.replace("{answer}", line.trim()));
                    continue;
                };
                for _ in 0..(chosen + field.options.len() - field.selected) % field.options.len().max(1) {
                    press(app, KeyCode::Right);
                }
                return Ok(true);
            }
        }
    }
}

/// A search or another single field: the line as typed, Enter to finish; an empty line
/// cancels.
fn single_line(app: &mut App, console: &mut Console) -> Flow {
    let t = &app.strings().plain;
    let line = console.ask(t.type_text)?;
    match answer::parse(&line, t) {
        Answer::Quit => return Err(Quit),
        Answer::Empty | Answer::Back => follow(app, Action::Back),
        Answer::Crisis => crisis::show(app, console),
        _ => {
            for c in line.trim().chars() {
                press(app, KeyCode::Char(c));
            }
            follow(app, Action::Open);
        }
    }
    Ok(())
}

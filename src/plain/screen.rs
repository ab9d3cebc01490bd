//! The menu and the screens in the plain mode. A screen is read from the app (`App::readout`):
//! its lines, its list ten at a time, the open item, and as choices the actions its keys give
//! on screen, named in words. An answer becomes actions on the app, as keys would; then only
//! what changed is read out, so a screen reader does not read the whole screen again.

use super::answer::{self, Answer, Found, Named};
use super::console::{Console, Flow};
use super::{checkin, crisis, form, session};
use crate::action::Action;
use crate::app::{App, Tab};
use crate::keymap;
use crate::panes::readout::Readout;

/// Items shown at a time: a screen reader reads a list of ten without losing the thread.
pub const PAGE: usize = 10;

/// What a word on a screen does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Act(Action),
    NextPage,
    PreviousPage,
}

/// The menu of screens, until the person quits.
pub fn menu(app: &mut App, console: &mut Console) -> Flow {
    let t = &app.strings().plain;
    let names: Vec<Named<Tab>> = Tab::ALL
        .iter()
        .map(|tab| Named { key: None, words: tab.title(app.strings()).to_owned(), value: *tab })
        .collect();
    loop {
        console.say(format!("{}:", t.menu));
        for (i, tab) in names.iter().enumerate() {
            console.say(format!("{}  {}", i + 1, tab.words));
        }
        console.say(t.menu_hint);
        loop {
            let tab = match answer::parse(&console.ask(t.choose)?, t) {
                Answer::Number(n) if (1..=names.len()).contains(&n) => names[n - 1].value,
                Answer::Words(words) => match answer::find(&words, &names) {
                    Found::One(tab) => tab.value,
                    found => {
                        say_not_found(app, console, &words, found);
                        continue;
                    }
                },
                Answer::Quit => return Err(super::Quit),
                Answer::Help => {
                    crisis::help(app, console, &[]);
                    continue;
                }
                Answer::Crisis => {
                    crisis::show(app, console);
                    continue;
                }
                Answer::Number(n) => {
                    console.say(t.want_choice.replace("{n}", &n.to_string()));
                    continue;
                }
                Answer::Empty | Answer::Back | Answer::Menu => break,
            };
            go(app, tab);
            screen(app, console)?;
            break;
        }
    }
}

/// Shows `tab` the way its number key does.
pub fn go(app: &mut App, tab: Tab) {
    let index = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
    follow(app, Action::GoTab(index as u8));
}

/// Applies `action` and what it leads to, then saves typed edits, as the event loop does
/// before each frame.
pub fn follow(app: &mut App, action: Action) {
    let mut next = Some(action);
    while let Some(action) = next {
        next = app.update(action);
    }
    app.flush();
}

/// The current screen, until the person goes back to the menu.
pub fn screen(app: &mut App, console: &mut Console) -> Flow {
    let t = &app.strings().plain;
    let mut tab = app.tab();
    if tab == Tab::Checkin {
        return checkin::conversation(app, console, None);
    }
    if session::running(app) {
        // Started from the command line (`breathe --pattern`): the session first.
        session::run(app, console)?;
    }
    let mut shown = announce(app, console);
    loop {
        if app.tab() != tab {
            // An action led to another screen (a linked question, an exercise, the check-in).
            let from = std::mem::replace(&mut tab, app.tab());
            if tab == Tab::Checkin {
                checkin::conversation(app, console, None)?;
                go(app, from);
                tab = from;
            }
            shown = announce(app, console);
            continue;
        }
        let before = app.readout();
        if session::running(app) {
            session::run(app, console)?;
        } else if app.text_mode() {
            form::fill(app, console)?;
        } else if before.passing {
            follow(app, Action::Back);
        } else {
            let line = console.ask(t.choose)?;
            let acted = match answer::parse(&line, t) {
                Answer::Empty if next_page(app, &before) => true,
                Answer::Empty => {
                    shown = announce(app, console);
                    false
                }
                Answer::Help => {
                    crisis::help(app, console, &choice_lines(app, &before));
                    false
                }
                Answer::Crisis => {
                    crisis::show(app, console);
                    false
                }
                Answer::Quit => return Err(super::Quit),
                Answer::Menu => return Ok(()),
                Answer::Back if !before.inner => return Ok(()),
                Answer::Back => {
                    follow(app, Action::Back);
                    true
                }
                Answer::Number(n) => choose(app, console, &before, n)?,
                Answer::Words(words) => match answer::find(&words, &commands(app, &before)) {
                    Found::One(command) => {
                        run(app, command.value, &before);
                        true
                    }
                    found => {
                        say_not_found(app, console, &words, found);
                        false
                    }
                },
            };
            if !acted {
                continue;
            }
        }
        // A session that just started is read out by the session itself, from its start.
        if app.tab() == tab && !session::running(app) {
            report(app, console, &shown, &app.readout());
            shown = app.readout();
        }
        app.frame_drawn();
    }
}

/// Reads out the whole screen: its title, lines, list page, open item and choices.
fn announce(app: &mut App, console: &mut Console) -> Readout {
    let readout = app.readout();
    console.say(app.tab().title(app.strings()));
    say_toast(app, console);
    console.say_all(&readout.lines);
    say_page(app, console, &readout);
    console.say_all(&readout.detail);
    let t = &app.strings().plain;
    console.say(format!("{}:", t.choices));
    console.say_all(choice_lines(app, &readout));
    app.frame_drawn();
    readout
}

fn say_toast(app: &App, console: &mut Console) {
    if let Some(toast) = app.toast() {
        console.say(toast);
    }
}

/// The page of the list the cursor is on: ten numbered items, their groups named.
fn say_page(app: &App, console: &mut Console, readout: &Readout) {
    let t = &app.strings().plain;
    let Some(selected) = readout.selected else { return };
    let total = readout.items.len();
    let first = selected / PAGE * PAGE;
    let last = (first + PAGE).min(total);
    if total > PAGE {
        let range = t.page.replace("{first}", &(first + 1).to_string()).replace("{last}", &last.to_string());
        console.say(range.replace("{total}", &total.to_string()));
    }
    for (i, item) in readout.items.iter().enumerate().take(last).skip(first) {
        if let Some(heading) = &item.heading {
            console.say(format!("{heading}:"));
        }
        console.say(item_line(app, readout, i));
    }
    if last < total {
        console.say(t.more);
    }
}

fn item_line(app: &App, readout: &Readout, i: usize) -> String {
    let mark = if readout.selected == Some(i) && readout.items.len() > 1 {
        format!(" ({})", app.strings().plain.selected)
    } else {
        String::new()
    };
    format!("{}  {}{mark}", i + 1, readout.items[i].text)
}

/// Moves the cursor to the first item of the next page; false on the last page.
fn next_page(app: &mut App, readout: &Readout) -> bool {
    let Some(selected) = readout.selected else { return false };
    let target = (selected / PAGE + 1) * PAGE;
    target < readout.items.len() && select(app, readout, target)
}

fn previous_page(app: &mut App, readout: &Readout) -> bool {
    let Some(selected) = readout.selected else { return false };
    let page = selected / PAGE;
    page > 0 && select(app, readout, (page - 1) * PAGE)
}

/// Moves the pane's cursor to item `target` with the keys a person would use. An open item
/// is closed first: in it, up and down scroll its text.
pub fn select(app: &mut App, readout: &Readout, target: usize) -> bool {
    if readout.inner && !readout.detail.is_empty() {
        follow(app, Action::Back);
    }
    for _ in 0..readout.items.len() {
        let Some(at) = app.readout().selected else { return false };
        match target.cmp(&at) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Greater => follow(app, Action::Down),
            std::cmp::Ordering::Less => follow(app, Action::Up),
        }
    }
    app.readout().selected == Some(target)
}

/// Item `n` (from 1): selected, then what choosing does on this screen. False when there is
/// no such item (and the person is told so).
fn choose(app: &mut App, console: &mut Console, readout: &Readout, n: usize) -> Flow<bool> {
    let t = &app.strings().plain;
    if n == 0 || n > readout.items.len() {
        console.say(t.want_choice.replace("{n}", &n.to_string()));
        return Ok(false);
    }
    if app.tab() == Tab::Breathe {
        session::choose(app, console, readout, n - 1)?;
        return Ok(true);
    }
    if select(app, readout, n - 1)
        && let Some(action) = readout.choose
    {
        follow(app, action);
    }
    Ok(true)
}

fn run(app: &mut App, command: Command, readout: &Readout) {
    match command {
        Command::Act(action) => follow(app, action),
        Command::NextPage => {
            next_page(app, readout);
        }
        Command::PreviousPage => {
            previous_page(app, readout);
        }
    }
}

/// The screen's choices in words: what its keys do here (not the moves, which numbers
/// replace), and the pages of a long list.
fn commands(app: &App, readout: &Readout) -> Vec<Named<Command>> {
    let s = app.strings();
    let mut named: Vec<Named<Command>> = Vec::new();
    for binding in app.keymap().bindings_for(app.scopes()) {
        if !is_verb(binding.action) || named.iter().any(|n| n.value == Command::Act(binding.action)) {
            continue;
        }
        let key = binding.keys.iter().map(|k| keymap::key_label(*k)).find(|k| {
            let mut chars = k.chars();
            // A key a person types as it is: one letter or sign, not a digit (those choose
            // items) nor a word every screen has.
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_graphic() && !c.is_ascii_digit() && !"?!q".contains(c))
        });
        let words = keymap::describe(binding.action, &s.actions).to_owned();
        named.push(Named { key, words, value: Command::Act(binding.action) });
    }
    if readout.items.len() > PAGE {
        let t = &s.plain;
        named.push(Named { key: None, words: t.next_page.to_owned(), value: Command::NextPage });
        named.push(Named { key: None, words: t.previous_page.to_owned(), value: Command::PreviousPage });
    }
    named
}

/// Actions a person chooses by name; moving, opening and leaving are numbers and `0`.
fn is_verb(action: Action) -> bool {
    !matches!(
        action,
        Action::Quit
            | Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::NextTab
            | Action::PrevTab
            | Action::GoTab(_)
            | Action::Open
            | Action::Back
            | Action::Help
            | Action::Crisis
            | Action::Hide
            | Action::Pause
            | Action::NextStep
    )
}

/// The choices as lines: "key  words", then how to go back.
fn choice_lines(app: &App, readout: &Readout) -> Vec<String> {
    let t = &app.strings().plain;
    let mut lines: Vec<String> = commands(app, readout)
        .into_iter()
        .map(|c| match c.key {
            Some(key) => format!("{key}  {}", c.words),
            None => c.words,
        })
        .collect();
    lines.push((if readout.inner { t.back } else { t.back_to_menu }).to_owned());
    lines
}

fn say_not_found<T>(app: &App, console: &mut Console, words: &str, found: Found<T>) {
    let t = &app.strings().plain;
    match found {
        Found::Several(choices) => {
            let names: Vec<&str> = choices.iter().map(|c| c.words.as_str()).collect();
            console.say(t.ambiguous.replace("{choices}", &names.join(", ")));
        }
        Found::One(_) | Found::None => console.say(t.unknown.replace("{answer}", words)),
    }
}

/// Reads out what an answer changed: a message, new lines, changed items, the page the cursor
/// moved to, the item opened. When nothing changed, the open item or the cursor's item again,
/// so an answer is never met with silence.
fn report(app: &App, console: &mut Console, before: &Readout, after: &Readout) {
    say_toast(app, console);
    let mut said = app.toast().is_some();
    for line in after.lines.iter().filter(|l| !before.lines.contains(l)) {
        console.say(line);
        said = true;
    }
    let page = |r: &Readout| r.selected.map(|s| s / PAGE);
    // A list is read again when it is another one, or when an open item closed over it; an
    // item that opens is read without the list around it.
    let other_level = after.inner != before.inner && after.detail.is_empty();
    if other_level || after.items.len() != before.items.len() || page(after) != page(before) {
        say_page(app, console, after);
        said |= !after.items.is_empty();
    } else {
        for (i, (old, new)) in before.items.iter().zip(&after.items).enumerate() {
            if old != new {
                console.say(item_line(app, after, i));
                said = true;
            }
        }
    }
    if after.detail != before.detail || !said {
        console.say_all(&after.detail);
        said |= !after.detail.is_empty();
    }
    if !said && let Some(i) = after.selected {
        console.say(item_line(app, after, i));
    }
}

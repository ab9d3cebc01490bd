//! The check-in as a conversation: the form's fields asked in order, each with its value now
//! and "Enter keeps it". The answers go to the check-in screen as the keys that set them would
//! (so the same rules, the same saving at once, the same merge with another window), and each
//! is saved before the next question. `mestring checkin` without flags in a terminal, and the
//! check-in screen of the plain mode, are this one conversation.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use super::answer::{self, Answer};
use super::console::{Console, Flow, Quit};
use super::crisis;
use super::form::{press, retype};
use super::screen::{follow, go};
use crate::action::Action;
use crate::app::{App, Tab};
use crate::content::helplines;
use crate::domain::checkin::{MOOD_MAX, MOOD_MIN, SCALE_MAX, SLEEP_QUALITY_MAX};
use crate::domain::parse;
use crate::panes::checkin_readout::{Field, field_label};

/// What an answer to one question did.
enum Asked {
    Next,
    /// `0`: the conversation ends here; what was answered is saved.
    Stop,
}

/// Asks the day's check-in (today, or `date`) field by field, saves it, and on a hard day
/// offers the help lines.
pub fn conversation(app: &mut App, console: &mut Console, date: Option<NaiveDate>) -> Flow {
    if app.tab() != Tab::Checkin {
        go(app, Tab::Checkin);
    }
    if let Some(date) = date {
        follow(app, Action::EditCheckin(date));
    }
    let (t, c) = (&app.strings().plain, &app.strings().checkin);
    let day = app.checkin().value_text(Field::Date, c);
    let today = if app.checkin().shows_today() { format!(" ({})", c.today) } else { String::new() };
    console.say(t.checkin_intro.replace("{day}", &day).replace("{today}", &today));
    let mut at = 0;
    loop {
        let fields = app.checkin().fields();
        let Some(field) = fields.get(at).copied().filter(|f| *f != Field::Done) else { break };
        if let Asked::Stop = ask(app, console, field)? {
            break;
        }
        at += 1;
    }
    follow(app, Action::Save);
    if let Some(toast) = app.toast() {
        console.say(toast);
    }
    if !app.checkin().is_saved() {
        // Why it could not be saved was said (the store's message); nothing is claimed.
        return Ok(());
    }
    let day = app.checkin().checkin().date;
    console.say(format!("{} {day}.", c.cli_saved));
    if app.checkin().offers_support() {
        console.say(c.cli_support);
        let lang = app.options().lang;
        for line in helplines::for_region(app.content(), app.options().region).iter().flat_map(|r| &r.lines) {
            console.say(format!("{}  {} · {}", line.number, line.name, line.hours.get(lang)));
        }
    }
    Ok(())
}

/// One question, asked again until the answer fits.
fn ask(app: &mut App, console: &mut Console, field: Field) -> Flow<Asked> {
    let (t, c) = (&app.strings().plain, &app.strings().checkin);
    focus(app, field);
    let choices = choices(app, field);
    for (i, (label, on)) in choices.iter().enumerate() {
        let tick = match on {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        console.say(format!("{}  {tick}{label}", i + 1));
    }
    let how = how(app, field).map_or(String::new(), |how| format!(", {how}"));
    let now = app.checkin().value_text(field, c);
    let prompt = format!("{}{how} ({}: {now}; {})", field_label(field, c), t.current, t.keeps);
    loop {
        let line = console.ask(&prompt)?;
        match answer::parse(&line, t) {
            Answer::Empty => return Ok(Asked::Next),
            Answer::Back => return Ok(Asked::Stop),
            Answer::Quit => return Err(Quit),
            Answer::Help => {
                // How to answer, then the day as answered so far.
                console.say(t.checkin_help);
                console.say_all(app.readout().lines);
            }
            Answer::Crisis => crisis::show(app, console),
            _ => match apply(app, field, line.trim(), &choices) {
                Ok(()) => {
                    if let Some(toast) = app.toast() {
                        console.say(toast);
                    }
                    return Ok(Asked::Next);
                }
                Err(problem) => console.say(problem),
            },
        }
    }
}

/// What the question asks for, after the field's name; nothing for a text to type.
fn how(app: &App, field: Field) -> Option<String> {
    let t = &app.strings().plain;
    let range =
        |min: u8, max: u8| t.ask_number.replace("{min}", &min.to_string()).replace("{max}", &max.to_string());
    Some(match field {
        Field::Date => t.ask_date.to_owned(),
        Field::Mood => range(MOOD_MIN, MOOD_MAX),
        Field::Craving | Field::Stress => range(0, SCALE_MAX),
        Field::Sleep => t.ask_sleep.to_owned(),
        Field::SleepQuality => range(1, SLEEP_QUALITY_MAX),
        Field::Used => t.ask_yes_no.to_owned(),
        Field::Triggers | Field::Helped => t.ask_many.to_owned(),
        Field::Halt => t.ask_halt.to_owned(),
        Field::Note => t.ask_note.to_owned(),
        Field::Substance | Field::Amount | Field::Done => return None,
    })
}

/// The numbered choices shown before a question: words for a scale, ticks for a list.
fn choices(app: &App, field: Field) -> Vec<(String, Option<bool>)> {
    let c = &app.strings().checkin;
    let words = |words: &[&str]| words.iter().map(|w| ((*w).to_owned(), None)).collect();
    match field {
        Field::Mood => words(&c.mood_words),
        Field::SleepQuality => words(&c.sleep_words),
        Field::Triggers | Field::Halt | Field::Helped => {
            app.checkin().chip_labels(field).into_iter().map(|(label, on)| (label, Some(on))).collect()
        }
        _ => Vec::new(),
    }
}

/// Moves the form's cursor to `field`, as up and down would.
fn focus(app: &mut App, field: Field) {
    for _ in 0..Field::ALL.len() {
        let fields = app.checkin().fields();
        let position = |f: Field| fields.iter().position(|x| *x == f).unwrap_or(0);
        let (at, to) = (position(app.checkin().field()), position(field));
        match to.cmp(&at) {
            std::cmp::Ordering::Equal => return,
            std::cmp::Ordering::Greater => follow(app, Action::Down),
            std::cmp::Ordering::Less => follow(app, Action::Up),
        }
    }
}

/// Puts the answer in the field, or says why it does not fit.
fn apply(app: &mut App, field: Field, typed: &str, choices: &[(String, Option<bool>)]) -> Result<(), String> {
    let t = &app.strings().plain;
    let c = app.checkin().checkin().clone();
    let number = |min: u8, max: u8| {
        let by_word = choices.iter().position(|(w, _)| answer::normalise(w) == answer::normalise(typed));
        let n =
            typed.parse::<u8>().ok().or(by_word.map(|i| i as u8 + min)).filter(|n| (min..=max).contains(n));
        n.ok_or_else(|| t.want_number.replace("{min}", &min.to_string()).replace("{max}", &max.to_string()))
    };
    let none = answer::normalise(typed) == t.words_none;
    match field {
        Field::Date => {
            let date = parse::date(typed).map_err(|_| app.strings().checkin.bad_date.to_owned())?;
            follow(app, Action::Open);
            retype(app, "", &date.to_string());
            follow(app, Action::Open);
            if app.checkin().checkin().date != date {
                return Err(app.toast().unwrap_or(app.strings().checkin.bad_date).to_owned());
            }
        }
        Field::Mood => step_to(app, c.mood, number(MOOD_MIN, MOOD_MAX)?),
        Field::Craving => answer_scale(app, c.craving, number(0, SCALE_MAX)?),
        Field::Stress => answer_scale(app, c.stress, number(0, SCALE_MAX)?),
        Field::Sleep | Field::SleepQuality if none => {
            let set =
                if field == Field::Sleep { c.sleep_half_hours.is_some() } else { c.sleep_quality.is_some() };
            if set {
                follow(app, Action::Toggle);
            }
        }
        Field::Sleep => {
            let wanted = parse::sleep(typed).map_err(|_| t.want_sleep.to_owned())?;
            let from = first_step(app, c.sleep_half_hours);
            step_to(app, from, wanted);
        }
        Field::SleepQuality => {
            let wanted = number(1, SLEEP_QUALITY_MAX)?;
            let from = first_step(app, c.sleep_quality);
            step_to(app, from, wanted);
        }
        Field::Used => {
            let typed = answer::normalise(typed);
            let used = if t.words_yes.contains(&typed.as_str()) {
                true
            } else if t.words_no.contains(&typed.as_str()) {
                false
            } else {
                return Err(t.want_yes_no.to_owned());
            };
            if used != c.slip.is_some() {
                follow(app, Action::Toggle);
                if used {
                    // The full screen asks once before a slip counts on every counter; the
                    // question just answered here was that question.
                    follow(app, Action::Open);
                }
            }
        }
        Field::Substance | Field::Amount => {
            let slip = c.slip.unwrap_or_default();
            let old = if field == Field::Substance { slip.substance } else { slip.amount };
            follow(app, Action::Open);
            retype(app, &old, typed);
            follow(app, Action::Open);
        }
        Field::Triggers | Field::Halt | Field::Helped => choose_many(app, field, typed, choices, none)?,
        Field::Note => {
            follow(app, Action::Open);
            if !c.note.is_empty() {
                follow(app, Action::Open);
            }
            for ch in typed.chars() {
                press(app, KeyCode::Char(ch));
            }
            follow(app, Action::Back);
        }
        Field::Done => {}
    }
    Ok(())
}

/// An optional value that is not set yet takes its first step (a common night, an ordinary
/// quality) from one press, as on screen; the value it then has.
fn first_step(app: &mut App, value: Option<u8>) -> u8 {
    if let Some(value) = value {
        return value;
    }
    follow(app, Action::Increase);
    let c = app.checkin().checkin();
    match app.checkin().field() {
        Field::Sleep => c.sleep_half_hours.unwrap_or_default(),
        _ => c.sleep_quality.unwrap_or_default(),
    }
}

/// A 0-10 value that may not have been answered yet: the first step answers 0.
fn answer_scale(app: &mut App, from: Option<u8>, to: u8) {
    let from = from.unwrap_or_else(|| {
        follow(app, Action::Increase);
        0
    });
    step_to(app, from, to);
}

fn step_to(app: &mut App, from: u8, to: u8) {
    let step = if to > from { Action::Increase } else { Action::Decrease };
    for _ in 0..from.abs_diff(to) {
        follow(app, step);
    }
}

/// A list of choices: the numbers (or names) given are ticked and the others not; other words
/// are the person's own, added and ticked.
fn choose_many(
    app: &mut App,
    field: Field,
    typed: &str,
    choices: &[(String, Option<bool>)],
    none: bool,
) -> Result<(), String> {
    let t = &app.strings().plain;
    let mut wanted = vec![false; choices.len()];
    let mut own = Vec::new();
    for part in typed.split(',').map(str::trim).filter(|p| !p.is_empty() && !none) {
        let by_name =
            choices.iter().position(|(label, _)| answer::normalise(label) == answer::normalise(part));
        match (part.parse::<usize>(), by_name) {
            (Ok(n), _) if (1..=choices.len()).contains(&n) => wanted[n - 1] = true,
            (Ok(n), _) => return Err(t.want_choice.replace("{n}", &n.to_string())),
            (Err(_), Some(i)) => wanted[i] = true,
            (Err(_), None) if field == Field::Halt => return Err(t.unknown.replace("{answer}", part)),
            (Err(_), None) => own.push(part.to_owned()),
        }
    }
    // The cursor to the first choice, then along, ticking what differs.
    for _ in 0..choices.len() {
        follow(app, Action::Decrease);
    }
    for (i, ((_, on), want)) in choices.iter().zip(&wanted).enumerate() {
        if i > 0 {
            follow(app, Action::Increase);
        }
        if on.unwrap_or(false) != *want {
            follow(app, Action::Toggle);
        }
    }
    for words in own {
        follow(app, Action::Open);
        retype(app, "", &words);
        follow(app, Action::Open);
    }
    Ok(())
}

//! `!` and `?` in the plain mode. The crisis help opens through the app (`Action::Crisis`, which
//! reads the person's plan and pauses a running session, as on screen) and is read out with
//! every number first, one per line; then it closes again.

use super::console::Console;
use crate::action::Action;
use crate::app::App;
use crate::content::helplines;
use crate::domain::plan::Section;

/// Reads out the crisis help: the person's own contacts and the help lines of the region, each
/// line starting with its number, then what the person can do on their own.
pub fn show(app: &mut App, console: &mut Console) {
    app.update(Action::Crisis);
    console.say_all(lines(app));
    app.update(Action::Back);
}

fn lines(app: &App) -> Vec<String> {
    let s = app.strings();
    let (t, lang) = (&s.plain, app.options().lang);
    let own = app.crisis_plan();
    let mut lines = vec![t.crisis_heading.to_owned()];
    let contacts: Vec<String> = own
        .iter()
        .filter(|i| i.section.has_phone())
        .map(|c| {
            if c.item.phone.is_empty() {
                c.item.text.clone()
            } else {
                format!("{}  {}", c.item.phone, c.item.text)
            }
        })
        .collect();
    if !contacts.is_empty() {
        lines.push(format!("{}:", s.plan.crisis_people));
        lines.extend(contacts);
        lines.push(format!("{}:", s.plan.crisis_help_lines));
    }
    let region = helplines::for_region(app.content(), app.options().region);
    for line in region.iter().flat_map(|r| &r.lines) {
        let mut text = format!(
            "{}  {} · {}. {}",
            line.number,
            line.name,
            line.hours.get(lang),
            line.description.get(lang)
        );
        if let Some(note) = &line.note {
            text = format!("{text} {}", note.get(lang));
        }
        lines.push(text);
    }
    let steps: Vec<&str> =
        own.iter().filter(|i| i.section == Section::OnMyOwn).map(|i| i.item.text.as_str()).collect();
    if !steps.is_empty() {
        lines.push(format!("{}:", s.plan.crisis_on_my_own));
        lines.extend(steps.iter().map(|step| format!("- {step}")));
    }
    lines.extend([s.crisis_emergency, s.crisis_intro, s.crisis_not_treatment].map(str::to_owned));
    if let Some(newest) = region.and_then(|r| r.lines.iter().map(|l| l.last_verified.as_str()).max()) {
        lines.push(format!("{} {newest}", s.crisis_checked_on));
    }
    if own.is_empty() {
        lines.push(s.plan.crisis_add_own.to_owned());
    }
    lines.push(t.crisis_end.to_owned());
    lines
}

/// How to answer, then the choices of the screen (`choices`, as listed with it).
pub fn help(app: &App, console: &mut Console, choices: &[String]) {
    let t = &app.strings().plain;
    console.say_all(t.help);
    if !choices.is_empty() {
        console.say(format!("{}:", t.choices));
        console.say_all(choices);
    }
}

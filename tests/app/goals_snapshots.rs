//! Snapshots of the home, goals, counter and plan screens with fixed data and a fixed clock,
//! at 80x24 and 120x40, in both languages.

use crate::support::app::{app, feed, go, screen, type_text};
use crate::support::sample::sample_app;
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::i18n::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn each(name: &str, make: fn(Lang, u16, u16) -> App, steps: impl Fn(&mut App, Lang)) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut app = make(lang, w, h);
            steps(&mut app, lang);
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen(&app, w, h));
        }
    }
}

#[test]
fn home() {
    each("home", sample_app, |_, _| {});
    each("home_empty", app, |_, _| {});
}

#[test]
fn goals() {
    each("goals_list", sample_app, |a, _| go(a, Tab::Goals));
    each("goals_goal_steps", sample_app, |a, _| {
        go(a, Tab::Goals);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Down, Action::Open, Action::Down]);
    });
    each("goals_habit_days", sample_app, |a, _| {
        go(a, Tab::Goals);
        feed(a, [Action::Open]);
    });
    each("goals_new_goal_form", sample_app, |a, lang| {
        go(a, Tab::Goals);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Down, Action::NewItem]);
        type_text(a, if lang == Lang::Nb { "Gå på kino med Kari" } else { "Go to the cinema with Kari" });
        feed(a, [Action::Open]);
        type_text(a, "12.12.2026");
        feed(a, [Action::Save]);
    });
    each("goals_celebration", sample_app, |a, _| {
        go(a, Tab::Goals);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Down, Action::Complete]);
    });
}

#[test]
fn sober() {
    each("sober_counter", sample_app, |a, _| go(a, Tab::Sober));
    each("sober_slips_focused", sample_app, |a, _| {
        go(a, Tab::Sober);
        feed(a, [Action::Open, Action::Down]);
    });
    each("sober_record_slip", sample_app, |a, lang| {
        go(a, Tab::Sober);
        feed(a, [Action::RecordSlip, Action::Open]);
        type_text(a, if lang == Lang::Nb { "Krangel på jobben" } else { "A row at work" });
    });
    each("sober_empty", app, |a, _| go(a, Tab::Sober));
}

#[test]
fn plan() {
    each("plan_people", sample_app, |a, _| {
        go(a, Tab::Plan);
        feed(a, [Action::Down, Action::Down, Action::Down, Action::Down, Action::Open]);
    });
    each("plan_new_entry_form", sample_app, |a, lang| {
        go(a, Tab::Plan);
        feed(a, [Action::Down, Action::Down, Action::Open, Action::NewItem]);
        type_text(a, if lang == Lang::Nb { "Ringe en venn" } else { "Call a friend" });
    });
    each("plan_empty", app, |a, _| go(a, Tab::Plan));
}

#[test]
fn crisis_with_the_plan_first() {
    each("crisis_with_plan", sample_app, |a, _| feed(a, [Action::Crisis]));
}

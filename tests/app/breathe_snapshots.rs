//! Snapshots of the "Pust" screen: the picker, a running session at fixed instants, a guided
//! exercise, the pattern form and the summary, at 80x24 and 120x40, in both languages.

use std::time::Duration;

use crate::support::app::TestApp;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::i18n::Lang;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn each(mut check: impl FnMut(Lang, u16, u16, &str)) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            check(lang, w, h, &format!("{}_{w}x{h}", lang.code()));
        }
    }
}

fn on_breathe(lang: Lang, w: u16, h: u16) -> TestApp {
    let mut t = TestApp::new(lang, w, h);
    t.app.show(Tab::Breathe);
    t
}

#[test]
fn picker() {
    each(|lang, w, h, name| {
        let t = on_breathe(lang, w, h);
        insta::assert_snapshot!(format!("picker_{name}"), t.screen());
    });
}

#[test]
fn picker_marks_the_selection_with_the_selected_style() {
    let mut t = on_breathe(Lang::En, 80, 24);
    t.send(&[Action::Down]);
    let buf = t.buffer();
    let row =
        (0..24).find(|y| (0..80).map(|x| buf[(x, *y)].symbol()).collect::<String>().contains("› 4-7-8"));
    let y = row.expect("the second pattern is selected");
    let x = (0..80).find(|x| buf[(*x, y)].symbol() == "›").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::Cyan);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn running_breathing_session_at_fixed_instants() {
    // Box breathing: 3-2-1, then in 4, hold 4, out 4, hold 4.
    let instants = [("lead_in", 500), ("inhale", 5_000), ("hold", 8_250), ("exhale", 13_000)];
    each(|lang, w, h, name| {
        let mut t = on_breathe(lang, w, h);
        t.send(&[Action::Open]);
        let mut at = 0;
        for (label, ms) in instants {
            t.advance(Duration::from_millis(ms - at));
            at = ms;
            insta::assert_snapshot!(format!("session_{label}_{name}"), t.screen());
        }
    });
}

#[test]
fn the_phase_word_is_drawn_in_the_title_style() {
    let mut t = on_breathe(Lang::Nb, 80, 24);
    t.send(&[Action::Open]);
    t.advance(Duration::from_secs(4));
    let buf = t.buffer();
    let y = (0..24).find(|y| (0..80).map(|x| buf[(x, *y)].symbol()).collect::<String>().contains("Pust inn"));
    let y = y.expect("the phase word is on screen");
    let x = (0..80).find(|x| buf[(*x, y)].symbol() == "P").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Cyan);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn paused_session() {
    let mut t = on_breathe(Lang::Nb, 80, 24);
    t.send(&[Action::Open]);
    t.advance(Duration::from_secs(6));
    t.send(&[Action::Pause]);
    insta::assert_snapshot!("session_paused_nb_80x24", t.screen());
}

#[test]
fn guided_exercise() {
    each(|lang, w, h, name| {
        let mut t = on_breathe(lang, w, h);
        // The STOP pause is the last exercise in the list.
        t.send(&[Action::Bottom, Action::Open]);
        t.advance(Duration::from_secs(27));
        insta::assert_snapshot!(format!("guided_{name}"), t.screen());
    });
}

#[test]
fn summary_after_a_completed_session() {
    each(|lang, w, h, name| {
        let mut t = on_breathe(lang, w, h);
        // 4-7-8 for one cycle: 3 s lead-in and 19 s of breathing.
        t.send(&[Action::Down, Action::SwitchUnit]);
        for _ in 0..10 {
            t.send(&[Action::Shorter]);
        }
        t.send(&[Action::Open]);
        t.advance(Duration::from_secs(22));
        insta::assert_snapshot!(format!("summary_completed_{name}"), t.screen());
    });
}

#[test]
fn summary_after_ending_early() {
    let mut t = on_breathe(Lang::Nb, 80, 24);
    t.send(&[Action::Open]);
    t.advance(Duration::from_secs(50));
    t.send(&[Action::Back]);
    insta::assert_snapshot!("summary_ended_nb_80x24", t.screen());
}

#[test]
fn pattern_form() {
    for lang in Lang::ALL {
        let mut t = on_breathe(lang, 80, 24);
        t.send(&[Action::NewItem, Action::Open]);
        insta::assert_snapshot!(format!("form_problem_{}_80x24", lang.code()), t.screen());
    }
}

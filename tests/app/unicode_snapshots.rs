//! Notes with emoji (with joiners and skin tones), combining marks, CJK and right-to-left text:
//! the layout does not break, borders stay where they are, nothing spills past the frame.

use crate::support::app::{app, draw, feed, go, rows};
use crate::support::checkins::today;
use chrono::Days;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::clock::Moment;
use mestring::domain::checkin::CheckIn;
use mestring::i18n::Lang;

const NOTE: &str = "Familien 👨‍👩‍👧‍👦 kom 👍🏽. Cafe\u{301} med ro\u{308}d sjal. 今日は少し楽だった。 שלום וברכה. Siste linje med æøå.";

fn seeded(w: u16, h: u16) -> mestring::app::App {
    let mut app = app(Lang::Nb, w, h);
    let store = app.store_mut().get_mut().unwrap();
    for days_ago in 0..3 {
        let date = today() - Days::new(days_ago);
        let mut c = CheckIn::blank(date, date.and_hms_opt(21, 0, 0).unwrap());
        c.mood = 3;
        c.note = NOTE.to_owned();
        c.triggers = vec!["スト レス".into(), "ضغط".into()];
        store.save_checkin(&c).unwrap();
    }
    app
}

/// Wide or combining characters that were measured wrong would push the right border out of
/// its column; every row of the screen's frame must end in a border character.
fn assert_right_border_intact(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>, w: u16, h: u16) {
    let buffer = terminal.backend().buffer();
    for y in 1..h - 1 {
        let symbol = buffer[(w - 1, y)].symbol();
        assert!(
            ["│", "┐", "┘", "┤"].contains(&symbol),
            "row {y} ends in {symbol:?}:\n{}",
            rows(terminal.backend().buffer())
        );
    }
}

#[test]
fn unicode_notes_keep_the_layout() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = seeded(w, h);
        go(&mut app, Tab::History);
        // The list of days, then the first day's detail with its note.
        feed(&mut app, [Action::NextView, Action::NextView, Action::NextView, Action::Open]);
        let terminal = draw(&app, w, h);
        assert_right_border_intact(&terminal, w, h);
        assert!(rows(terminal.backend().buffer()).contains("Familien"), "the note is shown");
        insta::assert_snapshot!(format!("history_days_unicode_{w}x{h}"), terminal.backend());

        go(&mut app, Tab::Checkin);
        let terminal = draw(&app, w, h);
        assert_right_border_intact(&terminal, w, h);
        insta::assert_snapshot!(format!("checkin_unicode_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn unicode_goals_keep_the_layout() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app(Lang::Nb, w, h);
        let now = today().and_hms_opt(9, 0, 0).unwrap();
        let store = app.store_mut().get_mut().unwrap();
        let mut goal = mestring::domain::goals::Goal::new("Gå tur med 🐕‍🦺 hver dag · 毎日散歩 · לטייל", now);
        goal.due = Some(today() + Days::new(3));
        goal.note = "Cafe\u{301} først, så ro\u{308}d sjal 👍🏽".into();
        let id = store.add_goal(&goal, Moment::in_utc(now)).unwrap();
        store.add_goal_step(id, "Kjøpe sko 👟 – 靴を買う", Moment::in_utc(now)).unwrap();
        go(&mut app, Tab::Goals);
        let terminal = draw(&app, w, h);
        assert_right_border_intact(&terminal, w, h);
        assert!(
            rows(terminal.backend().buffer()).contains("Gå tur med"),
            "the goal is shown:\n{}",
            rows(terminal.backend().buffer())
        );
        insta::assert_snapshot!(format!("goals_unicode_{w}x{h}"), terminal.backend());
    }
}

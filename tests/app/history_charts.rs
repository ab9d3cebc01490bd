//! What the history and today's mini-charts say without colour, across missing days, about
//! slips, and how honestly the streak counts.

use chrono::Days;
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::clock::FixedClock;
use mestring::domain::checkin::{CheckIn, Slip};
use mestring::i18n::Lang;
use mestring::store::Store;
use mestring::theme::Theme;

use crate::support::app::{content, feed, go, options, text};
use crate::support::checkins::{day, seed_app, today};

fn app(lang: Lang, theme: Theme, w: u16, h: u16) -> App {
    let mut app = App::new(
        mestring::app::Options { theme, ..options(lang) },
        content(),
        Box::new(FixedClock::sample()),
        Store::open_in_memory(),
    );
    app.update(Action::Resize { width: w, height: h });
    app
}

/// A check-in `days_ago` days before today with these values.
fn save(app: &mut App, days_ago: u64, mood: u8, craving: u8, used: bool) {
    let date = today() - Days::new(days_ago);
    let c = CheckIn {
        mood,
        craving: Some(craving),
        stress: Some(4),
        slip: used.then(Slip::default),
        ..CheckIn::blank(date, date.and_hms_opt(20, 0, 0).unwrap())
    };
    app.store_mut().get_mut().unwrap().save_checkin(&c).unwrap();
}

fn is_braille(c: char) -> bool {
    ('\u{2801}'..='\u{28ff}').contains(&c)
}

#[test]
fn craving_and_stress_differ_by_marker_without_colour() {
    for lang in Lang::ALL {
        let mut app = app(lang, Theme::MONO, 80, 24);
        seed_app(&mut app, 30);
        go(&mut app, Tab::History);
        let screen = text(&app, 80, 24);
        let t = &lang.strings().checkin;
        let lines: Vec<&str> = screen.lines().collect();
        let at =
            lines.iter().position(|l| l.contains(t.stress) && !l.contains(t.average)).expect("the legend");
        let chart: String = lines[at + 1..at + 6].concat();
        assert!(chart.contains('•'), "stress drawn with its own marker:\n{screen}");
        assert!(chart.chars().any(is_braille), "craving as a line:\n{screen}");
        let legend = lines[at];
        assert!(legend.contains('•') && legend.chars().any(is_braille), "the legend shows both: {legend}");
    }
}

#[test]
fn a_line_breaks_where_days_are_missing() {
    let mut app = app(Lang::En, Theme::COLOR, 80, 24);
    // The same mood every day, with four days missing in the middle of the fortnight.
    for days_ago in (0..5).chain(9..14) {
        save(&mut app, days_ago, 3, 5, false);
    }
    go(&mut app, Tab::History);
    let screen = text(&app, 80, 24);
    let mood_row = screen.lines().find(|l| l.contains("│3") || l.starts_with("│3")).expect("the mood line");
    let chart: Vec<char> = mood_row.chars().skip_while(|c| *c != '│').skip(1).collect::<Vec<_>>();
    let chart: Vec<char> = chart.into_iter().skip_while(|c| *c != '│').skip(1).collect();
    let first = chart.iter().position(|c| is_braille(*c)).unwrap();
    let last = chart.iter().rposition(|c| is_braille(*c)).unwrap();
    let blank = chart[first..last].iter().filter(|c| **c == ' ').count();
    assert!(blank >= 10, "no line is drawn over the missing days:\n{screen}");
}

#[test]
fn slips_are_marked_on_the_charts_with_a_legend() {
    for lang in Lang::ALL {
        let mut app = app(lang, Theme::MONO, 80, 24);
        for days_ago in 0..14 {
            save(&mut app, days_ago, 3, 5, days_ago == 6);
        }
        go(&mut app, Tab::History);
        let screen = text(&app, 80, 24);
        let slip = lang.strings().checkin.slip;
        assert!(screen.contains(&format!("█ {slip}")), "a legend for the mark:\n{screen}");
        let marks =
            screen.lines().filter(|l| l.starts_with("│") && l.contains('█') && !l.contains(slip)).count();
        assert_eq!(marks, 2, "one mark on each chart:\n{screen}");
    }
}

#[test]
fn the_x_axis_dates_stand_apart_with_the_charts_side_by_side() {
    let mut app = app(Lang::Nb, Theme::COLOR, 120, 40);
    seed_app(&mut app, 30);
    go(&mut app, Tab::History);
    let screen = text(&app, 120, 40);
    let dates = screen.lines().find(|l| l.matches("22.11").count() == 2).expect("both axes on one line");
    let digits: Vec<char> = dates.chars().collect();
    for window in digits.windows(6) {
        let run = window.iter().filter(|c| c.is_ascii_digit() || **c == '.').count();
        assert!(run < 6, "two dates run together: {dates}");
    }
}

#[test]
fn the_streak_counts_check_ins_and_says_what_it_forgives() {
    for lang in Lang::ALL {
        let mut app = app(lang, Theme::COLOR, 80, 24);
        seed_app(&mut app, 121);
        let checked_in = (0..121).filter(|d| day(*d).is_some()).count();
        go(&mut app, Tab::History);
        let screen = text(&app, 80, 24);
        let said = match lang {
            Lang::Nb => format!("Rekke: {checked_in} av 121 dager"),
            Lang::En => format!("Streak: {checked_in} of 121 days"),
        };
        assert!(screen.contains(&said), "{said:?}:\n{screen}");
        let rule = match lang {
            Lang::Nb => "én glemt dag om gangen er lov",
            Lang::En => "one missed day at a time is fine",
        };
        assert!(screen.contains(rule), "{screen}");
    }
}

#[test]
fn today_keeps_a_day_without_check_in_apart_from_little_craving() {
    let mut app = app(Lang::Nb, Theme::COLOR, 80, 24);
    // Six days ago: craving 0; five: craving 1; four: no check-in; the rest craving 6.
    for (days_ago, craving) in [(6, 0), (5, 1), (3, 6), (2, 6), (1, 6), (0, 6)] {
        save(&mut app, days_ago, 3, craving, false);
    }
    feed(&mut app, [Action::GoTab(1), Action::GoTab(0)]);
    let screen = text(&app, 80, 24);
    let line = screen.lines().find(|l| l.contains("Sug ")).expect("the craving line");
    let spark: Vec<char> = line[line.find("Sug ").unwrap() + "Sug ".len()..].chars().take(14).collect();
    assert!(spark[0] != ' ' && spark[0] != '·', "craving 0 is a low bar, not nothing: {line}");
    assert!(spark[2] != ' ' && spark[2] != '·', "craving 1 too: {line}");
    assert_eq!(spark[4], '·', "a day without a check-in: {line}");
    assert_ne!(spark[0], spark[4]);
}

/// A colour as xterm draws it, for the 16 named colours and the 256-colour cube.
fn rgb(color: ratatui::style::Color) -> [u8; 3] {
    use ratatui::style::Color::*;
    match color {
        Red => [205, 0, 0],
        Green => [0, 205, 0],
        Yellow => [205, 205, 0],
        Blue => [0, 0, 238],
        Magenta => [205, 0, 205],
        Cyan => [0, 205, 205],
        LightRed => [255, 0, 0],
        LightGreen => [0, 255, 0],
        LightYellow => [255, 255, 0],
        LightBlue => [92, 92, 255],
        Indexed(n @ 16..=231) => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let i = n - 16;
            [level(i / 36), level(i / 6 % 6), level(i % 6)]
        }
        Rgb(r, g, b) => [r, g, b],
        other => panic!("{other:?} has no fixed colour"),
    }
}

/// Relative luminance (WCAG): what tells colours apart when hue does not.
fn luminance(color: ratatui::style::Color) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let [r, g, b] = rgb(color);
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

#[test]
fn the_calendar_scale_reads_by_lightness_not_red_and_green() {
    let mut app = app(Lang::En, Theme::COLOR, 80, 24);
    seed_app(&mut app, 30);
    go(&mut app, Tab::History);
    feed(&mut app, [Action::NextView]);
    let buf = crate::support::app::buffer(&app, 80, 24);
    // The legend: a square in each mood's colour, from the hardest day to the best.
    let y =
        (0..24).find(|y| (0..80).map(|x| buf[(x, *y)].symbol()).collect::<String>().contains("Very hard"));
    let y = y.expect("the legend");
    let colours: Vec<_> = (0..80).filter(|x| buf[(*x, y)].symbol() == "■").map(|x| buf[(x, y)].fg).collect();
    assert_eq!(colours.len(), 5);
    let lightness: Vec<f64> = colours.iter().map(|c| luminance(*c)).collect();
    for pair in lightness.windows(2) {
        assert!(pair[1] - pair[0] > 0.05, "each mood lighter than the one below: {lightness:?} {colours:?}");
    }
}

//! The bar charts of "Hva sier tallene": a bar's length is its value on one 0-100 scale,
//! the same for every row, with the label and the value outside the bar.

use crate::support::app::{app, feed, go_section, text};
use mestring::action::Action;
use mestring::i18n::Lang;
use mestring::panes::learn::Section;

/// One drawn bar: the column it starts at, its length in cells (eighths counted), the cells
/// of its whole scale, and the percentage written beside it.
struct DrawnBar {
    start: usize,
    length: f64,
    scale: usize,
    value: f64,
}

fn eighths(c: char) -> Option<f64> {
    "▏▎▍▌▋▊▉█".chars().position(|b| b == c).map(|i| (i + 1) as f64 / 8.0)
}

/// The bars on screen whose value is written as "N %".
fn drawn_bars(screen: &str) -> Vec<DrawnBar> {
    let mut bars = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        let Some(start) = chars.iter().position(|c| eighths(*c).is_some() || *c == '░') else { continue };
        let end = chars.iter().rposition(|c| eighths(*c).is_some() || *c == '░').unwrap() + 1;
        let length: f64 = chars[start..end].iter().filter_map(|c| eighths(*c)).sum();
        let after: String = chars[end..].iter().filter(|c| **c != '│').collect();
        let Some(value) = after.split_whitespace().next().and_then(|v| v.parse::<f64>().ok()) else {
            continue;
        };
        if after.split_whitespace().nth(1) == Some("%") {
            bars.push(DrawnBar { start, length, scale: end - start, value });
        }
    }
    bars
}

#[test]
fn every_bar_is_its_value_on_the_same_scale_with_label_and_value_outside() {
    let mut found = 0;
    for lang in [Lang::Nb, Lang::En] {
        for (w, h) in [(80, 24), (120, 40), (60, 30)] {
            for table in 0..4 {
                let mut app = app(lang, w, h);
                go_section(&mut app, Section::Figures);
                feed(&mut app, std::iter::repeat_n(Action::Down, table));
                feed(&mut app, [Action::Open]);
                for _ in 0..3 {
                    let screen = text(&app, w, h);
                    let bars = drawn_bars(&screen);
                    for bar in &bars {
                        assert_eq!(
                            bar.start, bars[0].start,
                            "every bar starts in the same column:\n{screen}"
                        );
                        assert_eq!(bar.scale, bars[0].scale, "one scale for every row:\n{screen}");
                        let shown = bar.length / bar.scale as f64 * 100.0;
                        let cell = 100.0 / bar.scale as f64;
                        assert!(
                            (shown - bar.value).abs() <= cell / 2.0,
                            "{} % drawn as {shown:.1} % ({} of {} cells):\n{screen}",
                            bar.value,
                            bar.length,
                            bar.scale
                        );
                    }
                    found += bars.len();
                    feed(&mut app, [Action::PageDown]);
                }
            }
        }
    }
    assert!(found > 0, "bars with their values were found");
}

#[test]
fn a_chart_shows_its_bars() {
    let mut app = app(Lang::Nb, 80, 24);
    go_section(&mut app, Section::Figures);
    feed(&mut app, [Action::Down, Action::Open, Action::PageDown]);
    assert!(drawn_bars(&text(&app, 80, 24)).len() >= 5, "{}", text(&app, 80, 24));
}

//! The tab bar: related screens grouped under four entries, the current group opened with each
//! screen's key, the current screen whole at every width, and every screen one key away.

use crate::support::app::{app, feed, go, text};
use mestring::action::Action;
use mestring::app::Tab;
use mestring::i18n::Lang;
use mestring::ui::Group;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The key a person presses for `tab`: its digit, or the settings key.
fn key_of(tab: Tab) -> char {
    tab.key().unwrap_or(',')
}

fn bar(app: &mestring::app::App, w: u16, h: u16) -> String {
    text(app, w, h).lines().next().unwrap().to_owned()
}

#[test]
fn the_tab_bar_is_readable_at_80_columns_with_the_current_screen_whole() {
    for lang in Lang::ALL {
        let s = lang.strings();
        for tab in Tab::ALL {
            let mut app = app(lang, 80, 24);
            go(&mut app, *tab);
            let bar = bar(&app, 80, 24);
            assert!(!bar.contains('…'), "nothing cut at 80 columns: {bar}");
            assert!(bar.contains(&format!(" {} {} ", key_of(*tab), tab.title(s))), "{tab:?} whole: {bar}");
            for group in Group::ALL.iter().filter(|g| **g != tab.group() && **g != Group::Settings) {
                let keys = group.keys();
                assert!(bar.contains(&format!(" {keys} {} ", group.title(s))), "{group:?} as {keys}: {bar}");
            }
            for sibling in tab.group().tabs() {
                let entry = format!(" {} {} ", key_of(*sibling), sibling.title(s));
                assert!(bar.contains(&entry), "the current group's screens by name: {entry:?} in {bar}");
            }
        }
    }
}

#[test]
fn the_current_screen_stays_whole_in_narrow_windows() {
    for lang in Lang::ALL {
        let s = lang.strings();
        for (w, h) in [(60, 20), (40, 12), (47, 10)] {
            for tab in Tab::ALL {
                let mut app = app(lang, w, h);
                go(&mut app, *tab);
                let bar = bar(&app, w, h);
                assert!(bar.contains(&format!("{} {}", key_of(*tab), tab.title(s))), "{tab:?} at {w}: {bar}");
                assert!(!bar.contains('…'), "{bar}");
                for group in Group::ALL.iter().filter(|g| **g != tab.group() && **g != Group::Settings) {
                    assert!(bar.contains(&group.keys()), "{group:?} keeps its keys at {w}: {bar}");
                }
            }
        }
    }
}

#[test]
fn every_screen_is_one_key_from_every_other_or_two_from_a_number_field() {
    let press = |app: &mut mestring::app::App, c: char| {
        let action = app.action_for_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        feed(app, action);
    };
    for from in Tab::ALL {
        for to in Tab::ALL {
            let mut app = app(Lang::Nb, 80, 24);
            go(&mut app, *from);
            if app.checkin().takes_digits() && *from == Tab::Checkin && to.key().is_some() {
                // The check-in opens on mood, where a digit is a mood: `g` first goes to the date.
                press(&mut app, 'g');
            }
            press(&mut app, key_of(*to));
            assert_eq!(app.tab(), *to, "from {from:?}");
        }
    }
}

#[test]
fn the_settings_key_is_listed_in_the_help_of_every_screen() {
    for lang in Lang::ALL {
        for tab in Tab::ALL {
            let mut app = app(lang, 80, 40);
            go(&mut app, *tab);
            feed(&mut app, [Action::Help]);
            let help = text(&app, 80, 40);
            let settings = Tab::Settings.title(lang.strings()).to_lowercase();
            assert!(help.lines().any(|l| l.contains(" ,  ") && l.contains(&settings)), "{tab:?}:\n{help}");
            for group in Group::ALL.iter().filter(|g| **g != Group::Settings) {
                let names: Vec<&str> = group.tabs().iter().map(|t| t.title(lang.strings())).collect();
                assert!(
                    help.contains(&group.keys()) && help.contains(names[0]),
                    "{group:?} in help:\n{help}"
                );
            }
        }
    }
}

#[test]
fn a_click_on_a_closed_group_opens_its_first_screen() {
    let mut app = app(Lang::En, 80, 24);
    let bar = bar(&app, 80, 24);
    let column = bar.find("Tools").unwrap() as u16;
    feed(&mut app, [Action::Click { column, row: 0 }]);
    assert_eq!(app.tab(), Tab::Breathe);
    let bar = self::bar(&app, 80, 24);
    let column = bar.find("Techniques").unwrap() as u16;
    feed(&mut app, [Action::Click { column, row: 0 }]);
    assert_eq!(app.tab(), Tab::Techniques);
}

//! The settings screen: values change with the form keys, each change is written to the file
//! at once (atomically), theme and bell apply at once, and a file with problems is never
//! written over.

use crate::support::app::{app, draw, feed, type_text};
use mestring::action::Action;
use mestring::app::{App, Setup, Tab};
use mestring::config::{self, ThemeName};
use mestring::i18n::Lang;
use mestring::theme::Theme;

fn settings_tab() -> u8 {
    Tab::ALL.iter().position(|t| *t == Tab::Settings).unwrap() as u8
}

fn open_with_file(lang: Lang, text: Option<&str>) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(config::CONFIG_FILE);
    if let Some(text) = text {
        std::fs::write(&path, text).unwrap();
    }
    let loaded = config::load(&path);
    let mut app = app(lang, 100, 30);
    app.configure(Setup::new(Some(path), loaded));
    feed(&mut app, [Action::GoTab(settings_tab())]);
    (app, dir)
}

#[test]
fn changing_the_theme_applies_at_once_and_is_written_to_the_file() {
    let (mut app, dir) = open_with_file(Lang::Nb, None);
    feed(&mut app, [Action::Down, Action::Increase]);
    assert_eq!(app.settings().settings().theme, ThemeName::Light);
    if std::env::var_os("NO_COLOR").is_none() {
        assert_eq!(app.options().theme, Theme::LIGHT, "the theme applies at once");
    }
    let written = config::load(&dir.path().join(config::CONFIG_FILE));
    assert!(written.problems.is_empty());
    assert_eq!(written.settings.theme, ThemeName::Light);
    assert_eq!(app.toast(), Some("Lagret."));
}

#[test]
fn the_bell_toggles_for_the_breathing_screen() {
    let (mut app, dir) = open_with_file(Lang::En, None);
    feed(&mut app, [Action::Down, Action::Down, Action::Toggle]);
    assert!(app.options().bell);
    assert!(config::load(&dir.path().join(config::CONFIG_FILE)).settings.bell);
}

#[test]
fn own_triggers_are_added_and_removed() {
    let (mut app, dir) = open_with_file(Lang::Nb, None);
    feed(&mut app, [Action::Bottom, Action::Open]);
    type_text(&mut app, "lønningsdag");
    feed(&mut app, [Action::Open]);
    let path = dir.path().join(config::CONFIG_FILE);
    assert_eq!(config::load(&path).settings.triggers, ["lønningsdag"]);
    // The selection stays on "add" for the next one; the trigger is just above, and x removes it.
    feed(&mut app, [Action::Up, Action::Toggle]);
    assert!(config::load(&path).settings.triggers.is_empty());
}

#[test]
fn a_file_with_problems_is_never_written_over() {
    let broken = "(\n    theme: \"purple\",\n)";
    let (mut app, dir) = open_with_file(Lang::En, Some(broken));
    feed(&mut app, [Action::Down, Action::Increase]);
    assert_eq!(std::fs::read_to_string(dir.path().join(config::CONFIG_FILE)).unwrap(), broken);
    assert!(app.toast().unwrap().contains("not written over"));
    assert_eq!(app.settings().settings().theme, ThemeName::Light, "the change lasts for this session");
}

#[test]
fn snapshots() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = app(lang, w, h);
            let loaded = config::parse("config.ron", r#"(triggers: ["lønningsdag", "jobb"])"#);
            app.configure(Setup::new(Some("/home/kari/.config/mestring/config.ron".into()), loaded));
            feed(&mut app, [Action::GoTab(settings_tab()), Action::Down]);
            insta::assert_snapshot!(format!("settings_{}_{w}x{h}", lang.code()), draw(&app, w, h).backend());
        }
    }
}

#[test]
fn one_bad_value_keeps_every_valid_setting_and_each_problem_stays_named_in_full_until_fixed() {
    let broken =
        "(\n    lang: \"en\",\n    bell: yes,\n    theme: \"light\",\n    keys: {\"fly\": [\"x\"]},\n)";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(config::CONFIG_FILE);
    std::fs::write(&path, broken).unwrap();
    let mut app = app(Lang::Nb, 80, 24);
    app.configure(Setup::new(Some(path.clone()), config::load(&path)));
    assert_eq!(app.settings().settings().lang, Some(Lang::En), "the valid language is kept");
    assert_eq!(app.settings().settings().theme, ThemeName::Light);
    let start = app.toast().unwrap().to_owned();
    assert!(
        start.contains("2 feil") && start.contains("Innstillinger"),
        "in Norwegian, where to look: {start}"
    );
    feed(&mut app, [Action::ShowSettings, Action::Down, Action::Up]);
    let screen = crate::support::app::text(&app, 80, 24);
    let words = screen.replace('│', " ").split_whitespace().collect::<Vec<_>>().join(" ");
    for whole in [
        "linje 3, kolonne 5: bell: skal være true eller false; standardverdien brukes.",
        "keys: ingen handling heter «fly».",
    ] {
        assert!(words.contains(whole), "{whole:?} in full, after keys:\n{screen}");
    }
    std::fs::write(&path, "(\n    lang: \"en\",\n    bell: true,\n)").unwrap();
    feed(&mut app, [Action::GoTab(0), Action::ShowSettings]);
    assert!(app.settings().problems().is_empty(), "fixed in the file: no longer listed");
}

#[test]
fn remapping_crisis_adds_keys_and_keeps_the_old_ones_in_the_app_and_its_help() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app(Lang::En, 80, 30);
    app.configure(Setup::new(None, config::parse("c.ron", r#"(keys: {"crisis": ["F2"]})"#)));
    for code in [KeyCode::Char('!'), KeyCode::F(1), KeyCode::F(2)] {
        assert_eq!(
            app.action_for_key(KeyEvent::new(code, KeyModifiers::NONE)),
            Some(Action::Crisis),
            "{code:?}"
        );
    }
    feed(&mut app, [Action::Help]);
    let help = crate::support::app::text(&app, 80, 30);
    assert!(help.lines().any(|l| l.contains("!, F1, F2") && l.contains("crisis help")), "{help}");
}

//! What the settings file gives the app before its first frame: the settings, the keys they
//! give, and what is wrong in the file.

use super::App;
use crate::config::{Loaded, WeekStart};
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::panes::Ctx;
use crate::panes::settings::SettingsPane;
use crate::ui;

/// What the settings file gives the app, read before it starts.
pub struct Setup {
    /// The settings file (for the settings screen to show and write), if there is one.
    pub path: Option<std::path::PathBuf>,
    pub loaded: Loaded,
    /// The default keys with the file's overrides.
    pub keymap: Keymap,
}

impl Setup {
    /// The settings read from `path`, with the keys they give.
    pub fn new(path: Option<std::path::PathBuf>, loaded: Loaded) -> Self {
        let (keymap, _) = Keymap::with_overrides(&loaded.settings.keys);
        Self { path, loaded, keymap }
    }

    /// What is wrong in the file, one whole sentence each, in `lang`.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        crate::panes::settings::problems_in(&self.loaded, &lang.strings().settings)
    }
}

impl App {
    /// Takes in what the settings file says, before the first frame.
    pub fn configure(&mut self, setup: Setup) {
        let problems = setup.problems(self.options.lang);
        let settings = &setup.loaded.settings;
        self.keymap = setup.keymap;
        self.checkin.set_configured_triggers(&settings.triggers);
        self.history.set_sunday_first(settings.week_start == WeekStart::Sunday);
        self.home.sunday_first = settings.week_start == WeekStart::Sunday;
        if self.home.sunday_first {
            // I dag was read before the settings: its review offer follows a Sunday-first week.
            let phase = self.current_phase();
            let mut ctx = ctx!(self);
            self.home.enter(&mut ctx, phase);
        }
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        self.settings_problems(problems.len());
        self.settings = SettingsPane::new(settings.clone(), setup.path, setup.loaded.writable, no_color)
            .with_problems(problems);
    }
}

//! What the app shows and holds, read-only, for the event loop, the plain mode and tests.

use super::{App, Options, Overlay, Tab};
use crate::action::Action;
use crate::content::Content;
use crate::panes::breathe::BreathePane;
use crate::panes::checkin::CheckinPane;
use crate::panes::faq::FaqPane;
use crate::panes::goals::GoalsPane;
use crate::panes::history::HistoryPane;
use crate::panes::home::HomePane;
use crate::panes::learn::LearnPane;
use crate::panes::plan::PlanPane;
use crate::panes::settings::SettingsPane;
use crate::panes::sober::SoberPane;
use crate::panes::techniques::TechniquesPane;
use crate::store::Slot;

impl App {
    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The one-line message in the footer, until the next key.
    pub fn toast(&self) -> Option<&str> {
        self.toast.as_deref()
    }

    /// False once the person quit (or a signal or a closed terminal asked the app to end).
    pub fn running(&self) -> bool {
        self.running
    }

    /// Something visible changed since the last frame.
    pub fn needs_frame(&self) -> bool {
        self.dirty
    }

    /// What the screens show.
    pub fn content(&self) -> &'static Content {
        self.content
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The user's data, for reading.
    pub fn store(&self) -> &Slot {
        &self.store
    }

    /// The user's data, for a caller that writes beside the app (tests prepare data this way).
    pub fn store_mut(&mut self) -> &mut Slot {
        &mut self.store
    }

    pub fn home(&self) -> &HomePane {
        &self.home
    }

    pub fn goals(&self) -> &GoalsPane {
        &self.goals
    }

    pub fn sober(&self) -> &SoberPane {
        &self.sober
    }

    pub fn plan(&self) -> &PlanPane {
        &self.plan
    }

    pub fn faq(&self) -> &FaqPane {
        &self.faq
    }

    pub fn checkin(&self) -> &CheckinPane {
        &self.checkin
    }

    pub fn history(&self) -> &HistoryPane {
        &self.history
    }

    pub fn techniques(&self) -> &TechniquesPane {
        &self.techniques
    }

    pub fn learn(&self) -> &LearnPane {
        &self.learn
    }

    pub fn breathe(&self) -> &BreathePane {
        &self.breathe
    }

    pub fn settings(&self) -> &SettingsPane {
        &self.settings
    }

    /// The key that shows the settings, as the tab bar writes it.
    pub(crate) fn settings_key(&self) -> String {
        self.keymap.key_hint(Action::ShowSettings, &[])
    }
}

//! The dialogs that take the keys from any screen until they close: the welcome on the first
//! start, and the craving dialog (write it down, what could help, how did it go). The help,
//! the crisis lines and quick-hide stay one key away above them.

use chrono::NaiveDateTime;

use super::{App, Overlay, Tab};
use crate::action::Action;
use crate::config::{self, Settings};
use crate::content::RegionId;
use crate::domain::urges::FOLLOW_UP_AFTER;
use crate::i18n::Lang;
use crate::keymap::Scope;
use crate::panes::settings::SettingsPane;
use crate::panes::urge::{Step, UrgeFlow};
use crate::panes::welcome::{Welcome, WelcomeEvent};
use crate::panes::{Ctx, View};
use crate::ui;

impl App {
    /// Shows the welcome: for the very first start, before anything was stored. `region` is
    /// the one suggested (the flag, or the environment's locale).
    pub fn start_welcome(&mut self, region: RegionId) {
        self.welcome = Some(Welcome::new(self.options.lang, region, self.clock.today()));
        self.dirty = true;
    }

    pub fn welcome(&self) -> Option<&Welcome> {
        self.welcome.as_ref()
    }

    /// The craving dialog, while it is open.
    pub fn urge(&self) -> Option<&UrgeFlow> {
        self.urge.as_ref()
    }

    /// Whether a dialog has the keys, and whether it takes them as text.
    pub(super) fn modal_text_mode(&self) -> Option<bool> {
        match (&self.welcome, &self.urge) {
            (Some(w), _) => Some(w.text_mode()),
            (None, Some(u)) => Some(u.text_mode()),
            (None, None) => None,
        }
    }

    pub(super) fn modal_scopes(&self) -> Option<&'static [Scope]> {
        (self.welcome.is_some() || self.urge.is_some()).then_some(&[Scope::Form][..])
    }

    pub(super) fn open_urge_log(&mut self) {
        self.pause_session();
        self.urge = Some(UrgeFlow::log(self.options.lang));
    }

    /// Routes an action to the open dialog. `None` when none is open; else what follows.
    pub(super) fn modal_update(&mut self, action: Action) -> Option<Option<Action>> {
        if self.welcome.is_none() && self.urge.is_none() {
            return None;
        }
        match action {
            Action::Crisis => self.open_overlay(Overlay::Crisis { scroll: 0 }),
            Action::Help => self.open_overlay(Overlay::Help { scroll: 0 }),
            Action::Hide => self.open_overlay(Overlay::Hidden),
            Action::Resize { .. } | Action::Tick => {}
            _ if self.welcome.is_some() => self.welcome_update(action),
            _ => return Some(self.urge_update(action)),
        }
        Some(None)
    }

    fn urge_update(&mut self, action: Action) -> Option<Action> {
        let mut ctx = ctx!(self);
        let flow = self.urge.as_mut()?;
        match flow.handle(&action, &mut ctx) {
            Step::Stay => None,
            Step::Logged(at) => {
                self.follow_up_at = Some(at + FOLLOW_UP_AFTER);
                None
            }
            Step::Close => {
                self.urge = None;
                None
            }
            Step::Later(at) => {
                self.urge = None;
                self.follow_up_at = Some(at + FOLLOW_UP_AFTER);
                None
            }
            Step::Then(next) => {
                self.urge = None;
                Some(next)
            }
        }
    }

    fn welcome_update(&mut self, action: Action) {
        let mut ctx = ctx!(self);
        let Some(welcome) = self.welcome.as_mut() else { return };
        match welcome.handle(&action, &mut ctx) {
            WelcomeEvent::Stay => {}
            WelcomeEvent::Chose { lang, region } => self.keep_lang_and_region(lang, region),
            WelcomeEvent::Done { checkin_now } => {
                self.welcome = None;
                self.show(if checkin_now { Tab::Checkin } else { Tab::Home });
            }
        }
    }

    /// Writes the chosen language and region to the settings file (when there is one that may
    /// be written) and uses them from now on.
    fn keep_lang_and_region(&mut self, lang: Lang, region: RegionId) {
        let settings =
            Settings { lang: Some(lang), region: Some(region), ..self.settings.settings().clone() };
        let (path, writable) = (self.settings.path().map(ToOwned::to_owned), self.settings.writable());
        if let Some(path) = path.as_deref().filter(|_| writable)
            && let Err(e) = config::save(path, &settings)
        {
            self.toast = Some(format!("{}: {e}", path.display()));
        }
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        self.settings = SettingsPane::new(settings, path, writable, no_color);
        self.options.region = region;
        if lang != self.options.lang {
            self.relocalise(lang);
        }
        self.set_currency();
    }

    /// Every screen anew in `lang`: they keep their words from when they were made.
    fn relocalise(&mut self, lang: Lang) {
        self.options.lang = lang;
        let clock = crate::clock::FixedClock::new(self.clock.now());
        let placeholder = crate::store::Slot::new(Err(crate::store::StoreError::ReadOnly {
            path: std::path::PathBuf::new(),
        }));
        let fresh = App::build(self.options, self.content, Box::new(clock), placeholder);
        self.home = fresh.home;
        self.goals = fresh.goals;
        self.sober = fresh.sober;
        self.plan = fresh.plan;
        self.faq = fresh.faq;
        self.checkin = fresh.checkin;
        self.history = fresh.history;
        self.techniques = fresh.techniques;
        self.learn = fresh.learn;
        self.breathe = fresh.breathe;
        let settings = self.settings.settings();
        self.checkin.set_configured_triggers(&settings.triggers);
        self.history.set_sunday_first(settings.week_start == config::WeekStart::Sunday);
        self.home.sunday_first = settings.week_start == config::WeekStart::Sunday;
    }

    /// What counters saved is counted in the region's currency.
    pub(super) fn set_currency(&mut self) {
        let currency = crate::panes::savings_view::currency(self.options.region);
        self.home.currency = currency;
        self.sober.currency = currency;
    }

    /// After an action: the craving logged in this session is asked about once its time has
    /// come, on the next key, never over a dialog or while typing.
    pub(super) fn offer_follow_up(&mut self, action: Action) {
        let now = self.clock.now();
        let due = self.follow_up_at.is_some_and(|at| now >= at);
        if !due || matches!(action, Action::Tick | Action::Resize { .. }) || self.busy() {
            return;
        }
        self.follow_up_at = None;
        self.ask_about_urge(now);
    }

    /// Opens "how did it go?" for the newest open craving that is due, if any.
    pub(super) fn ask_about_urge(&mut self, now: NaiveDateTime) {
        if self.busy() {
            return;
        }
        if let Some(stored) = self.store.get().ok().and_then(|s| s.urge_to_follow_up(now).ok().flatten()) {
            self.pause_session();
            self.urge = Some(UrgeFlow::follow_up(self.options.lang, stored));
            self.dirty = true;
        }
    }

    /// A dialog or overlay is open, or a text field has the keys.
    fn busy(&self) -> bool {
        self.welcome.is_some() || self.urge.is_some() || self.overlay.is_some() || self.text_mode()
    }

    /// The open dialog's form: the craving's, or the welcome's counter.
    fn modal_form(&self) -> Option<&crate::panes::entry_form::EntryForm> {
        match (&self.welcome, &self.urge) {
            (Some(welcome), _) => welcome.form(),
            (None, Some(urge)) => urge.form(),
            (None, None) => None,
        }
    }

    /// For the plain mode: the open dialog's form, `Some(None)` for a dialog without one, and
    /// `None` when no dialog is open.
    pub(super) fn modal_form_view(&self) -> Option<Option<crate::panes::entry_form::FormView>> {
        (self.welcome.is_some() || self.urge.is_some()).then(|| self.modal_form().map(|f| f.view()))
    }

    /// For the plain mode: the open dialog as lines.
    pub(super) fn modal_lines(&self) -> Option<Vec<String>> {
        let crisis = self.keymap.key_hint(crate::action::Action::Crisis, &[]);
        match (&self.welcome, &self.urge) {
            (Some(welcome), _) => Some(welcome.lines(&crisis)),
            (None, Some(urge)) => Some(urge.lines()),
            (None, None) => None,
        }
    }

    /// Where the cursor goes while a dialog is open: in its form's field, else nowhere.
    pub(super) fn modal_cursor(
        &self,
        body: ratatui::layout::Rect,
    ) -> Option<Option<ratatui::layout::Position>> {
        if self.welcome.is_none() && self.urge.is_none() {
            return None;
        }
        let area = if self.welcome.is_some() { Welcome::form_area(body) } else { body };
        Some(self.modal_form().and_then(|form| form.cursor(area)))
    }

    /// Draws the open dialog over the screen's body.
    pub(super) fn render_modal(
        &self,
        area: ratatui::layout::Rect,
        buf: &mut ratatui::buffer::Buffer,
        view: &View,
    ) {
        let body = ui::areas(area).body;
        if let Some(welcome) = &self.welcome {
            welcome.render(body, buf, view);
        } else if let Some(urge) = &self.urge {
            urge.render(body, buf, view);
        }
    }
}

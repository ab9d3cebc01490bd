//! The top of the Elm-style loop: `App` holds the screens and routes each `Action` to the one
//! that should see it. It decides nothing a pane can decide itself.

use ratatui::layout::Rect;

use std::cell::LazyCell;

use crate::action::Action;
use crate::clock::Clock;
use crate::config::Settings;
use crate::content::phases::{self, Phase};
use crate::content::{Content, RegionId};
use crate::domain::checkin::CheckIn;
use crate::i18n::{Lang, Strings};
use crate::keymap::{Keymap, Scope};
use crate::panes::breathe::BreathePane;
use crate::panes::checkin::CheckinPane;
use crate::panes::faq::FaqPane;
use crate::panes::goals::GoalsPane;
use crate::panes::history::HistoryPane;
use crate::panes::home::{HomePane, TabKeys};
use crate::panes::learn::LearnPane;
use crate::panes::plan::PlanPane;
use crate::panes::settings::SettingsPane;
use crate::panes::sober::SoberPane;
use crate::panes::techniques::{self, TechniquesPane};
use crate::panes::{Ctx, Lazy, lazy};
use crate::store::plan::StoredItem;
use crate::store::{Slot, Store, StoreError};
use crate::theme::Theme;
use crate::ui;

pub use crate::ui::Tab;
pub use overlay::Overlay;
use overlay::overlay_update;
pub use setup::Setup;

/// The context a pane gets: borrows the app's fields other than the panes, so a pane field can be
/// borrowed mutably beside it.
macro_rules! ctx {
    ($app:ident) => {
        Ctx {
            lang: $app.options.lang,
            area: ui::areas($app.area).body,
            clock: $app.clock.as_ref(),
            toast: &mut $app.toast,
            store: &mut $app.store,
            keys: &$app.keymap,
            content: $app.content,
            pasted: &$app.pasted,
        }
    };
}

// After `ctx!`, which they use.
mod access;
mod background;
mod input;
mod modal;
mod overlay;
mod readout;
mod render;
mod setup;
mod unsaved;

/// Choices made at start-up (flags, environment).
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub region: RegionId,
    pub theme: Theme,
    pub mouse: bool,
    /// Ring the terminal bell at each new breathing phase (off unless asked for).
    pub bell: bool,
}

pub struct App {
    tab: Tab,
    overlay: Option<Overlay>,
    home: HomePane,
    goals: GoalsPane,
    sober: SoberPane,
    plan: PlanPane,
    faq: Lazy<FaqPane>,
    checkin: CheckinPane,
    history: HistoryPane,
    techniques: Lazy<TechniquesPane>,
    learn: Lazy<LearnPane>,
    breathe: Lazy<BreathePane>,
    settings: SettingsPane,
    options: Options,
    clock: Box<dyn Clock>,
    /// The user's data; screens read and write it through `Ctx`.
    store: Slot,
    /// A one-line message shown in the footer until the next key.
    toast: Option<String>,
    running: bool,
    /// Something visible changed since the last frame.
    dirty: bool,
    /// Sync at start and at quit, when set up (issue 17); see `sync_after_first_frame`.
    sync: crate::sync::background::BackgroundSync,
    area: Rect,
    /// The plan's contacts and own steps, read when the crisis overlay opens.
    crisis_plan: Vec<StoredItem>,
    /// The keys in force: the defaults and the settings file's overrides.
    keymap: Keymap,
    /// What the screens show, with the content packs; named problems are taken after each action.
    content: &'static Content,
    /// The welcome of the first start, while it is shown.
    welcome: Option<crate::panes::welcome::Welcome>,
    /// The craving dialog, while it is open.
    urge: Option<crate::panes::urge::UrgeFlow>,
    /// When to ask how the craving logged in this session went.
    follow_up_at: Option<chrono::NaiveDateTime>,
    /// The text of the paste being handled (see [`App::paste`]).
    pasted: String,
    /// A check-in kept when the app last closed without saving it, until it is put back.
    recovered: Option<CheckIn>,
}

impl App {
    /// `content` is what the screens show; `store` the opened database, or why it could not be
    /// opened (shown where data is needed).
    pub fn new(
        options: Options,
        content: &'static Content,
        clock: Box<dyn Clock>,
        store: Result<Store, StoreError>,
    ) -> Self {
        let store = Slot::new(store);
        let mut app = App::build(options, content, clock, store);
        // The start screen reads its few numbers now: they are on the first frame.
        let phase = app.current_phase();
        let mut ctx = ctx!(app);
        app.home.enter(&mut ctx, phase);
        app.offer_recovered();
        // A craving written down earlier and not yet answered: "how did it go?" first.
        let now = app.clock.now();
        app.ask_about_urge(now);
        app
    }

    /// The app with every screen in its initial state, the start screen not yet filled in.
    fn build(options: Options, content: &'static Content, clock: Box<dyn Clock>, store: Slot) -> Self {
        let lang = options.lang;
        let today = clock.today();
        let keys = TabKeys {
            checkin: Tab::Checkin.key(),
            goals: Tab::Goals.key(),
            sober: Tab::Sober.key(),
            breathe: Tab::Breathe.key(),
            history: Tab::History.key(),
        };
        let mut app = Self {
            tab: Tab::Home,
            overlay: None,
            home: HomePane::new(content, lang, today, keys),
            goals: GoalsPane::new(lang, today),
            sober: SoberPane::new(lang, today),
            plan: PlanPane::new(lang),
            faq: lazy(move || FaqPane::new(content, lang)),
            checkin: CheckinPane::new(content, lang, today, clock.now()),
            history: HistoryPane::new(content, lang, today),
            techniques: lazy(move || TechniquesPane::new(content, lang)),
            learn: lazy(move || LearnPane::new(content, lang, today)),
            breathe: lazy(move || BreathePane::new(content, lang, today)),
            settings: SettingsPane::new(Settings::default(), None, true, false),
            options,
            clock,
            store,
            toast: None,
            running: true,
            dirty: true,
            sync: Default::default(),
            area: Rect::default(),
            crisis_plan: Vec::new(),
            keymap: Keymap::default(),
            content,
            welcome: None,
            urge: None,
            follow_up_at: None,
            pasted: String::new(),
            recovered: None,
        };
        app.set_currency();
        app
    }

    /// The recovery phase the person marked, for screens that show it (home): the phases
    /// screen's if it was opened, else the store's.
    pub fn current_phase(&self) -> Option<&'static Phase> {
        match LazyCell::get(&self.learn).filter(|learn| learn.progress_read()) {
            Some(learn) => learn.phases.current(),
            None => {
                let id = self.store.get().ok()?.marked_phase().ok()??;
                phases::all(self.content, self.options.lang).iter().find(|p| p.id == id)
            }
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.options.lang.strings()
    }

    /// Key scopes of the current screen, for the help overlay and the footer.
    pub fn scopes(&self) -> &'static [Scope] {
        if let Some(scopes) = self.modal_scopes() {
            return scopes;
        }
        match self.tab {
            Tab::Home => &[Scope::Home],
            Tab::Goals => &[Scope::List, Scope::Items, Scope::Goals],
            Tab::Sober => &[Scope::List, Scope::Items, Scope::Sober],
            Tab::Plan => &[Scope::List, Scope::Items, Scope::Plan],
            Tab::Faq => &[Scope::List, Scope::Search],
            Tab::Checkin => &[Scope::Form, Scope::Checkin],
            Tab::History => self.history.scopes(),
            Tab::Techniques => techniques::SCOPES,
            Tab::Learn => self.learn.scopes(),
            Tab::Breathe => self.breathe.scopes(),
            Tab::Settings => &[Scope::Form],
        }
    }

    /// Applies one action. May return a follow-up action for the caller to apply next.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let next = self.apply(action);
        self.offer_follow_up(action);
        // Content is read when a screen first needs it: a broken pack is named as soon as the
        // action that read it is done.
        self.notice_content_problems();
        next
    }

    fn apply(&mut self, action: Action) -> Option<Action> {
        if action == Action::Tick {
            // Only a change the person can see is worth a frame.
            let changed = self.tick();
            self.dirty |= changed;
            return None;
        }
        if let Action::Resize { width, height } = action {
            // A resize is reported twice (crossterm and our SIGWINCH): the same size again
            // changes nothing, so it draws nothing.
            let area = Rect::new(0, 0, width, height);
            self.dirty |= area != self.area;
            self.area = area;
            self.take_store_notice();
            return None;
        }
        self.dirty = true;
        // A message stays until the person does something next; what a pane hands on is part
        // of the same step.
        if !action.is_handed_on() {
            self.toast = None;
        }
        self.take_store_notice();
        self.poll_sync();
        if action == Action::Quit {
            self.quit();
            return None;
        }
        if let Some(overlay) = self.overlay {
            if self.unsaved_update(overlay, action) {
                return None;
            }
            self.overlay = overlay_update(overlay, action);
            if !matches!(overlay, Overlay::Crisis { .. })
                && matches!(self.overlay, Some(Overlay::Crisis { .. }))
            {
                self.read_crisis_plan();
            }
            return None;
        }
        if let Some(next) = self.modal_update(action) {
            return next;
        }
        match action {
            Action::LogUrge => self.open_urge_log(),
            Action::Help => self.open_overlay(Overlay::Help { scroll: 0 }),
            Action::Crisis => self.open_overlay(Overlay::Crisis { scroll: 0 }),
            Action::Hide => self.open_overlay(Overlay::Hidden),
            Action::NextTab => self.switch_tab(1),
            Action::PrevTab => self.switch_tab(-1),
            // From today, the check-in's key (the start screen names it) opens today's check-in,
            // whichever day was shown there last.
            Action::GoTab(i)
                if self.tab == Tab::Home && Tab::ALL.get(usize::from(i)) == Some(&Tab::Checkin) =>
            {
                let today = self.clock.today();
                return Some(Action::EditCheckin(today));
            }
            Action::GoTab(i) => {
                if let Some(tab) = Tab::ALL.get(usize::from(i)) {
                    self.show(*tab);
                }
            }
            Action::ShowSettings => self.show(Tab::Settings),
            Action::StartExercise(id) => {
                if let Err(err) = self.start_exercise(id, None) {
                    self.toast = Some(err.to_string());
                }
            }
            Action::Click { column, row } if row == ui::areas(self.area).tabs.y => {
                let (s, settings_key) = (self.strings(), self.settings_key());
                let (_, spans) = ui::tab_spans(ui::areas(self.area).tabs, self.tab, s, &settings_key);
                if let Some(span) = spans.into_iter().find(|span| span.rect.contains((column, row).into())) {
                    self.show(span.tab);
                }
            }
            Action::OpenFaq(id) => {
                if self.faq.open(id) {
                    self.show(Tab::Faq);
                }
            }
            Action::EditCheckin(date) => {
                self.show(Tab::Checkin);
                let mut ctx = ctx!(self);
                self.checkin.open_date(date, &mut ctx);
            }
            // The language, week start and own triggers apply at the next start.
            Action::ApplyLook { theme, bell } => {
                let no_color = std::env::var_os("NO_COLOR");
                self.options.theme = Theme::choose(theme, no_color.as_deref());
                self.options.bell = bell;
            }
            Action::UsedTechnique(id) => {
                self.show(Tab::Checkin);
                let mut ctx = ctx!(self);
                self.checkin.add_helped_today(id, &mut ctx);
                if self.checkin.checkin().helped.iter().any(|h| h == id) {
                    let name = crate::content::labels::helped(self.content, self.options.lang, id);
                    self.toast = Some(self.strings().learn.used_added.replace("{}", name));
                }
            }
            other => return self.route_to_pane(other),
        }
        None
    }

    fn route_to_pane(&mut self, action: Action) -> Option<Action> {
        let mut ctx = ctx!(self);
        match self.tab {
            Tab::Home => self.home.handle(&action, &mut ctx),
            Tab::Goals => self.goals.handle(&action, &mut ctx),
            Tab::Sober => self.sober.handle(&action, &mut ctx),
            Tab::Plan => self.plan.handle(&action, &mut ctx),
            Tab::Faq => self.faq.handle(&action, &mut ctx),
            Tab::Checkin => self.checkin.handle(&action, &mut ctx),
            Tab::History => self.history.handle(&action, &mut ctx),
            Tab::Techniques => self.techniques.handle(&action, &mut ctx),
            Tab::Learn => self.learn.handle(&action, &mut ctx),
            Tab::Breathe => self.breathe.handle(&action, &mut ctx),
            Tab::Settings => self.settings.handle(&action, &mut ctx),
        }
    }

    /// Switches screen; a screen that shows stored data reads it now, not at start-up.
    pub fn show(&mut self, tab: Tab) {
        self.flush();
        if tab != self.tab {
            self.pause_session();
        }
        self.tab = tab;
        let phase = self.current_phase();
        let mut ctx = ctx!(self);
        match tab {
            Tab::Home => self.home.enter(&mut ctx, phase),
            Tab::Goals => self.goals.enter(&mut ctx),
            Tab::Sober => self.sober.enter(&mut ctx),
            Tab::Plan => self.plan.enter(&mut ctx),
            // Built now rather than in the frame, so a broken content pack is named at once.
            Tab::Faq => {
                LazyCell::force(&self.faq);
            }
            Tab::Settings => self.settings.enter(&mut ctx),
            Tab::Techniques => self.techniques.enter(&mut ctx),
            Tab::Learn => self.learn.enter(&mut ctx),
            Tab::Checkin => self.checkin.enter(&mut ctx),
            Tab::History => self.history.enter(&mut ctx),
            Tab::Breathe => self.breathe.enter(&mut ctx),
        }
    }

    /// Writes edits not yet saved (typed text is saved once per burst of keys, not per key).
    /// The loop calls this before each frame and before it ends.
    pub fn flush(&mut self) {
        let mut ctx = ctx!(self);
        self.checkin.flush(&mut ctx);
    }

    fn switch_tab(&mut self, step: isize) {
        let len = Tab::ALL.len() as isize;
        let next = (self.tab.index() as isize + step).rem_euclid(len);
        self.show(Tab::ALL[next as usize]);
    }
}

//! The top of the Elm-style loop: `App` holds the screens and routes each `Action` to the one
//! that should see it. It decides nothing a pane can decide itself.

use ratatui::Frame;
use ratatui::crossterm::event::{Event as TermEvent, KeyEvent, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use std::cell::LazyCell;
use std::time::Instant;

use crate::action::Action;
use crate::clock::Clock;
use crate::config::Settings;
use crate::content::RegionId;
use crate::content::phases::{self, Phase};
use crate::domain::breathing::Length;
use crate::i18n::{Lang, Strings};
use crate::keymap::{self, Scope};
use crate::panes::breathe::{BreathePane, UnknownExercise};
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
use crate::panes::{Ctx, Lazy, View, lazy};
use crate::store::plan::StoredItem;
use crate::store::{Notice, Slot, Store, StoreError};
use crate::theme::Theme;
use crate::ui;

mod tab;

pub use tab::{Tab, key_for_index};

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
        }
    };
}

/// A box drawn over the current screen; it takes the keys until it is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Crisis {
        scroll: u16,
    },
    /// A blank screen for when someone looks over your shoulder; any key or click ends it.
    Hidden,
}

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
    pub tab: Tab,
    pub overlay: Option<Overlay>,
    pub home: HomePane,
    pub goals: GoalsPane,
    pub sober: SoberPane,
    pub plan: PlanPane,
    pub faq: Lazy<FaqPane>,
    pub checkin: CheckinPane,
    pub history: HistoryPane,
    pub techniques: Lazy<TechniquesPane>,
    pub learn: Lazy<LearnPane>,
    pub breathe: Lazy<BreathePane>,
    pub settings: SettingsPane,
    pub options: Options,
    pub clock: Box<dyn Clock>,
    /// The user's data; screens read and write it through `Ctx`.
    pub store: Slot,
    /// A one-line message shown in the footer until the next key.
    pub toast: Option<String>,
    pub running: bool,
    /// Something visible changed since the last frame.
    pub dirty: bool,
    area: Rect,
    /// The plan's contacts and own steps, read when the crisis overlay opens.
    crisis_plan: Vec<StoredItem>,
}

impl App {
    /// `store` is the opened database, or why it could not be opened (shown where data is needed).
    pub fn new(options: Options, clock: Box<dyn Clock>, store: Result<Store, StoreError>) -> Self {
        let lang = options.lang;
        let store = Slot::new(store.map(|mut store| {
            store.fold_wal_on_close();
            store
        }));
        let today = clock.today();
        let keys = TabKeys { checkin: Tab::Checkin.key(), goals: Tab::Goals.key(), sober: Tab::Sober.key() };
        let mut app = Self {
            tab: Tab::Home,
            overlay: None,
            home: HomePane::new(lang, today, keys),
            goals: GoalsPane::new(lang, today),
            sober: SoberPane::new(lang, today),
            plan: PlanPane::new(lang),
            faq: lazy(move || FaqPane::new(lang)),
            checkin: CheckinPane::new(lang, today, clock.now()),
            history: HistoryPane::new(lang, today),
            techniques: lazy(move || TechniquesPane::new(lang)),
            learn: lazy(move || LearnPane::new(lang, today)),
            breathe: lazy(move || BreathePane::new(lang, today)),
            settings: SettingsPane::new(Settings::default(), None, true, false),
            options,
            clock,
            store,
            toast: None,
            running: true,
            dirty: true,
            area: Rect::default(),
            crisis_plan: Vec::new(),
        };
        // The start screen reads its few numbers now: they are on the first frame.
        let phase = app.current_phase();
        let mut ctx = ctx!(app);
        app.home.enter(&mut ctx, phase);
        app
    }

    /// The recovery phase the person marked, for screens that show it (home): the phases
    /// screen's if it was opened, else the store's.
    pub fn current_phase(&self) -> Option<&'static Phase> {
        match LazyCell::get(&self.learn) {
            Some(learn) => learn.phases.current(),
            None => {
                let id = self.store.get().ok()?.marked_phase().ok()??;
                phases::all(self.options.lang).iter().find(|p| p.id == id)
            }
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.options.lang.strings()
    }

    /// Translates a terminal event into an action: keys through the keymap (or to the focused
    /// text field), mouse only when it was asked for.
    pub fn action_for_event(&self, event: &TermEvent) -> Option<Action> {
        match event {
            TermEvent::Key(key) => self.action_for_key(*key),
            TermEvent::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
            TermEvent::Mouse(mouse) if self.options.mouse => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Action::Click { column: mouse.column, row: mouse.row })
                }
                MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
            return None;
        }
        if self.overlay == Some(Overlay::Hidden) {
            // Any key, even q, only brings the screen back.
            return Some(Action::Back);
        }
        if self.overlay.is_none() && self.text_mode() {
            return Some(keymap::text_mode_action(key));
        }
        // An overlay scrolls and closes with the list keys, whatever screen is under it.
        let scopes = if self.overlay.is_some() { &[Scope::List][..] } else { self.scopes() };
        keymap::action_for(key, scopes)
    }

    fn text_mode(&self) -> bool {
        match self.tab {
            Tab::Home => false,
            Tab::Goals => self.goals.text_mode(),
            Tab::Sober => self.sober.text_mode(),
            Tab::Plan => self.plan.text_mode(),
            Tab::Faq => self.faq.text_mode(),
            Tab::Checkin => self.checkin.text_mode(),
            Tab::History => false,
            Tab::Techniques => self.techniques.text_mode(),
            Tab::Learn => false,
            Tab::Breathe => self.breathe.text_mode(),
            Tab::Settings => self.settings.text_mode(),
        }
    }

    /// Key scopes of the current screen, for the help overlay and the footer.
    pub fn scopes(&self) -> &'static [Scope] {
        match self.tab {
            Tab::Home => &[Scope::Home],
            Tab::Goals => &[Scope::List, Scope::Items, Scope::Goals],
            Tab::Sober => &[Scope::List, Scope::Items, Scope::Sober],
            Tab::Plan => &[Scope::List, Scope::Items, Scope::Plan],
            Tab::Faq => &[Scope::List, Scope::Search],
            Tab::Checkin => &[Scope::Form],
            Tab::History => &[Scope::List, Scope::Charts],
            Tab::Techniques => techniques::SCOPES,
            Tab::Learn => self.learn.scopes(),
            Tab::Breathe => self.breathe.scopes(),
            Tab::Settings => &[Scope::Form],
        }
    }

    /// When the current screen next changes by itself (an animation), if ever. `None` means
    /// idle: the loop blocks until input arrives.
    pub fn deadline(&self) -> Option<Instant> {
        // Nothing moves under an overlay: a running session waits (see `open_overlay`), and a
        // hidden screen shows nothing that could need a frame.
        if self.overlay.is_some() {
            return None;
        }
        match self.tab {
            Tab::Home
            | Tab::Goals
            | Tab::Sober
            | Tab::Plan
            | Tab::Faq
            | Tab::Checkin
            | Tab::History
            | Tab::Techniques
            | Tab::Learn
            | Tab::Settings => None,
            Tab::Breathe => self.breathe.deadline(ui::areas(self.area).body),
        }
    }

    /// Opens the breathing screen straight into a session of the exercise with this id (see
    /// `BreathePane::start_exercise`); `Action::StartExercise` does the same from a pane.
    pub fn start_exercise(&mut self, id: &str, length: Option<Length>) -> Result<(), UnknownExercise> {
        self.show(Tab::Breathe);
        self.overlay = None;
        self.dirty = true;
        let mut ctx = ctx!(self);
        self.breathe.start_exercise(id, length, &mut ctx)
    }

    /// Whether the terminal bell should ring now: a new breathing phase began and the bell is on.
    pub fn take_bell(&mut self) -> bool {
        LazyCell::get_mut(&mut self.breathe).is_some_and(BreathePane::take_phase_began) && self.options.bell
    }

    /// Work that waits until a frame is on screen, so the frame is not late for it: the record
    /// of a session that just ended. The loop calls this after every frame (and `Quit` writes
    /// anything still due).
    pub fn after_frame(&mut self) {
        let Some(breathe) = LazyCell::get_mut(&mut self.breathe) else { return };
        let mut ctx = ctx!(self);
        if breathe.after_frame(&mut ctx) {
            self.dirty = true;
        }
    }

    /// Work that must not delay the first frame: the database check and the daily backup.
    pub fn after_first_frame(&mut self) {
        let today = self.clock.today();
        self.notice_content_problems();
        self.store.after_first_frame(today);
        self.take_store_notice();
    }

    /// Shows in the footer what the store's background work found (a damaged file, a failed
    /// backup), once.
    fn take_store_notice(&mut self) {
        let s = self.strings();
        self.toast = match self.store.poll() {
            Some(Notice::Closed(problem)) => Some(problem.describe(s)),
            Some(Notice::BackupFailed(e)) => Some(format!("{} {}", s.checkin.backup_failed, e.describe(s))),
            None => return,
        };
        self.dirty = true;
    }

    /// Problems in the settings file, shown in the footer from the first frame.
    pub fn settings_problems(&mut self, problems: Vec<String>) {
        if let Some(first) = problems.first() {
            let more = if problems.len() > 1 { format!(" (+{})", problems.len() - 1) } else { String::new() };
            self.toast = Some(format!("{}: {first}{more}", self.strings().settings_problem));
        }
    }

    /// A broken content pack is named (file:line:column) in the footer; the rest still loads.
    /// Content loads lazily, so this is asked again after each action.
    fn notice_content_problems(&mut self) {
        let problems = crate::content::packs::take_problems();
        if let Some(first) = problems.first() {
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (+{})", n - 1),
            };
            self.toast = Some(format!("{}: {first}{more}", self.strings().content_problem));
            self.dirty = true;
        }
    }

    /// Applies one action. May return a follow-up action for the caller to apply next.
    pub fn update(&mut self, action: Action) -> Option<Action> {
        let next = self.apply(action);
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
        self.dirty = true;
        if !matches!(action, Action::Tick | Action::Resize { .. }) {
            self.toast = None;
        }
        self.take_store_notice();
        if let Action::Resize { width, height } = action {
            self.area = Rect::new(0, 0, width, height);
            return None;
        }
        if action == Action::Quit {
            // A session in progress is recorded as ended before the app closes.
            if let Some(breathe) = LazyCell::get_mut(&mut self.breathe) {
                let mut ctx = ctx!(self);
                breathe.end(&mut ctx);
            }
            self.running = false;
            return None;
        }
        if let Some(overlay) = self.overlay {
            self.overlay = overlay_update(overlay, action);
            if !matches!(overlay, Overlay::Crisis { .. })
                && matches!(self.overlay, Some(Overlay::Crisis { .. }))
            {
                self.read_crisis_plan();
            }
            return None;
        }
        match action {
            Action::Help => self.open_overlay(Overlay::Help { scroll: 0 }),
            Action::Crisis => self.open_overlay(Overlay::Crisis { scroll: 0 }),
            Action::Hide => self.open_overlay(Overlay::Hidden),
            Action::NextTab => self.switch_tab(1),
            Action::PrevTab => self.switch_tab(-1),
            Action::GoTab(i) => {
                if let Some(tab) = Tab::ALL.get(usize::from(i)) {
                    self.show(*tab);
                }
            }
            Action::StartExercise(id) => {
                if let Err(err) = self.start_exercise(id, None) {
                    self.toast = Some(err.to_string());
                }
            }
            Action::Click { column, row } if row == ui::areas(self.area).tabs.y => {
                let s = self.strings();
                if let Some((tab, _, _)) = ui::tab_spans(ui::areas(self.area).tabs, Tab::ALL, self.tab, s)
                    .into_iter()
                    .find(|(_, _, r)| r.contains((column, row).into()))
                {
                    self.show(tab);
                }
            }
            Action::OpenFaq(id) => {
                if self.faq.open(id) {
                    self.show(Tab::Faq);
                }
            }
            Action::UsedTechnique(id) => {
                self.show(Tab::Checkin);
                let mut ctx = ctx!(self);
                self.checkin.add_helped_today(id, &mut ctx);
                if self.checkin.checkin().helped.iter().any(|h| h == id) {
                    let name = crate::content::labels::helped(self.options.lang, id);
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
            Tab::History => {
                self.history.handle(&action, &mut ctx);
                if let Some(date) = self.history.take_edit() {
                    self.show(Tab::Checkin);
                    let mut ctx = ctx!(self);
                    self.checkin.open_date(date, &mut ctx);
                }
            }
            Tab::Techniques => return self.techniques.handle(&action, &mut ctx),
            Tab::Learn => return self.learn.handle(&action, &mut ctx),
            Tab::Breathe => self.breathe.handle(&action, &mut ctx),
            Tab::Settings => {
                self.settings.handle(&action, &mut ctx);
                self.apply_settings();
            }
        }
        None
    }

    /// What the settings screen changed that takes effect at once: the theme and the bell.
    /// Language, week start and own triggers take effect at the next start.
    fn apply_settings(&mut self) {
        if let Some(settings) = self.settings.take_change() {
            let no_color = std::env::var_os("NO_COLOR");
            self.options.theme = Theme::choose(settings.theme, no_color.as_deref());
            self.options.bell = settings.bell;
        }
    }

    /// The settings as read from `path` at start-up, for the settings screen to show and write.
    pub fn set_settings(&mut self, path: Option<std::path::PathBuf>, loaded: &crate::config::Loaded) {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        self.settings = SettingsPane::new(loaded.settings.clone(), path, loaded.writable, no_color);
    }

    /// A deadline passed: the screen with the animation moves on. Whether to redraw.
    fn tick(&mut self) -> bool {
        let mut ctx = ctx!(self);
        match self.tab {
            Tab::Home
            | Tab::Goals
            | Tab::Sober
            | Tab::Plan
            | Tab::Faq
            | Tab::Checkin
            | Tab::History
            | Tab::Techniques
            | Tab::Learn
            | Tab::Settings => false,
            Tab::Breathe => self.breathe.tick(&mut ctx),
        }
    }

    /// Overlays and other screens hide a running session: it waits for the person, and the
    /// app does not wake for a screen nobody sees.
    fn open_overlay(&mut self, overlay: Overlay) {
        self.pause_session();
        if matches!(overlay, Overlay::Crisis { .. }) {
            self.read_crisis_plan();
        }
        self.overlay = Some(overlay);
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
            Tab::Settings => {}
            Tab::Techniques => self.techniques.enter(&mut ctx),
            Tab::Learn => self.learn.enter(&mut ctx),
            Tab::Checkin => self.checkin.enter(&mut ctx),
            Tab::History => self.history.enter(&mut ctx),
            Tab::Breathe => self.breathe.enter(&mut ctx),
        }
    }

    /// A running breathing session waits while its screen is hidden.
    fn pause_session(&mut self) {
        if let Some(breathe) = LazyCell::get_mut(&mut self.breathe) {
            breathe.pause(self.clock.instant());
        }
    }

    /// Writes edits not yet saved (typed text is saved once per burst of keys, not per key).
    /// The loop calls this before each frame and before it ends.
    pub fn flush(&mut self) {
        let mut ctx = ctx!(self);
        self.checkin.flush(&mut ctx);
    }

    /// The plan's people, services and own steps, for the crisis overlay. Without a store the
    /// overlay still shows the help lines.
    fn read_crisis_plan(&mut self) {
        use crate::domain::plan::Section;
        let wanted = [Section::People, Section::Professionals, Section::OnMyOwn];
        self.crisis_plan =
            self.store.get().ok().and_then(|s| s.plan_sections(&wanted).ok()).unwrap_or_default();
    }

    fn switch_tab(&mut self, step: isize) {
        let len = Tab::ALL.len() as isize;
        let next = (self.tab.index() as isize + step).rem_euclid(len);
        self.show(Tab::ALL[next as usize]);
    }

    /// Tells the app its size before the first frame, so layout-dependent actions are right.
    pub fn set_area(&mut self, area: Rect) {
        self.area = area;
    }

    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        let s = self.strings();
        let theme = &self.options.theme;
        if self.overlay == Some(Overlay::Hidden) {
            // Leave the frame blank: nothing of the app, not even its name, shows.
            return;
        }
        if ui::too_small(area) {
            ui::render_too_small(area, buf, s, theme);
            return;
        }
        let areas = ui::areas(area);
        ui::render_tabs(areas.tabs, buf, self.tab, s, theme);
        let view = View { lang: self.options.lang, strings: s, theme };
        match self.tab {
            Tab::Home => self.home.render(areas.body, buf, &view),
            Tab::Goals => self.goals.render(areas.body, buf, &view),
            Tab::Sober => self.sober.render(areas.body, buf, &view),
            Tab::Plan => self.plan.render(areas.body, buf, &view),
            Tab::Faq => self.faq.render(areas.body, buf, &view),
            Tab::Checkin => self.checkin.render(areas.body, buf, &view),
            Tab::History => self.history.render(areas.body, buf, &view),
            Tab::Techniques => self.techniques.render(areas.body, buf, &view),
            Tab::Learn => self.learn.render(areas.body, buf, &view),
            Tab::Breathe => self.breathe.render(areas.body, buf, &view),
            Tab::Settings => self.settings.render(areas.body, buf, &view),
        }
        match &self.toast {
            Some(message) => ui::render_toast(areas.footer, buf, message, theme),
            None => ui::render_footer(areas.footer, buf, self.scopes(), s, theme),
        }
        match self.overlay {
            Some(Overlay::Help { scroll }) => {
                let text = ui::help_text(self.scopes(), s, theme);
                ui::render_overlay(area, buf, s.help_title, s.help_close, text, scroll, theme);
            }
            Some(Overlay::Crisis { scroll }) => {
                let text =
                    ui::crisis_text(self.options.region, self.options.lang, &self.crisis_plan, s, theme);
                ui::render_overlay(area, buf, s.crisis_title, s.crisis_close, text, scroll, theme);
            }
            Some(Overlay::Hidden) | None => {}
        }
    }
}

fn overlay_update(overlay: Overlay, action: Action) -> Option<Overlay> {
    if overlay == Overlay::Hidden {
        return match action {
            Action::Tick | Action::Resize { .. } => Some(overlay),
            _ => None,
        };
    }
    let scrolled = |scroll: u16, delta: i32| (i32::from(scroll) + delta).clamp(0, i32::from(u16::MAX)) as u16;
    let delta = match action {
        Action::Up | Action::ScrollUp => -1,
        Action::Down | Action::ScrollDown => 1,
        Action::PageUp => -10,
        Action::PageDown => 10,
        Action::Top => -i32::from(u16::MAX),
        Action::Help if matches!(overlay, Overlay::Crisis { .. }) => {
            return Some(Overlay::Help { scroll: 0 });
        }
        Action::Crisis if matches!(overlay, Overlay::Help { .. }) => {
            return Some(Overlay::Crisis { scroll: 0 });
        }
        Action::Back | Action::Help | Action::Crisis | Action::Open => return None,
        _ => return Some(overlay),
    };
    Some(match overlay {
        Overlay::Help { scroll } => Overlay::Help { scroll: scrolled(scroll, delta) },
        Overlay::Crisis { scroll } => Overlay::Crisis { scroll: scrolled(scroll, delta) },
        Overlay::Hidden => Overlay::Hidden,
    })
}

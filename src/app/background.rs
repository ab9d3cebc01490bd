//! What the loop asks of the app outside of actions: when the screen next changes by itself
//! (a running animation) and its tick, the bell, and the work that waits for a frame to be on
//! screen (a session's record, the store's check and backup, notices for the footer).

use std::cell::LazyCell;
use std::time::Instant;

use super::{App, Tab};
use crate::domain::breathing::Length;
use crate::panes::Ctx;
use crate::panes::breathe::{BreathePane, UnknownExercise};
use crate::store::Notice;
use crate::ui;

impl App {
    /// When the current screen next changes by itself (an animation), if ever. `None` means
    /// idle: the loop blocks until input arrives.
    pub fn deadline(&self) -> Option<Instant> {
        let sync = self.sync.deadline();
        let screen = self.screen_deadline();
        // The earlier of the two: a running sync is looked at, an animation moves on.
        match (sync, screen) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn screen_deadline(&self) -> Option<Instant> {
        // Nothing moves under an overlay: a running session waits (see `open_overlay`), and a
        // hidden screen shows nothing that could need a frame.
        if self.overlay.is_some() {
            return None;
        }
        // Every tab is named here and in `tick`, so a new screen cannot animate unnoticed.
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

    /// A deadline passed: the screen with the animation moves on. Whether to redraw.
    pub(super) fn tick(&mut self) -> bool {
        let synced = self.poll_sync();
        synced | self.tick_screen()
    }

    fn tick_screen(&mut self) -> bool {
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

    /// Whether the terminal bell should ring now: a new breathing phase began and the bell is on.
    pub fn take_bell(&mut self) -> bool {
        LazyCell::get_mut(&mut self.breathe).is_some_and(BreathePane::take_phase_began) && self.options.bell
    }

    /// The frame the loop drew shows everything so far; then the work that waits until a frame
    /// is on screen, so the frame is not late for it: the record of a session that just ended
    /// (and `Quit` writes anything still due).
    pub fn frame_drawn(&mut self) {
        self.dirty = false;
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
        self.sync_after_first_frame();
    }

    /// Sync (issue 17), self-contained: started after the first frame on its own thread when
    /// it is set up, looked at by `deadline`/`tick` and after each action, shown in the footer
    /// (`sync_footer`), run once more by `run` at quit.
    fn sync_after_first_frame(&mut self) {
        if let Ok(store) = self.store.get() {
            self.sync.start(store);
        }
    }

    /// Takes in a finished sync; whether the footer changed. What another device sent shows
    /// on the start screen at once and on the others when they are next opened (they read
    /// their data when shown).
    pub(super) fn poll_sync(&mut self) -> bool {
        if !self.sync.poll() {
            return false;
        }
        if self.sync.take_merged() && self.tab == Tab::Home && self.overlay.is_none() {
            self.show(Tab::Home);
        }
        self.dirty = true;
        true
    }

    /// The footer's sync line and whether it reports a problem, when sync is set up.
    pub fn sync_footer(&self) -> Option<(String, bool)> {
        let failed = matches!(self.sync.state(), crate::sync::background::SyncState::Failed(_));
        self.sync.footer(&self.strings().sync).map(|line| (line, failed))
    }

    /// Shows in the footer what the store's background work found (a damaged file, a failed
    /// backup), once.
    pub(super) fn take_store_notice(&mut self) {
        let s = self.strings();
        self.toast = match self.store.poll() {
            Some(Notice::Closed(problem)) => Some(problem.describe(s)),
            Some(Notice::BackupFailed(e)) => Some(format!("{} {}", s.checkin.backup_failed, e.describe(s))),
            None => return,
        };
        self.dirty = true;
    }

    /// Problems in the settings file: the first frame says how many and where they are listed
    /// in full (the settings screen, until they are fixed).
    pub(super) fn settings_problems(&mut self, count: usize) {
        if count > 0 {
            self.toast = Some(self.strings().settings.problems_toast.replace("{n}", &count.to_string()));
        }
    }

    /// A broken content pack is named (file:line:column) in the footer; the rest still loads.
    /// Content loads lazily, so this is asked again after each action.
    pub(super) fn notice_content_problems(&mut self) {
        let problems = self.content.take_problems();
        if let Some(first) = problems.first() {
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (+{})", n - 1),
            };
            self.toast = Some(format!("{}: {first}{more}", self.strings().content_problem));
            self.dirty = true;
        }
    }

    /// A session in progress is recorded as ended (the app closes).
    pub(super) fn end_session(&mut self) {
        if let Some(breathe) = LazyCell::get_mut(&mut self.breathe) {
            let mut ctx = ctx!(self);
            breathe.end(&mut ctx);
        }
    }

    /// A running breathing session waits while its screen is hidden.
    pub(super) fn pause_session(&mut self) {
        if let Some(breathe) = LazyCell::get_mut(&mut self.breathe) {
            breathe.pause(self.clock.instant());
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

    /// At quit, after the terminal is restored: this machine's last changes go to the sync
    /// folder. What went wrong, in a sentence, if something did.
    pub fn sync_at_quit(&mut self) -> Option<String> {
        let problem = self.sync.at_quit()?;
        Some(self.strings().sync.footer_failed.replace("{problem}", &problem))
    }
}

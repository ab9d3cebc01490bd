//! Nothing typed is lost when the app closes. A check-in whose last change could not be saved (a
//! full disk, a read-only file) stops the quit with a box that says so and offers to try again,
//! to keep it in a file beside the database, or to quit without it; a signal, with nobody to
//! ask, keeps it in the file. The next start offers a kept check-in back, and deletes the file
//! once it is saved.

use std::io;
use std::path::{Path, PathBuf};

use ratatui::text::{Line, Text};

use super::{App, Overlay, Tab};
use crate::action::Action;
use crate::domain::checkin::CheckIn;
use crate::keymap::Scope;
use crate::panes::Ctx;
use crate::store::recovery;
use crate::ui;

impl App {
    /// Quits, unless a check-in could not be saved: then the box asks first. Quit again in the
    /// box quits without it.
    pub(super) fn quit(&mut self) {
        self.end_session();
        self.flush();
        if self.overlay != Some(Overlay::Unsaved) && self.checkin.unsaved().is_some() {
            self.open_overlay(Overlay::Unsaved);
            return;
        }
        self.running = false;
    }

    /// Ends the app for a signal or a closed terminal: nobody can answer a question, so a
    /// check-in that could not be saved is kept in the file.
    pub fn quit_on_signal(&mut self) {
        self.end_session();
        self.flush();
        if let Some(unsaved) = self.checkin.unsaved() {
            let _ = self.keep(&unsaved);
        }
        self.running = false;
    }

    /// The keys of the two boxes about an unsaved check-in; false when `overlay` is another
    /// box, or the action is one the box leaves to the others (the crisis lines).
    pub(super) fn unsaved_update(&mut self, overlay: Overlay, action: Action) -> bool {
        let s = self.strings();
        match (overlay, action) {
            (Overlay::Unsaved | Overlay::Recovered, Action::Crisis) => return false,
            (Overlay::Unsaved, Action::Save) => {
                self.flush();
                if self.checkin.unsaved().is_none() {
                    self.running = false;
                }
            }
            (Overlay::Unsaved, Action::KeepUnsaved) => {
                let kept = self.checkin.unsaved().map(|unsaved| self.keep(&unsaved));
                match kept {
                    Some(Err(e)) => {
                        self.toast = Some(s.checkin.unsaved_not_kept.replace("{error}", &e.to_string()))
                    }
                    Some(Ok(_)) | None => self.running = false,
                }
            }
            (Overlay::Recovered, Action::Open) => {
                self.overlay = None;
                self.put_back_recovered();
            }
            (Overlay::Unsaved | Overlay::Recovered, Action::Back) => self.overlay = None,
            (Overlay::Unsaved | Overlay::Recovered, _) => {}
            _ => return false,
        }
        true
    }

    /// Writes `checkin` to the recovery file in the data directory.
    fn keep(&self, checkin: &CheckIn) -> io::Result<PathBuf> {
        let dir = self.recovery_dir().ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
        recovery::keep(dir, checkin)
    }

    fn recovery_dir(&self) -> Option<&Path> {
        self.store.path().and_then(Path::parent)
    }

    /// At start: a check-in kept when the app last closed is offered back, first thing.
    pub(super) fn offer_recovered(&mut self) {
        let kept = self.recovery_dir().and_then(recovery::read);
        if kept.is_some() {
            self.recovered = kept;
            self.overlay = Some(Overlay::Recovered);
        }
    }

    /// Opens the kept check-in on its day and saves it; the file goes once it is saved.
    fn put_back_recovered(&mut self) {
        let Some(kept) = self.recovered.take() else { return };
        self.show(Tab::Checkin);
        let mut ctx = ctx!(self);
        self.checkin.recover(kept, &mut ctx);
        self.flush();
        let t = &self.strings().checkin;
        let saved = self.checkin.unsaved().is_none() && self.recovery_dir().map(recovery::forget).is_some();
        self.toast = Some(if saved { t.recovered_saved } else { t.recovered_not_saved }.to_owned());
    }

    /// The unsaved box's text: what happened, and the keys, as the keymap has them.
    pub(super) fn unsaved_text(&self) -> Text<'static> {
        let (t, theme) = (&self.strings().checkin, &self.options.theme);
        let key = |action| self.keymap.key_hint(action, &[Scope::Unsaved]);
        let date = self.checkin.unsaved().map(|c| c.date.to_string()).unwrap_or_default();
        let file =
            self.recovery_dir().map(|d| d.join(recovery::FILE).display().to_string()).unwrap_or_default();
        let choice = |k: String, what: String| Line::from(format!("  {k:<5} {what}")).style(theme.base);
        Text::from(vec![
            Line::styled(t.unsaved_body.replace("{date}", &date), theme.emphasis),
            Line::default(),
            choice(key(Action::Save), t.unsaved_retry.to_owned()),
            choice(key(Action::KeepUnsaved), t.unsaved_keep.replace("{file}", &file)),
            choice(key(Action::Quit), t.unsaved_discard.to_owned()),
            choice(key(Action::Back), t.unsaved_back.to_owned()),
        ])
    }

    /// The box that offers a kept check-in back.
    pub(super) fn recovered_text(&self) -> Text<'static> {
        let (t, theme) = (&self.strings().checkin, &self.options.theme);
        let date = self.recovered.as_ref().map(|c| c.date.to_string()).unwrap_or_default();
        let file =
            self.recovery_dir().map(|d| d.join(recovery::FILE).display().to_string()).unwrap_or_default();
        let key = |action| self.keymap.key_hint(action, &[Scope::List]);
        Text::from(vec![
            Line::styled(t.recovered_body.replace("{date}", &date), theme.emphasis),
            Line::default(),
            Line::from(format!("  {:<5} {}", key(Action::Open), t.recovered_open)).style(theme.base),
            Line::from(format!("  {:<5} {}", key(Action::Back), t.recovered_later.replace("{file}", &file)))
                .style(theme.base),
        ])
    }
}

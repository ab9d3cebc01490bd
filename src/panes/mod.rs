//! One plain struct per screen, each with its own `handle` and `render`. `App` owns them as
//! fields and switches on `Tab`: exhaustive matches, no trait objects, no channels.
//!
//! A pane whose content takes time to read (parsing its RON file, building its list) is a
//! [`Lazy`] field: built the first time anything uses it, so start-up pays only for the
//! screen it shows.

pub mod breathe;
pub mod browse;
pub mod checkin;
mod checkin_fields;
mod checkin_input;
pub mod checkin_readout;
mod checkin_slip;
mod checkin_view;
pub mod confirm;
pub mod cursor;
pub mod entry_form;
pub mod faq;
pub mod figures;
pub mod goals;
mod goals_forms;
mod goals_readout;
mod goals_view;
pub mod history;
mod history_charts;
mod history_days;
mod history_readout;
mod history_review;
mod history_view;
pub mod home;
mod home_readout;
mod home_view;
pub mod learn;
pub mod phases;
pub mod plan;
mod plan_readout;
mod plan_view;
pub mod quiz;
pub mod readout;
pub mod relatives;
pub mod savings_view;
pub mod search_field;
pub mod settings;
pub mod sober;
mod sober_forms;
mod sober_readout;
pub mod sober_view;
pub mod techniques;
mod techniques_view;
pub mod urge;
pub mod welcome;

use std::cell::LazyCell;

use ratatui::layout::Rect;

use crate::clock::Clock;
use crate::content::Content;
use crate::i18n::{Lang, Strings};
use crate::keymap::Keymap;
use crate::store::{self, Slot, Store};
use crate::theme::Theme;

/// A pane built on first use (through `Deref`). `LazyCell::get` / `get_mut` reach it only if it
/// was built, for work that concerns a built pane alone (a paused session, a due bell).
pub type Lazy<P> = LazyCell<P, Box<dyn FnOnce() -> P>>;

/// A [`Lazy`] pane that `build` makes when it is first used.
pub fn lazy<P>(build: impl FnOnce() -> P + 'static) -> Lazy<P> {
    LazyCell::new(Box::new(build))
}

/// What a pane may know and use while handling an action.
pub struct Ctx<'a> {
    pub lang: Lang,
    /// The area the pane was last laid out in, for paging and mapping clicks.
    pub area: Rect,
    pub clock: &'a dyn Clock,
    /// A short message for the footer line (saved, failed to save, a milestone, ...).
    pub toast: &'a mut Option<String>,
    /// The user's data. A failed write goes to `toast` (via `StoreError::describe`) and the
    /// pane keeps what was typed, so nothing is lost to a full disk or a busy file.
    pub store: &'a mut Slot,
    /// The keys in force, for hints whose width matters to a layout (scrolling).
    pub keys: &'a Keymap,
    pub content: &'static Content,
    /// The text of an `Action::Paste` (empty for every other action).
    pub pasted: &'a str,
}

/// What a pane needs to draw itself.
pub struct View<'a> {
    pub lang: Lang,
    pub strings: &'static Strings,
    pub theme: &'a Theme,
    /// The keys in force, for hints that name a key.
    pub keys: &'a Keymap,
    pub content: &'static Content,
}

impl<'a> View<'a> {
    /// What a pane measures its text with while handling a key: the same words, no colour.
    pub fn plain(lang: Lang, keys: &'a Keymap, content: &'static Content) -> Self {
        Self { lang, strings: lang.strings(), theme: &Theme::MONO, keys, content }
    }
}

impl Ctx<'_> {
    /// Runs one write on the store. A failure, or a store that could not be opened, is told in
    /// the footer in the person's words; the caller keeps its state as it was. True when saved.
    pub fn save(&mut self, write: impl FnOnce(&mut Store) -> store::Result<()>) -> bool {
        let strings = self.lang.strings();
        let result = match self.store.get_mut() {
            Ok(store) => write(store),
            Err(problem) => {
                *self.toast = Some(problem.describe(strings));
                return false;
            }
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                *self.toast = Some(e.describe(strings));
                self.store.failed(e);
                false
            }
        }
    }
}

impl Ctx<'_> {
    /// Like [`Ctx::save`], for a write that returns something (the id of a new row, a goal
    /// just completed): `None` when it failed, with the reason in the footer.
    pub fn write<T>(&mut self, write: impl FnOnce(&mut Store) -> store::Result<T>) -> Option<T> {
        let mut value = None;
        self.save(|store| write(store).map(|v| value = Some(v)));
        value
    }

    /// Reads from the store, or says in the footer why it cannot.
    pub fn read<T>(&mut self, read: impl FnOnce(&Store) -> store::Result<T>) -> Option<T> {
        let strings = self.lang.strings();
        match self.store.get().map(read) {
            Ok(Ok(value)) => Some(value),
            Ok(Err(e)) => {
                *self.toast = Some(e.describe(strings));
                None
            }
            Err(problem) => {
                *self.toast = Some(problem.describe(strings));
                None
            }
        }
    }
}

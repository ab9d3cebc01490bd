//! One plain struct per screen, each with its own `handle` and `render`. `App` owns them as
//! fields and switches on `Tab`: exhaustive matches, no trait objects, no channels.

pub mod checkin;
mod checkin_fields;
mod checkin_view;
pub mod faq;
pub mod history;
mod history_days;
mod history_view;
pub mod list_nav;

use ratatui::layout::Rect;

use crate::clock::Clock;
use crate::i18n::{Lang, Strings};
use crate::store::Slot;
use crate::theme::Theme;

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
}

/// What a pane needs to draw itself.
pub struct View<'a> {
    pub lang: Lang,
    pub strings: &'static Strings,
    pub theme: &'a Theme,
}

//! One plain struct per screen, each with its own `handle` and `render`. `App` owns them as
//! fields and switches on `Tab`: exhaustive matches, no trait objects, no channels.

pub mod faq;
pub mod list_nav;

use ratatui::layout::Rect;

use crate::i18n::{Lang, Strings};
use crate::theme::Theme;

/// What a pane may know while handling an action.
pub struct Ctx {
    pub lang: Lang,
    /// The area the pane was last laid out in, for paging and mapping clicks.
    pub area: Rect,
}

/// What a pane needs to draw itself.
pub struct View<'a> {
    pub lang: Lang,
    pub strings: &'static Strings,
    pub theme: &'a Theme,
}

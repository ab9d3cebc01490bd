//! Builds an `App` for the knowledge screens' tests: fixed clock, fixed data, a size, and
//! renders it to text.
#![allow(dead_code)]

use mestring::action::Action;
use mestring::app::{App, Options, Tab};
use mestring::clock::FixedClock;
use mestring::content::RegionId;
use mestring::i18n::Lang;
use mestring::panes::learn::Section;
use mestring::store::{Store, StoreError};
use mestring::theme::Theme;
use ratatui::layout::Rect;

// The test files that use this module also declare `mod common;`; each uses only some of these.
#[allow(unused_imports)]
pub use crate::common::render::feed_without_flush as feed;
#[allow(unused_imports)]
pub use crate::common::screen::{buffer, screen, text};

pub fn options(lang: Lang) -> Options {
    Options { lang, region: RegionId::Norway, theme: Theme::COLOR, mouse: false, bell: false }
}

pub fn app(lang: Lang, width: u16, height: u16) -> App {
    app_with(lang, width, height, Store::open_in_memory())
}

/// An app on `store`: a database prepared by the test, or the reason none could be opened.
pub fn app_with(lang: Lang, width: u16, height: u16, store: Result<Store, StoreError>) -> App {
    let mut app = App::new(options(lang), Box::new(FixedClock::sample()), store);
    app.set_area(Rect::new(0, 0, width, height));
    app
}

/// What the app's database holds now.
pub fn saved(app: &App) -> mestring::store::progress::Progress {
    app.store.get().expect("an open store").load_progress().expect("readable")
}

pub fn go(app: &mut App, tab: Tab) {
    let index = Tab::ALL.iter().position(|t| *t == tab).unwrap();
    app.update(Action::GoTab(index as u8));
}

pub fn go_section(app: &mut App, section: Section) {
    go(app, Tab::Learn);
    while app.learn.section != section {
        app.update(Action::NextSection);
    }
}

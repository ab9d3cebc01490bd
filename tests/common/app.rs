//! An `App` on a fixed clock the test can move, and a way to see what it draws.

use std::rc::Rc;
use std::time::Duration;

use mestring::action::Action;
use mestring::app::{App, Options};
use mestring::clock::FixedClock;
use mestring::content::RegionId;
use mestring::i18n::Lang;
use mestring::store::{Store, StoreError};
use mestring::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::render::{draw, rows};

pub struct TestApp {
    pub app: App,
    pub clock: Rc<FixedClock>,
    pub width: u16,
    pub height: u16,
}

impl TestApp {
    /// An app with a fresh in-memory store.
    pub fn new(lang: Lang, width: u16, height: u16) -> Self {
        Self::with_store(lang, width, height, Store::open_in_memory())
    }

    pub fn with_store(lang: Lang, width: u16, height: u16, store: Result<Store, StoreError>) -> Self {
        let clock = Rc::new(FixedClock::sample());
        let options =
            Options { lang, region: RegionId::Norway, theme: Theme::COLOR, mouse: false, bell: false };
        let mut app = App::new(options, Box::new(clock.clone()), store);
        app.set_area(Rect::new(0, 0, width, height));
        Self { app, clock, width, height }
    }

    pub fn send(&mut self, actions: &[Action]) {
        for action in actions {
            let mut next = Some(*action);
            while let Some(a) = next {
                next = self.app.update(a);
            }
        }
        // As the event loop does around each frame.
        self.app.flush();
        self.app.after_frame();
    }

    /// Moves the clock forward by `by` and lets the app see the time, as a deadline would.
    pub fn advance(&mut self, by: Duration) {
        self.clock.advance(by);
        self.app.update(Action::Tick);
        self.app.flush();
        self.app.after_frame();
    }

    pub fn buffer(&self) -> Buffer {
        draw(&self.app, self.width, self.height).backend().buffer().clone()
    }

    /// The screen as text, one line per row, trailing spaces kept so the layout shows.
    pub fn screen(&self) -> String {
        rows(&self.buffer())
    }

    pub fn shows(&self, text: &str) -> bool {
        self.screen().contains(text)
    }
}

//! An `App` built the way the binary builds it, on a fixed clock and an in-memory store, fed
//! actions the way the event loop feeds them, and drawn into a `TestBackend`.

use std::borrow::Borrow;
use std::rc::Rc;
use std::time::Duration;

use chrono::NaiveDateTime;
use mestring::action::Action;
use mestring::app::{App, Options, Tab};
use mestring::clock::{Clock, FixedClock};
use mestring::content::{Content, RegionId};
use mestring::i18n::Lang;
use mestring::panes::learn::Section;
use mestring::store::{Store, StoreError};
use mestring::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

thread_local! {
    /// The embedded content, one per test thread: tests make many apps, and all show the same.
    static CONTENT: &'static Content = Content::leak(None);
}

/// The content every test app shows.
pub fn content() -> &'static Content {
    CONTENT.with(|content| *content)
}

pub fn options(lang: Lang) -> Options {
    Options { lang, region: RegionId::Norway, theme: Theme::COLOR, mouse: true, bell: false }
}

/// An app with an empty store at `width`x`height`, at `FixedClock::sample()`'s time.
pub fn app(lang: Lang, width: u16, height: u16) -> App {
    app_with(lang, width, height, Store::open_in_memory())
}

/// An app on `store`: a database prepared by the test, or the reason none could be opened.
pub fn app_with(lang: Lang, width: u16, height: u16, store: Result<Store, StoreError>) -> App {
    app_at(lang, width, height, store, FixedClock::sample().now())
}

/// An app on `store` with its clock at `now`.
pub fn app_at(
    lang: Lang,
    width: u16,
    height: u16,
    store: Result<Store, StoreError>,
    now: NaiveDateTime,
) -> App {
    let mut app = App::new(options(lang), content(), Box::new(FixedClock::new(now)), store);
    app.update(Action::Resize { width, height });
    app
}

/// An app showing the questions and answers.
pub fn faq_app(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    go(&mut app, Tab::Faq);
    app
}

/// Applies `actions` with the actions they lead to, as the event loop does, and after each one
/// saves pending edits, as the loop does before every frame.
pub fn feed<A: Borrow<Action>>(app: &mut App, actions: impl IntoIterator<Item = A>) {
    for action in actions {
        follow(app, *action.borrow());
        app.flush();
    }
}

/// [`feed`] without saving pending edits: for tests of when typed text is saved.
pub fn feed_unflushed<A: Borrow<Action>>(app: &mut App, actions: impl IntoIterator<Item = A>) {
    for action in actions {
        follow(app, *action.borrow());
    }
}

fn follow(app: &mut App, action: Action) {
    let mut next = Some(action);
    while let Some(action) = next {
        next = app.update(action);
    }
}

/// Shows `tab` by its number key, as a person would.
pub fn go(app: &mut App, tab: Tab) {
    let index = Tab::ALL.iter().position(|t| *t == tab).expect("a tab in the tab bar");
    feed(app, [Action::GoTab(index as u8)]);
}

/// Shows one part of the knowledge screen.
pub fn go_section(app: &mut App, section: Section) {
    go(app, Tab::Learn);
    while app.learn().section != section {
        feed(app, [Action::NextSection]);
    }
}

/// Types text the way a person does: each key through the app's key handling.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// A key (Backspace, Tab, a letter, ...) through the app's key handling.
pub fn press(app: &mut App, code: KeyCode) {
    let action = app.action_for_key(KeyEvent::new(code, KeyModifiers::NONE));
    feed(app, action);
}

/// Empties the focused text field.
pub fn clear_field(app: &mut App) {
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
}

pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal
}

/// The cells, for assertions on style.
pub fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    draw(app, width, height).backend().buffer().clone()
}

/// Each row quoted, as the snapshots store the screen.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    draw(app, width, height).backend().to_string()
}

/// The screen as plain lines, for `contains` checks.
pub fn text(app: &App, width: u16, height: u16) -> String {
    rows(&buffer(app, width, height))
}

/// A drawn buffer as text, one line per row, trailing spaces kept so the layout shows.
pub fn rows(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// What the app's database holds of the knowledge screens' progress now.
pub fn saved(app: &App) -> mestring::store::progress::Progress {
    app.store().get().expect("an open store").load_progress().expect("readable")
}

/// An app whose clock the test moves, for animations and timers.
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
        let mut app = App::new(options(lang), content(), Box::new(clock.clone()), store);
        app.update(Action::Resize { width, height });
        Self { app, clock, width, height }
    }

    /// [`feed`], and what the loop does once the frame is drawn.
    pub fn send(&mut self, actions: &[Action]) {
        feed(&mut self.app, actions);
        self.app.frame_drawn();
    }

    /// Moves the clock forward by `by` and lets the app see the time, as a deadline would;
    /// then, as the loop does, a frame is drawn if the tick changed something visible.
    pub fn advance(&mut self, by: Duration) {
        self.clock.advance(by);
        feed(&mut self.app, [Action::Tick]);
        if self.app.needs_frame() {
            self.app.frame_drawn();
        }
    }

    pub fn buffer(&self) -> Buffer {
        buffer(&self.app, self.width, self.height)
    }

    /// Each row quoted, as the snapshots store the screen.
    pub fn screen(&self) -> String {
        screen(&self.app, self.width, self.height)
    }

    /// The screen as plain lines.
    pub fn text(&self) -> String {
        text(&self.app, self.width, self.height)
    }

    pub fn shows(&self, text: &str) -> bool {
        self.text().contains(text)
    }
}

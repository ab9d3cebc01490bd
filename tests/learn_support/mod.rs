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
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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

/// Applies actions and the follow-ups they lead to, as the event loop does.
pub fn feed(app: &mut App, actions: &[Action]) {
    for action in actions {
        let mut next = Some(*action);
        while let Some(a) = next {
            next = app.update(a);
        }
    }
}

pub fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().buffer().clone()
}

pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

/// The screen as plain lines, for `contains` checks.
pub fn text(app: &App, width: u16, height: u16) -> String {
    let buf = buffer(app, width, height);
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

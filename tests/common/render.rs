//! Builds an `App` the way the binary does, but with a fixed clock, and draws it into a
//! `TestBackend` so snapshot tests see exactly what a terminal would.

use mestring::action::Action;
use mestring::app::{App, Options};
use mestring::clock::FixedClock;
use mestring::content::RegionId;
use mestring::i18n::Lang;
use mestring::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn options(lang: Lang) -> Options {
    Options { lang, region: RegionId::Norway, theme: Theme::COLOR, mouse: true, bell: false }
}

/// An app at `width`x`height`, as after start-up.
pub fn app(lang: Lang, width: u16, height: u16) -> App {
    let mut app =
        App::new(options(lang), Box::new(FixedClock::sample()), mestring::store::Store::open_in_memory());
    app.set_area(Rect::new(0, 0, width, height));
    app
}

/// An app showing the questions and answers (no longer the start screen).
pub fn faq_app(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    let faq = mestring::app::Tab::ALL.iter().position(|t| *t == mestring::app::Tab::Faq).unwrap();
    app.update(Action::GoTab(faq as u8));
    app
}

/// Feeds actions as the event loop would, following any action they lead to, and saving
/// pending edits as the loop does before each frame.
pub fn feed(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        let mut next = Some(action);
        while let Some(a) = next {
            next = app.update(a);
        }
        app.flush();
    }
}

/// Feeds actions and their follow-ups but, unlike `feed`, never saves pending edits: a test that
/// checks when something is saved calls `App::flush` itself.
pub fn feed_without_flush(app: &mut App, actions: &[Action]) {
    for action in actions {
        let mut next = Some(*action);
        while let Some(a) = next {
            next = app.update(a);
        }
    }
}

/// Types text into whatever has focus, one key at a time.
pub fn type_text(app: &mut App, text: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        let action = app.action_for_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        feed(app, action);
    }
}

pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal
}

/// The screen as text, one line per row, for assertions that are not snapshots.
pub fn text(terminal: &Terminal<TestBackend>) -> String {
    rows(terminal.backend().buffer())
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

//! The first frame is written without ratatui's `Terminal` (see `mestring::terminal`): it must
//! put on the screen exactly the bytes `Terminal::draw` would, and the `Terminal` made after it
//! must carry on as if it had drawn that frame itself.

mod common;

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use common::render::{app, feed, options};
use mestring::action::Action;
use mestring::app::{App, Tab};
use mestring::i18n::Lang;
use mestring::terminal::{adopt, write_onto_blank};
use mestring::theme::Theme;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const SIZES: [(u16, u16); 6] = [(80, 24), (120, 40), (200, 60), (44, 12), (20, 5), (10, 3)];

/// Output kept in memory, readable while a backend owns its writer.
#[derive(Clone, Default)]
struct Recorded(Rc<RefCell<Vec<u8>>>);

impl Write for Recorded {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What `Terminal::draw` writes for a first frame that `render` draws. The terminal has a fixed
/// size, so it never asks a real terminal for one.
fn bytes_of_terminal_draw(area: Rect, render: impl Fn(Rect, &mut Buffer)) -> Vec<u8> {
    let out = Recorded::default();
    let options = TerminalOptions { viewport: Viewport::Fixed(area) };
    let mut terminal = Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
    terminal.draw(|frame| render(frame.area(), frame.buffer_mut())).unwrap();
    out.0.take()
}

/// What the first frame without a `Terminal` writes for the same `render`.
fn bytes_of_first_frame(area: Rect, render: impl Fn(Rect, &mut Buffer)) -> Vec<u8> {
    let mut frame = Buffer::empty(area);
    render(area, &mut frame);
    let out = Recorded::default();
    write_onto_blank(&mut CrosstermBackend::new(out.clone()), &frame).unwrap();
    out.0.take()
}

fn every_screen(lang: Lang, width: u16, height: u16) -> Vec<(String, App)> {
    let mut apps = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let mut app = app(lang, width, height);
        feed(&mut app, [Action::GoTab(i as u8)]);
        apps.push((format!("{tab:?}"), app));
    }
    for (name, overlay) in [("help", Action::Help), ("crisis", Action::Crisis)] {
        let mut app = app(lang, width, height);
        feed(&mut app, [overlay]);
        apps.push((name.to_owned(), app));
    }
    apps
}

#[test]
fn every_screen_as_a_first_frame_writes_the_bytes_terminal_draw_writes() {
    for lang in [Lang::Nb, Lang::En] {
        for (width, height) in SIZES {
            let area = Rect::new(0, 0, width, height);
            for (name, app) in every_screen(lang, width, height) {
                let render = |area, buf: &mut Buffer| app.render_into(area, buf);
                let expected = bytes_of_terminal_draw(area, render);
                assert!(expected.len() > 20, "{name} at {width}x{height} drew almost nothing");
                assert!(
                    bytes_of_first_frame(area, render) == expected,
                    "{name} ({lang:?}) at {width}x{height}: the first frame's bytes differ from Terminal::draw's"
                );
            }
        }
    }
}

#[test]
fn the_light_and_monochrome_themes_first_frames_write_the_bytes_terminal_draw_writes() {
    for theme in [Theme::LIGHT, Theme::MONO] {
        for (width, height) in [(80, 24), (120, 40)] {
            let area = Rect::new(0, 0, width, height);
            for overlay in [None, Some(Action::Help), Some(Action::Crisis)] {
                let clock = Box::new(mestring::clock::FixedClock::sample());
                let store = mestring::store::Store::open_in_memory();
                let mut app = App::new(mestring::app::Options { theme, ..options(Lang::Nb) }, clock, store);
                app.set_area(area);
                feed(&mut app, overlay);
                let render = |area, buf: &mut Buffer| app.render_into(area, buf);
                assert!(
                    bytes_of_first_frame(area, render) == bytes_of_terminal_draw(area, render),
                    "{overlay:?} at {width}x{height}"
                );
            }
        }
    }
}

#[test]
fn wide_characters_and_emoji_anywhere_in_a_row_are_written_as_terminal_draw_writes_them() {
    let texts = ["今日は少し楽だった", "👍🏽 ok", "❤\u{fe0f} hjerte", "a👨‍👩‍👧‍👦b", "Cafe\u{301} ro\u{308}d", "ok"];
    for width in [9, 10, 11] {
        let area = Rect::new(0, 0, width, 8);
        let render = |area: Rect, buf: &mut Buffer| {
            for (row, text) in texts.iter().enumerate() {
                // Each text both from the start of its row and flush against its right edge.
                buf.set_stringn(0, row as u16, text, usize::from(area.width), ratatui::style::Style::new());
                let x = area.width.saturating_sub(4);
                buf.set_stringn(x, row as u16 + 1, text, 4, ratatui::style::Style::new());
            }
        };
        assert!(bytes_of_first_frame(area, render) == bytes_of_terminal_draw(area, render), "width {width}");
    }
}

/// Draws `first`, then `second`, and returns the screen: through `Terminal::draw` twice, or
/// through the first frame without a `Terminal` and `adopt`.
fn two_frames(first: &App, second: &App, area: Rect, without_terminal: bool) -> Buffer {
    let backend = TestBackend::new(area.width, area.height);
    let mut terminal = if without_terminal {
        let mut backend = backend;
        let mut frame = Buffer::empty(area);
        first.render_into(area, &mut frame);
        write_onto_blank(&mut backend, &frame).unwrap();
        let mut terminal = Terminal::new(backend).unwrap();
        adopt(&mut terminal, frame).unwrap();
        terminal
    } else {
        let mut terminal = Terminal::new(backend).unwrap();
        terminal.draw(|frame| first.render(frame)).unwrap();
        terminal
    };
    terminal.draw(|frame| second.render(frame)).unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn the_terminal_made_after_the_first_frame_draws_the_next_frames_correctly() {
    let area = Rect::new(0, 0, 120, 40);
    let first = app(Lang::Nb, 120, 40);
    for (name, second) in every_screen(Lang::Nb, 120, 40) {
        assert_eq!(
            two_frames(&first, &second, area, true),
            two_frames(&first, &second, area, false),
            "the start screen, then {name}"
        );
    }
}

#[test]
fn a_window_resized_before_the_terminal_exists_gets_a_whole_new_frame() {
    let small = Rect::new(0, 0, 80, 24);
    let first = app(Lang::Nb, 80, 24);
    let mut frame = Buffer::empty(small);
    first.render_into(small, &mut frame);
    // The first frame went out at 80x24; the window is 120x40 when the `Terminal` is made.
    let mut backend = TestBackend::new(120, 40);
    write_onto_blank(&mut backend, &frame).unwrap();
    let mut terminal = Terminal::new(backend).unwrap();
    adopt(&mut terminal, frame).unwrap();
    let mut second = app(Lang::Nb, 120, 40);
    feed(&mut second, [Action::GoTab(1)]);
    terminal.draw(|f| second.render(f)).unwrap();

    let mut alone = Terminal::new(TestBackend::new(120, 40)).unwrap();
    alone.draw(|f| second.render(f)).unwrap();
    assert_eq!(terminal.backend().buffer(), alone.backend().buffer());
}

//! Entering and leaving the full-screen terminal, on every path out: normal quit, error, panic,
//! and the signals the event loop turns into a quit.
//!
//! `ratatui::restore` only leaves raw mode and the alternate screen. Mouse capture and the
//! cursor are ours to undo, so one function here undoes everything we set, and the panic hook
//! calls it before the panic message is printed.
//!
//! The first frame is drawn before ratatui's `Terminal` exists. A `Terminal` starts by filling
//! two screen-sized buffers, and memory a process touches for the first time costs a page fault
//! per 4 kB: at 120x40 each buffer is 57 pages. The first frame goes onto a blank screen, so it needs no previous
//! buffer to compare with: it is rendered into one buffer, written as ratatui would write it,
//! and that buffer becomes the `Terminal`'s previous frame once the frame is out.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, SetTitle, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::{Rect, Size};

/// Buffered, so a frame goes out in one write instead of one per escape sequence.
pub type Tui = Terminal<Output>;
pub type Output = CrosstermBackend<BufWriter<Stdout>>;

/// The terminal between `enter` and the first frame: raw mode and the alternate screen are on,
/// the `Terminal` comes with the first frame (see the module's documentation).
pub struct Entered {
    backend: Output,
}

pub fn enter(mouse: bool) -> io::Result<Entered> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    // The title stays "mestring" whatever screen is open: nothing private in a window list.
    execute!(out, EnterAlternateScreen, SetTitle("mestring"), cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(Entered { backend: CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout())) })
}

impl Entered {
    pub fn size(&self) -> io::Result<Size> {
        self.backend.size()
    }

    /// Renders the first frame into a buffer of `area`, writes it, and only then makes the
    /// `Terminal` that draws every frame after it.
    pub fn first_frame(mut self, area: Rect, render: impl FnOnce(Rect, &mut Buffer)) -> io::Result<Tui> {
        let mut frame = Buffer::empty(area);
        render(area, &mut frame);
        write_onto_blank(&mut self.backend, &frame)?;
        let mut tui = Terminal::new(self.backend)?;
        adopt(&mut tui, frame)?;
        Ok(tui)
    }
}

/// Writes `frame` onto a blank screen, byte for byte as `Terminal::draw` writes a first frame
/// whose render sets no cursor: its cells that differ from a blank buffer, then the cursor
/// hidden, then one flush.
pub fn write_onto_blank<B: Backend>(backend: &mut B, frame: &Buffer) -> Result<(), B::Error> {
    let updates = blank_screen_updates(frame);
    backend.draw(updates.iter().map(|&(x, y)| (x, y, &frame[(x, y)])))?;
    backend.hide_cursor()?;
    backend.flush()
}

/// Where `frame` differs from a blank screen, by ratatui's own diff (which knows wide and
/// emoji characters), taken one row at a time against a blank row: two rows of memory instead
/// of a second screen-sized buffer. No row's diff reaches into the next: a widget never puts a
/// character wider than the space left in a row.
fn blank_screen_updates(frame: &Buffer) -> Vec<(u16, u16)> {
    let width = usize::from(frame.area.width);
    if frame.area.is_empty() {
        return Vec::new();
    }
    let mut blank = Buffer::empty(Rect { height: 1, ..frame.area });
    let mut row = blank.clone();
    let mut updates = Vec::new();
    for (y, cells) in (frame.area.y..).zip(frame.content.chunks_exact(width)) {
        blank.area.y = y;
        row.area.y = y;
        row.content.clone_from_slice(cells);
        updates.extend(blank.diff_iter(&row).map(|(x, y, _)| (x, y)));
    }
    updates
}

/// Makes `frame`, which is on screen, the new `Terminal`'s previous frame, so that its next
/// draw writes only what changed, as after any other frame.
pub fn adopt<B: Backend>(tui: &mut Terminal<B>, mut frame: Buffer) -> Result<(), B::Error> {
    if tui.current_buffer_mut().area != frame.area {
        // The window changed size after the first frame: the next frame is drawn whole (a
        // `WindowChanged` event is on its way and asks for it).
        return tui.clear();
    }
    std::mem::swap(tui.current_buffer_mut(), &mut frame);
    tui.swap_buffers();
    Ok(())
}

/// Undoes everything `enter` did. Safe to call more than once and when `enter` never ran.
pub fn leave() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

//! What a bare `App` draws at a given size, drawn afresh on each call.

use mestring::app::App;
use ratatui::buffer::Buffer;

use super::render::{draw, rows};

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
    rows(draw(app, width, height).backend().buffer())
}

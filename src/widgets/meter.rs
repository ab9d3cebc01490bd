//! A plain progress bar in whole cells. Whole cells, not eighths, on purpose: the bar changes
//! at most once per cell, and the screen is only redrawn when something visible changes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meter {
    /// Cells filled, out of the area's width.
    pub filled: u16,
    pub filled_style: Style,
    pub empty_style: Style,
}

impl Widget for Meter {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        for col in 0..area.width {
            let (glyph, style) =
                if col < self.filled { ("█", self.filled_style) } else { ("░", self.empty_style) };
            if let Some(cell) = buf.cell_mut((area.x + col, area.y)) {
                cell.set_symbol(glyph).set_style(style);
            }
        }
    }
}

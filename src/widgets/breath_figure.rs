//! The breathing figure: a filled circle that is small with empty lungs and fills its area
//! with full ones. It is drawn with half-block characters, two pixels per cell, because a
//! cell is about twice as tall as wide: the pixels are square and the circle is round.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// A size step (0 = smallest) out of `BreathFigure::steps(area)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreathFigure {
    pub step: u16,
    pub style: Style,
}

impl BreathFigure {
    /// How many distinct sizes fit in `area`: one per whole pixel of radius, from a fifth of
    /// the largest (the figure never vanishes) to the largest.
    pub fn steps(area: Rect) -> u16 {
        let (min, max) = radii(area);
        if max == 0 { 1 } else { max - min + 1 }
    }
}

/// Smallest and largest radius in pixels; the largest leaves a pixel of air at the edges.
fn radii(area: Rect) -> (u16, u16) {
    let max = (area.width / 2).min(area.height).saturating_sub(1);
    ((max / 5).max(1).min(max), max)
}

impl Widget for BreathFigure {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let (min, max) = radii(area);
        if max == 0 {
            return;
        }
        let r = f64::from((min + self.step).min(max));
        // Pixel centres, relative to the centre of the area; y counts half cells.
        let cx = f64::from(area.width) / 2.0;
        let cy = f64::from(area.height);
        let inside = |px: u16, py: u16| {
            let dx = f64::from(px) + 0.5 - cx;
            let dy = f64::from(py) + 0.5 - cy;
            dx * dx + dy * dy <= r * r
        };
        for row in 0..area.height {
            for col in 0..area.width {
                let glyph = match (inside(col, row * 2), inside(col, row * 2 + 1)) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => continue,
                };
                if let Some(cell) = buf.cell_mut((area.x + col, area.y + row)) {
                    cell.set_symbol(glyph).set_style(self.style);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(area: Rect, step: u16) -> usize {
        let mut buf = Buffer::empty(area);
        BreathFigure { step, style: Style::new() }.render(area, &mut buf);
        buf.content.iter().filter(|c| c.symbol() != " ").count()
    }

    #[test]
    fn every_step_is_a_visibly_larger_figure() {
        let area = Rect::new(0, 0, 60, 16);
        let steps = BreathFigure::steps(area);
        assert_eq!(steps, 13, "radius 3 to 15 pixels");
        let sizes: Vec<usize> = (0..steps).map(|s| filled(area, s)).collect();
        assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
        assert!(sizes[0] > 0, "never vanishes");
    }

    #[test]
    fn tiny_and_empty_areas_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (3, 2), (200, 1)] {
            let area = Rect::new(0, 0, w, h);
            assert!(BreathFigure::steps(area) >= 1);
            filled(area, 5);
        }
    }
}

//! A column of wrapped text and charts that scrolls as one: detail panes show prose, lists and
//! the articles' figures together, and the reader scrolls through them line by line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bars::Bars;

pub enum Piece<'a> {
    Text(Text<'a>),
    Bars(Bars<'a>),
}

impl Piece<'_> {
    fn height(&self, width: u16) -> usize {
        match self {
            Piece::Text(text) => {
                if width == 0 {
                    return 0;
                }
                Paragraph::new(text.clone()).wrap(Wrap { trim: false }).line_count(width)
            }
            Piece::Bars(bars) => bars.height(width),
        }
    }
}

#[derive(Default)]
pub struct Doc<'a> {
    pieces: Vec<Piece<'a>>,
}

impl<'a> Doc<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends wrapped lines.
    pub fn lines(&mut self, lines: impl IntoIterator<Item = Line<'a>>) -> &mut Self {
        match self.pieces.last_mut() {
            Some(Piece::Text(text)) => text.lines.extend(lines),
            _ => self.pieces.push(Piece::Text(Text::from(lines.into_iter().collect::<Vec<_>>()))),
        }
        self
    }

    pub fn line(&mut self, line: impl Into<Line<'a>>) -> &mut Self {
        self.lines([line.into()])
    }

    pub fn blank(&mut self) -> &mut Self {
        self.line(Line::default())
    }

    pub fn bars(&mut self, bars: Bars<'a>) -> &mut Self {
        self.pieces.push(Piece::Bars(bars));
        self
    }

    /// The column as lines of text, for a reader that takes it line by line (the plain mode):
    /// text as it is, a chart as a short table, one row a line ("label: 65 %, 30 %").
    pub fn plain_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.extend(text.lines.iter().map(|line| {
                    line.spans.iter().map(|s| s.content.as_ref()).collect::<String>().trim_end().to_owned()
                })),
                Piece::Bars(bars) => out.extend(bars.text_rows()),
            }
        }
        out
    }

    /// Lines the whole column takes at `width`.
    pub fn height(&self, width: u16) -> usize {
        self.pieces.iter().map(|p| p.height(width)).sum()
    }

    /// The largest useful scroll offset in a viewport of `area`'s size.
    pub fn max_scroll(&self, area: Rect) -> u16 {
        let over = self.height(area.width).saturating_sub(usize::from(area.height));
        u16::try_from(over).unwrap_or(u16::MAX)
    }

    /// Draws the lines from `scroll` (clamped) down, as many as fit.
    pub fn render(&self, area: Rect, buf: &mut Buffer, scroll: u16) {
        if area.is_empty() {
            return;
        }
        let top = usize::from(scroll.min(self.max_scroll(area)));
        let bottom = top + usize::from(area.height);
        let mut start = 0;
        for piece in &self.pieces {
            let height = piece.height(area.width);
            let end = start + height;
            let (first, last) = (start.max(top), end.min(bottom));
            if first < last {
                let skip = first - start;
                let rect = Rect { y: area.y + (first - top) as u16, height: (last - first) as u16, ..area };
                match piece {
                    Piece::Text(text) => Paragraph::new(text.clone())
                        .wrap(Wrap { trim: false })
                        .scroll((skip as u16, 0))
                        .render(rect, buf),
                    Piece::Bars(bars) if skip == 0 && height == usize::from(rect.height) => {
                        bars.render(rect, buf)
                    }
                    // Partly scrolled out: draw it whole off screen and copy the visible rows.
                    Piece::Bars(bars) => {
                        let full = Rect::new(0, 0, area.width, height as u16);
                        let mut scratch = Buffer::empty(full);
                        bars.render(full, &mut scratch);
                        for dy in 0..rect.height {
                            for dx in 0..rect.width {
                                buf[(rect.x + dx, rect.y + dy)] = scratch[(dx, skip as u16 + dy)].clone();
                            }
                        }
                    }
                }
            }
            if end >= bottom {
                break;
            }
            start = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use ratatui::style::Style;

    use super::*;
    use crate::widgets::bars::{BarRow, Series};

    fn doc() -> Doc<'static> {
        let mut doc = Doc::new();
        doc.line("one").line("two");
        doc.bars(Bars {
            rows: ["a", "b", "c"]
                .iter()
                .map(|l| BarRow { label: Cow::Borrowed(*l), values: vec![(50, "50 %".to_owned())] })
                .collect(),
            series: vec![Series { bar: Style::new() }],
            label_style: Style::new(),
        });
        doc.line("end");
        doc
    }

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_owned()
            })
            .collect()
    }

    #[test]
    fn scrolling_moves_text_and_charts_together() {
        let doc = doc();
        assert_eq!(doc.height(30), 6);
        let area = Rect::new(0, 0, 30, 3);
        assert_eq!(doc.max_scroll(area), 3);
        let mut buf = Buffer::empty(area);
        doc.render(area, &mut buf, 1);
        let r = rows(&buf);
        assert_eq!(r[0], "two");
        let bar = |row: &str, label: &str| row.starts_with(&format!("{label} █")) && row.ends_with(" 50 %");
        assert!(bar(&r[1], "a") && bar(&r[2], "b"), "{r:?}");
        let mut buf = Buffer::empty(area);
        doc.render(area, &mut buf, 99);
        let r = rows(&buf);
        assert!(bar(&r[0], "b") && bar(&r[1], "c"), "{r:?}");
        assert_eq!(r[2], "end");
    }

    #[test]
    fn as_text_a_chart_is_a_table_of_its_values() {
        assert_eq!(doc().plain_lines(), ["one", "two", "a: 50 %", "b: 50 %", "c: 50 %", "end"]);
    }

    #[test]
    fn empty_areas_draw_nothing() {
        let blank = Buffer::empty(Rect::new(0, 0, 5, 5));
        let mut buf = blank.clone();
        doc().render(Rect::new(0, 0, 0, 3), &mut buf, 0);
        doc().render(Rect::new(0, 0, 3, 0), &mut buf, 0);
        assert_eq!(buf, blank);
        doc().render(Rect::new(0, 0, 3, 3), &mut buf, 0);
        assert_ne!(buf, blank, "the same document draws in an area that has room");
    }
}

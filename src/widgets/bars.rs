//! Horizontal bar charts of the percentages the articles report.
//!
//! Every bar is drawn on one scale, 0 to 100, as wide as the widest row allows and the same for
//! every row: the figures are shares, and a chart scaled to its largest value would make small
//! differences look large. The label stands before the scale and the value after it, never
//! inside the bar, so a short bar is as long as its value says. The part of the scale a bar does
//! not fill is shaded, so its length reads against the whole also without colour. Labels sit
//! beside the bars when there is room, and on a line above them on narrow screens, so a long
//! label is never cut.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// Below this many columns for the scale itself, labels move above the bars.
const MIN_BAR_WIDTH: u16 = 20;
/// A cell in eighths, for bars that end within a cell.
const EIGHTHS: [&str; 8] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];
/// The part of the scale a bar does not fill.
const TRACK: &str = "░";

/// One row of a table: a label and one value per series, each with the text written after it.
pub struct BarRow<'a> {
    pub label: Cow<'a, str>,
    pub values: Vec<(u8, String)>,
}

/// The style of a series' bars (its value is written in it too, bold).
#[derive(Debug, Clone, Copy)]
pub struct Series {
    pub bar: Style,
}

pub struct Bars<'a> {
    pub rows: Vec<BarRow<'a>>,
    pub series: Vec<Series>,
    pub label_style: Style,
}

impl Bars<'_> {
    /// Each row as "label: value, value", the values as written in the bars.
    pub fn text_rows(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|row| {
                let values: Vec<&str> = row.values.iter().map(|(_, text)| text.as_str()).collect();
                format!("{}: {}", row.label, values.join(", "))
            })
            .collect()
    }

    fn series_count(&self) -> usize {
        self.rows.iter().map(|r| r.values.len()).max().unwrap_or(0).max(1)
    }

    fn label_width(&self) -> u16 {
        self.rows.iter().map(|r| r.label.width()).max().unwrap_or(0).min(usize::from(u16::MAX)) as u16
    }

    fn value_width(&self) -> u16 {
        let widest = self.rows.iter().flat_map(|r| &r.values).map(|(_, t)| t.width()).max().unwrap_or(0);
        widest.min(usize::from(u16::MAX)) as u16
    }

    /// Labels beside the bars when they take at most half the width and leave room for bars.
    fn side_by_side(&self, width: u16) -> bool {
        let label = self.label_width();
        label <= width / 2 && width.saturating_sub(label + 2 + self.value_width()) >= MIN_BAR_WIDTH
    }

    /// A blank line between rows when each row has several bars, so the groups read apart.
    fn gaps(&self) -> usize {
        if self.series_count() > 1 { self.rows.len().saturating_sub(1) } else { 0 }
    }

    fn label_lines(&self, row: &BarRow, width: u16) -> usize {
        Paragraph::new(row.label.as_ref()).wrap(Wrap { trim: true }).line_count(width).max(1)
    }

    /// Lines needed at `width`.
    pub fn height(&self, width: u16) -> usize {
        let n = self.series_count();
        if width == 0 {
            return 0;
        }
        let body: usize = if self.side_by_side(width) {
            self.rows.len() * n
        } else {
            self.rows.iter().map(|r| self.label_lines(r, width) + n).sum()
        };
        body + self.gaps()
    }

    /// One bar on a scale of `scale` cells, then its value.
    fn bar_line(&self, series: usize, value: u8, text: &str, scale: u16) -> Vec<Span<'static>> {
        let style = self.series.get(series).map_or(Style::new(), |s| s.bar);
        let eighths = (u32::from(value.min(100)) * u32::from(scale) * 8 + 50) / 100;
        let (full, part) = ((eighths / 8) as usize, (eighths % 8) as usize);
        let mut bar = EIGHTHS[7].repeat(full);
        if part > 0 {
            bar.push_str(EIGHTHS[part - 1]);
        }
        let track = usize::from(scale).saturating_sub(full + usize::from(part > 0));
        vec![
            Span::styled(bar, style),
            Span::styled(TRACK.repeat(track), style),
            Span::raw(" "),
            Span::styled(text.to_owned(), style.add_modifier(ratatui::style::Modifier::BOLD)),
        ]
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let gap = u16::from(self.series_count() > 1);
        let value_room = self.value_width() + 1;
        let mut y = area.y;
        if self.side_by_side(area.width) {
            let label_room = self.label_width() + 1;
            let scale = area.width.saturating_sub(label_room + value_room);
            for row in &self.rows {
                for (i, (v, text)) in row.values.iter().enumerate() {
                    let label = if i == 0 { row.label.as_ref() } else { "" };
                    let mut spans = vec![Span::styled(
                        format!("{label:<width$}", width = usize::from(label_room)),
                        self.label_style,
                    )];
                    spans.extend(self.bar_line(i, *v, text, scale));
                    Line::from(spans).render(Rect { y, height: 1, ..area }.intersection(area), buf);
                    y = y.saturating_add(1);
                }
                y = y.saturating_add(gap);
                if y >= area.bottom() {
                    break;
                }
            }
            return;
        }
        let scale = area.width.saturating_sub(value_room);
        for row in &self.rows {
            let label_h = self.label_lines(row, area.width) as u16;
            let label_area = Rect { y, height: label_h, ..area }.intersection(area);
            Paragraph::new(Line::styled(row.label.as_ref(), self.label_style))
                .wrap(Wrap { trim: true })
                .render(label_area, buf);
            y = y.saturating_add(label_h);
            for (i, (v, text)) in row.values.iter().enumerate() {
                let line = Line::from(self.bar_line(i, *v, text, scale));
                line.render(Rect { y, height: 1, ..area }.intersection(area), buf);
                y = y.saturating_add(1);
            }
            y = y.saturating_add(gap);
            if y >= area.bottom() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(label: &str, values: &[u8]) -> Bars<'static> {
        let row = |l: &str| BarRow {
            label: Cow::Owned(l.to_owned()),
            values: values.iter().map(|v| (*v, format!("{v} %"))).collect(),
        };
        Bars {
            rows: vec![row(label), row("Kort")],
            series: vec![Series { bar: Style::new() }; 2],
            label_style: Style::new(),
        }
    }

    fn text(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    #[test]
    fn labels_go_beside_the_bars_when_they_fit_and_bars_scale_to_a_hundred() {
        let chart = bars("Lang etikett", &[50]);
        assert_eq!(chart.height(60), 2);
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 2));
        chart.render(buf.area, &mut buf);
        let lines = text(&buf);
        // 13 columns of label, 5 of value: a scale of 42, half of it filled.
        assert!(
            lines[0].starts_with(&format!("Lang etikett {}{} 50 %", "█".repeat(21), "░".repeat(21))),
            "{lines:?}"
        );
        assert!(lines[1].starts_with(&format!("Kort         {}", "█".repeat(21))), "{lines:?}");
    }

    #[test]
    fn long_labels_move_above_their_bars_on_narrow_screens_and_are_not_cut() {
        let label = "En etikett som er altfor lang for en smal skjerm";
        let chart = bars(label, &[30, 60]);
        let width = 30;
        let height = chart.height(width);
        // Row one: two label lines and two bars, a gap, row two: one label line and two bars.
        assert_eq!(height, 2 + 2 + 1 + 1 + 2);
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height as u16));
        chart.render(buf.area, &mut buf);
        let lines = text(&buf);
        let joined = lines[..2].join(" ");
        for word in label.split(' ') {
            assert!(joined.contains(word), "{word} missing: {lines:?}");
        }
        assert!(lines[2].ends_with(" 30 %"), "{lines:?}");
        assert!(lines[3].ends_with(" 60 %"), "{lines:?}");
        // A scale of 25 cells: 30 % is 7.5 of them, 60 % is 15.
        assert!(lines[2].starts_with(&format!("{}▌░", "█".repeat(7))), "{lines:?}");
        assert!(lines[3].starts_with(&format!("{}░", "█".repeat(15))), "{lines:?}");
        assert!(lines[5].starts_with("Kort"), "{lines:?}");
    }

    #[test]
    fn tiny_areas_do_not_panic() {
        let chart = bars("Etikett", &[10, 90]);
        for (w, h) in [(0, 0), (1, 1), (3, 2), (10, 1)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            chart.render(buf.area, &mut buf);
            let _ = chart.height(w);
        }
    }
}

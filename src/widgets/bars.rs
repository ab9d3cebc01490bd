//! Horizontal bar charts of the percentages the articles report.
//!
//! Labels sit beside their bars when there is room, and on a line above them on narrow screens,
//! so a long label is never cut. Bars always scale to 100 %: the figures are shares, and a chart
//! scaled to its largest value would make small differences look large.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// Below this many columns for the bars themselves, labels move above the bars.
const MIN_BAR_WIDTH: u16 = 20;

/// One row of a table: a label and one value per series, each with the text written in its bar.
pub struct BarRow<'a> {
    pub label: Cow<'a, str>,
    pub values: Vec<(u8, String)>,
}

/// The style of a series' bars, and of the value text written inside them.
#[derive(Debug, Clone, Copy)]
pub struct Series {
    pub bar: Style,
    pub value: Style,
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

    /// Labels beside the bars when they take at most half the width and leave room for bars.
    fn side_by_side(&self, width: u16) -> bool {
        let label = self.label_width();
        label <= width / 2 && width.saturating_sub(label + 1) >= MIN_BAR_WIDTH
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

    fn bar(&self, series: usize, value: u8, text: &str) -> Bar<'static> {
        let style =
            self.series.get(series).copied().unwrap_or(Series { bar: Style::new(), value: Style::new() });
        Bar::default()
            .value(u64::from(value))
            .text_value(text.to_owned())
            .style(style.bar)
            .value_style(style.value)
    }

    fn chart(bars: Vec<BarGroup<'static>>, group_gap: u16) -> BarChart<'static> {
        let mut chart = BarChart::default()
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
            .group_gap(group_gap)
            .max(100);
        for group in bars {
            chart = chart.data(group);
        }
        chart
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let gap = u16::from(self.series_count() > 1);
        if self.side_by_side(area.width) {
            let groups = self
                .rows
                .iter()
                .map(|row| {
                    let bars: Vec<Bar> = row
                        .values
                        .iter()
                        .enumerate()
                        .map(|(i, (v, text))| {
                            let bar = self.bar(i, *v, text);
                            if i == 0 {
                                bar.label(Line::styled(row.label.to_string(), self.label_style))
                            } else {
                                bar
                            }
                        })
                        .collect();
                    BarGroup::default().bars(&bars)
                })
                .collect();
            Self::chart(groups, gap).render(area, buf);
            return;
        }
        let mut y = area.y;
        for row in &self.rows {
            let label_h = self.label_lines(row, area.width) as u16;
            let bars_h = row.values.len() as u16;
            let label_area = Rect { y, height: label_h, ..area }.intersection(area);
            Paragraph::new(Line::styled(row.label.as_ref(), self.label_style))
                .wrap(Wrap { trim: true })
                .render(label_area, buf);
            y = y.saturating_add(label_h);
            let bars_area = Rect { y, height: bars_h, ..area }.intersection(area);
            let bars: Vec<Bar> =
                row.values.iter().enumerate().map(|(i, (v, t))| self.bar(i, *v, t)).collect();
            Self::chart(vec![BarGroup::default().bars(&bars)], 0).render(bars_area, buf);
            y = y.saturating_add(bars_h + gap);
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
            series: vec![Series { bar: Style::new(), value: Style::new() }; 2],
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
        assert!(lines[0].starts_with("Lang etikett 50 %"), "{lines:?}");
        // 47 columns of bar; 50 % of them is 23 or 24 full cells.
        let full = lines[0].chars().filter(|c| *c == '█').count();
        assert!((19..=24).contains(&full), "{full}: {lines:?}");
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
        assert!(lines[2].starts_with("30 %"), "{lines:?}");
        assert!(lines[3].starts_with("60 %"), "{lines:?}");
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

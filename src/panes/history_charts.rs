//! The history's overview: the period's numbers, then mood, and craving with stress, as line
//! charts. A line is broken where days are missing (a line across them would invent values),
//! craving and stress differ by marker as well as colour (so they read without colour), and the
//! days with a slip are marked at the top of each chart, with a legend.

use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget};

use super::View;
use super::history::HistoryPane;
use crate::domain::stats;

/// Wide enough to put the charts side by side.
const WIDE: u16 = 110;
/// How each line is drawn, also the sample in its legend.
const CRAVING_SAMPLE: &str = "⠤⠤";
const STRESS_SAMPLE: &str = "••";
const SLIP_SAMPLE: &str = "█";

/// One line of a chart: its points, marker and style.
struct Series<'a> {
    points: &'a [(f64, f64)],
    marker: Marker,
    style: Style,
}

impl HistoryPane {
    pub(super) fn render_overview(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let s = &self.stats.summary;
        let [numbers, charts] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let avg = |v: Option<f64>| v.map_or("–".to_owned(), |v| self.lang.decimal(v));
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("{}: ", t.checked_in), view.theme.dim),
                Span::styled(
                    format!("{} / {} {}", s.checkins, self.range_days(), t.days),
                    view.theme.emphasis,
                ),
                Span::styled(format!("   {}: ", t.slip), view.theme.dim),
                Span::styled(s.slips.to_string(), view.theme.base),
            ]),
            Line::styled(
                format!(
                    "{} {} {}  ·  {} {} {} ({} {})  ·  {} {} {}",
                    t.mood,
                    t.average,
                    avg(s.mood),
                    t.craving,
                    t.average,
                    avg(s.craving),
                    t.highest,
                    s.craving_max.map_or("–".to_owned(), |m| m.to_string()),
                    t.stress,
                    t.average,
                    avg(s.stress)
                ),
                view.theme.base,
            ),
        ];
        Paragraph::new(lines).render(numbers, buf);
        if s.checkins == 0 {
            return Paragraph::new(t.no_data).style(view.theme.dim).render(charts, buf);
        }
        let direction = if area.width >= WIDE { Direction::Horizontal } else { Direction::Vertical };
        // Side by side, a gap keeps the first chart's last date from running into the second's first.
        let [mood, craving] = Layout::default()
            .direction(direction)
            .constraints([Constraint::Fill(1); 2])
            .spacing(u16::from(direction == Direction::Horizontal) * 3)
            .areas(charts);
        let slip = s.slips > 0;
        let slip_legend = |spans: &mut Vec<Span<'static>>| {
            if slip {
                spans.push(Span::styled(format!("   {SLIP_SAMPLE} "), view.theme.emphasis));
                spans.push(Span::styled(t.slip, view.theme.dim));
            }
        };
        let mut mood_title = vec![Span::styled(t.chart_mood, view.theme.heading)];
        slip_legend(&mut mood_title);
        let mood_line = Series { points: &self.stats.mood, marker: Marker::Braille, style: view.theme.key };
        self.chart(mood, buf, view, Line::from(mood_title), &[mood_line], [1.0, 5.0], ["1", "3", "5"]);
        // The title doubles as the legend: each word after its line's marker, in its colour.
        let mut craving_title = vec![
            Span::styled(format!("{CRAVING_SAMPLE} "), view.theme.match_hl),
            Span::styled(t.craving, view.theme.match_hl),
            Span::styled("   ", view.theme.dim),
            Span::styled(format!("{STRESS_SAMPLE} "), view.theme.heading),
            Span::styled(t.stress, view.theme.heading),
        ];
        slip_legend(&mut craving_title);
        let lines = [
            Series {
                points: &self.stats.craving_points,
                marker: Marker::Braille,
                style: view.theme.match_hl,
            },
            Series { points: &self.stats.stress, marker: Marker::Dot, style: view.theme.heading },
        ];
        self.chart(craving, buf, view, Line::from(craving_title), &lines, [0.0, 10.0], ["0", "5", "10"]);
    }

    /// A line chart of `lines` over the period, each broken into runs at missing days, with the
    /// slips marked on its top row.
    #[allow(clippy::too_many_arguments)]
    fn chart(
        &self,
        area: Rect,
        buf: &mut Buffer,
        view: &View,
        title: Line,
        lines: &[Series],
        y: [f64; 2],
        y_labels: [&'static str; 3],
    ) {
        let x_max = f64::from(self.range_days() - 1).max(1.0);
        let slips: Vec<(f64, f64)> = self.stats.slip_days.iter().map(|x| (*x, y[1])).collect();
        let mut data: Vec<Dataset> = Vec::new();
        for line in lines {
            for run in stats::runs(line.points, self.stats.step) {
                data.push(
                    Dataset::default()
                        .marker(line.marker)
                        .graph_type(GraphType::Line)
                        .style(line.style)
                        .data(run),
                );
            }
        }
        data.push(
            Dataset::default()
                .marker(Marker::Block)
                .graph_type(GraphType::Scatter)
                .style(view.theme.emphasis)
                .data(&slips),
        );
        let start = self.period_start();
        let middle = start + Days::new((x_max / 2.0) as u64);
        let short = |d: NaiveDate| d.format("%d.%m").to_string();
        Chart::new(data)
            .block(Block::new().title(title))
            .legend_position(None)
            .x_axis(Axis::default().bounds([0.0, x_max]).style(view.theme.dim).labels([
                short(start),
                short(middle),
                short(self.today),
            ]))
            .y_axis(Axis::default().bounds(y).style(view.theme.dim).labels(y_labels))
            .render(area, buf);
    }
}

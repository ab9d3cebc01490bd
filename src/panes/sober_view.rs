//! Drawing the counter screen: the counters on the left, the selected one's numbers, its
//! slips per month and its slips with their notes on the right.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::View;
use super::goals_view::spread;
use super::sober::{Focus, Mode, SoberPane};
use crate::domain::sober::{DAY_MILESTONES, Milestone};
use crate::i18n::{GoalsText, SoberText};
use crate::store::sober::{CounterToday, SlipEntry, StoredCounter};
use crate::theme::Theme;
use crate::widgets::list_detail::{ListBox, ListRow, Split, render_list};

const LIST_PERCENT: u16 = 34;
const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

fn split(area: Rect) -> Split {
    Split::new(area, 0, LIST_PERCENT)
}

pub fn list_inner(area: Rect) -> Rect {
    split(area).list_inner()
}

pub fn list_rows(area: Rect) -> u16 {
    list_inner(area).height
}

/// The headline and the milestones of a counter, shared with the home screen.
pub fn counter_lines(
    c: &CounterToday,
    today: chrono::NaiveDate,
    s: (&GoalsText, &SoberText),
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (g, t) = s;
    let mut lines = vec![Line::from(vec![
        Span::styled(g.days_n(c.stats.current), theme.title),
        Span::styled(format!(" {}", t.in_a_row), theme.emphasis),
    ])];
    if let Some((milestone, date)) = c.next {
        let left = chrono_days(today, date);
        lines.push(Line::styled(
            t.next_milestone
                .replace("{m}", &milestone_name(milestone, g, t))
                .replace("{date}", &g.short_date(date, today.year()))
                .replace("{n}", &g.days_n(left)),
            theme.base,
        ));
    }
    if let Some((milestone, _)) = c.recent {
        lines.push(Line::styled(milestone_message(t, milestone), theme.key));
    }
    lines
}

fn chrono_days(from: chrono::NaiveDate, to: chrono::NaiveDate) -> u32 {
    crate::domain::sober::days_between(from, to)
}

pub fn milestone_name(m: crate::domain::sober::Milestone, g: &GoalsText, t: &SoberText) -> String {
    match m {
        crate::domain::sober::Milestone::Days(n) => g.days_n(n),
        crate::domain::sober::Milestone::Years(n) => t.years.replace("{n}", &n.to_string()),
    }
}

impl SoberPane {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = split(area);
        let focused = self.focus != Focus::List;
        if split.shows_list(focused) {
            self.render_list(&split, buf, view);
        }
        if split.shows_detail(focused) {
            self.render_detail(split.detail, buf, view);
        }
        match &self.mode {
            Mode::Browse => {}
            Mode::Form(_, form) => form.render(area, buf, view),
            Mode::Confirm(question) => question.render(area, buf, view),
        }
    }

    fn render_list(&self, split: &Split, buf: &mut Buffer, view: &View) {
        let (g, t, theme) = (&view.strings.goals, &view.strings.sober, view.theme);
        let width = split.list_inner().width.saturating_sub(2);
        let row = |i: usize| match self.counters.get(i) {
            Some((c, today)) => ListRow::Item(spread(
                vec![Span::raw(c.counter.name.clone())],
                Span::styled(g.days_n(today.stats.current), theme.dim),
                width,
            )),
            None => ListRow::Item(Line::styled(t.add_counter, theme.dim)),
        };
        let frame = ListBox { title: t.counters_heading, focused: self.focus == Focus::List, empty: "" };
        render_list(split.list, buf, frame, &self.nav, self.row_count(), row, theme);
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (t, theme) = (&view.strings.sober, view.theme);
        let focused = self.focus != Focus::List;
        let mut block = Block::bordered().border_style(if focused { theme.title } else { theme.border });
        let Some((stored, c)) = self.selected() else {
            let inner = block.inner(area);
            block.render(area, buf);
            Paragraph::new(t.empty).style(theme.dim).wrap(Wrap { trim: true }).render(inner, buf);
            return;
        };
        block = block.title(Span::styled(format!(" {} ", stored.counter.name), theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let (lines, cursor_line) = self.detail_lines(stored, c, view);
        // Keep the selected slip (and its notes) in view; otherwise show the top.
        let scroll = if focused { super::goals_view::scroll_to(&lines, cursor_line + 2, inner) } else { 0 };
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)).render(inner, buf);
    }

    /// Everything the detail shows of a counter, and the line of the slip under the cursor.
    fn detail_lines(
        &self,
        stored: &StoredCounter,
        c: &CounterToday,
        view: &View,
    ) -> (Vec<Line<'static>>, usize) {
        let (g, t, theme) = (&view.strings.goals, &view.strings.sober, view.theme);
        let focused = self.focus != Focus::List;
        let year = self.today.year();
        let s = &c.stats;
        let mut lines = self.counter_summary(stored, c, view);
        lines.push(Line::styled(t.counter_keys, theme.dim));
        lines.push(Line::default());
        if s.slips > 0 {
            lines.push(Line::styled(t.slip_words, theme.base));
            lines.push(Line::styled(t.slips_over_time, theme.heading));
            lines.extend(self.month_chart(g, theme));
            lines.push(Line::default());
        }
        lines.push(Line::styled(t.slips_heading, theme.heading));
        if self.slips.is_empty() {
            lines.push(Line::styled(t.no_slips, theme.dim));
        }
        let mut cursor_line = 0;
        for (i, slip) in self.slips.iter().enumerate() {
            let selected = self.focus == Focus::Slips(i);
            if selected {
                cursor_line = lines.len();
            }
            lines.extend(slip_lines(slip, selected, year, (g, t), theme));
        }
        if focused {
            lines.push(Line::default());
            lines.push(Line::styled(t.slip_list_keys, theme.dim));
        }
        (lines, cursor_line)
    }

    /// The selected counter, the slip under the cursor, the field being typed in, or the
    /// question being asked.
    pub fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        match &self.mode {
            Mode::Form(_, form) => return form.cursor(area),
            Mode::Confirm(question) => return question.cursor(area, view.strings),
            Mode::Browse => {}
        }
        let split = split(area);
        if self.focus == Focus::List {
            return split.list_cursor(&self.nav, self.row_count());
        }
        let (stored, c) = self.selected()?;
        let inner = Block::bordered().inner(split.detail);
        let (lines, cursor) = self.detail_lines(stored, c, view);
        let scroll = super::goals_view::scroll_to(&lines, cursor + 2, inner);
        super::cursor::wrapped_line(&lines, cursor, inner, scroll)
    }

    /// The counter's days and milestones, its totals, since when, and whether it follows the
    /// check-ins.
    pub(super) fn counter_summary(
        &self,
        stored: &StoredCounter,
        c: &CounterToday,
        view: &View,
    ) -> Vec<Line<'static>> {
        let (g, t, theme) = (&view.strings.goals, &view.strings.sober, view.theme);
        let year = self.today.year();
        let s = &c.stats;
        let mut lines = counter_lines(c, self.today, (g, t), theme);
        lines.extend(super::savings_view::saving_lines(c, self.currency, view.strings, theme, true));
        lines.push(Line::default());
        lines.push(Line::from(format!(
            "{}: {} · {}: {} · {}: {}",
            t.total,
            s.total,
            t.longest,
            g.days_n(s.longest),
            t.slips,
            s.slips
        )));
        let since = format!("{} {}", t.since, g.short_date(stored.counter.start, year));
        let last =
            s.last_slip.map(|d| format!(" · {} {}", t.last_slip.to_lowercase(), g.short_date(d, year)));
        lines.push(Line::styled(since + &last.unwrap_or_default(), theme.dim));
        lines.push(Line::styled(
            if stored.counter.follows_checkins { t.follows_yes } else { t.follows_no },
            theme.dim,
        ));
        lines
    }

    /// Slips per month as a row of bars over the months' names.
    fn month_chart(&self, g: &GoalsText, theme: &Theme) -> Vec<Line<'static>> {
        let max = self.by_month.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        let mut counts = Vec::new();
        let mut bars = Vec::new();
        let mut names = Vec::new();
        for ((_, month), n) in &self.by_month {
            let level = if *n == 0 { 0 } else { (n * 8).div_ceil(max).clamp(1, 8) as usize };
            counts.push(Span::styled(if *n > 0 { format!("{n:^3} ") } else { "    ".to_owned() }, theme.dim));
            bars.push(Span::styled(format!("{0}{0}{0} ", BARS[level]), theme.key));
            let name: String =
                g.months_short[(*month as usize).saturating_sub(1) % 12].chars().take(3).collect();
            names.push(Span::styled(format!("{name:<3} "), theme.dim));
        }
        vec![Line::from(counts), Line::from(bars), Line::from(names)]
    }
}

pub(super) fn slip_lines(
    slip: &SlipEntry,
    selected: bool,
    year: i32,
    s: (&GoalsText, &SoberText),
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (g, t) = s;
    let style = if selected { theme.selected } else { theme.emphasis };
    let marker = if selected { "› " } else { "  " };
    let mut head = format!("{marker}{}", g.short_date(slip.date, year));
    if let Some(used) = &slip.checkin {
        let detail = [used.substance.as_str(), used.amount.as_str()].join(" ");
        head.push_str(format!(" · {} {}", t.from_checkin, detail.trim()).trim_end());
    }
    let mut lines = vec![Line::styled(head, style)];
    if let Some(note) = &slip.note {
        for (label, text) in [(t.what_happened, &note.what_happened), (t.what_to_learn, &note.what_to_learn)]
        {
            if !text.is_empty() {
                lines.push(Line::from(vec![
                    Span::styled(format!("    {label}: "), theme.dim),
                    Span::styled(text.clone(), theme.base),
                ]));
            }
        }
    }
    lines
}

/// What a reached milestone says: its own line for the first days, one line for every year.
fn milestone_message(t: &SoberText, milestone: Milestone) -> String {
    match milestone {
        Milestone::Days(n) => DAY_MILESTONES
            .iter()
            .position(|m| *m == n)
            .map_or_else(String::new, |i| t.milestone_days[i].to_owned()),
        Milestone::Years(n) => t.milestone_years.replace("{n}", &n.to_string()),
    }
}

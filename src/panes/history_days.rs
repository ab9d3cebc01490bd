//! The history's list of days and the day's detail: side by side when wide, one at a time when
//! narrow (Enter opens a day, Esc goes back).

use crate::widgets::fit::ellipsize;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::View;
use super::history::HistoryPane;
use crate::content::Content;
use crate::content::labels;
use crate::domain::checkin::CheckIn;
use crate::i18n::{CheckinText, Lang};
use crate::theme::Theme;
use crate::widgets::list_detail;

const TWO_COLUMNS_MIN_WIDTH: u16 = 80;

impl HistoryPane {
    pub(super) fn render_days(&self, area: Rect, buf: &mut Buffer, view: &View) {
        if area.width >= TWO_COLUMNS_MIN_WIDTH {
            let [list, detail] =
                Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]).areas(area);
            self.render_list(list, buf, view, !self.detail_open);
            self.render_detail(detail, buf, view, self.detail_open);
        } else if self.detail_open {
            self.render_detail(area, buf, view, true);
        } else {
            self.render_list(area, buf, view, true);
        }
    }

    /// The selected day in the list, or the day being read.
    pub(super) fn days_cursor(&self, area: Rect) -> Option<Position> {
        let [list, detail] = if area.width >= TWO_COLUMNS_MIN_WIDTH {
            Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]).areas(area)
        } else {
            [area, area]
        };
        if self.detail_open {
            list_detail::box_cursor(detail)
        } else {
            list_detail::list_cursor(list, &self.nav, self.days.len())
        }
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View, focused: bool) {
        let t = &view.strings.checkin;
        let theme = view.theme;
        let block = Block::bordered().border_style(if focused { theme.title } else { theme.border });
        let inner = block.inner(area);
        block.render(area, buf);
        let lines: Vec<Line> = self
            .days
            .iter()
            .enumerate()
            .skip(self.nav.offset)
            .take(usize::from(inner.height))
            .map(|(i, c)| {
                let selected = i == self.nav.selected;
                let style = if selected { theme.selected } else { theme.base };
                let weekday = t.weekdays[c.date.weekday().num_days_from_monday() as usize];
                let slip = if c.slip.is_some() { " ·" } else { "" };
                let marker = if selected { "› " } else { "  " };
                let word = t.mood_words[usize::from(c.mood.clamp(1, 5) - 1)];
                let numbers =
                    format!("{} {}{slip}", t.craving, c.craving.map_or("–".to_owned(), |v| v.to_string()));
                let full = format!("{marker}{weekday} {}  {} {word:<12} {numbers}", c.date, c.mood);
                // Narrow, the mood's word gives way first: the numbers are what the row is for.
                let short = format!("{marker}{weekday} {}  {}  {numbers}", c.date, c.mood);
                let fits = full.chars().count() <= usize::from(inner.width);
                Line::styled(if fits { full } else { short }, style)
            })
            .map(|line| ellipsize(line, usize::from(inner.width)))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer, view: &View, focused: bool) {
        let t = &view.strings.checkin;
        let block =
            Block::bordered().border_style(if focused { view.theme.title } else { view.theme.border });
        let Some(day) = self.selected_day() else {
            let inner = block.inner(area);
            block.render(area, buf);
            return Paragraph::new(t.select_day).style(view.theme.dim).render(inner, buf);
        };
        Paragraph::new(day_text(self.content, day, self.lang, t, view.theme))
            .wrap(Wrap { trim: false })
            .scroll((self.detail_scroll, 0))
            .block(block)
            .render(area, buf);
    }
}

/// Every field of a day, labelled, with the note last.
pub fn day_text(content: &Content, c: &CheckIn, lang: Lang, t: &CheckinText, theme: &Theme) -> Text<'static> {
    let row = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label:<16}"), theme.dim), Span::styled(value, theme.base)])
    };
    let weekday = t.weekdays[c.date.weekday().num_days_from_monday() as usize];
    let mut lines = vec![
        Line::styled(format!("{weekday} {}", c.date), theme.heading),
        row(t.mood, format!("{} {}", c.mood, t.mood_words[usize::from(c.mood.clamp(1, 5) - 1)])),
        row(t.craving, c.craving.map_or("–".to_owned(), |v| format!("{v} / 10"))),
        row(t.stress, c.stress.map_or("–".to_owned(), |v| format!("{v} / 10"))),
    ];
    if let Some(hours) = c.sleep_hours() {
        let quality = c
            .sleep_quality
            .map_or(String::new(), |q| format!(", {}", t.sleep_words[usize::from(q.clamp(1, 5) - 1)]));
        lines.push(row(t.sleep, format!("{} {}{quality}", lang.decimal(f64::from(hours)), t.hours_short)));
    }
    let used = match &c.slip {
        Some(slip) => format!("{} {} {}", t.used_yes, slip.substance, slip.amount).trim().to_owned(),
        None => t.used_no.to_owned(),
    };
    lines.push(row(t.used, used));
    if !c.triggers.is_empty() {
        let names: Vec<&str> = c.triggers.iter().map(|x| labels::trigger(content, lang, x)).collect();
        lines.push(row(t.triggers, names.join(", ")));
    }
    if c.halt.any() {
        let on = [c.halt.hungry, c.halt.angry, c.halt.lonely, c.halt.tired];
        let words: Vec<&str> = t.halt_words.iter().zip(on).filter(|(_, on)| *on).map(|(w, _)| *w).collect();
        lines.push(row(t.halt, words.join(", ")));
    }
    if !c.helped.is_empty() {
        let names: Vec<&str> = c.helped.iter().map(|x| labels::helped(content, lang, x)).collect();
        lines.push(row(t.helped, names.join(", ")));
    }
    if !c.note.is_empty() {
        lines.push(Line::default());
        lines.extend(c.note.lines().map(|l| Line::styled(l.to_owned(), theme.base)));
    }
    Text::from(lines)
}

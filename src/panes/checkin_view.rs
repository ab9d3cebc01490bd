//! Drawing the check-in form: one row per field (choices fold to one line unless focused, the
//! note takes the space left), a status line, and on hard days the support offer.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::View;
use super::checkin::{CheckinPane, Editing, LineTarget};
use super::checkin_fields::Field;
use crate::content::{labels, techniques};
use crate::domain::checkin::NOTE_MAX_CHARS;
use crate::i18n::CheckinText;
use crate::theme::Theme;

const LABEL_WIDTH: u16 = 17;
/// Wide enough for the form and the support offer side by side.
const SIDE_PANEL_MIN_WIDTH: u16 = 100;
const SIDE_PANEL_WIDTH: u16 = 40;
/// A focused list of choices shows at most this many lines (scrolled to the cursor).
const CHIP_LINES_MAX: usize = 4;
/// The technique the support offer shows step by step.
const SUPPORT_TECHNIQUE: &str = "breathe-through-the-urge";

impl CheckinPane {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let c = &self.checkin;
        let weekday = t.weekdays[c.date.weekday().num_days_from_monday() as usize];
        let mut title = format!(" {} · {weekday} {} ", t.tab, c.date);
        if c.date == self.today {
            title = format!(" {} · {weekday} {} ({}) ", t.tab, c.date, t.today);
        }
        let block =
            Block::bordered().border_style(view.theme.border).title(Span::styled(title, view.theme.title));
        block.render(area, buf);
        let (rows_area, status, side) = self.areas(area);
        self.render_rows(rows_area, buf, view);
        self.render_status(status, buf, view, side.is_none());
        if let Some(side) = side {
            render_support(side, buf, view, t);
        }
        if let Some(question) = &self.slip_question {
            question.render(area, buf, view);
        }
    }

    /// The fields' rows, the status line under them, and the support offer beside them when
    /// there is room for it.
    fn areas(&self, area: Rect) -> (Rect, Rect, Option<Rect>) {
        let inner = Block::bordered().inner(area);
        let (form, side) = if self.support && inner.width >= SIDE_PANEL_MIN_WIDTH {
            let [form, side] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(SIDE_PANEL_WIDTH)]).areas(inner);
            (form, Some(side))
        } else {
            (inner, None)
        };
        let [rows_area, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(form);
        (rows_area, status, side)
    }

    fn render_rows(&self, area: Rect, buf: &mut Buffer, view: &View) {
        for (field, row) in self.field_rects(area) {
            self.render_field(field, row, buf, view);
        }
    }

    /// Where each field in view is drawn; the note takes the room left, and the form scrolls
    /// so the focused field is in view when it is taller than the screen.
    fn field_rects(&self, area: Rect) -> Vec<(Field, Rect)> {
        let value_width = area.width.saturating_sub(LABEL_WIDTH);
        let fields = Field::visible_for(&self.checkin);
        let mut heights: Vec<u16> = fields.iter().map(|f| self.height(*f, value_width)).collect();
        let fixed: u16 = heights.iter().sum();
        let note = fields.iter().position(|f| *f == Field::Note).unwrap_or(0);
        heights[note] += area.height.saturating_sub(fixed);
        let focus = fields.iter().position(|f| *f == self.field).unwrap_or(0);
        let mut top = 0;
        while heights[top..=focus].iter().sum::<u16>() > area.height && top < focus {
            top += 1;
        }
        let mut y = area.y;
        let mut rects = Vec::new();
        for (field, height) in fields.iter().zip(&heights).skip(top) {
            let height = (*height).min(area.bottom().saturating_sub(y));
            if height == 0 {
                break;
            }
            rects.push((*field, Rect { y, height, ..area }));
            y += height;
        }
        rects
    }

    /// The focused field's row; while typing, where the next letter goes (in the note, or on
    /// the status line that holds a one-line input).
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let (rows_area, status, _) = self.areas(area);
        match &self.editing {
            Some(Editing::Line(target, input)) => {
                let prompt = line_prompt(*target, &self.lang.strings().checkin).width();
                let typed: String = input.lines().join(" ").chars().take(input.cursor().1).collect();
                let x = status.x.saturating_add((prompt + typed.width()) as u16);
                (x < status.right()).then(|| Position::new(x, status.y))
            }
            Some(Editing::Note) => {
                let (_, rect) = self.field_rects(rows_area).into_iter().find(|(f, _)| *f == Field::Note)?;
                // On screen, after wrapping, less what the note was scrolled by when it was drawn.
                let at = self.note.screen_cursor();
                let (top, left) = self.note.scroll_offset();
                let value =
                    Rect { x: rect.x + LABEL_WIDTH, width: rect.width.saturating_sub(LABEL_WIDTH), ..rect };
                let x = value.x.saturating_add((at.col as u16).saturating_sub(left));
                let y = value.y.saturating_add((at.row as u16).saturating_sub(top));
                value.contains(Position::new(x, y)).then(|| Position::new(x, y))
            }
            None => self
                .field_rects(rows_area)
                .into_iter()
                .find(|(f, _)| *f == self.field)
                .map(|(_, r)| r.as_position()),
        }
    }

    fn height(&self, field: Field, width: u16) -> u16 {
        match field {
            Field::Triggers | Field::Helped if self.field == field => {
                chip_lines(&self.chip_labels(field), width).len().clamp(1, CHIP_LINES_MAX) as u16
            }
            Field::Note => 3,
            _ => 1,
        }
    }

    /// Each choice of a field of choices (triggers, HALT, what helped) and whether it is ticked.
    pub fn chip_labels(&self, field: Field) -> Vec<(String, bool)> {
        let c = &self.checkin;
        let t = &self.lang.strings().checkin;
        match field {
            Field::Triggers => self
                .trigger_options
                .iter()
                .map(|id| (labels::trigger(self.content, self.lang, id).to_owned(), c.triggers.contains(id)))
                .collect(),
            Field::Helped => self
                .helped_options
                .iter()
                .map(|id| (labels::helped(self.content, self.lang, id).to_owned(), c.helped.contains(id)))
                .collect(),
            Field::Halt => {
                let on = [c.halt.hungry, c.halt.angry, c.halt.lonely, c.halt.tired];
                t.halt_words.iter().zip(on).map(|(w, on)| ((*w).to_owned(), on)).collect()
            }
            _ => Vec::new(),
        }
    }

    fn render_field(&self, field: Field, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let theme = view.theme;
        let focused = self.field == field && self.editing.is_none()
            || matches!(self.editing, Some(Editing::Note)) && field == Field::Note;
        let [label_area, value_area] =
            Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(area);
        let label_style = if focused { theme.selected } else { theme.emphasis };
        let marker = if focused { "› " } else { "  " };
        Line::styled(format!("{marker}{}", field_label(field, t)), label_style).render(label_area, buf);
        let c = &self.checkin;
        let value = |text: String| arrows(text, focused, theme);
        let line = match field {
            Field::Date => value(self.value_text(field, t)),
            Field::Mood => {
                let mut line = value(self.value_text(field, t));
                line.push_span(Span::styled(format!("  {}", meter(c.mood - 1, 4)), theme.key));
                line
            }
            Field::Craving | Field::Stress => {
                match if field == Field::Craving { c.craving } else { c.stress } {
                    Some(n) => {
                        let mut line = value(format!("{n:>2}"));
                        line.push_span(Span::styled(format!("  {}", meter(n, 10)), theme.key));
                        line
                    }
                    // Not answered: no meter, which would read as a 0.
                    None => value("–".to_owned()),
                }
            }
            Field::Sleep | Field::SleepQuality | Field::Used => value(self.value_text(field, t)),
            Field::Substance | Field::Amount => {
                let slip = c.slip.clone().unwrap_or_default();
                let text = if field == Field::Substance { slip.substance } else { slip.amount };
                if text.is_empty() {
                    Line::styled(t.enter_to_type, theme.dim)
                } else {
                    Line::styled(text, theme.base)
                }
            }
            Field::Triggers | Field::Helped | Field::Halt => {
                return self.render_chips(field, focused, value_area, buf, view);
            }
            Field::Note => {
                (&self.note).render(value_area, buf);
                return;
            }
            Field::Done => {
                let style = if focused { theme.selected } else { theme.key };
                Line::from(Span::styled(format!("[ {} ]", t.save_day), style))
            }
        };
        line.render(value_area, buf);
    }

    fn render_chips(&self, field: Field, focused: bool, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.checkin;
        let chips = self.chip_labels(field);
        if !focused && field != Field::Halt {
            let chosen: Vec<&str> = chips.iter().filter(|(_, on)| *on).map(|(l, _)| l.as_str()).collect();
            let line = if chosen.is_empty() {
                Line::styled(format!("{} · {}", t.none, t.enter_to_add), view.theme.dim)
            } else {
                Line::styled(chosen.join(", "), view.theme.base)
            };
            return line.render(area, buf);
        }
        let lines = chip_lines(&chips, area.width);
        let cursor_line = lines.iter().position(|l| l.contains(&self.chip)).unwrap_or(0);
        let first = (cursor_line + 1).saturating_sub(usize::from(area.height).max(1));
        let text: Vec<Line> = lines
            .iter()
            .skip(first)
            .take(usize::from(area.height))
            .map(|members| {
                let spans = members.iter().flat_map(|&i| {
                    let (label, on) = &chips[i];
                    let style = match (focused && i == self.chip, on) {
                        (true, _) => view.theme.selected,
                        (false, true) => view.theme.key,
                        (false, false) => view.theme.base,
                    };
                    [
                        Span::styled(format!("[{}] {label}", if *on { 'x' } else { ' ' }), style),
                        Span::raw("  "),
                    ]
                });
                Line::from(spans.collect::<Vec<_>>())
            })
            .collect();
        Paragraph::new(text).render(area, buf);
    }

    fn render_status(&self, area: Rect, buf: &mut Buffer, view: &View, short_support: bool) {
        let t = &view.strings.checkin;
        let theme = view.theme;
        let line = match &self.editing {
            Some(Editing::Line(target, input)) => {
                let prompt = line_prompt(*target, t);
                let width = (prompt.chars().count() as u16).min(area.width);
                Span::styled(prompt, theme.key).render(area, buf);
                // The input itself, so its cursor shows where the next letter goes, also after
                // ← or →, not always at the end.
                let mut shown = (**input).clone();
                shown.set_style(theme.emphasis);
                shown.set_cursor_style(
                    ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::REVERSED),
                );
                let rest = Rect { x: area.x + width, width: area.width - width, ..area };
                return (&shown).render(rest, buf);
            }
            // From nine tenths of the limit on, how much room is left shows beside the keys.
            Some(Editing::Note) if self.note_chars() >= NOTE_MAX_CHARS / 10 * 9 => {
                let count = t.note_count.replace("{n}", &self.note_chars().to_string());
                let count = count.replace("{max}", &NOTE_MAX_CHARS.to_string());
                Line::from(vec![
                    Span::styled(format!("{count} · "), theme.emphasis),
                    Span::styled(t.note_hint, theme.dim),
                ])
            }
            Some(Editing::Note) => Line::styled(t.note_hint, theme.dim),
            None if self.support && short_support => match breathe_key() {
                Some(key) => Line::styled(t.support_short_breathe.replace("{key}", &key), theme.emphasis),
                None => Line::styled(t.support_short, theme.emphasis),
            },
            None => match self.saved_at {
                Some(at) => {
                    Line::styled(format!("{} {}", t.saved_at, at.format("%Y-%m-%d %H:%M")), theme.dim)
                }
                None => Line::styled(t.not_saved, theme.dim),
            },
        };
        line.render(area, buf);
    }
}

fn render_support(area: Rect, buf: &mut Buffer, view: &View, t: &CheckinText) {
    let (content, lang, theme) = (view.content, view.lang, view.theme);
    let block = Block::bordered()
        .border_style(theme.title)
        .title(Span::styled(format!(" {} ", t.support_title), theme.title));
    let mut lines = vec![Line::styled(t.support_text, theme.base), Line::default()];
    if let Some(technique) = techniques::all(content, lang).iter().find(|x| x.id == SUPPORT_TECHNIQUE) {
        lines.push(Line::styled(technique.name.clone(), theme.emphasis));
        for step in &technique.steps {
            lines.push(Line::styled(format!("· {step}"), theme.base));
        }
        lines.push(Line::default());
    }
    if let Some(key) = breathe_key() {
        lines.push(Line::styled(t.support_breathe.replace("{key}", &key), theme.emphasis));
        lines.push(Line::default());
    }
    lines.push(Line::styled(t.support_helplines, theme.emphasis));
    Paragraph::new(Text::from(lines)).wrap(Wrap { trim: true }).block(block).render(area, buf);
}

/// The key that opens the breathing screen, when the app has one: the offer names only what
/// exists.
fn breathe_key() -> Option<String> {
    use crate::ui::Tab;
    Tab::ALL.iter().position(|t| *t == Tab::Breathe).filter(|i| *i < 9).map(|i| (i + 1).to_string())
}

/// What a one-line input asks, as the status line shows it before the typed text.
fn line_prompt(target: LineTarget, t: &CheckinText) -> String {
    let prompt = match target {
        LineTarget::Date => t.date_prompt,
        LineTarget::Substance => t.substance,
        LineTarget::Amount => t.amount,
        LineTarget::OwnTrigger => t.own_trigger_prompt,
        LineTarget::OwnHelped => t.own_helped_prompt,
    };
    if prompt.ends_with(' ') { prompt.to_owned() } else { format!("{prompt}: ") }
}

pub fn field_label(field: Field, t: &CheckinText) -> &'static str {
    match field {
        Field::Date => t.date,
        Field::Mood => t.mood,
        Field::Craving => t.craving,
        Field::Stress => t.stress,
        Field::Sleep => t.sleep,
        Field::SleepQuality => t.sleep_quality,
        Field::Used => t.used,
        Field::Substance => t.substance,
        Field::Amount => t.amount,
        Field::Triggers => t.triggers,
        Field::Halt => t.halt,
        Field::Helped => t.helped,
        Field::Note => t.note,
        Field::Done => "",
    }
}

/// A value between arrows that show it can be changed with left and right.
fn arrows(text: String, focused: bool, theme: &Theme) -> Line<'static> {
    let arrow = if focused { theme.key } else { theme.dim };
    Line::from(vec![
        Span::styled("‹ ", arrow),
        Span::styled(text, if focused { theme.emphasis } else { theme.base }),
        Span::styled(" ›", arrow),
    ])
}

/// `n` of `max` as filled and empty blocks.
fn meter(n: u8, max: u8) -> String {
    let n = n.min(max);
    "■".repeat(usize::from(n)) + &"·".repeat(usize::from(max - n))
}

/// Which choices go on which line at `width`, in order.
fn chip_lines(chips: &[(String, bool)], width: u16) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0usize;
    for (i, (label, _)) in chips.iter().enumerate() {
        let w = label.width() + 6;
        if used > 0 && used + w > usize::from(width) {
            lines.push(Vec::new());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.push(i);
        }
        used += w;
    }
    lines
}

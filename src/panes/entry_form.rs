//! A small form drawn over a screen, for making or changing one thing (a goal, a habit, a
//! counter, a slip, a plan entry). While it is open every key is text for it (the app is in
//! text mode): Enter goes to the next field and saves on the last, Ctrl-S saves, Esc cancels,
//! Tab and the arrows move between fields. A refused value keeps everything typed and says why
//! under the fields.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use ratatui_textarea::{CursorMove, TextArea};
use unicode_width::UnicodeWidthStr;

use super::View;
use crate::action::Action;

enum Input {
    Text { area: Box<TextArea<'static>>, max_chars: usize },
    Choice { options: Vec<&'static str>, selected: usize },
}

struct Field {
    label: &'static str,
    input: Input,
}

pub struct EntryForm {
    title: String,
    intro: Option<std::borrow::Cow<'static, str>>,
    fields: Vec<Field>,
    focus: usize,
    error: Option<String>,
}

/// A form as the plain mode asks it, a field at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormView {
    pub title: String,
    pub intro: Option<std::borrow::Cow<'static, str>>,
    pub fields: Vec<FieldView>,
    pub focus: usize,
    /// Why the last try was refused.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldView {
    pub label: &'static str,
    /// A text field's text as typed; `None` for a choice.
    pub text: Option<String>,
    /// A choice's options (empty for a text field), and the one chosen.
    pub options: Vec<&'static str>,
    pub selected: usize,
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    /// Still editing.
    Editing,
    /// Save what is in the fields (the form stays open until the caller closes it).
    Submit,
    Cancel,
}

impl EntryForm {
    pub fn new(title: impl Into<String>) -> Self {
        Self { title: title.into(), intro: None, fields: Vec::new(), focus: 0, error: None }
    }

    /// A line of text under the title, before the fields.
    pub fn intro(mut self, text: impl Into<std::borrow::Cow<'static, str>>) -> Self {
        self.intro = Some(text.into());
        self
    }

    /// A one-line text field; a longer value is cut at `max_chars` as it is typed.
    pub fn text(mut self, label: &'static str, initial: &str, max_chars: usize) -> Self {
        let mut area = TextArea::new(vec![initial.replace('\n', " ")]);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(CursorMove::End);
        self.fields.push(Field { label, input: Input::Text { area: Box::new(area), max_chars } });
        self
    }

    /// A choice among a few options, changed with Space or the left and right arrows.
    pub fn choice(mut self, label: &'static str, options: Vec<&'static str>, selected: usize) -> Self {
        let selected = selected.min(options.len().saturating_sub(1));
        self.fields.push(Field { label, input: Input::Choice { options, selected } });
        self
    }

    /// The text of field `index`, trimmed.
    pub fn value(&self, index: usize) -> String {
        match self.fields.get(index).map(|f| &f.input) {
            Some(Input::Text { area, .. }) => area.lines().join(" ").trim().to_owned(),
            _ => String::new(),
        }
    }

    /// The chosen option of field `index`.
    pub fn selected(&self, index: usize) -> usize {
        match self.fields.get(index).map(|f| &f.input) {
            Some(Input::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    pub fn view(&self) -> FormView {
        let fields = self
            .fields
            .iter()
            .map(|f| match &f.input {
                Input::Text { area, .. } => FieldView {
                    label: f.label,
                    text: Some(area.lines().join(" ")),
                    options: Vec::new(),
                    selected: 0,
                },
                Input::Choice { options, selected } => {
                    FieldView { label: f.label, text: None, options: options.clone(), selected: *selected }
                }
            })
            .collect();
        FormView {
            title: self.title.clone(),
            intro: self.intro.clone(),
            fields,
            focus: self.focus,
            error: self.error.clone(),
        }
    }

    /// Shows why the values were refused and puts the cursor in the field at fault.
    pub fn refuse(&mut self, field: usize, message: impl Into<String>) {
        self.error = Some(message.into());
        self.focus = field.min(self.fields.len().saturating_sub(1));
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn handle(&mut self, action: &Action) -> FormEvent {
        let last = self.fields.len().saturating_sub(1);
        match action {
            Action::Back => return FormEvent::Cancel,
            Action::Save => return FormEvent::Submit,
            Action::Open if self.focus >= last => return FormEvent::Submit,
            Action::Open => self.focus += 1,
            Action::Text(key) => match (key.code, &mut self.fields[self.focus].input) {
                (KeyCode::Tab | KeyCode::Down, _) => self.focus = (self.focus + 1).min(last),
                (KeyCode::BackTab | KeyCode::Up, _) => self.focus = self.focus.saturating_sub(1),
                (KeyCode::Char(' ') | KeyCode::Right, Input::Choice { options, selected }) => {
                    *selected = (*selected + 1) % options.len().max(1);
                }
                (KeyCode::Left, Input::Choice { options, selected }) => {
                    *selected = (*selected + options.len().max(1) - 1) % options.len().max(1);
                }
                (_, Input::Text { area, max_chars }) => {
                    let typing = matches!(key.code, KeyCode::Char(_))
                        && !key.modifiers.contains(KeyModifiers::CONTROL);
                    let full = area.lines().iter().map(|l| l.chars().count()).sum::<usize>() >= *max_chars;
                    // A pasted line break stays on one line: these are short values.
                    if !(typing && full) && key.code != KeyCode::Enter {
                        area.input(*key);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        FormEvent::Editing
    }

    /// Where the form's box goes in `area`, and the lines a text takes in it; `None` when it
    /// does not fit.
    fn frame(&self, area: Rect) -> Option<(Rect, impl Fn(&str) -> u16)> {
        let width = area.width.saturating_sub(4).min(72);
        let mut lines = self.fields.len() as u16 * 2;
        let inner_width = width.saturating_sub(2);
        let wrapped = move |text: &str| -> u16 {
            Paragraph::new(text.to_owned()).wrap(Wrap { trim: true }).line_count(inner_width) as u16
        };
        if let Some(intro) = self.intro.as_deref() {
            lines += wrapped(intro) + 1;
        }
        if let Some(error) = &self.error {
            lines += wrapped(error) + 1;
        }
        let rect = crate::ui::centered(area, width, lines + 2).intersection(area);
        (rect.width >= 4 && rect.height >= 3).then_some((rect, wrapped))
    }

    /// Where the next letter goes in the focused field, or the chosen option of a choice.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let (rect, wrapped) = self.frame(area)?;
        let inner = Block::bordered().inner(rect);
        let intro = self.intro.as_deref().map_or(0, |intro| wrapped(intro) + 1);
        let y = inner.y + intro + self.focus as u16 * 2 + 1;
        let column = match &self.fields.get(self.focus)?.input {
            Input::Text { area, .. } => {
                let line = area.lines().get(area.cursor().0).map_or("", String::as_str);
                line.chars().take(area.cursor().1).collect::<String>().width()
            }
            Input::Choice { options, selected } => {
                options.iter().take(*selected).map(|o| o.width() + 3).sum()
            }
        };
        let at = Position::new(inner.x + 2 + column as u16, y);
        inner.contains(at).then_some(at)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let Some((rect, wrapped)) = self.frame(area) else { return };
        Clear.render(rect, buf);
        let block = Block::bordered()
            .border_style(theme.title)
            .title(Span::styled(format!(" {} ", self.title), theme.title))
            .title_bottom(
                Line::styled(format!(" {} ", view.strings.goals.form_hint), theme.dim).right_aligned(),
            );
        let inner = block.inner(rect);
        block.render(rect, buf);
        let mut y = inner.y;
        let mut next = |height: u16| {
            let r = Rect { y, height: height.min(inner.bottom().saturating_sub(y)), ..inner };
            y = y.saturating_add(height);
            r
        };
        if let Some(intro) = self.intro.as_deref() {
            let h = wrapped(intro);
            Paragraph::new(intro).style(theme.dim).wrap(Wrap { trim: true }).render(next(h), buf);
            next(1);
        }
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let label_style = if focused { theme.title } else { theme.dim };
            Line::styled(field.label, label_style).render(next(1), buf);
            let row = next(1);
            let marker = Rect { width: 2.min(row.width), ..row };
            Span::styled(if focused { "› " } else { "  " }, theme.key).render(marker, buf);
            let value = Rect { x: row.x + 2, width: row.width.saturating_sub(2), ..row };
            match &field.input {
                Input::Text { area, .. } => {
                    let mut shown = (**area).clone();
                    let cursor = if focused { theme.selected } else { Style::default() };
                    shown.set_cursor_style(cursor);
                    shown.set_style(if focused { theme.emphasis } else { theme.base });
                    (&shown).render(value, buf);
                }
                Input::Choice { options, selected } => {
                    let mut spans = Vec::new();
                    for (j, option) in options.iter().enumerate() {
                        let style = if j == *selected { theme.selected } else { theme.dim };
                        spans.push(Span::styled(format!(" {option} "), style));
                        spans.push(Span::raw(" "));
                    }
                    Line::from(spans).render(value, buf);
                }
            }
        }
        if let Some(error) = &self.error {
            next(1);
            let h = wrapped(error);
            Paragraph::new(error.as_str())
                .style(theme.emphasis)
                .wrap(Wrap { trim: true })
                .render(next(h), buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEvent;

    use super::*;

    fn key(code: KeyCode) -> Action {
        Action::Text(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn typed(form: &mut EntryForm, text: &str) {
        for c in text.chars() {
            form.handle(&key(KeyCode::Char(c)));
        }
    }

    #[test]
    fn typing_moving_and_submitting() {
        let mut form = EntryForm::new("Nytt mål").text("Mål", "", 10).text("Dato", "2026", 10).choice(
            "Hvor ofte",
            vec!["dag", "uke"],
            0,
        );
        typed(&mut form, "Gå en tur i skogen");
        assert_eq!(form.value(0), "Gå en tur", "cut at ten characters as typed (and trimmed)");
        assert_eq!(form.handle(&Action::Open), FormEvent::Editing);
        typed(&mut form, "-12-01");
        assert_eq!(form.value(1), "2026-12-01");
        form.handle(&key(KeyCode::Tab));
        form.handle(&key(KeyCode::Char(' ')));
        assert_eq!(form.selected(2), 1);
        form.handle(&key(KeyCode::Left));
        assert_eq!(form.selected(2), 0);
        assert_eq!(form.handle(&Action::Open), FormEvent::Submit, "Enter on the last field saves");
        assert_eq!(form.handle(&Action::Save), FormEvent::Submit);
        assert_eq!(form.handle(&Action::Back), FormEvent::Cancel);
    }

    #[test]
    fn a_refusal_keeps_the_text_and_moves_to_the_field() {
        let mut form = EntryForm::new("x").text("a", "første", 50).text("b", "", 50);
        form.handle(&Action::Open);
        form.refuse(0, "for kort");
        assert_eq!(form.error(), Some("for kort"));
        typed(&mut form, "!");
        assert_eq!(form.value(0), "første!");
    }
}

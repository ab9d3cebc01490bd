//! The form for a person's own breathing pattern: a name and four lengths in seconds. While it
//! is open, keys are text (see `App::text_mode`); Enter saves, Esc cancels.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use crate::domain::own_pattern::{MAX_NAME_CHARS, OwnPattern, Problem, tenths_text};
use crate::i18n::BreatheText;
use crate::panes::View;
use crate::panes::entry_form::{FieldView, FormView};
use crate::ui;

const FIELDS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternForm {
    /// The pattern being edited, or 0 for a new one.
    pub id: i64,
    /// Name, then in, hold, out, hold.
    values: [String; FIELDS],
    focus: usize,
    problem: Option<Problem>,
}

pub enum FormOutcome {
    Editing,
    Save(OwnPattern),
}

impl PatternForm {
    pub fn new_pattern() -> Self {
        let values = [String::new(), "4".into(), "0".into(), "6".into(), "0".into()];
        Self { id: 0, values, focus: 0, problem: None }
    }

    pub fn edit(pattern: &OwnPattern, decimal: char) -> Self {
        let [a, b, c, d] = pattern.tenths.map(|t| tenths_text(t, decimal));
        Self { id: pattern.id, values: [pattern.name.clone(), a, b, c, d], focus: 0, problem: None }
    }

    pub fn key(&mut self, key: &KeyEvent) {
        let field = &mut self.values[self.focus];
        match (key.code, key.modifiers) {
            (KeyCode::Tab | KeyCode::Down, _) => self.focus = (self.focus + 1) % FIELDS,
            (KeyCode::BackTab | KeyCode::Up, _) => self.focus = (self.focus + FIELDS - 1) % FIELDS,
            (KeyCode::Backspace, _) => {
                field.pop();
            }
            (KeyCode::Char('u'), KeyModifiers::CONTROL) => field.clear(),
            (KeyCode::Char(c), m) if !m.contains(KeyModifiers::CONTROL) && !c.is_control() => {
                let limit = if self.focus == 0 { MAX_NAME_CHARS + 1 } else { 6 };
                if field.chars().count() < limit {
                    field.push(c);
                }
            }
            _ => {}
        }
    }

    /// The name and the four lengths as text fields, for the plain mode.
    pub fn view(&self, t: &BreatheText) -> FormView {
        let labels = std::iter::once(t.form_name).chain(t.form_steps);
        let fields = labels
            .zip(&self.values)
            .map(|(label, value)| FieldView {
                label,
                text: Some(value.clone()),
                options: Vec::new(),
                selected: 0,
            })
            .collect();
        let title = if self.id == 0 { t.form_new } else { t.form_edit };
        let error = self.problem.map(|p| problem_text(p, t).to_owned());
        FormView {
            title: title.to_owned(),
            intro: Some(t.new_pattern_detail.into()),
            fields,
            focus: self.focus,
            error,
        }
    }

    /// Shows a problem found outside the form (a name already in use) at its field.
    pub fn show(&mut self, problem: Problem) {
        self.focus = 0;
        self.problem = Some(problem);
    }

    /// Enter: the pattern if it is valid, else the first problem is shown at its field.
    pub fn submit(&mut self) -> FormOutcome {
        let [name, a, b, c, d] = &self.values;
        match OwnPattern::parse(self.id, name, [a, b, c, d]) {
            Ok(pattern) => FormOutcome::Save(pattern),
            Err(problem) => {
                self.focus = match problem {
                    Problem::NameMissing | Problem::NameTooLong | Problem::NameTaken => 0,
                    Problem::NotSeconds(i) | Problem::TooLong(i) | Problem::MustBreathe(i) => i + 1,
                };
                self.problem = Some(problem);
                FormOutcome::Editing
            }
        }
    }

    /// The end of the focused field, where the next letter goes.
    pub fn cursor(&self, area: Rect, t: &BreatheText) -> Option<Position> {
        let labels: Vec<&str> = std::iter::once(t.form_name).chain(t.form_steps).collect();
        let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let lines = FIELDS + 2 + usize::from(self.problem.is_some());
        let rect = ui::centered(area, 64, lines as u16 + 2).intersection(area);
        let inner = Block::bordered().inner(rect);
        let x = inner.x as usize + 1 + label_width + 2 + self.values[self.focus].width();
        let at = Position::new(u16::try_from(x).ok()?, inner.y + self.focus as u16);
        inner.contains(at).then_some(at)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.strings.breathe;
        let theme = view.theme;
        let labels: Vec<&str> = std::iter::once(t.form_name).chain(t.form_steps).collect();
        let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let mut lines = Vec::new();
        for (i, (label, value)) in labels.iter().zip(&self.values).enumerate() {
            let focused = i == self.focus;
            let style = if focused { theme.selected } else { theme.base };
            let mut spans = vec![
                Span::styled(format!(" {label:<label_width$}  "), theme.dim),
                Span::styled(value.clone(), style),
                Span::styled(if focused { "_" } else { "" }, theme.key),
            ];
            if i > 0 {
                spans.push(Span::styled(format!("  {}", t.form_seconds), theme.dim));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        if let Some(problem) = self.problem {
            lines.push(Line::styled(format!(" {}", problem_text(problem, t)), theme.emphasis));
        }
        lines.push(Line::styled(format!(" {}", t.form_hint), theme.dim));
        let title = if self.id == 0 { t.form_new } else { t.form_edit };
        let rect = ui::centered(area, 64, lines.len() as u16 + 2).intersection(buf.area);
        Clear.render(rect, buf);
        Paragraph::new(Text::from(lines))
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .border_style(theme.title)
                    .title(Span::styled(format!(" {title} "), theme.title)),
            )
            .render(rect, buf);
    }
}

pub fn problem_text(problem: Problem, t: &BreatheText) -> &'static str {
    match problem {
        Problem::NameMissing => t.problem_name_missing,
        Problem::NameTooLong => t.problem_name_too_long,
        Problem::NameTaken => t.problem_name_taken,
        Problem::NotSeconds(_) => t.problem_not_seconds,
        Problem::TooLong(_) => t.problem_too_long,
        Problem::MustBreathe(_) => t.problem_must_breathe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut PatternForm, text: &str) {
        for c in text.chars() {
            form.key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn press(form: &mut PatternForm, code: KeyCode) {
        form.key(&KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn typing_a_pattern_and_saving_it() {
        let mut form = PatternForm::new_pattern();
        typed(&mut form, "Kveld");
        press(&mut form, KeyCode::Tab);
        press(&mut form, KeyCode::Backspace);
        typed(&mut form, "4,5");
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Backspace);
        typed(&mut form, "7");
        let FormOutcome::Save(pattern) = form.submit() else { panic!("should save") };
        assert_eq!((pattern.name.as_str(), pattern.tenths), ("Kveld", [45, 0, 70, 0]));
    }

    #[test]
    fn a_problem_moves_the_focus_to_its_field() {
        let mut form = PatternForm::new_pattern();
        typed(&mut form, "x");
        press(&mut form, KeyCode::Up);
        press(&mut form, KeyCode::Backspace);
        typed(&mut form, "abc");
        assert!(matches!(form.submit(), FormOutcome::Editing));
        assert_eq!((form.focus, form.problem), (4, Some(Problem::NotSeconds(3))));
    }

    #[test]
    fn editing_starts_from_the_saved_values() {
        let saved = OwnPattern { id: 7, name: "Rolig".into(), tenths: [55, 0, 55, 10] };
        let mut form = PatternForm::edit(&saved, ',');
        assert_eq!(form.values[1], "5,5");
        let FormOutcome::Save(again) = form.submit() else { panic!("should save") };
        assert_eq!(again, saved);
    }
}

//! "Are you sure?" before something is deleted. While the question is open the screen is in
//! text mode, so `j`/`y` (or Enter) answer yes and `n` (or Esc) no, whatever those letters do
//! elsewhere.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::View;
use crate::action::Action;
use crate::i18n::Strings;
use crate::theme::Theme;

/// A question about `target`, waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm<T> {
    pub question: String,
    pub target: T,
    /// The keys and what they do, when the question is not about deleting.
    pub hint: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    Waiting,
}

impl<T> Confirm<T> {
    pub fn new(question: String, target: T) -> Self {
        Self { question, target, hint: None }
    }

    pub fn with_hint(self, hint: &'static str) -> Self {
        Self { hint: Some(hint), ..self }
    }

    pub fn answer(action: &Action) -> Answer {
        match action {
            Action::Open => Answer::Yes,
            Action::Back => Answer::No,
            Action::Text(key) => match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => Answer::Yes,
                KeyCode::Char('n' | 'N') => Answer::No,
                _ => Answer::Waiting,
            },
            _ => Answer::Waiting,
        }
    }

    /// The question, a blank line and the keys that answer it, and the box they take in
    /// `area`; `None` when it does not fit.
    fn frame<'a>(&self, area: Rect, strings: &Strings, theme: &Theme) -> Option<(Paragraph<'a>, Rect)> {
        let width = area.width.saturating_sub(4).min(60);
        let text = Paragraph::new(vec![
            Line::styled(self.question.clone(), theme.emphasis),
            Line::default(),
            Line::styled(self.hint.unwrap_or(strings.goals.confirm_hint), theme.dim),
        ])
        .wrap(Wrap { trim: true });
        let height = text.line_count(width.saturating_sub(2)) as u16 + 2;
        let rect = crate::ui::centered(area, width, height).intersection(area);
        (rect.width >= 4 && rect.height >= 3).then_some((text, rect))
    }

    /// The start of the question, for a screen reader to read it.
    pub fn cursor(&self, area: Rect, strings: &Strings) -> Option<Position> {
        let (_, rect) = self.frame(area, strings, &Theme::MONO)?;
        Some(Block::bordered().inner(rect).as_position())
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let Some((text, rect)) = self.frame(area, view.strings, theme) else { return };
        Clear.render(rect, buf);
        let block = Block::bordered().border_style(theme.title).title(Span::styled(" ? ", theme.title));
        text.block(block).render(rect, buf);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    use super::*;

    #[test]
    fn answers_in_both_languages() {
        let key = |c| Action::Text(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(Confirm::<()>::answer(&key('j')), Answer::Yes);
        assert_eq!(Confirm::<()>::answer(&key('y')), Answer::Yes);
        assert_eq!(Confirm::<()>::answer(&Action::Open), Answer::Yes);
        assert_eq!(Confirm::<()>::answer(&key('n')), Answer::No);
        assert_eq!(Confirm::<()>::answer(&Action::Back), Answer::No);
        assert_eq!(Confirm::<()>::answer(&key('q')), Answer::Waiting);
    }
}

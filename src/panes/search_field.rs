//! Typing a search query: the same editing keys on every screen that searches.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::action::Action;

/// What a key did to the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The query is now this.
    Query(String),
    /// Move the selection in the results without leaving the field.
    Move(isize),
    /// Keep the query and browse the results.
    Done,
    /// Drop the query and leave the field.
    Cancel,
    Nothing,
}

/// Applies one action to `query` while the search field has focus.
pub fn edit(query: &str, action: &Action) -> Edit {
    match action {
        Action::Open => Edit::Done,
        Action::Back => Edit::Cancel,
        Action::Text(key) => match (key.code, key.modifiers) {
            (KeyCode::Char('u'), KeyModifiers::CONTROL) => Edit::Query(String::new()),
            (KeyCode::Char('w'), KeyModifiers::CONTROL) => {
                let kept = query.trim_end().rsplit_once(' ').map_or("", |(head, _)| head);
                Edit::Query(format!("{kept} ").trim_start().to_owned())
            }
            (KeyCode::Char(c), m) if !m.contains(KeyModifiers::CONTROL) => Edit::Query(format!("{query}{c}")),
            (KeyCode::Backspace, _) => {
                let mut q = query.to_owned();
                q.pop();
                Edit::Query(q)
            }
            (KeyCode::Down, _) => Edit::Move(1),
            (KeyCode::Up, _) => Edit::Move(-1),
            _ => Edit::Nothing,
        },
        _ => Edit::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEvent;

    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Action {
        Action::Text(KeyEvent::new(code, mods))
    }

    #[test]
    fn editing_keys() {
        assert_eq!(edit("ro", &key(KeyCode::Char('s'), KeyModifiers::NONE)), Edit::Query("ros".into()));
        assert_eq!(edit("rø", &key(KeyCode::Backspace, KeyModifiers::NONE)), Edit::Query("r".into()));
        assert_eq!(
            edit("to ord", &key(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            Edit::Query("to ".into())
        );
        assert_eq!(edit("x", &key(KeyCode::Char('u'), KeyModifiers::CONTROL)), Edit::Query(String::new()));
        assert_eq!(edit("x", &key(KeyCode::Down, KeyModifiers::NONE)), Edit::Move(1));
        assert_eq!(edit("x", &Action::Open), Edit::Done);
        assert_eq!(edit("x", &Action::Back), Edit::Cancel);
    }
}

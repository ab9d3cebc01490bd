//! From what the terminal reports to actions: keys through the keymap, or to the text field
//! that has focus; mouse events only when asked for; pasted text as one insert.

use ratatui::crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind,
};

use super::{App, Overlay, Tab};
use crate::action::Action;
use crate::keymap::{self, Scope};

/// A paste into a one-line field goes in as keys, at most this many: such fields hold a name, a
/// date or a number, and no more than a line's worth is worth typing into one.
const LINE_PASTE_MAX_CHARS: usize = 200;

impl App {
    /// Translates a terminal event into an action: keys through the keymap (or to the focused
    /// text field), mouse only when it was asked for.
    pub fn action_for_event(&self, event: &TermEvent) -> Option<Action> {
        match event {
            TermEvent::Key(key) => self.action_for_key(*key),
            TermEvent::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
            TermEvent::Mouse(mouse) if self.options.mouse => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Action::Click { column: mouse.column, row: mouse.row })
                }
                MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
            return None;
        }
        if self.overlay == Some(Overlay::Hidden) {
            // Any key, even q, only brings the screen back.
            return Some(Action::Back);
        }
        if self.overlay.is_none() && self.text_mode() {
            return Some(keymap::text_mode_action(key));
        }
        // On a field that takes a number, a digit is that number, not a screen.
        if let KeyCode::Char(c @ '0'..='9') = key.code
            && self.overlay.is_none()
            && self.tab == Tab::Checkin
            && self.checkin.takes_digits()
            && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        {
            return Some(Action::Digit(c as u8 - b'0'));
        }
        // An overlay scrolls and closes with the list keys, whatever screen is under it.
        let scopes = match self.overlay {
            Some(Overlay::Unsaved) => &[Scope::Unsaved][..],
            Some(_) => &[Scope::List][..],
            None => self.scopes(),
        };
        self.keymap.action_for(key, scopes)
    }

    /// Text pasted in one piece (bracketed paste). The check-in's note takes it as one insert;
    /// another text field takes its first line as typed keys (they hold a line or a number);
    /// elsewhere it is ignored, so a paste can never press keys that mean something else.
    pub fn paste(&mut self, text: &str) -> Option<Action> {
        if self.overlay.is_some() || !self.text_mode() {
            return None;
        }
        if self.tab == Tab::Checkin && self.checkin.writing_note() && self.modal_text_mode().is_none() {
            self.pasted = text.to_owned();
            let next = self.update(Action::Paste);
            self.pasted.clear();
            return next;
        }
        let line = text.lines().next().unwrap_or_default();
        for c in line.chars().filter(|c| !c.is_control()).take(LINE_PASTE_MAX_CHARS) {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            let mut next = Some(Action::Text(key));
            while let Some(action) = next {
                next = self.update(action);
            }
        }
        None
    }

    /// True while keys are text for a field (a form, a search, a note).
    pub fn text_mode(&self) -> bool {
        if let Some(text) = self.modal_text_mode() {
            return text;
        }
        match self.tab {
            Tab::Home => false,
            Tab::Goals => self.goals.text_mode(),
            Tab::Sober => self.sober.text_mode(),
            Tab::Plan => self.plan.text_mode(),
            Tab::Faq => self.faq.text_mode(),
            Tab::Checkin => self.checkin.text_mode(),
            Tab::History => self.history.text_mode(),
            Tab::Techniques => self.techniques.text_mode(),
            Tab::Learn => false,
            Tab::Breathe => self.breathe.text_mode(),
            Tab::Settings => self.settings.text_mode(),
        }
    }
}

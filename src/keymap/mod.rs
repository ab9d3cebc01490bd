//! Keys to actions, in one table: the defaults (`defaults.rs`) with the settings file's
//! overrides applied (`overrides.rs`), as a [`Keymap`] value the app owns. The help overlay and
//! the footer are generated from it, so what they say and what the keys do can never disagree.

mod defaults;
mod overrides;

pub use overrides::KeyProblem;

use std::borrow::Cow;
use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
use crate::i18n::ActionText;

/// A key as the keymap knows it: a code plus the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// Where a binding applies: everywhere, or only on screens that use that kind of control. A
/// key may mean different things in scopes that are never active together (Left goes back in
/// a list and lowers a value in a form; `m` answers "myth" in the quiz and marks a phase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    List,
    /// A list that can be filtered by typing.
    Search,
    /// A form of fields: move between them, change values, toggle choices.
    Form,
    /// The check-in's own keys: save now (the settings save each change by themselves), and
    /// take back a slip just recorded.
    Checkin,
    /// A screen of charts: switch view, change the period.
    Charts,
    /// Screens made of several parts, switched with `<` and `>`.
    Sections,
    Techniques,
    Quiz,
    Phases,
    /// The breathing screen's list of patterns and exercises.
    Patterns,
    /// A running breathing or guided exercise.
    Session,
    /// Screens whose items are made, changed and deleted by the user (goals, counters, plan).
    Items,
    /// Goals and habits: tick a habit or a step, plan a day off, mark a goal done.
    Goals,
    /// Sober counters: record a slip.
    Sober,
    /// The personal plan: reorder entries.
    Plan,
    /// The home screen: move among today's habits and tick them.
    Home,
    /// The box shown on quit while a check-in could not be saved.
    Unsaved,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub action: Action,
    pub keys: Cow<'static, [Key]>,
    pub scope: Scope,
    /// Shown in the footer's one-line hint, not only in the help overlay.
    pub footer: bool,
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self { bindings: defaults::BINDINGS.to_vec() }
    }
}

impl Keymap {
    /// The defaults with the settings file's `keys` applied, and the overrides refused (see
    /// `overrides.rs`), each in a sentence.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> (Self, Vec<KeyProblem>) {
        let (bindings, problems) = overrides::resolve(defaults::BINDINGS, overrides);
        (Self { bindings }, problems)
    }

    /// The action for a key press outside text entry on a screen with these scopes, if any.
    /// Digits pick a screen: 1-9, and 0 for the tenth.
    pub fn action_for(&self, event: KeyEvent, scopes: &[Scope]) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        if let KeyCode::Char(c @ '0'..='9') = event.code
            && event.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        {
            // 1 is the first screen, 0 the tenth.
            return Some(Action::GoTab(if c == '0' { 9 } else { c as u8 - b'1' }));
        }
        self.bindings_for(scopes).find(|b| b.keys.iter().any(|k| matches(*k, event))).map(|b| b.action)
    }

    /// The first key bound to `action` in `scopes`, as written on screen: hints in a pane name
    /// the key the keymap really uses.
    pub fn key_hint(&self, action: Action, scopes: &[Scope]) -> String {
        self.bindings_for(scopes)
            .find(|b| b.action == action)
            .map(|b| key_label(b.keys[0]))
            .unwrap_or_default()
    }

    /// Pairs of bindings active together on a screen with `scopes` that share a key.
    pub fn conflicts(&self, scopes: &[Scope]) -> Vec<(Action, Action, Key)> {
        let active: Vec<&Binding> = self.bindings_for(scopes).collect();
        let mut found = Vec::new();
        for (i, a) in active.iter().enumerate() {
            for b in &active[i + 1..] {
                for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    found.push((a.action, b.action, *k));
                }
            }
        }
        found
    }

    /// The bindings that apply on a screen, given which scopes the screen uses.
    pub fn bindings_for<'a>(&'a self, scopes: &'a [Scope]) -> impl Iterator<Item = &'a Binding> + 'a {
        self.bindings.iter().filter(move |b| b.scope == Scope::Global || scopes.contains(&b.scope))
    }
}

/// While a text field has focus only these keys leave it; everything else is text.
pub fn text_mode_action(event: KeyEvent) -> Action {
    match (event.code, event.modifiers) {
        (KeyCode::Esc, _) => Action::Back,
        (KeyCode::Enter, KeyModifiers::NONE) => Action::Open,
        (KeyCode::Char('c'), KeyModifiers::CONTROL) => Action::Quit,
        (KeyCode::Char('s'), KeyModifiers::CONTROL) => Action::Save,
        (KeyCode::F(1), _) => Action::Crisis,
        (KeyCode::F(12), _) => Action::Hide,
        _ => Action::Text(event),
    }
}

fn matches(key: Key, event: KeyEvent) -> bool {
    if key.code != event.code {
        return false;
    }
    // Terminals disagree on whether Shift comes with '?', '!' or 'G'; the character decides.
    let mods = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers.difference(KeyModifiers::SHIFT),
        _ => event.modifiers,
    };
    mods == key.mods
}

/// How a key is written in the help overlay and footer.
pub fn key_label(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Delete => "Del".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
}

/// The description of an action in the current language.
pub fn describe(action: Action, text: &ActionText) -> &'static str {
    match action {
        Action::Quit => text.quit,
        Action::Up => text.up,
        Action::Down => text.down,
        Action::Top => text.top,
        Action::Bottom => text.bottom,
        Action::PageUp => text.page_up,
        Action::PageDown => text.page_down,
        Action::NextTab => text.next_tab,
        Action::PrevTab => text.prev_tab,
        Action::GoTab(_) => text.go_tab,
        Action::ShowSettings => text.show_settings,
        Action::Undo => text.undo,
        Action::Search => text.search,
        Action::Open => text.open,
        Action::Back => text.back,
        Action::Help => text.help,
        Action::Crisis => text.crisis,
        Action::Hide => text.hide,
        Action::Decrease => text.decrease,
        Action::Increase => text.increase,
        Action::Toggle => text.toggle,
        Action::Save => text.save,
        Action::NextView => text.next_view,
        Action::PrevView => text.prev_view,
        Action::Edit => text.edit,
        Action::ToggleFavourite => text.toggle_favourite,
        Action::NextFilter => text.next_filter,
        Action::PrevFilter => text.prev_filter,
        Action::Practise => text.practise,
        Action::AnswerMyth => text.answer_myth,
        Action::AnswerFact => text.answer_fact,
        Action::Continue => text.continue_,
        Action::NewRound => text.new_round,
        Action::ReviewMistakes => text.review_mistakes,
        Action::MarkPhase => text.mark_phase,
        Action::NextSection => text.next_section,
        Action::PrevSection => text.prev_section,
        Action::MarkUsed => text.mark_used,
        Action::NewItem => text.new_item,
        Action::Delete => text.delete,
        Action::Complete => text.complete,
        Action::PlanSkip => text.plan_skip,
        Action::RecordSlip => text.record_slip,
        Action::MoveUp => text.move_up,
        Action::MoveDown => text.move_down,
        Action::LogUrge => text.log_urge,
        Action::OpenFaq(_)
        | Action::StartExercise(_)
        | Action::UsedTechnique(_)
        | Action::EditCheckin(_)
        | Action::ApplyLook { .. } => "",
        Action::Pause => text.pause,
        Action::NextStep => text.next_step,
        Action::Longer => text.longer,
        Action::Shorter => text.shorter,
        Action::SwitchUnit => text.switch_unit,
        Action::KeepUnsaved => text.keep_unsaved,
        Action::Text(_)
        | Action::Digit(_)
        | Action::Paste
        | Action::Click { .. }
        | Action::ScrollUp
        | Action::ScrollDown
        | Action::Resize { .. }
        | Action::Tick => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use defaults::BINDINGS;

    fn action_for(event: KeyEvent, scopes: &[Scope]) -> Option<Action> {
        Keymap::default().action_for(event, scopes)
    }

    /// Screens combine scopes as listed here; a key may be reused only across scopes that are
    /// never active together.
    const SCREEN_SCOPES: &[&[Scope]] = &[
        &[Scope::List, Scope::Search],
        &[Scope::Form, Scope::Checkin],
        &[Scope::List, Scope::Charts],
        &[Scope::List, Scope::Search, Scope::Techniques],
        &[Scope::Sections, Scope::Quiz],
        &[Scope::List, Scope::Sections, Scope::Phases],
        &[Scope::List, Scope::Sections],
        &[Scope::List, Scope::Patterns],
        &[Scope::Session],
        &[Scope::List, Scope::Items, Scope::Goals],
        &[Scope::List, Scope::Items, Scope::Sober],
        &[Scope::List, Scope::Items, Scope::Plan],
        &[Scope::Home],
        &[Scope::Unsaved],
    ];

    #[test]
    fn no_key_is_bound_twice_where_scopes_meet() {
        let together = |a: Scope, b: Scope| {
            a == Scope::Global
                || b == Scope::Global
                || SCREEN_SCOPES.iter().any(|screen| screen.contains(&a) && screen.contains(&b))
        };
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in BINDINGS[i + 1..].iter().filter(|b| together(a.scope, b.scope)) {
                for k in a.keys.iter() {
                    assert!(!b.keys.contains(k), "{k:?} is bound to {:?} and {:?}", a.action, b.action);
                }
            }
        }
    }

    #[test]
    fn a_key_means_what_its_screen_says() {
        let m = KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE);
        assert_eq!(action_for(m, &[Scope::Sections, Scope::Quiz]), Some(Action::AnswerMyth));
        assert_eq!(action_for(m, &[Scope::List, Scope::Sections, Scope::Phases]), Some(Action::MarkPhase));
        assert_eq!(action_for(m, &[Scope::List]), None);
        assert_eq!(Keymap::default().key_hint(Action::AnswerFact, &[Scope::Quiz]), "f");
        assert!(
            Keymap::default()
                .conflicts(&[Scope::List, Scope::Quiz])
                .iter()
                .any(|(_, _, k)| k.code == KeyCode::Enter)
        );
    }

    #[test]
    fn digits_are_not_bound_elsewhere() {
        for b in BINDINGS.iter().filter(|b| !matches!(b.action, Action::GoTab(_))) {
            assert!(
                !b.keys.iter().any(|k| matches!(k.code, KeyCode::Char('0'..='9'))),
                "{:?} takes a digit",
                b.action
            );
        }
    }

    #[test]
    fn keys_resolve_to_actions() {
        let press = |code, mods| KeyEvent::new(code, mods);
        let action_for = |event| action_for(event, &[Scope::List, Scope::Search]);
        assert_eq!(action_for(press(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(action_for(press(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(Action::Help));
        assert_eq!(action_for(press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(action_for(press(KeyCode::Char('3'), KeyModifiers::NONE)), Some(Action::GoTab(2)));
        assert_eq!(action_for(press(KeyCode::F(1), KeyModifiers::NONE)), Some(Action::Crisis));
        assert_eq!(action_for(press(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn the_same_key_means_what_the_screen_needs() {
        let left = KeyEvent::new(KeyCode::Left, KeyModifiers::NONE);
        assert_eq!(action_for(left, &[Scope::List]), Some(Action::Back));
        assert_eq!(action_for(left, &[Scope::Form]), Some(Action::Decrease));
        let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
        assert_eq!(action_for(slash, &[Scope::Form]), None, "no search where there is nothing to search");
    }

    #[test]
    fn text_mode_keeps_letters_as_text() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(text_mode_action(q), Action::Text(q));
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(text_mode_action(esc), Action::Back);
    }

    #[test]
    fn every_bound_action_has_a_description_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            for b in BINDINGS.iter() {
                assert!(!describe(b.action, &lang.strings().actions).is_empty(), "{:?}", b.action);
            }
        }
    }
}

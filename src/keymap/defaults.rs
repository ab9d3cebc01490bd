//! The keys every action has until the settings file says otherwise. Order is the order of
//! the help overlay.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Key, Scope};
use crate::action::Action;

const fn key(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

const fn bind(action: Action, keys: &'static [Key], scope: Scope, footer: bool) -> Binding {
    Binding { action, keys: Cow::Borrowed(keys), scope, footer }
}

pub(super) const BINDINGS: &[Binding] = &[
    bind(Action::Up, &[key(KeyCode::Up), ch('k')], Scope::List, false),
    bind(Action::Down, &[key(KeyCode::Down), ch('j')], Scope::List, false),
    bind(Action::Top, &[key(KeyCode::Home), ch('g')], Scope::List, false),
    bind(Action::Bottom, &[key(KeyCode::End), ch('G')], Scope::List, false),
    bind(Action::PageUp, &[key(KeyCode::PageUp), ctrl('u')], Scope::List, false),
    bind(Action::PageDown, &[key(KeyCode::PageDown), ctrl('d')], Scope::List, false),
    bind(Action::Open, &[key(KeyCode::Enter), key(KeyCode::Right), ch('l')], Scope::List, true),
    bind(Action::Back, &[key(KeyCode::Esc), key(KeyCode::Left), ch('h')], Scope::List, false),
    bind(Action::Search, &[ch('/')], Scope::Search, true),
    bind(Action::Up, &[key(KeyCode::Up), ch('k')], Scope::Form, false),
    bind(Action::Down, &[key(KeyCode::Down), ch('j')], Scope::Form, false),
    bind(Action::Top, &[key(KeyCode::Home), ch('g')], Scope::Form, false),
    bind(Action::Bottom, &[key(KeyCode::End), ch('G')], Scope::Form, false),
    bind(Action::Decrease, &[key(KeyCode::Left), ch('h'), ch('-')], Scope::Form, false),
    bind(Action::Increase, &[key(KeyCode::Right), ch('l'), ch('+')], Scope::Form, false),
    bind(Action::PageUp, &[key(KeyCode::PageUp)], Scope::Form, false),
    bind(Action::PageDown, &[key(KeyCode::PageDown)], Scope::Form, false),
    bind(Action::Toggle, &[ch(' '), ch('x')], Scope::Form, true),
    bind(Action::Open, &[key(KeyCode::Enter)], Scope::Form, false),
    bind(Action::Back, &[key(KeyCode::Esc)], Scope::Form, false),
    bind(Action::Save, &[ctrl('s')], Scope::Checkin, true),
    bind(Action::Undo, &[ch('u')], Scope::Checkin, false),
    bind(Action::NextView, &[ch('v')], Scope::Charts, true),
    bind(Action::PrevView, &[ch('V')], Scope::Charts, false),
    bind(Action::Increase, &[ch(']'), ch('+')], Scope::Charts, false),
    bind(Action::Decrease, &[ch('['), ch('-')], Scope::Charts, false),
    bind(Action::Edit, &[ch('e')], Scope::Charts, true),
    bind(Action::ToggleFavourite, &[ch('f'), ch('*')], Scope::Techniques, true),
    bind(Action::NextFilter, &[ch('t')], Scope::Techniques, true),
    bind(Action::PrevFilter, &[ch('T')], Scope::Techniques, false),
    bind(Action::Practise, &[ch('e')], Scope::Techniques, false),
    bind(Action::MarkUsed, &[ch('u')], Scope::Techniques, false),
    bind(Action::AnswerMyth, &[ch('m')], Scope::Quiz, false),
    bind(Action::AnswerFact, &[ch('f')], Scope::Quiz, false),
    bind(Action::Continue, &[key(KeyCode::Enter), ch(' ')], Scope::Quiz, false),
    bind(Action::NewRound, &[ch('n')], Scope::Quiz, false),
    bind(Action::ReviewMistakes, &[ch('r')], Scope::Quiz, false),
    bind(Action::Back, &[key(KeyCode::Esc)], Scope::Quiz, false),
    bind(Action::MarkPhase, &[ch('m')], Scope::Phases, true),
    bind(Action::NextSection, &[ch('>')], Scope::Sections, true),
    bind(Action::PrevSection, &[ch('<')], Scope::Sections, false),
    bind(Action::Longer, &[ch('+'), ch('=')], Scope::Patterns, false),
    bind(Action::Shorter, &[ch('-')], Scope::Patterns, false),
    bind(Action::SwitchUnit, &[ch('c')], Scope::Patterns, false),
    bind(Action::NewItem, &[ch('a')], Scope::Patterns, true),
    bind(Action::Edit, &[ch('e')], Scope::Patterns, false),
    bind(Action::Delete, &[ch('d'), key(KeyCode::Delete)], Scope::Patterns, false),
    bind(Action::Pause, &[ch(' ')], Scope::Session, false),
    bind(Action::NextStep, &[ch('n')], Scope::Session, false),
    bind(Action::Open, &[key(KeyCode::Enter)], Scope::Session, false),
    bind(Action::Back, &[key(KeyCode::Esc)], Scope::Session, false),
    bind(Action::NewItem, &[ch('a')], Scope::Items, true),
    bind(Action::Edit, &[ch('e')], Scope::Items, false),
    bind(Action::Delete, &[ch('d'), key(KeyCode::Delete)], Scope::Items, false),
    bind(Action::Toggle, &[ch(' '), ch('x')], Scope::Goals, true),
    bind(Action::Complete, &[ch('c')], Scope::Goals, true),
    bind(Action::PlanSkip, &[ch('s')], Scope::Goals, false),
    bind(Action::RecordSlip, &[ch('r')], Scope::Sober, true),
    bind(Action::MoveUp, &[ch('K')], Scope::Plan, false),
    bind(Action::MoveDown, &[ch('J')], Scope::Plan, false),
    bind(Action::Up, &[key(KeyCode::Up), ch('k')], Scope::Home, false),
    bind(Action::Down, &[key(KeyCode::Down), ch('j')], Scope::Home, false),
    bind(Action::Toggle, &[ch(' '), ch('x')], Scope::Home, true),
    bind(Action::Save, &[ch('r'), key(KeyCode::Enter)], Scope::Unsaved, true),
    bind(Action::KeepUnsaved, &[ch('k')], Scope::Unsaved, true),
    bind(Action::Back, &[key(KeyCode::Esc)], Scope::Unsaved, true),
    bind(Action::NextTab, &[key(KeyCode::Tab)], Scope::Global, false),
    bind(Action::PrevTab, &[key(KeyCode::BackTab)], Scope::Global, false),
    bind(Action::GoTab(0), &[ch('1')], Scope::Global, false),
    bind(Action::ShowSettings, &[ch(',')], Scope::Global, false),
    bind(Action::Help, &[ch('?')], Scope::Global, true),
    bind(Action::Crisis, &[ch('!'), key(KeyCode::F(1))], Scope::Global, true),
    bind(Action::Hide, &[key(KeyCode::F(12))], Scope::Global, false),
    // Free on every screen: `u` marks a technique used, Ctrl-U pages up.
    bind(Action::LogUrge, &[ch('U')], Scope::Global, false),
    bind(Action::Quit, &[ch('q'), ctrl('c')], Scope::Global, true),
];

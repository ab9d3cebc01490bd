//! Key overrides from the settings file: `keys: {"quit": ["ctrl-q"], "crisis": ["!", "F2"]}`.
//!
//! An action is named as its variant in kebab case (`next-tab`, `toggle-favourite`); its keys
//! replace the defaults wherever the action is bound, so the help overlay and the footer show
//! them too. A name or key that is not understood, or a key another action already uses, is
//! refused with a message and the defaults stay: a user can never lose the way out.

use std::borrow::Cow;
use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Key, key_label};
use crate::action::Action;
use crate::i18n::{Lang, SettingsText};

/// An override the settings file asks for that is refused; the defaults stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    NoAction {
        name: String,
    },
    NoKeys {
        name: String,
    },
    UnknownKey {
        name: String,
        key: String,
    },
    /// The key belongs to another action.
    Taken {
        name: String,
        key: String,
        other: String,
    },
}

impl KeyProblem {
    /// The message, in the interface's language.
    pub fn describe(&self, t: &SettingsText) -> String {
        let fill = |template: &str, name: &str| template.replace("{name}", name);
        match self {
            KeyProblem::NoAction { name } => fill(t.key_no_action, name),
            KeyProblem::NoKeys { name } => fill(t.key_no_keys, name),
            KeyProblem::UnknownKey { name, key } => fill(t.key_unknown, name).replace("{key}", key),
            KeyProblem::Taken { name, key, other } => {
                fill(t.key_taken, name).replace("{key}", key).replace("{other}", other)
            }
        }
    }
}

impl std::fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&Lang::En.strings().settings))
    }
}

/// The variant name in kebab case: `NextTab` -> `next-tab`.
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let head = debug.split(['(', ' ', '{']).next().unwrap_or_default();
    let mut name = String::new();
    for (i, c) in head.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push('-');
        }
        name.extend(c.to_lowercase());
    }
    name
}

/// `defaults` with `overrides` applied, and each override refused.
pub(super) fn resolve(
    defaults: &[Binding],
    overrides: &BTreeMap<String, Vec<String>>,
) -> (Vec<Binding>, Vec<KeyProblem>) {
    let mut problems = Vec::new();
    let mut chosen: Vec<(Action, Vec<Key>)> = Vec::new();
    for (name, specs) in overrides {
        let Some(action) = defaults.iter().map(|b| b.action).find(|a| action_name(*a) == *name) else {
            problems.push(KeyProblem::NoAction { name: name.clone() });
            continue;
        };
        let keys: Result<Vec<Key>, String> = specs.iter().map(|s| parse_key(s)).collect();
        let keys = match keys {
            Ok(keys) if !keys.is_empty() => keys,
            Ok(_) => {
                problems.push(KeyProblem::NoKeys { name: name.clone() });
                continue;
            }
            Err(key) => {
                problems.push(KeyProblem::UnknownKey { name: name.clone(), key });
                continue;
            }
        };
        // Conservative on purpose: a key another action has anywhere, by default or by an
        // earlier override, is refused, so no screen can end up with one key for two things.
        let used_by = |k: &Key| {
            defaults
                .iter()
                .find(|b| b.action != action && b.keys.contains(k))
                .map(|b| b.action)
                .or_else(|| chosen.iter().find(|(a, ks)| *a != action && ks.contains(k)).map(|(a, _)| *a))
        };
        if let Some((key, other)) = keys.iter().find_map(|k| used_by(k).map(|other| (*k, other))) {
            problems.push(KeyProblem::Taken {
                name: name.clone(),
                key: key_label(key),
                other: action_name(other),
            });
            continue;
        }
        chosen.push((action, keys));
    }
    let bindings = defaults
        .iter()
        .map(|b| match chosen.iter().find(|(a, _)| *a == b.action) {
            // The crisis keys can be added to, never taken away: help stays one known key off.
            Some((Action::Crisis, keys)) => {
                let mut all = b.keys.to_vec();
                all.extend(keys.iter().filter(|k| !b.keys.contains(k)));
                Binding { keys: Cow::Owned(all), ..b.clone() }
            }
            Some((_, keys)) => Binding { keys: Cow::Owned(keys.clone()), ..b.clone() },
            None => b.clone(),
        })
        .collect();
    (bindings, problems)
}

/// Reads a key as people write it: `q`, `G`, `ctrl-q`, `F2`, `enter`, `esc`, `space`, `up`;
/// the spec itself when it is not a key.
pub fn parse_key(spec: &str) -> Result<Key, String> {
    let spec = spec.trim();
    let (mods, rest) = match spec.split_once('-') {
        Some((m, rest)) if m.eq_ignore_ascii_case("ctrl") && !rest.is_empty() => {
            (KeyModifiers::CONTROL, rest)
        }
        _ => (KeyModifiers::NONE, spec),
    };
    let lower = rest.to_ascii_lowercase();
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" | "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        f if f.len() > 1
            && f.starts_with('f')
            && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
        {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => {
                    KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    })
                }
                _ => return Err(spec.to_owned()),
            }
        }
    };
    Ok(Key { code, mods })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::defaults::BINDINGS;

    fn resolve(overrides: &BTreeMap<String, Vec<String>>) -> (Vec<Binding>, Vec<KeyProblem>) {
        super::resolve(BINDINGS, overrides)
    }

    fn overrides(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs.iter().map(|(a, ks)| (a.to_string(), ks.iter().map(|k| k.to_string()).collect())).collect()
    }

    #[test]
    fn actions_are_named_in_kebab_case() {
        assert_eq!(action_name(Action::Quit), "quit");
        assert_eq!(action_name(Action::NextTab), "next-tab");
        assert_eq!(action_name(Action::GoTab(3)), "go-tab");
    }

    #[test]
    fn keys_are_read_the_way_people_write_them() {
        assert_eq!(
            parse_key("ctrl-q").unwrap(),
            Key { code: KeyCode::Char('q'), mods: KeyModifiers::CONTROL }
        );
        assert_eq!(parse_key("F2").unwrap().code, KeyCode::F(2));
        assert_eq!(parse_key("G").unwrap().code, KeyCode::Char('G'));
        assert_eq!(parse_key("-").unwrap().code, KeyCode::Char('-'));
        assert_eq!(parse_key("space").unwrap().code, KeyCode::Char(' '));
        assert!(parse_key("F13").is_err() && parse_key("hyper-x").is_err() && parse_key("").is_err());
    }

    #[test]
    fn an_override_replaces_the_keys_of_its_action() {
        let (bindings, problems) = resolve(&overrides(&[("quit", &["ctrl-q"]), ("crisis", &["!", "F2"])]));
        assert!(problems.is_empty(), "{problems:?}");
        let quit = bindings.iter().find(|b| b.action == Action::Quit).unwrap();
        assert_eq!(*quit.keys, [parse_key("ctrl-q").unwrap()]);
    }

    #[test]
    fn the_crisis_keys_are_added_to_never_taken_away() {
        let (bindings, problems) = resolve(&overrides(&[("crisis", &["F2"])]));
        assert!(problems.is_empty(), "{problems:?}");
        let crisis = bindings.iter().find(|b| b.action == Action::Crisis).unwrap();
        let keys: Vec<String> = crisis.keys.iter().map(|k| key_label(*k)).collect();
        assert_eq!(keys, ["!", "F1", "F2"]);
    }

    #[test]
    fn a_key_in_use_an_unknown_action_or_key_is_refused_and_the_defaults_stay() {
        let (bindings, problems) = resolve(&overrides(&[
            ("quit", &["?"]),
            ("fly", &["x"]),
            ("help", &["hyper-h"]),
            ("crisis", &[]),
        ]));
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems.iter().any(|p| p.to_string().contains("already used by \"help\"")), "{problems:?}");
        let quit = bindings.iter().find(|b| b.action == Action::Quit).unwrap();
        assert!(quit.keys.iter().any(|k| k.code == KeyCode::Char('q')), "the way out is still there");
    }

    #[test]
    fn two_overrides_cannot_take_the_same_new_key() {
        let (_, problems) = resolve(&overrides(&[("help", &["F5"]), ("quit", &["F5"])]));
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}

//! The personal plan, in the person's own words: a relapse-prevention and safety plan made of
//! short lists. Two parts hold people to call, with a phone number; the crisis overlay shows
//! those and "what I can do on my own" before the public help lines.

use serde::{Deserialize, Serialize};

pub const TEXT_MAX_CHARS: usize = 200;
pub const PHONE_MAX_CHARS: usize = 30;

/// The parts of the plan, in the order the screen shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    WarningSigns,
    Triggers,
    OnMyOwn,
    Distractions,
    People,
    Professionals,
    SaferSurroundings,
    Reasons,
    WhatMatters,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::WarningSigns,
        Section::Triggers,
        Section::OnMyOwn,
        Section::Distractions,
        Section::People,
        Section::Professionals,
        Section::SaferSurroundings,
        Section::Reasons,
        Section::WhatMatters,
    ];

    /// Its place in [`Section::ALL`], where the interface's lists of names and prompts look.
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// How the section is stored: stable, English, never translated.
    pub fn key(self) -> &'static str {
        match self {
            Section::WarningSigns => "warning-signs",
            Section::Triggers => "triggers",
            Section::OnMyOwn => "on-my-own",
            Section::Distractions => "distractions",
            Section::People => "people",
            Section::Professionals => "professionals",
            Section::SaferSurroundings => "safer-surroundings",
            Section::Reasons => "reasons",
            Section::WhatMatters => "what-matters",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Sections whose items are someone to call: a name and a phone number.
    pub fn has_phone(self) -> bool {
        matches!(self, Section::People | Section::Professionals)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The entry, or the person's or service's name.
    pub text: String,
    /// Only in the sections with phone numbers; empty when not given.
    #[serde(default)]
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("an entry is empty or longer than {TEXT_MAX_CHARS} characters")]
    Text,
    #[error("\"{0}\" does not look like a phone number (digits, spaces, + - ( ) only)")]
    Phone(String),
}

impl Item {
    pub fn validate(&self, section: Section) -> Result<(), Invalid> {
        let len = self.text.trim().chars().count();
        if len == 0 || len > TEXT_MAX_CHARS {
            return Err(Invalid::Text);
        }
        let phone = self.phone.trim();
        let phone_ok = phone.is_empty()
            || (section.has_phone()
                && phone.chars().count() <= PHONE_MAX_CHARS
                && phone.chars().any(|c| c.is_ascii_digit())
                && phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)));
        if !phone_ok {
            return Err(Invalid::Phone(self.phone.clone()));
        }
        Ok(())
    }

    pub fn normalised(mut self) -> Self {
        self.text = self.text.trim().to_owned();
        self.phone = self.phone.trim().to_owned();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for s in Section::ALL {
            assert_eq!(Section::from_key(s.key()), Some(s));
        }
        let keys: std::collections::HashSet<_> = Section::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys.len(), Section::ALL.len());
        assert_eq!(Section::from_key("nope"), None);
    }

    #[test]
    fn phone_numbers_only_where_people_are() {
        let kari = Item { text: "Kari".into(), phone: "+47 912 34 567".into() };
        assert_eq!(kari.validate(Section::People), Ok(()));
        assert_eq!(kari.validate(Section::Professionals), Ok(()));
        assert!(kari.validate(Section::Reasons).is_err());
        let letters = Item { text: "Kari".into(), phone: "ring meg".into() };
        assert!(letters.validate(Section::People).is_err());
        let blank = Item { text: " ".into(), phone: String::new() };
        assert_eq!(blank.validate(Section::Reasons), Err(Invalid::Text));
        let plain = Item { text: "Barna mine".into(), phone: String::new() };
        assert_eq!(plain.validate(Section::Reasons), Ok(()));
        assert_eq!(Item { text: " Kari ".into(), phone: " 113 ".into() }.normalised().phone, "113");
    }
}

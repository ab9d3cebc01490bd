//! The screens and their order in the tab bar, and the digit that shows each.

use crate::i18n::Strings;

/// The screens in tab-bar order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    /// "I dag", the start screen.
    Home,
    Faq,
    Checkin,
    History,
    Techniques,
    /// The quiz, the phases, the relatives' section and the figures, as parts of one tab.
    Learn,
    Breathe,
    /// Language, theme, bell, week start, own triggers.
    Settings,
    /// Goals and habits.
    Goals,
    /// Sober counters and slips.
    Sober,
    /// The personal plan.
    Plan,
}

impl Tab {
    /// The start screen first, then the daily tools, then the knowledge, then the settings.
    /// The tenth has the key 0; the settings, seldom needed, have none (Shift-Tab from the
    /// start screen reaches them).
    pub const ALL: &'static [Tab] = &[
        Tab::Home,
        Tab::Checkin,
        Tab::History,
        Tab::Goals,
        Tab::Sober,
        Tab::Plan,
        Tab::Breathe,
        Tab::Techniques,
        Tab::Learn,
        Tab::Faq,
        Tab::Settings,
    ];

    pub fn title(self, s: &Strings) -> &'static str {
        match self {
            Tab::Home => s.home.tab,
            Tab::Goals => s.goals.tab,
            Tab::Sober => s.sober.tab,
            Tab::Plan => s.plan.tab,
            Tab::Faq => s.tab_faq,
            Tab::Checkin => s.checkin.tab,
            Tab::History => s.checkin.history_tab,
            Tab::Techniques => s.tab_techniques,
            Tab::Learn => s.tab_learn,
            Tab::Breathe => s.tab_breathe,
            Tab::Settings => s.settings.tab,
        }
    }

    pub(super) fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The digit that shows this screen: 1 to 9, then 0 for the tenth.
    pub fn key(self) -> Option<char> {
        Tab::ALL.iter().position(|t| *t == self).and_then(key_for_index)
    }
}

/// The digit of the tab at `index` (0-based): '1' to '9', then '0'.
pub fn key_for_index(index: usize) -> Option<char> {
    match index {
        0..=8 => char::from_digit(index as u32 + 1, 10),
        9 => Some('0'),
        _ => None,
    }
}

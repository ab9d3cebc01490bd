//! The screens and their order, the digit that shows each, how they group, and the tab bar.
//!
//! The bar has one entry per group of related screens (today, goals, tools, knowledge): the
//! current group is open, each of its screens with its key and name; the others are closed, their
//! keys and the group's name ("4-6 Mål"). Every screen keeps its own key (1-9, 0, and `,` for the
//! settings), so each is one key away, and eleven screens read whole at 80 columns. In a narrow
//! window the app's name goes first, then the closed groups' names, then the names of the current
//! group's other screens; the current screen's key and name always stay whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::i18n::Strings;
use crate::theme::Theme;

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
    /// The tenth has the key 0; the settings, seldom needed, have a key of their own
    /// (`Action::ShowSettings`, `,` unless the settings file says otherwise).
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

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The digit that shows this screen: 1 to 9, then 0 for the tenth.
    pub fn key(self) -> Option<char> {
        Tab::ALL.iter().position(|t| *t == self).and_then(key_for_index)
    }

    /// The group this screen is shown under in the tab bar.
    pub fn group(self) -> Group {
        match self {
            Tab::Home | Tab::Checkin | Tab::History => Group::Today,
            Tab::Goals | Tab::Sober | Tab::Plan => Group::Goals,
            Tab::Breathe | Tab::Techniques => Group::Tools,
            Tab::Learn | Tab::Faq => Group::Knowledge,
            Tab::Settings => Group::Settings,
        }
    }
}

/// Screens that belong together, one entry in the tab bar until one of them is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Today, the check-in and its history: the daily round.
    Today,
    /// Goals and habits, the sober counters, the plan: what a person works towards.
    Goals,
    /// Breathing and the techniques: what to do now.
    Tools,
    /// The knowledge of the articles and their questions and answers.
    Knowledge,
    /// The settings, in the bar only while shown.
    Settings,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Today, Group::Goals, Group::Tools, Group::Knowledge, Group::Settings];

    /// Its screens, in tab-bar order.
    pub fn tabs(self) -> &'static [Tab] {
        let first = Tab::ALL.iter().position(|t| t.group() == self).unwrap_or(0);
        let len = Tab::ALL[first..].iter().take_while(|t| t.group() == self).count();
        &Tab::ALL[first..first + len]
    }

    pub fn title(self, s: &Strings) -> &'static str {
        match self {
            Group::Today => s.groups[0],
            Group::Goals => s.groups[1],
            Group::Tools => s.groups[2],
            Group::Knowledge => s.groups[3],
            Group::Settings => s.settings.tab,
        }
    }

    /// Its screens' digits as written in the bar and the help: "1-3", "7,8", "9,0".
    pub fn keys(self) -> String {
        let keys: Vec<char> = self.tabs().iter().filter_map(|t| t.key()).collect();
        match keys.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [a, b] => format!("{a},{b}"),
            [a, .., z] => format!("{a}-{z}"),
        }
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

/// One entry of the bar before layout: the screen a click opens, its text, and whether it is
/// the screen shown.
struct Entry {
    tab: Tab,
    text: String,
    current: bool,
    /// The first entry of a group after another group: a line stands before it.
    opens_group: bool,
}

/// How much the entries say; each step gives up a little for a narrow window.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Detail {
    Full,
    /// Closed groups by their keys only.
    ClosedKeys,
    /// And the current group's other screens by their digits only.
    Keys,
    /// And no space around any entry but the current one.
    Tight,
}

fn entries(active: Tab, s: &Strings, settings_key: &str, detail: Detail) -> Vec<Entry> {
    let mut out = Vec::new();
    for group in Group::ALL {
        let opens_group = !out.is_empty();
        if group == active.group() {
            for (i, tab) in group.tabs().iter().enumerate() {
                let key = tab.key().map_or_else(|| settings_key.to_owned(), String::from);
                let current = *tab == active;
                let text =
                    if current || detail < Detail::Keys { format!("{key} {}", tab.title(s)) } else { key };
                out.push(Entry { tab: *tab, text, current, opens_group: opens_group && i == 0 });
            }
        } else if group != Group::Settings {
            let text = match detail {
                Detail::Full => format!("{} {}", group.keys(), group.title(s)),
                _ => group.keys(),
            };
            out.push(Entry { tab: group.tabs()[0], text, current: false, opens_group });
        }
    }
    out
}

/// An entry of the bar as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabSpan {
    /// The screen a click on it shows (a closed group's first screen).
    pub tab: Tab,
    pub text: String,
    /// Where it is drawn, so a click can find it.
    pub rect: Rect,
    pub current: bool,
    /// A line stands before it: it begins another group.
    pub opens_group: bool,
}

/// The entries from column `start`: each padded with a space on either side (in `Tight`, only
/// the current one), a line before each group, a space between a group's screens when unpadded.
fn lay_out(area: Rect, start: u16, entries: Vec<Entry>, tight: bool) -> Vec<TabSpan> {
    let mut x = start;
    let mut first = true;
    entries
        .into_iter()
        .map(|e| {
            let gap = e.opens_group || (tight && !first);
            x = x.saturating_add(u16::from(gap));
            first = false;
            let text = if tight && !e.current { e.text } else { format!(" {} ", e.text) };
            let width = text.width() as u16;
            let rect = Rect { x, y: area.y, width, height: 1 }.intersection(area);
            x = x.saturating_add(width);
            TabSpan { tab: e.tab, text, rect, current: e.current, opens_group: e.opens_group }
        })
        .collect()
}

/// The entries as drawn in `area` for the screen `active`, and whether the app's name stands
/// before them: as much as fits, the current screen always whole.
pub fn tab_spans(area: Rect, active: Tab, s: &Strings, settings_key: &str) -> (bool, Vec<TabSpan>) {
    let named = area.x + s.app_name.width() as u16 + 2;
    let tries = [
        (true, Detail::Full),
        (false, Detail::Full),
        (false, Detail::ClosedKeys),
        (false, Detail::Keys),
        (false, Detail::Tight),
    ];
    let mut last = (false, Vec::new());
    for (with_name, detail) in tries {
        let start = if with_name { named } else { area.x };
        let laid = lay_out(area, start, entries(active, s, settings_key, detail), detail == Detail::Tight);
        let end = laid.last().map_or(start, |e| e.rect.x.saturating_add(e.text.width() as u16));
        let fits = end <= area.right();
        last = (with_name, laid);
        if fits {
            break;
        }
    }
    last
}

pub fn render_tabs(
    area: Rect,
    buf: &mut Buffer,
    active: Tab,
    s: &Strings,
    settings_key: &str,
    theme: &Theme,
) {
    let (named, laid) = tab_spans(area, active, s, settings_key);
    let mut spans =
        if named { vec![Span::styled(format!(" {} ", s.app_name), theme.title)] } else { Vec::new() };
    let mut x = if named { area.x + s.app_name.width() as u16 + 2 } else { area.x };
    for entry in laid {
        if entry.rect.x > x {
            spans.push(if entry.opens_group { Span::styled("│", theme.dim) } else { Span::raw(" ") });
        }
        x = entry.rect.x.saturating_add(entry.text.width() as u16);
        spans.push(Span::styled(entry.text, if entry.current { theme.tab_active } else { Style::new() }));
    }
    Line::from(spans).style(theme.base).render(area, buf);
}

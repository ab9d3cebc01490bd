//! The screens and their order in the tab bar, the digit that shows each, and the bar itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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

    pub fn index(self) -> usize {
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

/// Each tab's title as drawn, and the columns it spans, so a click can find its tab. When the
/// whole titles do not fit, the other tabs' titles are shortened, longest first and marked with
/// "…", so every tab keeps its number and the current one its whole name. When even that does
/// not fit, the app's name gives up its place (the window title still says "mestring"), and
/// then the other titles their last letter.
pub fn tab_spans(area: Rect, tabs: &[Tab], active: Tab, s: &Strings) -> Vec<(Tab, String, Rect)> {
    let named = area.x + s.app_name.chars().count() as u16 + 2;
    fit_tabs(area, named, 1, tabs, active, s)
        .or_else(|_| fit_tabs(area, area.x, 1, tabs, active, s))
        .or_else(|_| fit_tabs(area, area.x, 0, tabs, active, s))
        .unwrap_or_else(|spans| spans)
}

/// The tabs laid out from column `start`, other titles cut to no fewer than `keep` letters;
/// `Err` (with the best try) when they do not fit.
#[allow(clippy::type_complexity)]
fn fit_tabs(
    area: Rect,
    start: u16,
    keep: usize,
    tabs: &[Tab],
    active: Tab,
    s: &Strings,
) -> Result<Vec<(Tab, String, Rect)>, Vec<(Tab, String, Rect)>> {
    let mut names: Vec<Vec<char>> = tabs.iter().map(|t| t.title(s).chars().collect()).collect();
    let mut cut = vec![false; tabs.len()];
    let title = |i: usize, name: &[char], cut: bool| {
        let name: String = name.iter().collect();
        let key = key_for_index(i).map(|k| format!("{k} ")).unwrap_or_default();
        if cut { format!(" {key}{}… ", name.trim_end()) } else { format!(" {key}{name} ") }
    };
    let room = usize::from(area.right().saturating_sub(start));
    // Widths are counted, not formatted: this loop may shorten titles a letter at a time a
    // hundred times per frame, and building strings for each try cost most of a frame.
    let char_width = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
    let width = |i: usize, name: &[char], cut: bool| {
        let key = if key_for_index(i).is_some() { 2 } else { 0 };
        let shown =
            if cut { name.iter().rposition(|c| !c.is_whitespace()).map_or(0, |p| p + 1) } else { name.len() };
        2 + key + name[..shown].iter().map(char_width).sum::<usize>() + usize::from(cut)
    };
    // Each try changes one title, so only its width is counted again.
    let mut widths: Vec<usize> = (0..tabs.len()).map(|i| width(i, &names[i], cut[i]) + 1).collect();
    let mut used: usize = widths.iter().sum();
    let fits = loop {
        if used <= room + 1 {
            break true;
        }
        let longest = (0..tabs.len())
            .filter(|&i| tabs[i] != active && names[i].len() > keep)
            .max_by_key(|&i| names[i].len());
        let Some(i) = longest else { break false };
        names[i].pop();
        cut[i] = true;
        let now = width(i, &names[i], true) + 1;
        used = used - widths[i] + now;
        widths[i] = now;
    };
    let mut x = start;
    let spans = tabs
        .iter()
        .enumerate()
        .map(|(i, tab)| {
            let title = title(i, &names[i], cut[i]);
            let width = title.width() as u16;
            let rect = Rect { x, y: area.y, width, height: 1 }.intersection(area);
            x = x.saturating_add(width + 1);
            (*tab, title, rect)
        })
        .collect();
    if fits { Ok(spans) } else { Err(spans) }
}

pub fn render_tabs(area: Rect, buf: &mut Buffer, active: Tab, s: &Strings, theme: &Theme) {
    let spans_at = tab_spans(area, Tab::ALL, active, s);
    let named = spans_at.first().is_none_or(|(_, _, r)| r.x > area.x);
    let mut spans =
        if named { vec![Span::styled(format!(" {} ", s.app_name), theme.title)] } else { Vec::new() };
    for (tab, title, _) in spans_at {
        spans.push(Span::styled(title, if tab == active { theme.tab_active } else { theme.base }));
        spans.push(Span::raw(" "));
    }
    Line::from(spans).render(area, buf);
}

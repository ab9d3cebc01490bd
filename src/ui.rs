//! The frame around the panes: tab bar, footer hints, overlays, and the too-small message.
//! Layout is a pure function of the terminal size, shared by drawing and by mouse handling.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::action::Action;
use crate::app::Tab;
use crate::content::helplines::{self, RegionId};
use crate::domain::plan::Section;
use crate::i18n::{Lang, Strings};
use crate::keymap::{self, Binding, Scope};
use crate::store::plan::StoredItem;
use crate::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// Smaller than this, no screen can be laid out readably; a short message is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

pub struct Areas {
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The top row for the tab bar, the bottom row for the footer, the rest for the screen.
pub fn areas(area: Rect) -> Areas {
    let [tabs, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    Areas { tabs, body, footer }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn render_too_small(area: Rect, buf: &mut Buffer, s: &Strings, theme: &Theme) {
    let text = Text::from(vec![
        Line::styled(s.too_small, theme.emphasis),
        Line::styled(format!("{}x{}", MIN_WIDTH, MIN_HEIGHT), theme.dim),
    ]);
    let height = 2.min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    Paragraph::new(text)
        .centered()
        .wrap(Wrap { trim: true })
        .render(Rect { y, height: area.height - (y - area.y), ..area }, buf);
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
        let key = crate::app::key_for_index(i).map(|k| format!("{k} ")).unwrap_or_default();
        if cut { format!(" {key}{}… ", name.trim_end()) } else { format!(" {key}{name} ") }
    };
    let room = usize::from(area.right().saturating_sub(start));
    // Widths are counted, not formatted: this loop may shorten titles a letter at a time a
    // hundred times per frame, and building strings for each try cost most of a frame.
    let char_width = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
    let width = |i: usize, name: &[char], cut: bool| {
        let key = if crate::app::key_for_index(i).is_some() { 2 } else { 0 };
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

/// The one-line key hints. The global ones (help, crisis help, quit) always fit: a screen's own
/// hints are dropped from the end when the line would be too wide.
pub fn render_footer(area: Rect, buf: &mut Buffer, scopes: &[Scope], s: &Strings, theme: &Theme) {
    let hint = |b: &Binding| (keymap::key_label(b.keys[0]), keymap::describe(b.action, &s.actions));
    let (global, mut own): (Vec<_>, Vec<_>) =
        keymap::bindings_for(scopes).filter(|b| b.footer).partition(|b| b.scope == Scope::Global);
    let width = |hints: &[&Binding]| -> usize {
        hints.iter().map(|b| hint(b)).map(|(k, d)| k.width() + 1 + d.width() + 3).sum()
    };
    while !own.is_empty() && width(&own) + width(&global) > usize::from(area.width) + 3 {
        own.pop();
    }
    let mut spans = Vec::new();
    for b in own.iter().chain(&global) {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        let (key, what) = hint(b);
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(what, theme.dim));
    }
    Line::from(spans).render(area, buf);
}

/// A status at the right end of the footer (sync's); returns the part left for the rest.
/// Gives way when the footer is too narrow to hold it beside a few hints.
pub fn render_status_right(area: Rect, buf: &mut Buffer, text: &str, problem: bool, theme: &Theme) -> Rect {
    let wanted = u16::try_from(text.width() + 2).unwrap_or(u16::MAX);
    let width = wanted.min(area.width / 2);
    if width < 8 {
        return area;
    }
    let status = Rect { x: area.right() - width, width, ..area };
    let style = if problem { theme.emphasis } else { theme.dim };
    Line::styled(format!(" {text}"), style).render(status, buf);
    Rect { width: area.width - width, ..area }
}

pub fn render_toast(area: Rect, buf: &mut Buffer, message: &str, theme: &Theme) {
    Line::styled(format!(" {message}"), theme.emphasis).render(area, buf);
}

/// A box centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// Draws `text` in a bordered box over the frame, scrolled by `scroll` lines (clamped).
pub fn render_overlay(
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    footer: &str,
    text: Text,
    scroll: u16,
    theme: &Theme,
) {
    let width = 78.min(area.width.saturating_sub(2)).max(area.width.min(20));
    let probe = Paragraph::new(text.clone()).wrap(Wrap { trim: false });
    let inner_width = width.saturating_sub(2);
    let lines = probe.line_count(inner_width) as u16;
    let rect = centered(area, width, lines.saturating_add(2));
    let visible = rect.height.saturating_sub(2);
    let scroll = scroll.min(lines.saturating_sub(visible));
    // Say when there is more below, so nothing important hides past the edge of a small terminal.
    let more = if scroll + visible < lines { "↓ j/k · " } else { "" };
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_style(theme.title)
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::styled(format!(" {more}{footer} "), theme.dim).right_aligned());
    Paragraph::new(text).wrap(Wrap { trim: false }).scroll((scroll, 0)).block(block).render(rect, buf);
}

/// The keys of the current screen, generated from the keymap.
pub fn help_text(scopes: &[Scope], s: &Strings, theme: &Theme) -> Text<'static> {
    let rows: Vec<(String, &str)> = keymap::bindings_for(scopes)
        .map(|b| {
            let keys: Vec<String> = match b.action {
                Action::GoTab(_) => vec!["1-9, 0".to_owned()],
                _ => b.keys.iter().map(|k| keymap::key_label(*k)).collect(),
            };
            (keys.join(", "), keymap::describe(b.action, &s.actions))
        })
        .collect();
    let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    rows.into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_width$}  "), theme.key),
                Span::styled(d.to_owned(), theme.base),
            ])
        })
        .collect::<Vec<_>>()
        .into()
}

/// Help lines for the region, plus the reminder that the app is not treatment. Each line
/// starts with the number, so it is the first thing the eye finds and easy to select and copy.
///
/// The person's own plan comes first: the people and services they wrote down (number first,
/// like the help lines), then what they can do on their own. Without a plan, a line at the end
/// says where to write one.
pub fn crisis_text(
    region: RegionId,
    lang: Lang,
    own: &[StoredItem],
    s: &Strings,
    theme: &Theme,
) -> Text<'static> {
    let mut lines = own_plan_lines(own, s, theme);
    lines.extend([
        Line::styled(s.crisis_intro, theme.base),
        Line::styled(s.crisis_emergency, theme.emphasis),
        Line::default(),
    ]);
    if !own.is_empty() {
        lines.push(Line::styled(s.plan.crisis_help_lines, theme.heading));
    }
    let Some(region) = helplines::for_region(region) else { return Text::from(lines) };
    let newest = region.lines.iter().map(|l| l.last_verified.as_str()).max().unwrap_or_default();
    for line in &region.lines {
        let mut head = vec![
            Span::styled(line.number.clone(), theme.key),
            Span::raw("  "),
            Span::styled(line.name.clone(), theme.emphasis),
            Span::styled(format!(" · {}", line.hours.get(lang)), theme.dim),
        ];
        if line.last_verified != newest {
            head.push(Span::styled(format!(" · {} {}", s.crisis_verified, line.last_verified), theme.dim));
        }
        lines.push(Line::from(head));
        lines.push(Line::styled(line.description.get(lang).to_owned(), theme.base));
        if let Some(note) = &line.note {
            lines.push(Line::styled(note.get(lang).to_owned(), theme.dim));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(s.crisis_not_treatment, theme.dim));
    lines.push(Line::styled(format!("{} {newest}", s.crisis_checked_on), theme.dim));
    if own.is_empty() {
        lines.push(Line::styled(s.plan.crisis_add_own, theme.dim));
    }
    Text::from(lines)
}

/// The crisis overlay's first lines: contacts with their numbers, then the person's own steps.
fn own_plan_lines(own: &[StoredItem], s: &Strings, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let contacts: Vec<&StoredItem> = own.iter().filter(|i| i.section.has_phone()).collect();
    let steps: Vec<&StoredItem> = own.iter().filter(|i| i.section == Section::OnMyOwn).collect();
    if !contacts.is_empty() {
        lines.push(Line::styled(s.plan.crisis_people, theme.heading));
        for c in contacts {
            let mut spans = Vec::new();
            if !c.item.phone.is_empty() {
                spans.push(Span::styled(c.item.phone.clone(), theme.key));
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(c.item.text.clone(), theme.emphasis));
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
    }
    if !steps.is_empty() {
        lines.push(Line::styled(s.plan.crisis_on_my_own, theme.heading));
        lines.extend(steps.iter().map(|i| Line::styled(format!("• {}", i.item.text), theme.base)));
        lines.push(Line::default());
    }
    lines
}

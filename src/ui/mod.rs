//! The frame around the panes: tab bar, footer hints, overlays, and the too-small message.
//! Layout is a pure function of the terminal size, shared by drawing and by mouse handling.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::action::Action;
use crate::content::Content;
use crate::content::helplines::{self, RegionId};
use crate::domain::plan::Section;
use crate::i18n::{Lang, Strings};
use crate::keymap::{self, Binding, Keymap, Scope};
use crate::store::plan::StoredItem;
use crate::theme::Theme;
use unicode_width::UnicodeWidthStr;

mod tabs;

pub use tabs::{Group, Tab, TabSpan, key_for_index, render_tabs, tab_spans};

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

/// The one-line key hints. The global ones (help, crisis help, quit) always fit: a screen's own
/// hints are dropped from the end when the line would be too wide.
pub fn render_footer(
    area: Rect,
    buf: &mut Buffer,
    keys: &Keymap,
    scopes: &[Scope],
    s: &Strings,
    theme: &Theme,
) {
    let hint = |b: &Binding| (keymap::key_label(b.keys[0]), keymap::describe(b.action, &s.actions));
    let (global, mut own): (Vec<_>, Vec<_>) =
        keys.bindings_for(scopes).filter(|b| b.footer).partition(|b| b.scope == Scope::Global);
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

/// The footer while a text field has the keys: letters (`q` too) are text, so only the keys
/// that still act are named (see `keymap::text_mode_action`).
pub fn render_text_footer(area: Rect, buf: &mut Buffer, s: &Strings, theme: &Theme) {
    let a = &s.actions;
    let hints = [("Esc", a.back), ("F1", a.crisis), ("Ctrl-c", a.quit)];
    let mut spans = Vec::new();
    for (key, what) in hints {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(what, theme.dim));
    }
    Line::from(spans).render(area, buf);
}

/// The footer's message, whole: one wider than the screen wraps onto the rows above the footer
/// (over the bottom of the screen, never the tab bar) instead of being cut at the edge, where
/// the end of a path or of "nothing was lost" would be.
pub fn render_toast(area: Rect, buf: &mut Buffer, message: &str, theme: &Theme) {
    let text = Paragraph::new(format!(" {message}")).style(theme.emphasis).wrap(Wrap { trim: false });
    let wanted = u16::try_from(text.line_count(area.width)).unwrap_or(u16::MAX).max(1);
    let room = area.bottom().saturating_sub(buf.area.y.saturating_add(1)).max(area.height);
    let rows = wanted.min(room);
    let rect = Rect { y: area.bottom().saturating_sub(rows), height: rows, ..area }.intersection(buf.area);
    Clear.render(rect, buf);
    text.render(rect, buf);
}

/// A box centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// Draws `text` in `block`, a box at most `max_width` wide and as high as the text, centred in
/// `area` over what is there (a celebration, an offer). Nothing when it cannot fit.
pub fn render_popup(area: Rect, buf: &mut Buffer, max_width: u16, text: Paragraph, block: Block) {
    let width = area.width.saturating_sub(4).min(max_width);
    let height = text.line_count(width.saturating_sub(2)) as u16 + 2;
    let rect = centered(area, width, height).intersection(area);
    if rect.width < 4 || rect.height < 3 {
        return;
    }
    Clear.render(rect, buf);
    text.block(block).render(rect, buf);
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
pub fn help_text(keys: &Keymap, scopes: &[Scope], s: &Strings, theme: &Theme) -> Text<'static> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for b in keys.bindings_for(scopes) {
        match b.action {
            // The digits, one row per group of screens, each screen by name.
            Action::GoTab(_) => rows.extend(Group::ALL.iter().filter(|g| **g != Group::Settings).map(|g| {
                let names: Vec<&str> = g.tabs().iter().map(|t| t.title(s)).collect();
                (g.keys(), names.join(" · "))
            })),
            _ => {
                let labels: Vec<String> = b.keys.iter().map(|k| keymap::key_label(*k)).collect();
                rows.push((labels.join(", "), keymap::describe(b.action, &s.actions).to_owned()));
            }
        }
    }
    let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    rows.into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_width$}  "), theme.key),
                Span::styled(d, theme.base),
            ])
        })
        .collect::<Vec<_>>()
        .into()
}

/// The crisis help for a window too small for the overlay: the region's numbers, then the
/// person's own contacts, one plain line each ("113  Medisinsk nødhjelp"), from `scroll` on, as
/// many as fit and each cut to the width. Help never gives way to "make the window larger".
pub fn render_crisis_plain(
    area: Rect,
    buf: &mut Buffer,
    content: &Content,
    region: RegionId,
    own: &[StoredItem],
    scroll: u16,
    theme: &Theme,
) {
    let region_lines = helplines::for_region(content, region).map(|r| r.lines.as_slice()).unwrap_or_default();
    let numbers = region_lines.iter().map(|l| (l.number.clone(), l.name.clone()));
    let contacts = own.iter().filter(|i| i.section.has_phone() && !i.item.phone.is_empty());
    let lines: Vec<(String, String)> =
        numbers.chain(contacts.map(|c| (c.item.phone.clone(), c.item.text.clone()))).collect();
    let first = usize::from(scroll).min(lines.len().saturating_sub(usize::from(area.height)));
    for (row, (number, name)) in lines.iter().skip(first).take(usize::from(area.height)).enumerate() {
        let line = Line::from(vec![
            Span::styled(number.clone(), theme.key),
            Span::raw("  "),
            Span::styled(name.clone(), theme.emphasis),
        ]);
        line.render(Rect { y: area.y + row as u16, height: 1, ..area }, buf);
    }
}

/// Help lines for the region, plus the reminder that the app is not treatment. Each line
/// starts with the number, so it is the first thing the eye finds and easy to select and copy.
///
/// The person's own plan comes first: the people and services they wrote down (number first,
/// like the help lines), then what they can do on their own. Without a plan, a line at the end
/// says where to write one.
pub fn crisis_text(
    content: &Content,
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
    let Some(region) = helplines::for_region(content, region) else { return Text::from(lines) };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_footer_message_wider_than_the_screen_is_shown_whole_above_the_footer() {
        let screen = Rect::new(0, 0, 30, 8);
        let mut buf = Buffer::empty(screen);
        let message = "cannot write to /home/kari/.local/share/mestring/mestring.sqlite3: the disk is full. \
                       Nothing was lost; free some space and try again.";
        let footer = areas(screen).footer;
        render_toast(footer, &mut buf, message, &Theme::COLOR);
        let rows: Vec<String> = (0..screen.height)
            .map(|y| (0..screen.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        assert_eq!(rows[0].trim(), "", "the tab bar row is left alone: {rows:#?}");
        let shown: String = rows.concat().split_whitespace().collect::<Vec<_>>().join(" ");
        let whole: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(shown.contains("try again.") && shown.contains("Nothing was lost"), "{rows:#?}");
        assert_eq!(shown.replace(' ', ""), whole.replace(' ', ""), "{rows:#?}");
    }
}

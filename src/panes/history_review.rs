//! Two views of the history: the weekly review ("Uken": the week against the week before,
//! what helped, triggers, patterns from the person's own entries, and one line to take into
//! next week), and the cravings written down, per day, beside that day's check-in.

use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::history::{HistoryPane, HistoryView};
use super::search_field::{self, Edit};
use super::{Ctx, View};
use crate::action::Action;
use crate::domain::review::{self, TAKEAWAY_MAX_CHARS};
use crate::domain::urges::by_day;
use crate::widgets::review::document;

/// How far back the cravings view reads.
const URGE_DAYS: u64 = 365;

impl HistoryPane {
    /// Reads the cravings and the review of the chosen week (this week the first time).
    pub(super) fn read_retention(&mut self, ctx: &mut Ctx) {
        let start = *self.review_start.get_or_insert(review::week_start(self.today, self.sunday_first));
        let from = self.today.checked_sub_days(Days::new(URGE_DAYS)).unwrap_or(self.today);
        let today = self.today;
        if let Some((urges, review)) =
            ctx.read(|s| Ok((s.urges_between(from, today)?, s.week_review(start, today)?)))
        {
            self.urge_days = by_day(&urges);
            self.review = Some(review);
        }
    }

    /// The takeaway line being typed has the keys.
    pub fn text_mode(&self) -> bool {
        self.typing.is_some()
    }

    /// The week the review shows.
    pub fn review(&self) -> Option<&review::Review> {
        self.review.as_ref()
    }

    pub(super) fn handle_review(&mut self, action: &Action, ctx: &mut Ctx) {
        if let Some(text) = &self.typing {
            match search_field::edit(text, action) {
                Edit::Query(t) => self.typing = Some(t.chars().take(TAKEAWAY_MAX_CHARS).collect()),
                Edit::Done => self.save_takeaway(ctx),
                Edit::Cancel => self.typing = None,
                Edit::Move(_) | Edit::Nothing => {}
            }
            return;
        }
        let this_week = review::week_start(self.today, self.sunday_first);
        let start = self.review_start.unwrap_or(this_week);
        let moved = match action {
            Action::Decrease => start.checked_sub_days(Days::new(7)),
            Action::Increase => start.checked_add_days(Days::new(7)).filter(|s| *s <= this_week),
            Action::Open => {
                self.typing = Some(self.review.as_ref().map(|r| r.takeaway.clone()).unwrap_or_default());
                None
            }
            Action::Up | Action::ScrollUp => {
                self.review_scroll = self.review_scroll.saturating_sub(1);
                None
            }
            Action::Down | Action::ScrollDown => {
                self.review_scroll = self.review_scroll.saturating_add(1);
                None
            }
            _ => None,
        };
        if let Some(start) = moved {
            self.review_start = Some(start);
            self.review_scroll = 0;
            self.read_retention(ctx);
        }
    }

    fn save_takeaway(&mut self, ctx: &mut Ctx) {
        let Some(review) = &self.review else { return };
        let text = self.typing.clone().unwrap_or_default();
        let (week, at) = (review.label(), ctx.clock.moment());
        if ctx.save(|s| s.save_takeaway(&week, &text, at)) {
            self.typing = None;
            *ctx.toast = Some(self.lang.strings().review.takeaway_saved.to_owned());
            self.read_retention(ctx);
        }
    }

    pub(super) fn render_review(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let Some(review) = &self.review else { return };
        let (theme, t) = (view.theme, &view.strings.review);
        let doc = document(review, view.lang, view.content);
        let [body, takeaway] = Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
        let [label_width, a, b] = doc.widths();
        let mut lines = vec![
            Line::styled(doc.title.clone(), theme.heading),
            Line::styled(
                format!("{:label_width$}  {:>a$}  {:>b$}", "", doc.columns[0], doc.columns[1]),
                theme.dim,
            ),
        ];
        for [label, this, before] in &doc.rows {
            lines.push(Line::from(vec![
                Span::raw(format!("{label:label_width$}  ")),
                Span::styled(format!("{this:>a$}"), theme.emphasis),
                Span::styled(format!("  {before:>b$}"), theme.dim),
            ]));
        }
        for (heading, items) in &doc.lists {
            lines.push(Line::from(vec![
                Span::styled(format!("{heading}: "), theme.heading),
                Span::raw(items.join(", ")),
            ]));
        }
        // "Not a cause" beside the heading, where it cannot scroll away from the patterns.
        let mut heading = vec![Span::styled(doc.patterns_heading, theme.heading)];
        heading.extend(doc.pattern_note.map(|note| Span::styled(format!(" – {note}"), theme.dim)));
        lines.push(Line::from(heading));
        lines.extend(doc.patterns.iter().map(|p| Line::from(format!("· {p}"))));
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let total = paragraph.line_count(body.width) as u16;
        let scroll = self.review_scroll.min(total.saturating_sub(body.height));
        paragraph.scroll((scroll, 0)).render(body, buf);
        let line = match &self.typing {
            Some(text) => Line::from(vec![Span::styled(format!("{text}█"), theme.emphasis)]),
            None if review.takeaway.is_empty() => Line::styled(t.takeaway_empty, theme.dim),
            None => Line::styled(review.takeaway.clone(), theme.emphasis),
        };
        Paragraph::new(vec![Line::styled(doc.takeaway_label, theme.heading), line]).render(takeaway, buf);
    }

    /// Each day with cravings: its date, what happened, and that day's check-in.
    fn urge_days(&self, view: &View) -> Vec<[String; 3]> {
        let (t, g) = (&view.strings.urges, &view.strings.goals);
        let year = chrono::Datelike::year(&self.today);
        let mut days = Vec::new();
        for day in self.urge_days.iter().skip(usize::from(self.review_scroll)) {
            let mut parts = vec![t.day_count.replace("{n}", &day.count.to_string())];
            for (n, word) in [(day.passed, t.day_passed), (day.used, t.day_used), (day.open, t.day_open)] {
                if n > 0 {
                    parts.push(format!("{n} {word}"));
                }
            }
            if let Some(minutes) = day.typical_minutes {
                parts.push(t.day_typical.replace("{n}", &minutes.to_string()));
            }
            let checkin = match self.checkin_craving(day.date) {
                Some(c) => t.day_checkin.replace("{n}", &c.to_string()),
                None => t.day_no_checkin.to_owned(),
            };
            days.push([g.short_date(day.date, year), parts.join(" · "), checkin]);
        }
        days
    }

    pub(super) fn render_urges(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (theme, t) = (view.theme, &view.strings.urges);
        if self.urge_days.is_empty() {
            let key = view.keys.key_hint(Action::LogUrge, &[]);
            Paragraph::new(t.history_empty.replace("{key}", &key))
                .style(theme.dim)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let mut lines = vec![Line::styled(t.history_intro, theme.dim)];
        for [date, parts, checkin] in self.urge_days(view) {
            lines.push(Line::from(vec![
                Span::styled(format!("{date:<12}"), theme.heading),
                Span::raw(parts),
                Span::styled(format!("  ({checkin})"), theme.dim),
            ]));
        }
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(area, buf);
    }

    /// The cravings view as lines, for the plain mode.
    pub(super) fn urge_lines(&self, view: &View) -> Vec<String> {
        let t = &view.strings.urges;
        if self.urge_days.is_empty() {
            return vec![t.history_empty.replace("{key}", &view.keys.key_hint(Action::LogUrge, &[]))];
        }
        let days = self
            .urge_days(view)
            .into_iter()
            .map(|[date, parts, checkin]| format!("{date}: {parts} ({checkin})"));
        std::iter::once(t.history_intro.to_owned()).chain(days).collect()
    }

    /// The review as lines, for the plain mode: the same words as the view.
    pub(super) fn review_lines(&self, view: &View) -> Vec<String> {
        let Some(review) = &self.review else { return Vec::new() };
        let doc = document(review, view.lang, view.content);
        let mut lines = vec![doc.title.clone(), view.strings.review.keys.to_owned()];
        let [c1, c2] = doc.columns;
        lines.extend(
            doc.rows
                .iter()
                .map(|[label, this, before]| format!("{}: {c1} {this}, {c2} {before}", label.trim())),
        );
        lines.extend(doc.lists.iter().map(|(heading, items)| format!("{heading}: {}", items.join(", "))));
        lines.push(match doc.pattern_note {
            Some(note) => format!("{} – {note}", doc.patterns_heading),
            None => doc.patterns_heading.to_owned(),
        });
        lines.extend(doc.patterns.iter().cloned());
        let takeaway =
            if review.takeaway.is_empty() { view.strings.review.takeaway_empty } else { &review.takeaway };
        lines.push(format!("{} {takeaway}", doc.takeaway_label));
        lines
    }

    /// The craving of that day's check-in, shown beside the day's cravings.
    fn checkin_craving(&self, date: NaiveDate) -> Option<u8> {
        self.recent.iter().find(|c| c.date == date).and_then(|c| c.craving)
    }

    pub(super) fn handle_urges(&mut self, action: &Action) {
        match action {
            Action::Up | Action::ScrollUp => self.review_scroll = self.review_scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => {
                let last = self.urge_days.len().saturating_sub(1).min(usize::from(u16::MAX)) as u16;
                self.review_scroll = (self.review_scroll + 1).min(last);
            }
            _ => {}
        }
    }
}

impl HistoryView {
    /// Views that show a period of days (the others show a week, a list, or a year).
    pub fn has_period(self) -> bool {
        !matches!(self, HistoryView::Days | HistoryView::Review | HistoryView::Urges)
    }
}

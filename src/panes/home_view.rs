//! Drawing the home screen. It is made of pieces (the counter, the check-in, the habits, the
//! goal, the week's mood and craving, the phase, the technique); one column below 100 cells,
//! two above. When the pieces do not fit, the blank lines between them go first, then the
//! technique's text is cut, so 80x24 shows every piece.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Sparkline, Widget, Wrap};

use super::View;
use super::goals_view::{habit_box, spread, streak_words};
use super::home::{HomePane, MoodAndCraving};
use super::sober_view::counter_lines;
use crate::i18n::Strings;
use crate::theme::Theme;

/// From this width the pieces stand in two columns.
const TWO_COLUMNS_MIN_WIDTH: u16 = 100;
/// Habits listed before "+n more".
const HABITS_SHOWN: usize = 4;
/// Where the habits stand among the pieces, in both layouts.
const HABITS_PIECE: usize = 2;

enum Piece<'a> {
    Text(Vec<Line<'a>>),
    /// Mood and craving sparklines, `rows` high.
    Trend {
        rows: u16,
    },
    /// Fills what is left (the technique of the day).
    Rest(Vec<Line<'a>>),
}

/// A week of sparkline, each day two cells wide.
const SPARK_WIDTH: u16 = 14;

/// 55 % of the width on the left, a gap of two cells, the rest on the right.
fn columns(area: Rect) -> [Rect; 2] {
    let [left, _, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Length(2), Constraint::Fill(1)])
            .areas(area);
    [left, right]
}

impl HomePane {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (view.strings, view.theme);
        let title = format!(" {} · {} ", s.home.tab, s.goals.long_date(self.today));
        // The one place on I dag that says what mestring is not, always in sight.
        let crisis = view.keys.key_hint(crate::action::Action::Crisis, &[]);
        let not_substitute = s.review.home_not_substitute.replace("{key}", &crisis);
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Span::styled(title, theme.title))
            .title_bottom(Line::styled(format!(" {not_substitute} "), theme.dim));
        let inner = block.inner(area);
        block.render(area, buf);
        for (column, pieces) in self.columns(inner, view) {
            render_column(column, buf, pieces, self, view);
        }
    }

    /// The selected habit's row, where the terminal's cursor goes.
    pub fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        if self.problem.is_some() || self.data.habits.is_empty() {
            return None;
        }
        let inner = Block::bordered().inner(area);
        let (column, pieces) = self.columns(inner, view).into_iter().next()?;
        // The habits are the third piece; their first line is their heading.
        let rect = *piece_rects(column, &pieces).get(HABITS_PIECE)?;
        let first = self.selected.saturating_sub(HABITS_SHOWN - 1);
        let row = u16::try_from(1 + self.selected - first).ok()?;
        (row < rect.height).then(|| Position::new(rect.x, rect.y + row))
    }

    /// The pieces and the column each stands in: one column below 100 cells, two above.
    fn columns(&self, inner: Rect, view: &View) -> Vec<(Rect, Vec<Piece<'static>>)> {
        let (s, theme) = (view.strings, view.theme);
        let technique = self.technique_piece(s, theme);
        if let Some(problem) = &self.problem {
            let lines = vec![Line::styled(s.home.unavailable, theme.emphasis), Line::from(problem.clone())];
            return vec![(inner, vec![Piece::Text(lines), technique])];
        }
        let mut left = if self.data.is_empty() {
            vec![
                Piece::Text(self.start_lines(s, theme, view)),
                Piece::Text(vec![self.checkin_line(s, theme)]),
            ]
        } else {
            vec![
                Piece::Text(self.counter_lines(s, theme)),
                Piece::Text(vec![self.checkin_line(s, theme)]),
                Piece::Text(self.habit_lines(s, theme, inner.width)),
                Piece::Text(self.goal_lines(s, theme)),
            ]
        };
        if self.review_offered {
            let key = self.keys.history.map_or(String::new(), |k| k.to_string());
            left.insert(
                1,
                Piece::Text(vec![Line::styled(s.review.home_offer.replace("{key}", &key), theme.emphasis)]),
            );
        }
        let mut right = if self.data.is_empty() { Vec::new() } else { vec![Piece::Trend { rows: 1 }] };
        if let Some(phase) = self.phase {
            let number = s.home.phase_of.replace("{n}", &phase.number.to_string());
            right.push(Piece::Text(vec![Line::from(vec![
                Span::styled(format!("{}: ", s.home.phase), theme.heading),
                Span::raw(format!("{} ({number})", phase.name)),
            ])]));
        }
        right.push(technique);
        if inner.width >= TWO_COLUMNS_MIN_WIDTH {
            let [l, r] = columns(inner);
            if let Some(Piece::Trend { rows }) = right.first_mut() {
                *rows = 5;
            }
            vec![(l, left), (r, right)]
        } else {
            let mut all = left;
            all.extend(right);
            vec![(inner, all)]
        }
    }

    /// What to do first, naming the real keys, for a start with nothing recorded yet.
    fn start_lines(&self, s: &Strings, theme: &Theme, view: &View) -> Vec<Line<'static>> {
        let key = |k: Option<char>| k.map_or(String::new(), |k| k.to_string());
        let keys = s
            .review
            .home_start_keys
            .replace("{checkin}", &key(self.keys.checkin))
            .replace("{sober}", &key(self.keys.sober))
            .replace("{breathe}", &key(self.keys.breathe))
            .replace("{urge}", &view.keys.key_hint(crate::action::Action::LogUrge, &[]));
        vec![Line::from(vec![
            Span::styled(format!("{}: ", s.review.home_start), theme.heading),
            Span::styled(keys, theme.emphasis),
        ])]
    }

    pub(super) fn counter_lines(&self, s: &Strings, theme: &Theme) -> Vec<Line<'static>> {
        let Some(c) = &self.data.counter else {
            let key = self.keys.sober.map_or(String::new(), |k| k.to_string());
            return vec![Line::styled(s.home.no_counter.replace("{key}", &key), theme.dim)];
        };
        let mut lines = counter_lines(c, self.today, (&s.goals, &s.sober), theme);
        // What the money is for is shown with a milestone's message.
        lines.extend(super::savings_view::saving_lines(c, self.currency, s, theme, c.recent.is_some()));
        if let Some(first) = lines.first_mut() {
            first.spans.insert(0, Span::styled(format!("{}: ", c.counter.name), theme.emphasis));
        }
        lines
    }

    pub(super) fn checkin_line(&self, s: &Strings, theme: &Theme) -> Line<'static> {
        if self.data.checked_in {
            return Line::from(vec![Span::styled("✓ ", theme.key), Span::raw(s.home.checkin_done)]);
        }
        let text = match self.keys.checkin {
            Some(key) => s.home.checkin_todo.replace("{key}", &key.to_string()),
            None => s.home.checkin_todo.split(" – ").next().unwrap_or_default().to_owned(),
        };
        Line::styled(text, theme.emphasis)
    }

    fn habit_lines(&self, s: &Strings, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let (h, g) = (&s.home, &s.goals);
        let habits = &self.data.habits;
        if habits.is_empty() {
            let key = self.keys.goals.map_or(String::new(), |k| k.to_string());
            return vec![Line::styled(h.no_habits.replace("{key}", &key), theme.dim)];
        }
        let done = habits.iter().filter(|x| !x.open()).count();
        let count =
            h.habits_done.replace("{done}", &done.to_string()).replace("{total}", &habits.len().to_string());
        let mut lines = vec![Line::from(vec![
            Span::styled(h.habits.to_owned(), theme.heading),
            Span::styled(format!(" · {count}"), theme.dim),
        ])];
        let first = self.selected.saturating_sub(HABITS_SHOWN - 1);
        for (i, habit) in habits.iter().enumerate().skip(first).take(HABITS_SHOWN) {
            let selected = i == self.selected;
            let left = vec![
                Span::raw(if selected { "› " } else { "  " }),
                Span::styled(format!("{} ", habit_box(habit)), theme.key),
                Span::raw(habit.habit.name.clone()),
            ];
            let line = spread(left, Span::styled(streak_words(g, habit), theme.dim), width.min(60));
            lines.push(if selected { line.style(theme.selected) } else { line });
        }
        let hidden = habits.len().saturating_sub(HABITS_SHOWN);
        if hidden > 0 {
            lines.push(Line::styled(format!("  {}", h.more.replace("{n}", &hidden.to_string())), theme.dim));
        }
        if let Some(habit) = habits.iter().find(|x| x.warning.is_some()) {
            let streak = streak_words(g, habit);
            let warning = g.breaks_tomorrow.replace("{name}", &habit.habit.name).replace("{streak}", &streak);
            lines.push(Line::styled(warning, theme.emphasis));
        }
        lines
    }

    pub(super) fn goal_lines(&self, s: &Strings, theme: &Theme) -> Vec<Line<'static>> {
        let (h, g) = (&s.home, &s.goals);
        let Some(stored) = &self.data.goal else {
            return vec![Line::styled(h.no_goal, theme.dim)];
        };
        let goal = &stored.goal;
        let mut parts = vec![goal.title.clone()];
        if let Some(due) = goal.due {
            let when = super::goals_view::due_words(g, due, self.today);
            parts.push(format!("{} ({when})", g.short_date(due, self.today.year())));
        }
        let (done, total) = goal.progress();
        if total > 0 {
            parts.push(format!("{done}/{total}"));
        }
        vec![Line::from(vec![
            Span::styled(format!("{}: ", h.goal), theme.heading),
            Span::raw(parts.join(" · ")),
        ])]
    }

    fn technique_piece(&self, s: &Strings, theme: &Theme) -> Piece<'static> {
        let Some(t) = &self.technique else { return Piece::Text(Vec::new()) };
        Piece::Rest(vec![
            Line::from(vec![
                Span::styled(format!("{}: ", s.home.technique), theme.heading),
                Span::styled(t.name.clone(), theme.emphasis),
            ]),
            Line::from(t.summary.clone()),
        ])
    }

    /// Mood and craving over the week as sparklines: on one line beside each other when `area`
    /// is one line high, else under a heading, one above the other.
    fn render_trend(&self, area: Rect, buf: &mut Buffer, s: &Strings, theme: &Theme) {
        let h = &s.home;
        if self.data.week.iter().all(|(_, v)| v.is_none()) {
            Line::styled(h.no_checkins, theme.dim).render(area, buf);
            return;
        }
        // Each day two cells wide, so a week reads as a shape and not a speck.
        // A day without a check-in, or with the value not answered, is a dot.
        let series = |pick: fn(MoodAndCraving) -> Option<u8>| -> Vec<Option<u64>> {
            self.data.week.iter().flat_map(|(_, v)| [v.and_then(pick).map(u64::from); 2]).collect()
        };
        // A check-in draws at least the lowest bar, so craving 0 or 1 never looks like a day
        // without one (a dot): the values 0..=max take the eighths 1..=rows*8.
        let spark = |data: Vec<Option<u64>>, max: u64, rect: Rect, buf: &mut Buffer| {
            let eighths = u64::from(rect.height.max(1)) * 8;
            let data: Vec<Option<u64>> =
                data.into_iter().map(|v| v.map(|v| 1 + v.min(max) * (eighths - 1) / max.max(1))).collect();
            Sparkline::default()
                .data(data)
                .max(eighths)
                .style(theme.key)
                .absent_value_symbol("·")
                .absent_value_style(theme.dim)
                .render(rect, buf);
        };
        let label = |text: &str| Span::styled(format!("{text} "), theme.heading);
        let width = |text: &str| text.chars().count() as u16 + 1;
        if area.height <= 1 {
            let craving = format!("  {}", h.craving);
            let [mood, mood_spark, craving_label, craving_spark, _, rest] = Layout::horizontal([
                Constraint::Length(width(h.mood)),
                Constraint::Length(SPARK_WIDTH),
                Constraint::Length(width(&craving)),
                Constraint::Length(SPARK_WIDTH),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(area);
            label(h.mood).render(mood, buf);
            spark(series(|x| Some(x.0)), 5, mood_spark, buf);
            label(&craving).render(craving_label, buf);
            spark(series(|x| x.1), 10, craving_spark, buf);
            Span::styled(h.last_7_days, theme.dim).render(rest, buf);
            return;
        }
        Line::from(vec![
            Span::styled(format!("{} · {}", h.mood, h.craving), theme.heading),
            Span::styled(format!(" ({})", h.last_7_days), theme.dim),
        ])
        .render(area, buf);
        let rows = (area.height - 1) / 2;
        let labels = width(h.mood).max(width(h.craving));
        for (i, (name, data, max)) in
            [(h.mood, series(|x| Some(x.0)), 5), (h.craving, series(|x| x.1), 10)].into_iter().enumerate()
        {
            let y = area.y + 1 + i as u16 * rows;
            let row = Rect { y, height: rows, ..area }.intersection(area);
            let [l, r, _] = Layout::horizontal([
                Constraint::Length(labels),
                Constraint::Length(SPARK_WIDTH),
                Constraint::Fill(1),
            ])
            .areas(row);
            label(name).render(Rect { y: l.bottom().saturating_sub(1), height: 1.min(l.height), ..l }, buf);
            spark(data, max, r, buf);
        }
    }
}

/// Where each piece goes in `area`, top to bottom, with a blank line between them when they fit.
fn piece_rects(area: Rect, pieces: &[Piece]) -> Vec<Rect> {
    let wrapped = |lines: &[Line]| {
        Paragraph::new(lines.to_vec()).wrap(Wrap { trim: false }).line_count(area.width) as u16
    };
    let heights: Vec<u16> = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(lines) | Piece::Rest(lines) => wrapped(lines),
            Piece::Trend { rows } => *rows,
        })
        .collect();
    let needed: u16 = heights.iter().sum();
    let gap = u16::from(needed + heights.len() as u16 - 1 <= area.height);
    let mut y = area.y;
    let mut rects = Vec::new();
    for height in heights {
        let room = area.bottom().saturating_sub(y);
        if room == 0 {
            break;
        }
        rects.push(Rect { y, height: height.min(room), ..area });
        y = y.saturating_add(height + gap);
    }
    rects
}

/// Lays `pieces` out top to bottom in `area` (see [`piece_rects`]).
fn render_column(area: Rect, buf: &mut Buffer, pieces: Vec<Piece>, pane: &HomePane, view: &View) {
    let rects = piece_rects(area, &pieces);
    for (piece, rect) in pieces.into_iter().zip(rects) {
        match piece {
            Piece::Text(lines) => Paragraph::new(lines).wrap(Wrap { trim: false }).render(rect, buf),
            Piece::Rest(lines) => {
                let room = area.bottom().saturating_sub(rect.y);
                Paragraph::new(lines).wrap(Wrap { trim: false }).render(Rect { height: room, ..rect }, buf);
            }
            Piece::Trend { .. } => pane.render_trend(rect, buf, view.strings, view.theme),
        }
    }
}

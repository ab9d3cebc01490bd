//! Drawing the goals screen: the list of habits and goals, the selected one's detail (its
//! days or its steps), and on top a form, a question or the celebration.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::View;
use super::goals::{Focus, GoalsPane, Mode, Row};
use crate::domain::goals::{Goal, days_until};
use crate::domain::habits::{Cadence, Mark};
use crate::i18n::GoalsText;
use crate::store::habits::HabitToday;
use crate::theme::Theme;
use crate::widgets::list_detail::{ListBox, ListRow, Split, render_list};

const LIST_PERCENT: u16 = 46;

fn split(area: Rect) -> Split {
    Split::new(area, 0, LIST_PERCENT)
}

pub fn list_inner(area: Rect) -> Rect {
    split(area).list_inner()
}

pub fn list_rows(area: Rect) -> u16 {
    split(area).list_inner().height
}

/// `left` and `right` on one line of `width` cells, `right` against the right edge.
pub fn spread<'a>(left: Vec<Span<'a>>, right: Span<'a>, width: u16) -> Line<'a> {
    let used: usize = left.iter().map(|s| s.content.width()).sum::<usize>() + right.content.width();
    let gap = usize::from(width).saturating_sub(used).max(1);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(right);
    Line::from(spans)
}

/// How long a streak is, in its habit's unit.
/// Nothing for a streak of 0: a fresh start is not a number to show.
pub fn streak_words(g: &GoalsText, habit: &HabitToday) -> String {
    if habit.streak.kept == 0 {
        return String::new();
    }
    match habit.habit.cadence {
        Cadence::Daily => g.days_n(habit.streak.kept),
        Cadence::Weekly => g.weeks_n(habit.streak.kept),
    }
}

/// "[x]", "[-]" or "[ ]": done, a planned day off, or still open.
pub fn habit_box(habit: &HabitToday) -> &'static str {
    match (habit.streak.current_done, habit.streak.current_kept) {
        (true, _) => "[x]",
        (false, true) => "[-]",
        _ => "[ ]",
    }
}

/// When a goal is due, said kindly: today, in n days, or the date that passed.
pub fn due_words(g: &GoalsText, due: NaiveDate, today: NaiveDate) -> String {
    match days_until(due, today) {
        0 => g.due_today.to_owned(),
        n if n > 0 => g.due_in.replace("{n}", &g.days_n(n as u32)),
        _ => g.due_passed.replace("{date}", &g.short_date(due, today.year())),
    }
}

impl GoalsPane {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = split(area);
        let detail_focused = self.focus != Focus::List;
        if split.shows_list(detail_focused) {
            self.render_list(&split, buf, view);
        }
        if split.shows_detail(detail_focused) {
            self.render_detail(split.detail, buf, view);
        }
        match &self.mode {
            Mode::Browse => {}
            Mode::Form(_, form) => form.render(area, buf, view),
            Mode::Confirm(question) => question.render(area, buf, view),
            Mode::Celebrate(goal) => render_celebration(area, buf, &goal.goal, view),
        }
    }

    fn render_list(&self, split: &Split, buf: &mut Buffer, view: &View) {
        let (g, theme) = (&view.strings.goals, view.theme);
        let width = split.list_inner().width.saturating_sub(2);
        let year = self.today.year();
        let row = |i: usize| match self.rows[i] {
            Row::HabitsHeading => ListRow::Heading(Line::from(g.habits_heading)),
            Row::GoalsHeading => ListRow::Heading(Line::from(g.goals_heading)),
            Row::ArchiveHeading => ListRow::Heading(Line::from(g.archive_heading)),
            Row::AddHabit => ListRow::Item(Line::styled(g.add_habit, theme.dim)),
            Row::AddGoal => ListRow::Item(Line::styled(g.add_goal, theme.dim)),
            Row::Habit(h) => {
                let habit = &self.habits[h];
                let mut left = vec![Span::styled(format!("{} ", habit_box(habit)), theme.key)];
                left.push(Span::raw(habit.habit.name.clone()));
                let right = if habit.warning.is_some() { theme.emphasis } else { theme.dim };
                ListRow::Item(spread(left, Span::styled(streak_words(g, habit), right), width))
            }
            Row::Goal(n) => {
                let goal = &self.open[n].goal;
                let (done, total) = goal.progress();
                let mut right = Vec::new();
                if total > 0 {
                    right.push(format!("{done}/{total}"));
                }
                if let Some(due) = goal.due {
                    right.push(g.short_date(due, year));
                }
                let line = spread(
                    vec![Span::raw(goal.title.clone())],
                    Span::styled(right.join(" · "), theme.dim),
                    width,
                );
                ListRow::Item(line)
            }
            Row::Archived(n) => {
                let goal = &self.archive[n].goal;
                let when = goal.done_at.map(|t| g.short_date(t.date(), year)).unwrap_or_default();
                let left = vec![Span::styled("✓ ", theme.key), Span::styled(goal.title.clone(), theme.dim)];
                ListRow::Item(spread(left, Span::styled(when, theme.dim), width))
            }
        };
        let frame = ListBox { title: g.tab, focused: self.focus == Focus::List, empty: "" };
        render_list(split.list, buf, frame, &self.nav, self.rows.len(), row, theme);
    }

    /// The selected row, the day or step being ticked, the field being typed in, or the
    /// question being asked.
    pub fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        match &self.mode {
            Mode::Form(_, form) => return form.cursor(area),
            Mode::Confirm(question) => return question.cursor(area, view.strings),
            Mode::Celebrate(_) => return None,
            Mode::Browse => {}
        }
        let split = split(area);
        if self.focus == Focus::List {
            return split.list_cursor(&self.nav, self.rows.len());
        }
        let inner = Block::bordered().inner(split.detail);
        let (_, lines, cursor) = self.detail(view);
        let cursor = cursor?;
        super::cursor::wrapped_line(&lines, cursor, inner, scroll_to(&lines, cursor, inner))
    }

    /// The selected habit's or goal's title, its lines, and the line of the day or step under
    /// the cursor while they have the keys.
    fn detail(&self, view: &View) -> (String, Vec<Line<'static>>, Option<usize>) {
        let (g, theme) = (&view.strings.goals, view.theme);
        let (title, (lines, cursor)) = if let Some(habit) = self.selected_habit() {
            (habit.habit.name.clone(), self.habit_lines(habit, view))
        } else if let Some(goal) = self.selected_goal() {
            (goal.goal.title.clone(), self.goal_lines(&goal.goal, view))
        } else {
            (String::new(), (vec![Line::styled(g.empty_goals, theme.dim)], None))
        };
        (title, lines, cursor)
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let focused = self.focus != Focus::List;
        let block = Block::bordered().border_style(if focused { theme.title } else { theme.border });
        let inner = block.inner(area);
        let (title, lines, cursor) = self.detail(view);
        let block = if title.is_empty() {
            block
        } else {
            block.title(Span::styled(format!(" {title} "), theme.title))
        };
        block.render(area, buf);
        let scroll = cursor.map_or(0, |c| scroll_to(&lines, c, inner));
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)).render(inner, buf);
    }

    /// The habit's streak and today, then (while focused) its days; and the cursor's line.
    fn habit_lines(&self, habit: &HabitToday, view: &View) -> (Vec<Line<'static>>, Option<usize>) {
        let (g, theme) = (&view.strings.goals, view.theme);
        let cadence = if habit.habit.cadence == Cadence::Daily { g.daily } else { g.weekly };
        let today = match (habit.streak.current_done, habit.streak.current_kept, habit.habit.cadence) {
            (true, _, Cadence::Daily) => g.done_today,
            (true, _, Cadence::Weekly) => g.done_this_week,
            (false, true, _) => g.skip_planned,
            _ => g.not_yet,
        };
        let mut lines = vec![
            Line::styled(
                match streak_words(g, habit).as_str() {
                    "" => cadence.to_owned(),
                    streak => format!("{streak} {} · {cadence}", g.in_a_row),
                },
                theme.emphasis,
            ),
            Line::styled(today.to_owned(), theme.base),
        ];
        if let Some(w) = habit.warning {
            let streak = match habit.habit.cadence {
                Cadence::Daily => g.days_n(w.kept),
                Cadence::Weekly => g.weeks_n(w.kept),
            };
            lines.push(Line::styled(
                g.breaks_tomorrow.replace("{name}", &habit.habit.name).replace("{streak}", &streak),
                theme.emphasis,
            ));
        }
        lines.push(Line::styled(g.habit_days_hint, theme.dim));
        lines.push(Line::default());
        let Focus::Days(cursor) = self.focus else { return (lines, None) };
        let first_day = lines.len();
        let t = &view.strings.checkin;
        let year = self.today.year();
        for (i, (date, mark)) in self.days.iter().enumerate() {
            let weekday = t.weekdays[date.weekday().num_days_from_monday() as usize];
            let (symbol, word) = match mark {
                Some(Mark::Done) => ("[x]", g.mark_done),
                Some(Mark::Skip) => ("[-]", g.mark_skip),
                None => ("[ ]", g.mark_none),
            };
            let day = format!("{weekday} {}", g.short_date(*date, year));
            let text = format!("{symbol} {day:<14} {word}");
            let style = if i == cursor {
                theme.selected
            } else if *date == self.today {
                theme.emphasis
            } else if *date > self.today {
                theme.dim
            } else {
                theme.base
            };
            let marker = if i == cursor { "› " } else { "  " };
            let line = Line::styled(format!("{marker}{text}"), style);
            lines.push(if i == cursor { line.style(theme.selected) } else { line });
        }
        (lines, Some(first_day + cursor))
    }

    /// The goal's date, progress, steps and note; and the line of the step under the cursor.
    fn goal_lines(&self, goal: &Goal, view: &View) -> (Vec<Line<'static>>, Option<usize>) {
        let (g, theme) = (&view.strings.goals, view.theme);
        let year = self.today.year();
        let mut lines = Vec::new();
        let date = match (goal.done_at, goal.due) {
            (Some(done), _) => format!("{}: {}", g.done_on, g.short_date(done.date(), year)),
            (None, Some(due)) => {
                format!("{}: {} ({})", g.due, g.short_date(due, year), due_words(g, due, self.today))
            }
            (None, None) => format!("{}: {}", g.due, g.no_due),
        };
        lines.push(Line::styled(date, theme.base));
        // "2 av 3 steg" says it all; a goal without steps says so below, not "0 av 0".
        let (done, total) = goal.progress();
        if total > 0 {
            let progress =
                g.progress.replace("{done}", &done.to_string()).replace("{total}", &total.to_string());
            lines.push(Line::styled(progress, theme.emphasis));
        }
        lines.push(Line::default());
        let cursor = match self.focus {
            Focus::Steps(c) => Some(c),
            _ => None,
        };
        if goal.steps.is_empty() {
            lines.push(Line::styled(g.no_steps, theme.dim));
        }
        let first_step = lines.len();
        for (i, step) in goal.steps.iter().enumerate() {
            let selected = cursor == Some(i);
            let text = format!(
                "{}{} {}",
                if selected { "› " } else { "  " },
                if step.done { "[x]" } else { "[ ]" },
                step.text
            );
            lines.push(Line::styled(text, if selected { theme.selected } else { theme.base }));
        }
        if !goal.note.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled(g.note, theme.heading));
            lines.push(Line::styled(goal.note.clone(), theme.base));
        }
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("{}: {}", g.created, g.short_date(goal.created_at.date(), year)),
            theme.dim,
        ));
        lines.push(Line::styled(if goal.is_done() { g.archived_keys } else { g.goal_keys }, theme.dim));
        (lines, cursor.map(|c| first_step + c))
    }
}

/// How far to scroll `lines`, wrapped into `area`, so that line `cursor` (and the one after
/// it) is in view: nothing while it already is.
pub fn scroll_to(lines: &[Line], cursor: usize, area: Rect) -> u16 {
    let before = Paragraph::new(lines[..cursor.min(lines.len())].to_vec()).wrap(Wrap { trim: false });
    let above = before.line_count(area.width) as u16;
    (above + 2).saturating_sub(area.height)
}

fn render_celebration(area: Rect, buf: &mut Buffer, goal: &Goal, view: &View) {
    let (g, theme): (&GoalsText, &Theme) = (&view.strings.goals, view.theme);
    let lines = celebration_lines(goal, view);
    let text = Paragraph::new(lines).wrap(Wrap { trim: true }).centered();
    let block = Block::bordered()
        .border_style(theme.title)
        .title(Line::styled(format!(" {} ", g.celebrate_title), theme.title).centered())
        .title_bottom(Line::styled(format!(" {} ", g.celebrate_close), theme.dim).right_aligned());
    crate::ui::render_popup(area, buf, 56, text, block);
}

/// The goal just done: its title, how long it took, its steps, and a kind line.
pub(super) fn celebration_lines(goal: &Goal, view: &View) -> Vec<Line<'static>> {
    let (g, theme): (&GoalsText, &Theme) = (&view.strings.goals, view.theme);
    let took = match goal.took_days() {
        Some(0) | None => g.celebrate_same_day.to_owned(),
        Some(days) => g.celebrate_took.replace("{days}", &g.days_n(days)),
    };
    let mut lines = vec![Line::styled(goal.title.clone(), theme.emphasis), Line::default(), Line::from(took)];
    let (done, total) = goal.progress();
    if total > 0 {
        let progress = g.progress.replace("{done}", &done.to_string()).replace("{total}", &total.to_string());
        lines.push(Line::styled(progress, theme.dim));
    }
    lines.push(Line::default());
    lines.push(Line::styled(g.celebrate_line, theme.base));
    lines
}

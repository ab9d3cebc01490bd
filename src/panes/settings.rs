//! "Innstillinger": the settings of `config.ron` as a form. Each change is written to the file
//! at once, atomically; a file with problems is never written over (the change then lasts for
//! this session, and the screen says so). Theme and bell apply at once; language, week start and
//! own triggers apply from the next start, and the screen says that too.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use super::readout::Readout;
use super::search_field::{self, Edit};
use super::{Ctx, View};
use crate::action::Action;
use crate::config::{self, Loaded, Settings, ThemeName, WeekStart};
use crate::i18n::{Lang, SettingsText};
use crate::keymap::Keymap;
use crate::widgets::list_nav::ListNav;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Lang,
    Theme,
    Bell,
    Plain,
    WeekStart,
    Trigger(usize),
    AddTrigger,
}

pub struct SettingsPane {
    settings: Settings,
    /// Where changes are written; `None` when there is no home directory (or in tests).
    path: Option<PathBuf>,
    writable: bool,
    /// `NO_COLOR` overrides the theme; the screen says so instead of pretending.
    no_color: bool,
    nav: ListNav,
    /// The new trigger being typed, while the text field has focus.
    typing: Option<String>,
    /// What is wrong in the file, each in full, read again each time the screen is shown.
    problems: Vec<String>,
}

/// Every problem in the file and its keys, one whole sentence each.
pub fn problems_in(loaded: &Loaded, t: &SettingsText) -> Vec<String> {
    let (_, key_problems) = Keymap::with_overrides(&loaded.settings.keys);
    let file = loaded.problems.iter().map(|p| p.describe(t));
    file.chain(key_problems.iter().map(|p| p.describe(t))).collect()
}

impl SettingsPane {
    pub fn new(settings: Settings, path: Option<PathBuf>, writable: bool, no_color: bool) -> Self {
        Self {
            settings,
            path,
            writable,
            no_color,
            nav: ListNav::default(),
            typing: None,
            problems: Vec::new(),
        }
    }

    /// The problems found when the file was read at start.
    pub fn with_problems(self, problems: Vec<String>) -> Self {
        Self { problems, ..self }
    }

    /// The screen is shown: the file is read again for its problems, so one fixed by hand is
    /// no longer listed. What it sets still waits for the next start, and a file that had
    /// problems at start is still not written over (it may hold what was fixed).
    pub fn enter(&mut self, ctx: &mut Ctx) {
        if let Some(path) = self.path.as_deref().filter(|p| p.exists()) {
            self.problems = problems_in(&config::load(path), &ctx.lang.strings().settings);
        }
    }

    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where the settings are written, if anywhere.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// False when writing would lose something the person wrote in the file.
    pub fn writable(&self) -> bool {
        self.writable
    }

    pub fn text_mode(&self) -> bool {
        self.typing.is_some()
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = vec![Row::Lang, Row::Theme, Row::Bell, Row::Plain, Row::WeekStart];
        rows.extend((0..self.settings.triggers.len()).map(Row::Trigger));
        rows.push(Row::AddTrigger);
        rows
    }

    fn current(&self) -> Row {
        self.rows().get(self.nav.selected).copied().unwrap_or(Row::Lang)
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        if let Some(text) = &self.typing {
            match search_field::edit(text, action) {
                Edit::Query(t) => self.typing = Some(t.chars().take(40).collect()),
                Edit::Done => {
                    let new = self.typing.take().unwrap_or_default().trim().to_owned();
                    if !new.is_empty() && !self.settings.triggers.contains(&new) {
                        self.settings.triggers.push(new);
                        self.nav.selected += 1;
                        return self.save(ctx);
                    }
                }
                Edit::Cancel => self.typing = None,
                Edit::Move(_) | Edit::Nothing => {}
            }
            return None;
        }
        let len = self.rows().len();
        match action {
            Action::Up | Action::ScrollUp => self.nav.move_by(-1, len, |_| true),
            Action::Down | Action::ScrollDown => self.nav.move_by(1, len, |_| true),
            Action::Top => self.nav.first(len, |_| true),
            Action::Bottom => self.nav.last(len, |_| true),
            Action::Increase => return self.step(1, ctx),
            Action::Decrease => return self.step(-1, ctx),
            Action::Toggle => match self.current() {
                Row::Trigger(i) => {
                    self.settings.triggers.remove(i);
                    self.nav.selected = self.nav.selected.min(self.rows().len() - 1);
                    return self.save(ctx);
                }
                _ => return self.step(1, ctx),
            },
            Action::Open if self.current() == Row::AddTrigger => self.typing = Some(String::new()),
            Action::Open => return self.step(1, ctx),
            _ => {}
        }
        None
    }

    /// Moves the value on the current row one choice on (or back), then saves.
    fn step(&mut self, delta: i8, ctx: &mut Ctx) -> Option<Action> {
        let row = self.current();
        let s = &mut self.settings;
        match row {
            Row::Lang => s.lang = cycle(&[None, Some(Lang::Nb), Some(Lang::En)], s.lang, delta),
            Row::Theme => {
                s.theme = cycle(&[ThemeName::Dark, ThemeName::Light, ThemeName::Mono], s.theme, delta)
            }
            Row::Bell => s.bell = !s.bell,
            Row::Plain => s.plain = !s.plain,
            Row::WeekStart => {
                s.week_start = cycle(&[WeekStart::Monday, WeekStart::Sunday], s.week_start, delta)
            }
            Row::Trigger(_) | Row::AddTrigger => return None,
        }
        self.save(ctx)
    }

    /// Writes the settings file, and hands on what takes effect at once (the look and the bell;
    /// the rest applies at the next start).
    fn save(&mut self, ctx: &mut Ctx) -> Option<Action> {
        let t = &ctx.lang.strings().settings;
        *ctx.toast = Some(match (&self.path, self.writable) {
            (None, _) => t.no_file.to_owned(),
            (Some(_), false) => t.broken_file.to_owned(),
            (Some(path), true) => match config::save(path, &self.settings) {
                Ok(()) => t.saved.to_owned(),
                Err(e) => format!("{} {e}", t.not_saved),
            },
        });
        Some(Action::ApplyLook { theme: self.settings.theme, bell: self.settings.bell })
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = &view.strings.settings;
        let theme = view.theme;
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Span::styled(format!(" {} ", t.tab), theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(self.lines(view)).wrap(Wrap { trim: false }).render(inner, buf);
    }

    /// The selected row; while a trigger is typed, the end of what is typed.
    pub fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        let inner = Block::bordered().inner(area);
        let at = super::cursor::wrapped_line(&self.lines(view), self.nav.selected, inner, 0)?;
        let Some(typed) = &self.typing else { return Some(at) };
        let t = &view.strings.settings;
        let x = 2 + self.label_width(t) + 2 + t.new_trigger.width() + typed.width();
        let at = Position::new(at.x.saturating_add(x as u16), at.y);
        inner.contains(at).then_some(at)
    }

    fn label_width(&self, t: &SettingsText) -> usize {
        [t.lang, t.theme, t.bell, t.plain, t.week_start, t.triggers]
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    }

    /// The rows, then the keys, the file and the packs, and a hint.
    fn lines(&self, view: &View) -> Vec<Line<'static>> {
        let t = &view.strings.settings;
        let theme = view.theme;
        let label_width = self.label_width(t);
        let mut lines = Vec::new();
        // What is wrong in the file comes first, each problem whole, until it is fixed.
        if !self.problems.is_empty() {
            lines.push(Line::styled(t.problems_heading, theme.emphasis));
            lines.extend(self.problems.iter().map(|p| Line::styled(format!("• {p}"), theme.base)));
            lines.push(Line::default());
        }
        for (i, row) in self.rows().into_iter().enumerate() {
            let selected = i == self.nav.selected;
            let style = if selected { theme.selected } else { theme.base };
            let (label, value, note) = self.row_text(row, t);
            let mut spans = vec![
                Span::styled(format!("{}{label:<label_width$}  ", if selected { "› " } else { "  " }), style),
                Span::styled(
                    if matches!(row, Row::Trigger(_) | Row::AddTrigger) {
                        value
                    } else {
                        format!("‹ {value} ›")
                    },
                    style,
                ),
            ];
            if let Some(note) = note {
                spans.push(Span::styled(format!("  {note}"), theme.dim));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<label_width$}  ", t.keys), theme.base),
            Span::styled(t.keys_hint, theme.dim),
        ]));
        let path_line = |label: &str, value: String| {
            Line::from(vec![
                Span::styled(format!("  {label:<label_width$}  "), theme.base),
                Span::styled(value, theme.dim),
            ])
        };
        match &self.path {
            Some(path) => {
                lines.push(path_line(t.file, path.display().to_string()));
                lines.push(path_line(t.packs, config::pack_dir(path).display().to_string()));
            }
            None => lines.push(path_line(t.file, t.no_file.to_owned())),
        }
        if !self.writable && self.path.is_some() {
            lines.push(Line::default());
            lines.push(Line::styled(format!("  {}", t.broken_file), theme.emphasis));
        }

        lines.push(Line::default());
        lines.push(Line::styled(format!("  {}", t.hint), theme.dim));
        lines
    }
}

impl SettingsPane {
    /// A row's label (the first of the triggers only), its value and a note on when it applies.
    fn row_text(&self, row: Row, t: &SettingsText) -> (&'static str, String, Option<&'static str>) {
        let s = &self.settings;
        let on_off = |on: bool| (if on { t.on } else { t.off }).to_owned();
        match row {
            Row::Lang => (t.lang, lang_name(s.lang, t.lang_system), Some(t.next_start)),
            Row::Theme => {
                (t.theme, theme_name(s.theme, &t.themes).to_owned(), self.no_color.then_some(t.no_color))
            }
            Row::Bell => (t.bell, on_off(s.bell), None),
            Row::Plain => (t.plain, on_off(s.plain), Some(t.next_start)),
            Row::WeekStart => {
                (t.week_start, week_name(s.week_start, &t.week_days).to_owned(), Some(t.next_start))
            }
            Row::Trigger(n) => (if n == 0 { t.triggers } else { "" }, s.triggers[n].clone(), None),
            Row::AddTrigger => match &self.typing {
                Some(text) => (
                    if s.triggers.is_empty() { t.triggers } else { "" },
                    format!("{}{text}_", t.new_trigger),
                    None,
                ),
                None => (
                    if s.triggers.is_empty() { t.triggers } else { "" },
                    t.add_trigger.to_owned(),
                    Some(t.next_start),
                ),
            },
        }
    }

    /// Each setting as "label: value (note)", and where the file is, for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let t = &view.strings.settings;
        let items = self.rows().into_iter().map(|row| {
            let (label, value, note) = self.row_text(row, t);
            let label = if label.is_empty() { t.triggers } else { label };
            let note = note.map_or(String::new(), |n| format!(" ({n})"));
            format!("{label}: {value}{note}")
        });
        let mut lines = vec![format!("{}: {}", t.keys, t.keys_hint)];
        match &self.path {
            Some(path) => {
                lines.push(format!("{}: {}", t.file, path.display()));
                lines.push(format!("{}: {}", t.packs, config::pack_dir(path).display()));
            }
            None => lines.push(format!("{}: {}", t.file, t.no_file)),
        }
        if !self.writable && self.path.is_some() {
            lines.push(t.broken_file.to_owned());
        }
        Readout::new(lines).list(items, self.nav.selected, Action::Open)
    }
}

fn cycle<T: Copy + PartialEq>(choices: &[T], current: T, delta: i8) -> T {
    let at = choices.iter().position(|c| *c == current).unwrap_or(0) as isize;
    let len = choices.len() as isize;
    choices[(at + isize::from(delta)).rem_euclid(len) as usize]
}

fn lang_name(lang: Option<Lang>, system: &str) -> String {
    match lang {
        None => system.to_owned(),
        Some(Lang::Nb) => "Norsk bokmål".to_owned(),
        Some(Lang::En) => "English".to_owned(),
    }
}

fn theme_name(theme: ThemeName, names: &[&'static str; 3]) -> &'static str {
    match theme {
        ThemeName::Dark => names[0],
        ThemeName::Light => names[1],
        ThemeName::Mono => names[2],
    }
}

fn week_name(week: WeekStart, names: &[&'static str; 2]) -> &'static str {
    match week {
        WeekStart::Monday => names[0],
        WeekStart::Sunday => names[1],
    }
}

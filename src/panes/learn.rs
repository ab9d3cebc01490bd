//! "Kunnskap": four parts under one tab, so the tab bar stays readable at 80 columns: the quiz,
//! the phases, the relatives' section and the figures. `<` and `>` switch parts; each part is
//! its own pane below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::cursor;
use super::figures::{self, FiguresPane};
use super::phases::{self, PhasesPane};
use super::quiz::{self, QuizPane};
use super::readout::Readout;
use super::relatives::{self, RelativesPane};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::i18n::{Lang, LearnText};
use crate::keymap::Scope;
use crate::store::progress::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Quiz,
    Phases,
    Relatives,
    Figures,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Quiz, Section::Phases, Section::Relatives, Section::Figures];

    pub fn title(self, s: &LearnText) -> &'static str {
        match self {
            Section::Quiz => s.section_quiz,
            Section::Phases => s.section_phases,
            Section::Relatives => s.section_relatives,
            Section::Figures => s.section_figures,
        }
    }

    fn step(self, delta: isize) -> Section {
        let here = Section::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        Section::ALL[(here + delta).rem_euclid(Section::ALL.len() as isize) as usize]
    }
}

pub struct LearnPane {
    lang: Lang,
    today: chrono::NaiveDate,
    pub section: Section,
    pub quiz: QuizPane,
    pub phases: PhasesPane,
    pub relatives: RelativesPane,
    pub figures: FiguresPane,
    /// The quiz's boxes and rounds and the marked phase are read when the screen is first shown.
    progress_read: bool,
}

impl LearnPane {
    pub fn new(content: &'static Content, lang: Lang, today: chrono::NaiveDate) -> Self {
        Self {
            lang,
            today,
            section: Section::Quiz,
            quiz: QuizPane::new(content, lang, Vec::new(), Vec::new(), today),
            phases: PhasesPane::new(content, lang, None),
            relatives: RelativesPane::new(content, lang),
            figures: FiguresPane::new(content, lang),
            progress_read: false,
        }
    }

    /// The screen is shown: the first time, read what the person has done before (without a
    /// store the quiz starts fresh, and saving an answer says why it cannot).
    pub fn enter(&mut self, ctx: &mut Ctx) {
        if std::mem::replace(&mut self.progress_read, true) {
            return;
        }
        let Ok(store) = ctx.store.get() else { return };
        match store.load_progress() {
            Ok(progress) => self.restore(progress),
            Err(e) => *ctx.toast = Some(e.describe(ctx.lang.strings())),
        }
    }

    /// Whether the stored progress has been read (the screen was shown): until then the
    /// quiz and the marked phase here are blank, and the store has the truth.
    pub fn progress_read(&self) -> bool {
        self.progress_read
    }

    fn restore(&mut self, progress: Progress) {
        self.quiz = QuizPane::new(self.quiz.content, self.lang, progress.cards, progress.rounds, self.today);
        self.phases = PhasesPane::new(self.phases.content, self.lang, progress.phase);
    }

    pub fn scopes(&self) -> &'static [Scope] {
        match self.section {
            Section::Quiz => quiz::SCOPES,
            Section::Phases => phases::SCOPES,
            Section::Relatives => relatives::SCOPES,
            Section::Figures => figures::SCOPES,
        }
    }

    fn body(area: Rect) -> (Rect, Rect) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        (bar, body)
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        match action {
            Action::NextSection => self.section = self.section.step(1),
            Action::PrevSection => self.section = self.section.step(-1),
            _ => {
                ctx.area = Self::body(ctx.area).1;
                match self.section {
                    Section::Quiz => self.quiz.handle(action, ctx),
                    Section::Phases => self.phases.handle(action, ctx),
                    Section::Relatives => return self.relatives.handle(action, ctx),
                    Section::Figures => self.figures.handle(action, ctx),
                }
            }
        }
        None
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (bar, body) = Self::body(area);
        self.render_sections(bar, buf, view);
        match self.section {
            Section::Quiz => self.quiz.render(body, buf, view),
            Section::Phases => self.phases.render(body, buf, view),
            Section::Relatives => self.relatives.render(body, buf, view),
            Section::Figures => self.figures.render(body, buf, view),
        }
    }

    /// The part shown, among the four, then the part itself, for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let s = &view.strings.learn;
        let mut readout = match self.section {
            Section::Quiz => self.quiz.readout(view),
            Section::Phases => self.phases.readout(view),
            Section::Relatives => self.relatives.readout(view),
            Section::Figures => self.figures.readout(view),
        };
        let at = Section::ALL.iter().position(|p| *p == self.section).unwrap_or(0) + 1;
        let parts: Vec<&str> = Section::ALL.iter().map(|p| p.title(s)).collect();
        readout
            .lines
            .insert(0, format!("{} ({at} / {}): {}", self.section.title(s), parts.len(), parts.join(", ")));
        readout
    }

    /// The part's own selection; in the quiz, which has none, the part's name in the bar.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let (bar, body) = Self::body(area);
        let part = match self.section {
            Section::Quiz => None,
            Section::Phases => self.phases.cursor(body),
            Section::Relatives => self.relatives.cursor(body),
            Section::Figures => self.figures.cursor(body),
        };
        let s = &self.lang.strings().learn;
        let at = Section::ALL.iter().position(|p| *p == self.section).unwrap_or(0);
        part.or_else(|| cursor::name_in_row(bar, Section::ALL.iter().map(|p| p.title(s)), at))
    }

    fn render_sections(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (&view.strings.learn, view.theme);
        let mut spans = Vec::new();
        for section in Section::ALL {
            let style = if section == self.section { theme.tab_active } else { theme.base };
            spans.push(Span::styled(format!(" {} ", section.title(s)), style));
            spans.push(Span::raw(" "));
        }
        let prev = view.keys.key_hint(Action::PrevSection, self.scopes());
        let next = view.keys.key_hint(Action::NextSection, self.scopes());
        let hint = Span::styled(format!("{prev} {next} {}", s.section_switch), theme.dim);
        // The parts' names matter more than the hint; the footer and help name the keys too.
        let used: usize = spans.iter().map(Span::width).sum();
        if used + hint.width() <= usize::from(area.width) {
            spans.push(hint);
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}

//! "Pust": breathing patterns and guided mindfulness exercises in one screen. It opens on a list
//! (Enter starts the selected exercise at once), runs a session with a figure that breathes, and
//! ends on a summary. Sessions and a person's own patterns are kept as records.
//!
//! While a session runs, `deadline` is the instant of the next visible change and nothing else
//! wakes the app; paused, ended, or out of sight, there is no deadline at all.

pub mod form;
pub mod picker;
mod records;
pub mod session;
pub mod summary;

use std::time::Instant;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use self::form::{FormOutcome, PatternForm};
use self::picker::{Picker, Row};
use self::session::{Plan, Running};
use self::summary::Summary;
use super::readout::{Readout, lines_text};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::exercises;
use crate::domain::breathing::Length;
use crate::domain::own_pattern::OwnPattern;
use crate::domain::practice::{PracticeRecord, PracticeStats};
use crate::i18n::Lang;
use crate::keymap::Scope;

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Picker,
    Form(PatternForm),
    Running(Running),
    Summary(Summary),
}

/// No exercise, pattern or own pattern has this id or name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no exercise called \"{0}\"")]
pub struct UnknownExercise(pub String);

pub struct BreathePane {
    pub(super) content: &'static Content,
    lang: Lang,
    mode: Mode,
    picker: Picker,
    /// A copy of the store's own patterns, read again after every change.
    own: Vec<OwnPattern>,
    stats: PracticeStats,
    /// The day `stats` is for: "this week" and the streak move at midnight.
    stats_day: NaiveDate,
    /// Records the store could not take (full disk, busy file): kept and retried with the
    /// next write, never dropped.
    unsaved: Vec<PracticeRecord>,
    /// A session ended and its record waits for the frame that shows the summary.
    save_due: bool,
    /// A new phase began since the loop last asked: the moment for the optional bell, which
    /// the app rings (or not) after the frame that shows it.
    phase_began: bool,
}

impl BreathePane {
    pub fn new(content: &'static Content, lang: Lang, today: NaiveDate) -> Self {
        Self {
            content,
            lang,
            mode: Mode::Picker,
            picker: Picker::new(content, lang, &[]),
            own: Vec::new(),
            stats: PracticeStats::default(),
            stats_day: today,
            unsaved: Vec::new(),
            save_due: false,
            phase_began: false,
        }
    }

    /// The screen is shown: read the person's own patterns and the practice statistics (the
    /// store is read when a screen needs it, not at start-up). Without a store the screen still
    /// works - breathing needs no data - and saving says why it cannot.
    pub fn enter(&mut self, ctx: &mut Ctx) {
        self.reload_own(ctx);
        self.refresh_stats(ctx);
    }

    /// True while the pattern form has the keys.
    pub fn text_mode(&self) -> bool {
        matches!(self.mode, Mode::Form(_))
    }

    pub fn scopes(&self) -> &'static [Scope] {
        match self.mode {
            Mode::Picker => &[Scope::List, Scope::Patterns],
            // Only Esc ends a session (not ← or h, easy to press by accident), and only Enter
            // starts it again from the summary.
            Mode::Running(_) | Mode::Summary(_) => &[Scope::Session],
            // The form says its keys itself; its keys are text.
            Mode::Form(_) => &[],
        }
    }

    /// A session is on screen (running or paused).
    pub fn in_session(&self) -> bool {
        matches!(self.mode, Mode::Running(_))
    }

    /// Sessions that ended but could not be stored yet.
    pub fn unsaved(&self) -> &[PracticeRecord] {
        &self.unsaved
    }

    pub fn stats(&self) -> PracticeStats {
        self.stats
    }

    pub fn own_patterns(&self) -> &[OwnPattern] {
        &self.own
    }

    /// The next instant something on screen changes by itself, if a session is running.
    pub fn deadline(&self, area: Rect) -> Option<Instant> {
        match &self.mode {
            Mode::Running(running) => running.deadline(area),
            _ => None,
        }
    }

    /// A deadline passed. Returns whether the frame must be redrawn.
    pub fn tick(&mut self, ctx: &mut Ctx) -> bool {
        let Mode::Running(running) = &mut self.mode else { return false };
        let outcome = running.tick(ctx.clock.instant(), ctx.area);
        self.phase_began |= outcome.new_phase;
        if outcome.done {
            self.finish(ctx);
        }
        outcome.redraw || outcome.done
    }

    /// Whether a new phase began since the last call (and forget it).
    pub fn take_phase_began(&mut self) -> bool {
        std::mem::take(&mut self.phase_began)
    }

    /// The screen is hidden (another tab, an overlay): a running session waits for the person.
    pub fn pause(&mut self, now: Instant) {
        if let Mode::Running(running) = &mut self.mode {
            running.pause(now);
        }
    }

    /// The app is closing: a session in progress is recorded as ended.
    pub fn end(&mut self, ctx: &mut Ctx) {
        if let Mode::Running(running) = &self.mode
            && let Some(record) = running.record(ctx.clock.instant())
        {
            self.unsaved.push(record);
        }
        // Also a record that ended just before and whose frame was never drawn.
        if !self.unsaved.is_empty() {
            self.save_due = false;
            self.store_unsaved(ctx);
        }
        self.mode = Mode::Picker;
    }

    /// Opens straight into a session of the exercise with this id (a breathing pattern or a
    /// mindfulness exercise from content) or this name (one of the person's own patterns).
    /// `length` applies to breathing; `None` takes the pattern's suggested length.
    pub fn start_exercise(
        &mut self,
        id: &str,
        length: Option<Length>,
        ctx: &mut Ctx,
    ) -> Result<(), UnknownExercise> {
        let row = exercises::breathing(self.content, self.lang)
            .iter()
            .position(|p| p.id == id)
            .map(Row::Pattern)
            .or_else(|| {
                exercises::mindfulness(self.content, self.lang)
                    .iter()
                    .position(|m| m.id == id)
                    .map(Row::Guided)
            })
            .or_else(|| {
                let wanted = id.trim().to_lowercase();
                self.own.iter().position(|p| p.name.to_lowercase() == wanted).map(Row::Own)
            })
            .ok_or_else(|| UnknownExercise(id.to_owned()))?;
        self.end(ctx);
        self.picker.select(row);
        if let Some(length) = length {
            self.picker.length = length;
        }
        let plan = self.picker.plan(&self.own).ok_or_else(|| UnknownExercise(id.to_owned()))?;
        self.run(plan, ctx);
        Ok(())
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        if ctx.clock.today() != self.stats_day {
            self.refresh_stats(ctx);
        }
        match &mut self.mode {
            Mode::Picker => self.handle_picker(action, ctx),
            Mode::Form(form) => match action {
                Action::Text(key) => form.key(key),
                Action::Open | Action::Save => {
                    if let FormOutcome::Save(pattern) = form.submit() {
                        self.save_pattern(pattern, ctx);
                    }
                }
                Action::Back => self.mode = Mode::Picker,
                _ => {}
            },
            Mode::Running(running) => match action {
                Action::Pause => running.toggle_pause(ctx.clock.instant()),
                // Past the last step the exercise is over: its summary shows now, not at a
                // deadline that no longer comes.
                Action::NextStep if running.next_step(ctx.clock.instant()) => self.finish(ctx),
                Action::Back => self.finish(ctx),
                _ => {}
            },
            Mode::Summary(summary) => match action {
                Action::Open => {
                    let plan = summary.plan.clone();
                    self.run(plan, ctx);
                }
                Action::Back => self.mode = Mode::Picker,
                _ => {}
            },
        }
        None
    }

    fn handle_picker(&mut self, action: &Action, ctx: &mut Ctx) {
        let page = ctx.area.height.saturating_sub(4).max(1) as isize;
        let p = &mut self.picker;
        match action {
            Action::Up | Action::ScrollUp => p.move_by(-1),
            Action::Down | Action::ScrollDown => p.move_by(1),
            Action::PageUp => p.move_by(-page),
            Action::PageDown => p.move_by(page),
            Action::Top => p.first(),
            Action::Bottom => p.last(),
            Action::Longer => p.change_length(1),
            Action::Shorter => p.change_length(-1),
            Action::SwitchUnit => p.switch_unit(&self.own),
            Action::NewItem => self.mode = Mode::Form(PatternForm::new_pattern()),
            Action::Open if p.selected() == Some(Row::NewPattern) => {
                self.mode = Mode::Form(PatternForm::new_pattern());
            }
            Action::Open => {
                if let Some(plan) = p.plan(&self.own) {
                    self.run(plan, ctx);
                }
            }
            Action::Edit => {
                if let Some(Row::Own(i)) = p.selected() {
                    self.mode =
                        Mode::Form(PatternForm::edit(&self.own[i], ctx.lang.strings().breathe.decimal));
                }
            }
            Action::Delete => {
                if let Some(Row::Own(i)) = p.selected() {
                    if p.confirm_delete {
                        self.delete_pattern(i, ctx);
                    } else {
                        p.confirm_delete = true;
                    }
                }
            }
            Action::Back => p.confirm_delete = false,
            _ => {}
        }
    }

    fn run(&mut self, plan: Plan, ctx: &mut Ctx) {
        self.mode = match Running::start(plan, self.content, self.lang, ctx.clock.instant(), ctx.clock.now())
        {
            Some(running) => Mode::Running(running),
            None => Mode::Picker,
        };
    }

    /// The session ends (done, or ended early): record it and show the summary. A session
    /// ended before any practice (during the 3-2-1) is not a session; back to the list.
    fn finish(&mut self, ctx: &mut Ctx) {
        let Mode::Running(running) = &self.mode else { return };
        let plan = running.plan.clone();
        let record = running.record(ctx.clock.instant());
        self.mode = match record {
            Some(record) => {
                // Written right after the summary's frame (`after_frame`): the end of a session
                // shows on time, not after the disk has confirmed the write.
                self.unsaved.push(record.clone());
                self.save_due = true;
                Mode::Summary(Summary { plan, record })
            }
            None => Mode::Picker,
        };
    }

    /// The frame is on screen: write what is due. Returns whether the screen changed (the
    /// statistics, or a message that the write failed).
    pub fn after_frame(&mut self, ctx: &mut Ctx) -> bool {
        std::mem::take(&mut self.save_due) && {
            self.store_unsaved(ctx);
            true
        }
    }

    /// The length a session of the selected pattern would have; `None` on a guided exercise,
    /// whose steps set its length.
    pub fn chosen_length(&self) -> Option<Length> {
        match (&self.mode, self.picker.selected()) {
            (Mode::Picker, Some(Row::Pattern(_) | Row::Own(_))) => Some(self.picker.length),
            _ => None,
        }
    }

    /// The pattern form, while it is open.
    pub fn form(&self) -> Option<&PatternForm> {
        match &self.mode {
            Mode::Form(form) => Some(form),
            _ => None,
        }
    }

    /// The session on screen, running or paused.
    pub fn running(&self) -> Option<&Running> {
        match &self.mode {
            Mode::Running(running) => Some(running),
            _ => None,
        }
    }

    /// The list with the selected row's detail, the running session's cue, or the summary, for
    /// the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let lines_of =
            |lines: &[ratatui::text::Line]| lines_text(lines).into_iter().filter(|l| !l.is_empty());
        match &self.mode {
            Mode::Picker | Mode::Form(_) => {
                let stats = lines_text(&[picker::stats_text(&self.stats, view)]);
                let (items, selected) = self.picker.readout_items(view, &self.own);
                let mut readout = Readout::new(stats.iter().map(|l| l.trim().to_owned()).collect());
                readout = readout.list(items, selected, Action::Open);
                let (title, detail) = self.picker.detail_lines(view, &self.own);
                readout.detail = std::iter::once(title).chain(lines_of(&detail)).collect();
                readout
            }
            Mode::Running(running) => Readout::new(vec![running.cue().line]),
            Mode::Summary(summary) => {
                Readout::default().opened(lines_of(&summary.lines(view, &self.stats)).collect())
            }
        }
    }

    /// The selected row, the field being typed in, the phase's word, or the summary's start.
    pub fn cursor(&self, area: Rect, view: &View) -> Option<Position> {
        match &self.mode {
            Mode::Picker => self.picker.cursor(area),
            Mode::Form(form) => form.cursor(area, view.strings.breathe),
            Mode::Running(running) => running.cursor(area),
            Mode::Summary(summary) => summary.cursor(area, view, &self.stats),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        match &self.mode {
            Mode::Picker => self.picker.render(area, buf, view, &self.own, &self.stats),
            Mode::Form(form) => {
                self.picker.render(area, buf, view, &self.own, &self.stats);
                form.render(area, buf, view);
            }
            Mode::Running(running) => running.render(area, buf, view),
            Mode::Summary(summary) => summary.render(area, buf, view, &self.stats),
        }
    }
}

//! "Innsjekk": today's check-in as a form that is saved as it is changed. Up and down move
//! between fields, left and right change a value, Space ticks a choice, Enter types text.
//! What is on screen is the truth until the store has it: a failed save leaves every value
//! here, says why in the footer, and is tried again with the next change.

use chrono::{Days, NaiveDate, NaiveDateTime};
use ratatui::style::Style;
use ratatui_textarea::TextArea;

use super::Ctx;
use super::checkin_fields::{self, Field};
use super::confirm::Confirm;
use crate::action::Action;
use crate::content::Content;
use crate::content::labels;
use crate::domain::checkin::CheckIn;
use crate::i18n::Lang;

/// Own triggers and helpers used within this many days are offered again as choices.
const RECENT_DAYS: u64 = 365;

/// What a one-line text input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineTarget {
    Date,
    Substance,
    Amount,
    OwnTrigger,
    OwnHelped,
}

pub enum Editing {
    Note,
    Line(LineTarget, Box<TextArea<'static>>),
}

pub struct CheckinPane {
    pub(super) content: &'static Content,
    pub(super) lang: Lang,
    pub(super) today: NaiveDate,
    /// The values on screen, saved or not.
    pub(super) checkin: CheckIn,
    /// The day as this window last read or saved it, to merge with another window's changes.
    base: Option<CheckIn>,
    /// When the shown date was last saved; `None` while it has never been.
    pub(super) saved_at: Option<NaiveDateTime>,
    /// Changes not yet in the store; written by `flush`.
    pending: bool,
    pub(super) field: Field,
    pub(super) trigger_options: Vec<String>,
    pub(super) helped_options: Vec<String>,
    /// Cursor within the focused field's choices (triggers, HALT, helped).
    pub(super) chip: usize,
    pub(super) note: TextArea<'static>,
    pub(super) editing: Option<Editing>,
    /// The last save was of a hard day: the support offer is shown.
    pub(super) support: bool,
    loaded: bool,
    /// Triggers from the settings file, offered after the built-in ones.
    configured_triggers: Vec<String>,
    /// The question before "used today" records a slip on the day shown.
    pub(super) slip_question: Option<Confirm<NaiveDate>>,
    /// A slip was just recorded on this day: `u` takes it back while the message shows.
    pub(super) undo_slip: Option<NaiveDate>,
    /// The digit just typed on the focused field, for a second one ("1", "0" is ten).
    pub(super) digit: Option<(Field, u8)>,
}

impl CheckinPane {
    pub fn new(content: &'static Content, lang: Lang, today: NaiveDate, now: NaiveDateTime) -> Self {
        let mut pane = Self {
            content,
            lang,
            today,
            checkin: CheckIn::blank(today, now),
            base: None,
            saved_at: None,
            pending: false,
            field: Field::Mood,
            trigger_options: Vec::new(),
            helped_options: Vec::new(),
            chip: 0,
            note: TextArea::default(),
            editing: None,
            support: false,
            loaded: false,
            configured_triggers: Vec::new(),
            slip_question: None,
            undo_slip: None,
            digit: None,
        };
        pane.set_note_text("");
        pane
    }

    /// The user's own triggers from the settings file (`triggers: [...]`), offered every day.
    pub fn set_configured_triggers(&mut self, triggers: &[String]) {
        self.configured_triggers = triggers
            .iter()
            .map(|t| labels::trigger_id_for(self.content, t))
            .filter(|t| !t.is_empty())
            .collect();
    }

    /// True while the note has the keys (a paste goes into it whole).
    pub fn writing_note(&self) -> bool {
        matches!(self.editing, Some(Editing::Note))
    }

    /// True while keys are text for the note or a one-line input, or answer a question.
    pub fn text_mode(&self) -> bool {
        self.editing.is_some() || self.slip_question.is_some()
    }

    /// Whether the focused field takes typed digits as its value (a scale, sleep).
    pub fn takes_digits(&self) -> bool {
        self.editing.is_none() && checkin_fields::digit_range(self.field).is_some()
    }

    pub fn checkin(&self) -> &CheckIn {
        &self.checkin
    }

    /// The day on screen is in the store as it is shown: saved, and nothing changed since.
    pub fn is_saved(&self) -> bool {
        !self.pending && self.saved_at.is_some()
    }

    /// Called when the screen is shown: the first time, and when the day has turned since,
    /// today's check-in is loaded. Otherwise what the user was doing stays as it was.
    pub fn enter(&mut self, ctx: &mut Ctx) {
        let today = ctx.clock.today();
        if !self.loaded || today != self.today {
            self.flush(ctx);
            self.today = today;
            self.load(today, ctx);
        }
    }

    /// The form as it stands when its last change could not be saved (a full disk, a
    /// read-only file), for the app to offer to keep before it closes.
    pub fn unsaved(&self) -> Option<CheckIn> {
        self.pending.then(|| CheckIn { note: self.note.lines().join("\n"), ..self.checkin.clone() })
    }

    /// Puts back a check-in kept when the app closed without saving it, as unsaved changes on
    /// its day: the next flush saves it.
    pub fn recover(&mut self, kept: CheckIn, ctx: &mut Ctx) {
        self.open_date(kept.date, ctx);
        if self.pending || self.checkin.date != kept.date {
            return; // What is on screen could not be saved: it stays, and so does the file.
        }
        self.set_note_text(&kept.note);
        self.checkin = CheckIn { updated_at: self.checkin.updated_at, ..kept };
        self.changed();
    }

    /// Shows the check-in of `date` (or a blank one), after saving what is pending.
    pub fn open_date(&mut self, date: NaiveDate, ctx: &mut Ctx) {
        self.flush(ctx);
        if self.pending {
            return; // Not saved: stay, so nothing typed is lost.
        }
        self.today = ctx.clock.today();
        self.load(date.min(self.today), ctx);
    }

    /// Ticks `id` under "what helped" in today's check-in, for "I used this" on the techniques
    /// screen: today's check-in is shown (after saving what was pending) with the technique
    /// ticked, and the change is saved with the next flush like any other.
    pub fn add_helped_today(&mut self, id: &str, ctx: &mut Ctx) {
        let today = ctx.clock.today();
        if !self.loaded || self.checkin.date != today {
            self.open_date(today, ctx);
        }
        if self.checkin.date != today {
            return; // Another day's changes could not be saved; they stay on screen.
        }
        self.field = Field::Helped;
        self.chip = checkin_fields::add_option(&mut self.helped_options, id);
        if !self.checkin.helped.iter().any(|h| h == id) {
            self.checkin.helped.push(id.to_owned());
            self.changed();
        }
    }

    fn load(&mut self, date: NaiveDate, ctx: &mut Ctx) {
        let since = self.today.checked_sub_days(Days::new(RECENT_DAYS)).unwrap_or(self.today);
        let (existing, own_triggers, own_helped, practised) = match ctx.store.get() {
            Ok(store) => (
                store.checkin_on(date),
                store.recent_trigger_labels(since).unwrap_or_default(),
                store.recent_helped_labels(since).unwrap_or_default(),
                // Breathing or mindfulness done that day is offered first under "what helped".
                store.practice_on(date).unwrap_or_default(),
            ),
            Err(_) => (Ok(None), Vec::new(), Vec::new(), Vec::new()),
        };
        let existing = existing.unwrap_or_else(|e| {
            *ctx.toast = Some(e.describe(self.lang.strings()));
            None
        });
        self.saved_at = existing.as_ref().map(|c| ctx.clock.local_from_utc(c.updated_at));
        self.support = existing.as_ref().is_some_and(CheckIn::needs_support);
        self.base = existing.clone();
        self.checkin = existing.unwrap_or_else(|| CheckIn::blank(date, ctx.clock.now()));
        let note = self.checkin.note.clone();
        self.set_note_text(&note);
        let own: Vec<String> = self.configured_triggers.iter().chain(&own_triggers).cloned().collect();
        self.trigger_options =
            checkin_fields::trigger_options(self.content, self.lang, &own, &self.checkin.triggers);
        let own_helped: Vec<String> = practised.into_iter().map(|r| r.name).chain(own_helped).collect();
        self.helped_options = checkin_fields::helped_options(self.lang, &own_helped, &self.checkin.helped);
        self.pending = false;
        self.editing = None;
        self.chip = 0;
        self.loaded = true;
    }

    fn set_note_text(&mut self, text: &str) {
        self.note = TextArea::new(text.split('\n').map(str::to_owned).collect());
        self.note.set_cursor_line_style(Style::default());
        self.note.set_placeholder_text(self.lang.strings().checkin.note_placeholder);
        self.note.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        self.show_note_cursor(false);
    }

    pub(super) fn show_note_cursor(&mut self, shown: bool) {
        let style = if shown {
            Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            Style::default()
        };
        self.note.set_cursor_style(style);
    }

    /// Writes pending changes to the store. The loop calls this once per burst of input, before
    /// drawing, so holding a key or typing fast costs one write, not one per key.
    pub fn flush(&mut self, ctx: &mut Ctx) {
        if self.pending {
            self.save(ctx);
        }
    }

    pub(super) fn save(&mut self, ctx: &mut Ctx) {
        self.checkin.note = self.note.lines().join("\n");
        self.checkin.updated_at = ctx.clock.now_utc();
        let s = self.lang.strings();
        let result = match ctx.store.get_mut() {
            Ok(store) => store.save_checkin_over(self.base.as_ref(), &self.checkin),
            Err(problem) => {
                *ctx.toast = Some(format!("{} {}", s.checkin.store_unavailable, problem.describe(s)));
                return;
            }
        };
        match result {
            Ok(stored) => {
                if stored.note != self.checkin.note {
                    self.set_note_text(&stored.note);
                }
                self.checkin = stored.clone();
                self.base = Some(stored);
                self.pending = false;
                self.saved_at = Some(ctx.clock.local_from_utc(self.checkin.updated_at));
                self.support = self.checkin.needs_support();
            }
            Err(e) => {
                *ctx.toast = Some(e.describe(s));
                ctx.store.failed(e);
            }
        }
    }

    pub(super) fn changed(&mut self) {
        self.pending = true;
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        // A form left open across midnight keeps its day, but no longer calls it today.
        self.today = ctx.clock.today();
        let digit = self.digit.take();
        if self.answer_slip_question(action, ctx) || self.undo_slip(action, ctx) {
            return None;
        }
        if let Action::Digit(d) = action
            && self.editing.is_none()
        {
            self.type_digit(*d, digit, ctx);
            return None;
        }
        match self.editing.take() {
            Some(Editing::Note) => self.handle_note(action, ctx),
            Some(Editing::Line(target, input)) => self.handle_line(target, input, action, ctx),
            None => self.handle_form(action, ctx),
        }
        None
    }

    fn handle_form(&mut self, action: &Action, ctx: &mut Ctx) {
        match action {
            Action::Up | Action::ScrollUp => self.move_field(-1),
            Action::Down | Action::ScrollDown => self.move_field(1),
            Action::Top => self.focus(Field::Date),
            Action::Bottom => self.focus(Field::Done),
            Action::Decrease => self.step(-1, ctx),
            Action::Increase => self.step(1, ctx),
            Action::PageUp if self.field == Field::Date => self.shift_date(-7, ctx),
            Action::PageDown if self.field == Field::Date => self.shift_date(7, ctx),
            Action::Toggle => self.toggle(),
            Action::Open => self.open(ctx),
            Action::Save => self.save(ctx),
            _ => {}
        }
    }

    fn focus(&mut self, field: Field) {
        self.field = field;
        self.chip = 0;
    }

    fn move_field(&mut self, delta: isize) {
        let visible = Field::visible_for(&self.checkin);
        let at = visible.iter().position(|f| *f == self.field).unwrap_or(0);
        let next = at.saturating_add_signed(delta).min(visible.len() - 1);
        self.focus(visible[next]);
    }

    fn shift_date(&mut self, days: i64, ctx: &mut Ctx) {
        let date = self.checkin.date + chrono::Duration::days(days);
        if date <= ctx.clock.today() && date != self.checkin.date {
            self.open_date(date, ctx);
        }
    }

    fn step(&mut self, delta: i8, ctx: &mut Ctx) {
        if self.field == Field::Date {
            return self.shift_date(i64::from(delta), ctx);
        }
        if self.field == Field::Used && self.checkin.slip.is_none() {
            if delta > 0 {
                self.ask_about_slip();
            }
            return;
        }
        if let Some(len) = self.chip_count() {
            self.chip = self.chip.saturating_add_signed(isize::from(delta)).min(len.saturating_sub(1));
            return;
        }
        if checkin_fields::step(&mut self.checkin, self.field, delta) {
            self.changed();
        }
    }

    pub(super) fn chip_count(&self) -> Option<usize> {
        match self.field {
            Field::Triggers => Some(self.trigger_options.len()),
            Field::Halt => Some(4),
            Field::Helped => Some(self.helped_options.len()),
            _ => None,
        }
    }

    fn toggle(&mut self) {
        if self.field == Field::Used && self.checkin.slip.is_none() {
            return self.ask_about_slip();
        }
        let c = &mut self.checkin;
        let changed = match self.field {
            Field::Triggers => {
                self.trigger_options.get(self.chip).is_some_and(|id| toggle_in(&mut c.triggers, id))
            }
            Field::Helped => {
                self.helped_options.get(self.chip).is_some_and(|id| toggle_in(&mut c.helped, id))
            }
            Field::Halt => {
                let flags = [&mut c.halt.hungry, &mut c.halt.angry, &mut c.halt.lonely, &mut c.halt.tired];
                flags.into_iter().nth(self.chip).map(|f| *f = !*f).is_some()
            }
            field => checkin_fields::toggle(c, field),
        };
        if changed {
            self.changed();
        }
    }

    fn open(&mut self, ctx: &mut Ctx) {
        let slip = self.checkin.slip.clone().unwrap_or_default();
        match self.field {
            Field::Date => self.start_line(LineTarget::Date, ""),
            Field::Substance => self.start_line(LineTarget::Substance, &slip.substance),
            Field::Amount => self.start_line(LineTarget::Amount, &slip.amount),
            Field::Triggers => self.start_line(LineTarget::OwnTrigger, ""),
            Field::Helped => self.start_line(LineTarget::OwnHelped, ""),
            Field::Note => {
                self.note.move_cursor(ratatui_textarea::CursorMove::Bottom);
                self.note.move_cursor(ratatui_textarea::CursorMove::End);
                self.show_note_cursor(true);
                self.editing = Some(Editing::Note);
            }
            Field::Done => self.save(ctx),
            _ => self.toggle(),
        }
    }
}

/// Adds `id` when missing and removes it when present; always a change.
fn toggle_in(list: &mut Vec<String>, id: &str) -> bool {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_owned()),
    }
    true
}

//! Typing in the check-in form: the note (a multi-line text area: Enter is a new line, Esc
//! ends it) and the one-line inputs (a date, what and how much, an own trigger or helper).

use ratatui::style::Style;
use ratatui_textarea::TextArea;

use super::Ctx;
use super::checkin::{CheckinPane, Editing, LineTarget};
use super::checkin_fields::{self, Field};
use crate::action::Action;
use crate::content::labels;
use crate::domain::checkin::{NOTE_MAX_CHARS, Slip};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl CheckinPane {
    pub(super) fn handle_note(&mut self, action: &Action, ctx: &mut Ctx) {
        self.editing = Some(Editing::Note);
        match action {
            Action::Text(key) if inserts_text(key) && self.note_is_full() => self.say_note_is_full(ctx),
            Action::Open if self.note_is_full() => self.say_note_is_full(ctx),
            Action::Text(key) if self.note.input(*key) => self.changed(),
            Action::Paste => {
                let room = NOTE_MAX_CHARS.saturating_sub(self.note_chars());
                let pasted: String = ctx.pasted.chars().take(room).collect();
                if pasted.chars().count() < ctx.pasted.chars().count() {
                    let t = &self.lang.strings().checkin;
                    *ctx.toast = Some(t.paste_cut.replace("{max}", &NOTE_MAX_CHARS.to_string()));
                }
                if self.note.insert_str(pasted) {
                    self.changed();
                }
            }
            // Enter is a new line in the note; Esc (or Ctrl-S) ends it.
            Action::Open => {
                self.note.insert_newline();
                self.changed();
            }
            Action::Back => {
                self.editing = None;
                self.show_note_cursor(false);
            }
            Action::Save => self.save(ctx),
            _ => {}
        }
    }

    /// Characters in the note, counting each line break as one, as the stored note does.
    pub(super) fn note_chars(&self) -> usize {
        let lines = self.note.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    fn note_is_full(&self) -> bool {
        self.note_chars() >= NOTE_MAX_CHARS
    }

    /// The key is not taken, and the person is told why: nothing typed vanishes unseen.
    fn say_note_is_full(&self, ctx: &mut Ctx) {
        let t = &self.lang.strings().checkin;
        *ctx.toast = Some(t.note_full.replace("{max}", &NOTE_MAX_CHARS.to_string()));
    }

    pub(super) fn handle_line(
        &mut self,
        target: LineTarget,
        mut input: Box<TextArea<'static>>,
        action: &Action,
        ctx: &mut Ctx,
    ) {
        match action {
            Action::Text(key) => {
                input.input(*key);
                self.editing = Some(Editing::Line(target, input));
            }
            Action::Open | Action::Save => {
                let text = input.lines().join(" ").trim().to_owned();
                if target == LineTarget::Date && !self.date_fits(&text, ctx) {
                    // Refused: say why and keep what was typed, to be corrected, as the forms do.
                    *ctx.toast = Some(self.lang.strings().checkin.bad_date.to_owned());
                    self.editing = Some(Editing::Line(target, input));
                    return;
                }
                self.commit_line(target, text, ctx);
                if *action == Action::Save {
                    self.save(ctx);
                }
            }
            Action::Back => {}
            _ => self.editing = Some(Editing::Line(target, input)),
        }
    }

    /// A date written as the field asks, today or earlier.
    fn date_fits(&self, text: &str, ctx: &Ctx) -> bool {
        crate::domain::parse::date(text).is_ok_and(|date| date <= ctx.clock.today())
    }

    fn commit_line(&mut self, target: LineTarget, text: String, ctx: &mut Ctx) {
        let text: String = text.chars().take(crate::domain::checkin::LABEL_MAX_CHARS).collect();
        match target {
            LineTarget::Date => match crate::domain::parse::date(&text) {
                Ok(date) if date <= ctx.clock.today() => self.open_date(date, ctx),
                _ => *ctx.toast = Some(self.lang.strings().checkin.bad_date.to_owned()),
            },
            LineTarget::Substance => {
                self.checkin.slip.get_or_insert_with(Slip::default).substance = text;
                self.changed();
            }
            LineTarget::Amount => {
                self.checkin.slip.get_or_insert_with(Slip::default).amount = text;
                self.changed();
            }
            LineTarget::OwnTrigger if !text.is_empty() => {
                let id = labels::trigger_id_for(self.content, &text);
                self.chip = checkin_fields::add_option(&mut self.trigger_options, &id);
                if !self.checkin.triggers.contains(&id) {
                    self.checkin.triggers.push(id);
                }
                self.changed();
            }
            LineTarget::OwnHelped if !text.is_empty() => {
                let id = labels::helped_id_for(self.content, &text);
                self.chip = checkin_fields::add_option(&mut self.helped_options, &id);
                if !self.checkin.helped.contains(&id) {
                    self.checkin.helped.push(id);
                }
                self.changed();
            }
            LineTarget::OwnTrigger | LineTarget::OwnHelped => {}
        }
    }

    /// A digit on a number field sets it; a second one right after may make ten or more.
    pub(super) fn type_digit(&mut self, digit: u8, before: Option<(Field, u8)>, ctx: &mut Ctx) {
        let before = before.filter(|(f, _)| *f == self.field).map(|(_, d)| d);
        match checkin_fields::typed_number(self.field, before, digit) {
            Some(n) => {
                if checkin_fields::set_number(&mut self.checkin, self.field, n) {
                    self.changed();
                }
                self.digit = Some((self.field, digit));
            }
            None => {
                let Some((min, max)) = checkin_fields::digit_range(self.field) else { return };
                let range = format!("{min}-{max}");
                *ctx.toast = Some(self.lang.strings().checkin.digit_outside.replace("{}", &range));
            }
        }
    }

    pub(super) fn start_line(&mut self, target: LineTarget, initial: &str) {
        let mut input = TextArea::new(vec![initial.to_owned()]);
        input.set_cursor_line_style(Style::default());
        input.move_cursor(ratatui_textarea::CursorMove::End);
        self.editing = Some(Editing::Line(target, Box::new(input)));
    }
}

/// Whether a key adds to the text (a character or a line break), rather than moving or deleting.
fn inserts_text(key: &KeyEvent) -> bool {
    let control = key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    matches!(key.code, KeyCode::Char(_) | KeyCode::Tab) && !control
}

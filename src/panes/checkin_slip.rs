//! "Used today" in the check-in: a slip is recorded only after one question, in the same kind
//! words as the sober counter's, because it counts on every counter that follows check-ins; and
//! the message that says it was recorded offers to take it back at once.

use chrono::NaiveDate;

use super::Ctx;
use super::checkin::CheckinPane;
use super::confirm::{Answer, Confirm};
use crate::action::Action;
use crate::domain::checkin::Slip;

impl CheckinPane {
    /// Asks before marking the shown day as a day with a slip.
    pub(super) fn ask_about_slip(&mut self) {
        let s = self.lang.strings();
        let question = s.checkin.slip_question.replace("{}", &self.checkin.date.to_string());
        let question = format!("{question} {}", s.sober.slip_words);
        self.slip_question =
            Some(Confirm::new(question, self.checkin.date).with_hint(s.goals.confirm_yes_no));
    }

    /// The answer to the question; true while it is still open.
    pub(super) fn answer_slip_question(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let Some(question) = self.slip_question.take() else { return false };
        match Confirm::<NaiveDate>::answer(action) {
            Answer::Waiting => self.slip_question = Some(question),
            Answer::No => {}
            Answer::Yes if question.target == self.checkin.date => {
                self.checkin.slip = Some(Slip::default());
                self.save(ctx);
                if self.checkin.slip.is_some() && ctx.toast.is_none() {
                    let s = self.lang.strings();
                    *ctx.toast = Some(format!("{} {}", s.checkin.slip_recorded, s.checkin.undo_hint));
                    self.undo_slip = Some(question.target);
                }
            }
            Answer::Yes => {}
        }
        true
    }

    /// `u` right after a slip was recorded here takes it back; any other key ends the offer.
    pub(super) fn undo_slip(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        let Some(date) = self.undo_slip.take() else { return false };
        if *action != Action::Undo || date != self.checkin.date {
            return false;
        }
        self.checkin.slip = None;
        self.save(ctx);
        if ctx.toast.is_none() {
            *ctx.toast = Some(self.lang.strings().checkin.slip_undone.to_owned());
        }
        true
    }
}

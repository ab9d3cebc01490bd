//! The forms of the counter screen: a counter (name, first sober day, whether the check-in
//! counts), and a slip (date, what happened, what to learn).

use chrono::NaiveDate;

use super::Ctx;
use super::entry_form::EntryForm;
use super::sober::{Focus, SoberPane};
use crate::domain::savings::{self, SAVE_FOR_MAX_CHARS, Saving};
use crate::domain::sober::{self, Counter, NAME_MAX_CHARS, SLIP_NOTE_MAX_CHARS, SlipNote};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    NewCounter,
    EditCounter,
    RecordSlip,
    /// The notes of the slip on this date (its date stays).
    EditSlip(NaiveDate),
}

pub fn form(pane: &SoberPane, purpose: Purpose) -> Option<EntryForm> {
    let (t, g) = (&pane.lang.strings().sober, &pane.lang.strings().goals);
    let yes_no = || vec![t.yes, t.no];
    Some(match purpose {
        Purpose::NewCounter => saving_fields(
            EntryForm::new(t.form_new_counter)
                .text(t.field_counter_name, "", NAME_MAX_CHARS)
                .text(t.field_start, &pane.today.to_string(), 10)
                .choice(t.field_follows, yes_no(), 0),
            pane,
            None,
        ),
        Purpose::EditCounter => {
            let (stored, today) = pane.selected()?;
            let c = &stored.counter;
            saving_fields(
                EntryForm::new(t.form_edit_counter)
                    .text(t.field_counter_name, &c.name, NAME_MAX_CHARS)
                    .text(t.field_start, &c.start.to_string(), 10)
                    .choice(t.field_follows, yes_no(), usize::from(!c.follows_checkins)),
                pane,
                today.saving.as_ref(),
            )
        }
        Purpose::RecordSlip => {
            pane.selected()?;
            EntryForm::new(t.form_slip)
                .intro(t.form_slip_intro)
                .text(t.field_date, &pane.today.to_string(), 10)
                .text(t.what_happened, "", SLIP_NOTE_MAX_CHARS)
                .text(t.what_to_learn, "", SLIP_NOTE_MAX_CHARS)
        }
        Purpose::EditSlip(date) => {
            let note = pane.slips.iter().find(|s| s.date == date)?.note.clone().unwrap_or_default();
            let title =
                format!("{} · {}", t.form_slip, g.short_date(date, chrono::Datelike::year(&pane.today)));
            EntryForm::new(title)
                .intro(t.form_slip_intro)
                .text(t.what_happened, &note.what_happened, SLIP_NOTE_MAX_CHARS)
                .text(t.what_to_learn, &note.what_to_learn, SLIP_NOTE_MAX_CHARS)
        }
    })
}

/// The optional fields of what a day cost: fields 3, 4 and 5 of the counter's form.
fn saving_fields(form: EntryForm, pane: &SoberPane, saving: Option<&Saving>) -> EntryForm {
    let t = &pane.lang.strings().review;
    let cost =
        saving.and_then(|s| s.cost_cents).map(|c| format!("{}.{:02}", c / 100, c % 100)).unwrap_or_default();
    let time =
        saving.and_then(|s| s.minutes).map(|m| format!("{}:{:02}", m / 60, m % 60)).unwrap_or_default();
    form.text(t.field_cost, cost.trim_end_matches(".00"), 12).text(t.field_time, &time, 6).text(
        t.field_save_for,
        saving.map_or("", |s| s.save_for.as_str()),
        SAVE_FOR_MAX_CHARS,
    )
}

/// What the saving fields say, or the field at fault with why.
fn read_saving(form: &EntryForm, t: &crate::i18n::ReviewText) -> Result<Saving, (usize, &'static str)> {
    let cost_cents = savings::parse_cost(&form.value(3)).map_err(|_| (3, t.err_cost))?;
    let minutes = savings::parse_minutes(&form.value(4)).map_err(|_| (4, t.err_time))?;
    Ok(Saving { cost_cents, minutes, save_for: form.value(5) })
}

/// Checks and saves; true when saved (the form closes), false to keep it open.
pub fn submit(pane: &mut SoberPane, purpose: Purpose, form: &mut EntryForm, ctx: &mut Ctx) -> bool {
    let strings = pane.lang.strings();
    let (t, g) = (&strings.sober, &strings.goals);
    let at = ctx.clock.moment();
    let today = at.local.date();
    let date_at = |form: &mut EntryForm, field: usize| match crate::domain::parse::date(&form.value(field)) {
        Ok(date) if date > today => {
            form.refuse(field, t.err_future);
            None
        }
        Ok(date) => Some(date),
        Err(_) => {
            form.refuse(field, g.err_date);
            None
        }
    };
    match purpose {
        Purpose::NewCounter | Purpose::EditCounter => {
            let name = form.value(0);
            if !(1..=NAME_MAX_CHARS).contains(&name.chars().count()) {
                form.refuse(0, g.err_name);
                return false;
            }
            let Some(start) = date_at(form, 1) else { return false };
            let counter = Counter { name, start, follows_checkins: form.selected(2) == 0 };
            let saving = match read_saving(form, &strings.review) {
                Ok(saving) => saving,
                Err((field, why)) => {
                    form.refuse(field, why);
                    return false;
                }
            };
            if purpose == Purpose::NewCounter {
                let Some(id) = ctx.write(|s| s.add_counter(&counter, at)) else { return false };
                // A new counter without a cost writes nothing more.
                if !saving.is_empty() && !ctx.save(|s| s.save_saving(id, &saving, at)) {
                    return false;
                }
                pane.enter(ctx);
                pane.select_id(id, ctx);
            } else {
                let Some(id) = pane.selected().map(|(c, _)| c.id) else { return true };
                if !ctx
                    .save(|s| s.save_counter(id, &counter, at).and_then(|()| s.save_saving(id, &saving, at)))
                {
                    return false;
                }
                pane.enter(ctx);
            }
        }
        Purpose::RecordSlip | Purpose::EditSlip(_) => {
            let Some((counter, _)) = pane.selected().cloned() else { return true };
            let (date, first_note) = match purpose {
                Purpose::EditSlip(date) => (date, 0),
                _ => {
                    let Some(date) = date_at(form, 0) else { return false };
                    (date, 1)
                }
            };
            if sober::validate_slip_date(counter.counter.start, date, today).is_err() {
                form.refuse(0, t.err_before_start);
                return false;
            }
            let mut note =
                SlipNote { what_happened: form.value(first_note), what_to_learn: form.value(first_note + 1) };
            // A second slip on a day already recorded adds to its notes, never blanks them.
            if purpose == Purpose::RecordSlip
                && let Some(old) = pane.slips.iter().find(|s| s.date == date).and_then(|s| s.note.clone())
            {
                if note.what_happened.is_empty() {
                    note.what_happened = old.what_happened;
                }
                if note.what_to_learn.is_empty() {
                    note.what_to_learn = old.what_to_learn;
                }
            }
            if !ctx.save(|s| s.record_slip(&counter, date, &note, at)) {
                return false;
            }
            if purpose == Purpose::RecordSlip {
                *ctx.toast = Some(t.slip_saved.to_owned());
            }
            pane.enter(ctx);
            if let Some(i) = pane.slips.iter().position(|s| s.date == date)
                && pane.focus != Focus::List
            {
                pane.focus = Focus::Slips(i);
            }
        }
    }
    true
}

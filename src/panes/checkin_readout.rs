//! The check-in as text: each field's label and value in words, for the plain mode's
//! conversation (which asks the fields in order) and for its summary of the day.

use chrono::Datelike;

use super::View;
use super::checkin::CheckinPane;
pub use super::checkin_fields::Field;
pub use super::checkin_view::field_label;
use super::readout::Readout;
use crate::i18n::CheckinText;

impl CheckinPane {
    /// The field the cursor is on.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The fields the form shows now, in order (what and how much only after a slip).
    pub fn fields(&self) -> Vec<Field> {
        Field::visible_for(&self.checkin)
    }

    /// The form shows today's check-in (not an earlier day's).
    pub fn shows_today(&self) -> bool {
        self.checkin.date == self.today
    }

    /// The last save was of a hard day: the screen offers a breathing technique and the help
    /// lines.
    pub fn offers_support(&self) -> bool {
        self.support
    }

    /// A field's value in words, as the form shows it ("4 bra", "7,5 t", "–").
    pub fn value_text(&self, field: Field, t: &CheckinText) -> String {
        let c = &self.checkin;
        let word = |words: &[&'static str; 5], n: u8| words[usize::from(n.clamp(1, 5) - 1)];
        let chosen = |field: Field| {
            let on: Vec<String> =
                self.chip_labels(field).into_iter().filter(|(_, on)| *on).map(|(l, _)| l).collect();
            if on.is_empty() { t.none.to_owned() } else { on.join(", ") }
        };
        let slip = c.slip.clone().unwrap_or_default();
        let or_dash = |text: String| if text.is_empty() { "–".to_owned() } else { text };
        match field {
            Field::Date => {
                format!("{} {}", t.weekdays[c.date.weekday().num_days_from_monday() as usize], c.date)
            }
            Field::Mood => format!("{} {}", c.mood, word(&t.mood_words, c.mood)),
            Field::Craving => answered(c.craving),
            Field::Stress => answered(c.stress),
            Field::Sleep => c.sleep_hours().map_or("–".to_owned(), |h| {
                format!("{} {}", self.lang.decimal(f64::from(h)), t.hours_short)
            }),
            Field::SleepQuality => {
                c.sleep_quality.map_or("–".to_owned(), |q| word(&t.sleep_words, q).to_owned())
            }
            Field::Used => (if c.slip.is_some() { t.used_yes } else { t.used_no }).to_owned(),
            Field::Substance => or_dash(slip.substance),
            Field::Amount => or_dash(slip.amount),
            Field::Triggers | Field::Halt | Field::Helped => chosen(field),
            Field::Note => or_dash(self.note.lines().join(" / ").trim().to_owned()),
            Field::Done => String::new(),
        }
    }

    /// Each field as "label: value".
    pub fn readout(&self, view: &View) -> Readout {
        let t = &view.strings.checkin;
        let lines = self
            .fields()
            .into_iter()
            .filter(|f| *f != Field::Done)
            .map(|f| format!("{}: {}", field_label(f, t), self.value_text(f, t)))
            .collect();
        Readout::new(lines)
    }
}

/// A value of 0-10, or "–" where the question was not answered (never 0, which is an answer).
fn answered(value: Option<u8>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| v.to_string())
}

//! The check-in form's fields and how keys change their values, apart from drawing so the rules
//! are tested on their own.

use crate::content::Content;
use crate::content::triggers;
use crate::domain::checkin::{
    CheckIn, MOOD_MAX, MOOD_MIN, SCALE_MAX, SLEEP_HALF_HOURS_MAX, SLEEP_QUALITY_MAX, Slip,
};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Date,
    Mood,
    Craving,
    Stress,
    Sleep,
    SleepQuality,
    Used,
    Substance,
    Amount,
    Triggers,
    Halt,
    Helped,
    Note,
    Done,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::Date,
        Field::Mood,
        Field::Craving,
        Field::Stress,
        Field::Sleep,
        Field::SleepQuality,
        Field::Used,
        Field::Substance,
        Field::Amount,
        Field::Triggers,
        Field::Halt,
        Field::Helped,
        Field::Note,
        Field::Done,
    ];

    /// The fields shown for this check-in: what and how much only after a slip.
    pub fn visible_for(c: &CheckIn) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| c.slip.is_some() || !matches!(f, Field::Substance | Field::Amount))
            .collect()
    }
}

/// Sleep starts from a common night when first changed, so a regular night is one key away.
const SLEEP_START: u8 = 14;

/// Changes a scalar field by one step; returns whether the value changed.
pub fn step(c: &mut CheckIn, field: Field, delta: i8) -> bool {
    let bump = |v: u8, min: u8, max: u8| v.saturating_add_signed(delta).clamp(min, max);
    let before = c.clone();
    match field {
        Field::Mood => c.mood = bump(c.mood, MOOD_MIN, MOOD_MAX),
        // Not answered yet: the first step in either direction answers 0.
        Field::Craving => c.craving = Some(c.craving.map_or(0, |v| bump(v, 0, SCALE_MAX))),
        Field::Stress => c.stress = Some(c.stress.map_or(0, |v| bump(v, 0, SCALE_MAX))),
        Field::Sleep => {
            c.sleep_half_hours =
                Some(c.sleep_half_hours.map_or(SLEEP_START, |h| bump(h, 0, SLEEP_HALF_HOURS_MAX)))
        }
        Field::SleepQuality => {
            c.sleep_quality = Some(c.sleep_quality.map_or(3, |q| bump(q, 1, SLEEP_QUALITY_MAX)));
        }
        Field::Used => return toggle(c, field),
        _ => return false,
    }
    *c != before
}

/// The lowest and highest number a field takes as typed digits: mood, craving, stress, sleep
/// in whole hours, sleep quality. `None` for fields that take no number.
pub fn digit_range(field: Field) -> Option<(u8, u8)> {
    match field {
        Field::Mood => Some((MOOD_MIN, MOOD_MAX)),
        Field::Craving | Field::Stress => Some((0, SCALE_MAX)),
        Field::Sleep => Some((0, SLEEP_HALF_HOURS_MAX / 2)),
        Field::SleepQuality => Some((1, SLEEP_QUALITY_MAX)),
        _ => None,
    }
}

/// The number that typing `digit` gives after `before` (the digit typed just before on the
/// same field, if any): "1" then "0" is ten where ten fits, else the new digit alone. `None`
/// when the digit does not fit the field.
pub fn typed_number(field: Field, before: Option<u8>, digit: u8) -> Option<u8> {
    let (min, max) = digit_range(field)?;
    let joined = before.map(|b| b * 10 + digit).filter(|n| (min..=max).contains(n) && *n >= 10);
    joined.or(Some(digit).filter(|d| (min..=max).contains(d)))
}

/// Sets `field` to a typed number; returns whether the value changed.
pub fn set_number(c: &mut CheckIn, field: Field, n: u8) -> bool {
    let before = c.clone();
    match field {
        Field::Mood => c.mood = n,
        Field::Craving => c.craving = Some(n),
        Field::Stress => c.stress = Some(n),
        Field::Sleep => c.sleep_half_hours = Some(n * 2),
        Field::SleepQuality => c.sleep_quality = Some(n),
        _ => return false,
    }
    *c != before
}

/// Space on a scalar field: flips a yes/no, and clears an optional value (sleep, and craving
/// and stress back to not answered).
pub fn toggle(c: &mut CheckIn, field: Field) -> bool {
    match field {
        Field::Craving if c.craving.is_some() => c.craving = None,
        Field::Stress if c.stress.is_some() => c.stress = None,
        Field::Used => c.slip = if c.slip.is_some() { None } else { Some(Slip::default()) },
        Field::Sleep if c.sleep_half_hours.is_some() => c.sleep_half_hours = None,
        Field::SleepQuality if c.sleep_quality.is_some() => c.sleep_quality = None,
        _ => return false,
    }
    true
}

/// Techniques a person can do on an ordinary day, offered under "what helped"; the user's own
/// entries come first. Checked against the content by a test.
pub const HELPED_DEFAULTS: [&str; 10] = [
    "breathe-through-the-urge",
    "call-your-support",
    "physical-activity",
    "mindfulness",
    "daily-relaxation",
    "plan-meaningful-activities",
    "keep-a-feelings-diary",
    "talk-about-obstacles",
    "drink-enough-water",
    "daily-routines",
];

/// The default triggers, then the user's own recent ones, then any the day already has.
pub fn trigger_options(content: &Content, lang: Lang, recent: &[String], chosen: &[String]) -> Vec<String> {
    let mut options: Vec<String> = triggers::all(content, lang).iter().map(|t| t.id.clone()).collect();
    for label in recent.iter().chain(chosen) {
        add_option(&mut options, label);
    }
    options
}

/// The user's recent helpers first (what worked before), then the defaults, then the day's own.
pub fn helped_options(_lang: Lang, recent: &[String], chosen: &[String]) -> Vec<String> {
    let mut options = Vec::new();
    for label in
        recent.iter().map(String::as_str).chain(HELPED_DEFAULTS).chain(chosen.iter().map(String::as_str))
    {
        add_option(&mut options, label);
    }
    options
}

/// Adds `label` unless present; returns its position.
pub fn add_option(options: &mut Vec<String>, label: &str) -> usize {
    match options.iter().position(|o| o == label) {
        Some(i) => i,
        None => {
            options.push(label.to_owned());
            options.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day() -> CheckIn {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        CheckIn::blank(d, d.and_hms_opt(9, 0, 0).unwrap())
    }

    #[test]
    fn values_step_within_their_scales() {
        let mut c = day();
        assert!(step(&mut c, Field::Mood, 1));
        assert!(step(&mut c, Field::Mood, 1));
        assert!(!step(&mut c, Field::Mood, 1), "5 is the top");
        assert_eq!(c.mood, 5);
        assert!(step(&mut c, Field::Craving, -1), "not answered: the first step answers 0");
        assert_eq!(c.craving, Some(0));
        assert!(!step(&mut c, Field::Craving, -1), "0 is the bottom");
        assert!(toggle(&mut c, Field::Craving));
        assert_eq!(c.craving, None, "Space takes the answer back");
        assert!(step(&mut c, Field::Sleep, -1));
        assert_eq!(c.sleep_half_hours, Some(SLEEP_START), "the first step gives a common night");
        assert!(step(&mut c, Field::Sleep, 1));
        assert_eq!(c.sleep_hours(), Some(7.5));
        assert!(toggle(&mut c, Field::Sleep));
        assert_eq!(c.sleep_half_hours, None);
        assert!(step(&mut c, Field::Used, 1));
        assert!(c.slip.is_some());
        assert!(Field::visible_for(&c).contains(&Field::Amount));
        assert!(!Field::visible_for(&day()).contains(&Field::Amount));
    }

    #[test]
    fn typed_digits_make_numbers_that_fit_the_field() {
        assert_eq!(typed_number(Field::Craving, None, 5), Some(5));
        assert_eq!(typed_number(Field::Craving, Some(1), 0), Some(10));
        assert_eq!(typed_number(Field::Craving, Some(5), 5), Some(5), "55 does not fit: a new 5");
        assert_eq!(typed_number(Field::Mood, None, 9), None);
        assert_eq!(typed_number(Field::Mood, None, 0), None);
        assert_eq!(typed_number(Field::Sleep, Some(1), 2), Some(12));
        assert_eq!(typed_number(Field::Triggers, None, 1), None);
    }

    #[test]
    fn choices_put_own_words_after_the_defaults_and_never_twice() {
        let recent = vec!["Svigermor".to_owned(), "stress".to_owned()];
        let options = trigger_options(&Content::new(None), Lang::Nb, &recent, &["Mas".to_owned()]);
        assert_eq!(options[0], "stress");
        assert_eq!(&options[options.len() - 2..], ["Svigermor", "Mas"]);
        assert_eq!(options.iter().filter(|o| *o == "stress").count(), 1);
        let helped = helped_options(Lang::Nb, &["gikk tur".to_owned()], &[]);
        assert_eq!(helped[0], "gikk tur");
    }

    #[test]
    fn the_default_helpers_are_techniques_in_both_languages() {
        for lang in Lang::ALL {
            for id in HELPED_DEFAULTS {
                assert!(
                    crate::content::labels::technique_name(&crate::content::Content::new(None), lang, id)
                        .is_some(),
                    "{id}"
                );
            }
        }
    }
}

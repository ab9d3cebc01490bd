//! Fixed check-in data for tests of the check-in and history screens: the same days, moods and
//! notes on every run, ending on the date of `FixedClock::sample()`.

use chrono::{Days, NaiveDate};
use mestring::app::App;
use mestring::domain::checkin::{CheckIn, Halt, Slip};
use mestring::store::Store;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The check-in `days_ago` days before `today()`, or `None` for the days left out (every
/// seventh, so the streak forgives some and the calendar has gaps).
pub fn day(days_ago: u64) -> Option<CheckIn> {
    if days_ago % 7 == 5 {
        return None;
    }
    let date = today() - Days::new(days_ago);
    let i = days_ago;
    let triggers: Vec<String> = match i % 5 {
        0 => vec!["stress".into(), "tiredness".into()],
        1 => vec!["loneliness".into()],
        2 => vec!["Svigermor på besøk".into(), "stress".into()],
        3 => vec![],
        _ => vec!["conflict".into()],
    };
    Some(CheckIn {
        mood: (1 + (i * 3 + i / 4) % 5) as u8,
        craving: Some(((i * 7 + 2) % 11) as u8),
        stress: Some(((i * 5 + 1) % 11) as u8),
        sleep_half_hours: Some(10 + (i % 6) as u8),
        sleep_quality: Some(1 + (i % 5) as u8),
        slip: (i % 23 == 9).then(|| Slip { substance: "øl".into(), amount: "2".into() }),
        triggers,
        halt: Halt::from_bits((i % 16) as u8),
        helped: if i.is_multiple_of(2) {
            vec!["breathe-through-the-urge".into(), "gikk en tur".into()]
        } else {
            vec![]
        },
        note: match i {
            0 => "Rolig morgen. Ringte Kari 👩‍👧 og det hjalp, æøå ÆØÅ.".into(),
            1 => "Tung kveld.\nMen jeg kom meg gjennom den.".into(),
            _ => String::new(),
        },
        ..CheckIn::blank(date, date.and_hms_opt(21, 0, 0).unwrap())
    })
}

/// Saves `count` days ending today (the days `day` leaves out are skipped).
pub fn seed(store: &mut Store, count: u64) {
    for days_ago in 0..count {
        if let Some(c) = day(days_ago) {
            store.save_checkin(&c).unwrap();
        }
    }
}

/// The app's in-memory store, seeded.
pub fn seed_app(app: &mut App, count: u64) {
    seed(app.store_mut().get_mut().expect("an open store"), count);
}

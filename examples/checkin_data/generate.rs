//! Deterministic check-in histories for the benchmarks: one check-in a day ending today, with
//! triggers, helpers and a note on some days, written in one import transaction.

use std::path::Path;

use chrono::{Days, Local, NaiveDate};
use mestring::domain::checkin::{CheckIn, Halt, Slip};
use mestring::store::Store;

const TRIGGERS: [&str; 8] =
    ["stress", "loneliness", "conflict", "boredom", "tiredness", "people", "payday", "Jobben"];
const HELPED: [&str; 4] =
    ["breathe-through-the-urge", "call-your-support", "physical-activity", "gikk en tur"];

/// The check-in `i` days before `today`.
pub fn day(today: NaiveDate, i: u64) -> CheckIn {
    let date = today - Days::new(i);
    let pick = |n: u64, of: &[&str]| -> Vec<String> {
        (0..n).map(|k| of[((i / 3 + k * 5) % of.len() as u64) as usize].to_owned()).collect()
    };
    CheckIn {
        mood: (1 + (i * 7 + i / 11) % 5) as u8,
        craving: Some(((i * 13 + 3) % 11) as u8),
        stress: Some(((i * 5 + i / 7) % 11) as u8),
        sleep_half_hours: Some(10 + (i % 7) as u8),
        sleep_quality: Some(1 + (i % 5) as u8),
        slip: (i % 41 == 17).then(|| Slip { substance: "øl".into(), amount: "3".into() }),
        triggers: pick(i % 4, &TRIGGERS),
        halt: Halt::from_bits((i % 16) as u8),
        helped: pick(i % 3, &HELPED),
        note: if i.is_multiple_of(3) {
            format!("Dag {i}: en helt vanlig dag med litt av hvert, æøå. Gikk tur og ringte en venn.")
        } else {
            String::new()
        },
        ..CheckIn::blank(date, date.and_hms_opt(21, 30, 0).unwrap())
    }
}

/// Creates `dir/mestring.sqlite3` holding `days` daily check-ins ending today.
pub fn generate(dir: &Path, days: u64) {
    let today = Local::now().date_naive();
    let path = dir.join("mestring.sqlite3");
    let mut store = Store::open(&path).expect("open the benchmark database");
    if days == 0 {
        return;
    }
    // An export of the empty new database, filled with the generated days.
    let mut export = store.export(None, None, today.and_hms_opt(0, 0, 0).unwrap()).expect("export");
    export.checkins = (0..days).map(|i| day(today, i)).collect();
    let json = serde_json::to_string(&export).unwrap();
    let summary = store.import_json(&json).expect("import the generated days");
    assert_eq!(summary.added as u64, days);
}

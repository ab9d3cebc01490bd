//! Properties of the store: any valid check-in (any Unicode in its note and labels) reads back
//! exactly as saved, and the JSON export of any set of days imports to the same data.

use chrono::{NaiveDate, NaiveDateTime};
use mestring::domain::checkin::{CheckIn, Halt, Slip};
use mestring::store::Store;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn time() -> impl Strategy<Value = NaiveDateTime> {
    (date(), 0u32..24, 0u32..60, 0u32..60).prop_map(|(d, h, m, s)| d.and_hms_opt(h, m, s).unwrap())
}

/// Text a person might type, and text nobody would: emoji with joiners, combining marks,
/// right-to-left, control characters.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[a-zæøåÆØÅ 🌻👩‍👧é\u{301}\u{5d0}\n\t,;\"|]{{0,{max}}}"))
            .unwrap(),
        proptest::collection::vec(any::<char>(), 0..max).prop_map(|c| c.into_iter().collect()),
    ]
}

/// A label: not blank, not padded, at most 80 characters (what `normalised` leaves).
fn label() -> impl Strategy<Value = String> {
    text(40).prop_map(|t| t.trim().to_owned()).prop_filter("not blank", |t| !t.is_empty())
}

fn checkin() -> impl Strategy<Value = CheckIn> {
    let scales = (
        1u8..=5,
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=48),
        proptest::option::of(1u8..=5),
    );
    let slip = proptest::option::of(
        (text(20), text(20))
            .prop_map(|(s, a)| Slip { substance: s.trim().to_owned(), amount: a.trim().to_owned() }),
    );
    let lists = (proptest::collection::vec(label(), 0..6), proptest::collection::vec(label(), 0..4));
    (date(), scales, slip, lists, 0u8..16, text(300), time()).prop_map(
        |(
            date,
            (mood, craving, stress, sleep, quality),
            slip,
            (triggers, helped),
            halt,
            note,
            updated_at,
        )| {
            CheckIn {
                date,
                mood,
                craving,
                stress,
                sleep_half_hours: sleep,
                sleep_quality: quality,
                slip,
                triggers,
                halt: Halt::from_bits(halt),
                helped,
                note,
                updated_at,
            }
            .normalised()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_saved_check_in_reads_back_exactly(c in checkin()) {
        let mut store = Store::open_in_memory().unwrap();
        store.save_checkin(&c).unwrap();
        prop_assert_eq!(store.checkin_on(c.date).unwrap(), Some(c.clone()));
        // Saving again (an edit with the same values) changes nothing.
        store.save_checkin(&c).unwrap();
        prop_assert_eq!(store.checkin_count().unwrap(), 1);
        prop_assert_eq!(store.checkin_on(c.date).unwrap(), Some(c));
    }

    #[test]
    fn export_then_import_gives_the_same_data(days in proptest::collection::vec(checkin(), 0..20)) {
        let mut store = Store::open_in_memory().unwrap();
        for c in &days {
            store.save_checkin(c).unwrap();
        }
        let now = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(8, 0, 0).unwrap();
        let export = store.export(None, None, now).unwrap();
        let json = serde_json::to_string(&export).unwrap();
        let mut copy = Store::open_in_memory().unwrap();
        let first = copy.import_json(&json).unwrap();
        prop_assert_eq!(first.added, export.checkins.len());
        let again = copy.import_json(&json).unwrap();
        prop_assert_eq!((again.added, again.updated), (0, 0));
        prop_assert_eq!(copy.export(None, None, now).unwrap(), export);
    }
}

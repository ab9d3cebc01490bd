//! Sync converges: any interleaving of saves on two devices and syncs in any order ends, after
//! one round each way, with both devices holding the same days, each day the version saved last
//! (the machines' clocks agreeing), and a further round changing nothing.

use age::secrecy::SecretString;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mestring::domain::checkin::CheckIn;
use mestring::store::Store;
use mestring::sync::{self, InitOptions, SyncKey};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    /// Device, day (of three, so the devices collide), note.
    Save(usize, u32, String),
    Sync(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..2, 1u32..=3, "[a-zæøå]{0,12}").prop_map(|(d, day, note)| Step::Save(d, day, note)),
        1 => (0usize..2).prop_map(Step::Sync),
    ]
}

fn utc(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + seconds, 0).unwrap()
}

fn days(store: &Store) -> Vec<(NaiveDate, String)> {
    let (from, to) =
        (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 1, 31).unwrap());
    store.checkins_between(from, to).unwrap().into_iter().map(|c| (c.date, c.note)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn two_devices_converge_on_the_last_saved_version_of_each_day(steps in proptest::collection::vec(step(), 1..25)) {
        let folder = tempfile::tempdir().unwrap();
        let pass = SecretString::from("hest".to_owned());
        let options = InitOptions { work_factor: Some(2), ..InitOptions::default() };
        let mut devices = [Store::open_in_memory().unwrap(), Store::open_in_memory().unwrap()];
        for store in &mut devices {
            sync::init(store, folder.path(), &pass, &options, utc(0)).unwrap();
        }
        let setup = sync::setup::read(devices[0].conn()).unwrap().unwrap();
        let key: SyncKey = sync::unlock(&setup, || Ok(pass.clone())).unwrap();
        let mut last = std::collections::BTreeMap::new();
        for (clock, step) in steps.into_iter().enumerate() {
            let now = utc(clock as i64 + 1);
            match step {
                Step::Save(d, day, note) => {
                    let date = NaiveDate::from_ymd_opt(2026, 1, day).unwrap();
                    let checkin = CheckIn { note: note.clone(), ..CheckIn::blank(date, now.naive_utc()) };
                    devices[d].save_checkin(&checkin).unwrap();
                    last.insert(date, note);
                }
                Step::Sync(d) => {
                    sync::sync(&mut devices[d], &key, now).unwrap();
                }
            }
        }
        let end = utc(1000);
        for d in [0, 1, 0] {
            prop_assert!(sync::sync(&mut devices[d], &key, end).unwrap().refused.is_empty());
        }
        let want: Vec<(NaiveDate, String)> = last.into_iter().collect();
        prop_assert_eq!(days(&devices[0]), want.clone());
        prop_assert_eq!(days(&devices[1]), want);
        for d in [0, 1] {
            let again = sync::sync(&mut devices[d], &key, end).unwrap();
            prop_assert!(again.written.is_none() && again.files_read == 0);
        }
    }
}

//! A person some weeks in, for the tests of the home, goals, counter and plan screens. The
//! clock is `FixedClock::sample()`: Sunday 22 November 2026, 09:30.

use chrono::{NaiveDate, NaiveDateTime};
use mestring::app::App;
use mestring::clock::Moment;
use mestring::domain::checkin::{CheckIn, Slip};
use mestring::domain::goals::{Goal, Step};
use mestring::domain::habits::{Cadence, Habit, Mark};
use mestring::domain::plan::{Item, Section};
use mestring::domain::sober::{Counter, SlipNote};
use mestring::i18n::Lang;
use mestring::store::Store;

use super::app::app_with;

pub fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, 0, 0).unwrap()
}

/// An app with the sample data, at the sample time.
pub fn sample_app(lang: Lang, width: u16, height: u16) -> App {
    app_with(lang, width, height, Ok(sample_store()))
}

/// A person some weeks in: two counters with a slip each way, three habits, goals open and
/// done, a week of check-ins, a plan with contacts, and a marked phase.
pub fn sample_store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    fill_sample(&mut s);
    s
}

/// Writes the sample data into `s`.
pub fn fill_sample(s: &mut Store) {
    let made = at(9, 1, 10);
    s.add_counter(
        &Counter { name: "Alkohol".into(), start: d(9, 1), follows_checkins: true },
        Moment::in_utc(made),
    )
    .unwrap();
    s.add_counter(
        &Counter { name: "Cannabis".into(), start: d(6, 1), follows_checkins: false },
        Moment::in_utc(made),
    )
    .unwrap();
    let alcohol = s.counters().unwrap().remove(0);
    let note =
        SlipNote { what_happened: "Fest hos Ola".into(), what_to_learn: "Dra hjem før midnatt".into() };
    s.record_slip(&alcohol, d(10, 20), &note, Moment::in_utc(at(10, 21, 9))).unwrap();
    for (day, mood, craving, used) in
        [(16, 3, 4, false), (17, 2, 7, false), (19, 4, 2, false), (20, 4, 3, false), (21, 5, 1, false)]
    {
        let checkin = CheckIn { mood, craving: Some(craving), ..CheckIn::blank(d(11, day), at(11, day, 21)) };
        s.save_checkin(&CheckIn { slip: used.then(Slip::default), ..checkin }).unwrap();
    }
    let used = Slip { substance: "øl".into(), amount: "2".into() };
    s.save_checkin(&CheckIn {
        mood: 2,
        craving: Some(8),
        slip: Some(used),
        ..CheckIn::blank(d(11, 10), at(11, 10, 22))
    })
    .unwrap();

    let walk = s
        .add_habit(&Habit { name: "Gå en tur".into(), cadence: Cadence::Daily }, Moment::in_utc(made))
        .unwrap();
    let breakfast = s
        .add_habit(&Habit { name: "Frokost".into(), cadence: Cadence::Daily }, Moment::in_utc(made))
        .unwrap();
    let call = s
        .add_habit(&Habit { name: "Ringe Kari".into(), cadence: Cadence::Weekly }, Moment::in_utc(made))
        .unwrap();
    for day in [17, 18, 20, 21] {
        s.set_habit_mark(walk, d(11, day), Some(Mark::Done), Moment::in_utc(at(11, day, 19))).unwrap();
    }
    s.set_habit_mark(walk, d(11, 19), Some(Mark::Skip), Moment::in_utc(at(11, 18, 19))).unwrap();
    s.set_habit_mark(walk, d(11, 24), Some(Mark::Skip), Moment::in_utc(at(11, 21, 19))).unwrap();
    s.set_habit_mark(breakfast, d(11, 22), Some(Mark::Done), Moment::in_utc(at(11, 22, 8))).unwrap();
    s.set_habit_mark(call, d(11, 12), Some(Mark::Done), Moment::in_utc(at(11, 12, 18))).unwrap();

    let gp = Goal {
        due: Some(d(11, 25)),
        steps: vec![
            Step { text: "Finne nummeret".into(), done: true },
            Step { text: "Ringe før kl. 10".into(), done: false },
        ],
        note: "Spør om søvn også.".into(),
        ..Goal::new("Ringe fastlegen", at(11, 15, 12))
    };
    s.add_goal(&gp, Moment::in_utc(at(11, 15, 12))).unwrap();
    s.add_goal(
        &Goal { note: "Én hylle om gangen.".into(), ..Goal::new("Rydde boden", at(11, 2, 12)) },
        Moment::in_utc(at(11, 2, 12)),
    )
    .unwrap();
    let course =
        s.add_goal(&Goal::new("Søke på kurs", at(11, 1, 12)), Moment::in_utc(at(11, 1, 12))).unwrap();
    s.complete_goal(course, Moment::in_utc(at(11, 20, 15))).unwrap();

    for (section, text, phone) in [
        (Section::People, "Kari (søster)", "912 34 567"),
        (Section::People, "Ola", ""),
        (Section::Professionals, "Fastlegen", "22 00 00 00"),
        (Section::OnMyOwn, "Gå en tur rundt vannet", ""),
        (Section::OnMyOwn, "Ta en kald dusj", ""),
        (Section::WarningSigns, "Jeg sover dårlig flere netter", ""),
        (Section::Reasons, "Barna mine", ""),
    ] {
        s.add_plan_item(section, &Item { text: text.into(), phone: phone.into() }, Moment::in_utc(made))
            .unwrap();
    }
    s.set_phase(Some("treatment"), Moment::in_utc(made)).unwrap();
}

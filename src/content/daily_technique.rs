//! The technique of the day: the same for everyone on a date, in every language, and a different
//! one each day, going through the helpful techniques (not the list of mistakes) by id.
//!
//! The start screen shows it on the first frame. Parsing the whole techniques file for that one
//! item cost a quarter of the instructions before the first frame (1.6 M of 6.6 M in callgrind;
//! RON is lexed whole whatever is kept), so the usual start parses that item alone: the ids it
//! goes through are listed here, and the item's text is cut out of the embedded file. Tests
//! hold the list to the file and every item cut out to the item the whole file gives.

use chrono::{Datelike, NaiveDate};

use super::parse;
use super::techniques::{self, Technique, TechniqueGroup};
use crate::i18n::Lang;

/// Every technique but the mistakes, by id, sorted: the order the days go through them.
pub const ROTATION: [&str; 31] = [
    "acknowledge-the-problem",
    "breathe-through-the-urge",
    "build-a-support-network",
    "call-your-support",
    "care-for-your-mental-health",
    "celebrate-progress",
    "cognitive-behavioural-therapy",
    "daily-relaxation",
    "daily-routines",
    "detox",
    "drink-enough-water",
    "family-therapy",
    "find-your-people",
    "follow-up-and-adjust",
    "get-professional-help",
    "group-therapy",
    "keep-a-feelings-diary",
    "learn-how-addiction-works",
    "make-a-plan",
    "map-your-triggers",
    "mindfulness",
    "motivation-building",
    "nutrition",
    "physical-activity",
    "plan-meaningful-activities",
    "reward-small-wins",
    "set-short-clear-goals",
    "stress-management",
    "talk-about-obstacles",
    "track-your-progress",
    "work-and-social-inclusion",
];

/// The technique of the day in `lang`.
pub fn of_the_day(lang: Lang, date: NaiveDate) -> Option<Technique> {
    if techniques::parsed(lang).is_none() && !techniques::has_pack(lang) {
        // Nothing parsed yet and no pack that could add or replace a technique: the usual start.
        if let Some(technique) = alone(lang, date) {
            return Some(technique);
        }
    }
    from_all(lang, date)
}

fn pick<'a>(ids: &[&'a str], date: NaiveDate) -> Option<&'a str> {
    let len = i32::try_from(ids.len()).ok().filter(|len| *len > 0)?;
    Some(ids[date.num_days_from_ce().rem_euclid(len) as usize])
}

/// From the list above and the one item parsed alone. `None` only if the item cannot be cut out,
/// which the tests rule out for the embedded files.
fn alone(lang: Lang, date: NaiveDate) -> Option<Technique> {
    let id = pick(&ROTATION, date)?;
    let (name, text) = techniques::embedded(lang);
    parse(&format!("data/{}/{name}", lang.code()), item_text(text, id)?).ok()
}

/// From every technique, content packs included.
fn from_all(lang: Lang, date: NaiveDate) -> Option<Technique> {
    let all = techniques::all(lang);
    let mut ids: Vec<&str> =
        all.iter().filter(|t| t.group != TechniqueGroup::Mistake).map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    let id = pick(&ids, date)?;
    all.iter().find(|t| t.id == id).cloned()
}

/// The text of the item whose id is `id`, from its `(` to the `)` that closes it. The id is an
/// item's first field, so the item opens at the `(` just before `id: "<id>"` (nothing but blanks
/// between them), and it closes where the brackets opened since balance again, strings and line
/// comments skipped.
fn item_text<'a>(text: &'a str, id: &str) -> Option<&'a str> {
    let at = text.find(&format!("id: \"{id}\","))?;
    let open = text[..at].rfind('(')?;
    if !text[open + 1..at].trim().is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return text.get(open..=i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];

    #[test]
    fn the_rotation_is_every_technique_but_the_mistakes_sorted() {
        for lang in LANGS {
            let file = techniques::try_parse(lang).unwrap();
            let mut ids: Vec<&str> = file
                .items
                .iter()
                .filter(|t| t.group != TechniqueGroup::Mistake)
                .map(|t| t.id.as_str())
                .collect();
            ids.sort_unstable();
            assert_eq!(ids, ROTATION, "{}", lang.code());
        }
    }

    #[test]
    fn every_item_cut_out_alone_is_the_item_the_whole_file_gives() {
        for lang in LANGS {
            let (name, text) = techniques::embedded(lang);
            for technique in techniques::try_parse(lang).unwrap().items {
                let item = item_text(text, &technique.id).unwrap_or_else(|| panic!("{}", technique.id));
                let alone: Technique = parse(name, item).unwrap_or_else(|err| panic!("{err}"));
                assert_eq!(alone, technique, "{}", lang.code());
            }
        }
    }

    #[test]
    fn parsed_alone_or_from_all_the_day_shows_the_same_technique() {
        let first = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for lang in LANGS {
            for date in first.iter_days().take(2 * ROTATION.len()) {
                assert_eq!(alone(lang, date), from_all(lang, date), "{} {date}", lang.code());
            }
        }
    }

    #[test]
    fn it_is_fixed_by_date_the_same_in_both_languages_and_another_tomorrow() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let nb = of_the_day(Lang::Nb, day).unwrap();
        let en = of_the_day(Lang::En, day).unwrap();
        assert_eq!(nb.id, en.id);
        assert_eq!(of_the_day(Lang::Nb, day).unwrap().id, nb.id, "deterministic");
        let next = of_the_day(Lang::Nb, day.succ_opt().unwrap()).unwrap();
        assert_ne!(next.id, nb.id, "another one tomorrow");
        assert_ne!(nb.group, TechniqueGroup::Mistake);
    }

    #[test]
    fn an_item_is_cut_at_its_own_closing_bracket_whatever_its_strings_hold() {
        let text = r#"(items: [
            // a comment with a ) in it
            (
                id: "a",
                steps: ["one (1)", "a \"quoted\" ]"],
            ),
            (id: "b", steps: []),
        ])"#;
        let a = item_text(text, "a").unwrap();
        assert!(a.starts_with('(') && a.ends_with(')') && a.contains("quoted"), "{a}");
        assert!(!a.contains("\"b\""), "{a}");
        assert_eq!(item_text(text, "b"), Some(r#"(id: "b", steps: [])"#));
        assert_eq!(item_text(text, "c"), None);
        assert_eq!(item_text("(x: 1, id: \"a\", )", "a"), None, "the id must come first");
        assert_eq!(item_text("(id: \"a\", steps: [\"open", "a"), None, "unclosed");
    }
}

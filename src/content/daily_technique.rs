//! The technique of the day: the same for everyone on a date, in every language, and a different
//! one each day, going through the helpful techniques (not the list of mistakes) by id.

use chrono::{Datelike, NaiveDate};

use super::Content;
use super::techniques::{self, Technique, TechniqueGroup};
use crate::i18n::Lang;

/// The technique of the day in `lang`, content packs included.
pub fn of_the_day(content: &Content, lang: Lang, date: NaiveDate) -> Option<Technique> {
    let all = techniques::all(content, lang);
    let mut ids: Vec<&str> =
        all.iter().filter(|t| t.group != TechniqueGroup::Mistake).map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    let len = i32::try_from(ids.len()).ok().filter(|len| *len > 0)?;
    let id = ids[date.num_days_from_ce().rem_euclid(len) as usize];
    all.iter().find(|t| t.id == id).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_fixed_by_date_the_same_in_both_languages_and_another_tomorrow() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let nb = of_the_day(&Content::new(None), Lang::Nb, day).unwrap();
        let en = of_the_day(&Content::new(None), Lang::En, day).unwrap();
        assert_eq!(nb.id, en.id);
        assert_eq!(of_the_day(&Content::new(None), Lang::Nb, day).unwrap().id, nb.id, "deterministic");
        let next = of_the_day(&Content::new(None), Lang::Nb, day.succ_opt().unwrap()).unwrap();
        assert_ne!(next.id, nb.id, "another one tomorrow");
        assert_ne!(nb.group, TechniqueGroup::Mistake);
    }
}

//! Help lines, chosen by region and not by language: 116 123 is Mental Helse in Norway but the
//! Samaritans in the UK, and an English interface used in Norway must still show Norwegian numbers.

use serde::{Deserialize, Serialize};

use super::{Content, Packs};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum RegionId {
    #[default]
    Norway,
    /// Many Norwegian users live or travel there.
    Sweden,
    Denmark,
    UkIreland,
    Us,
}

/// Text that must exist in every language, inside a file that is not per language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Localized {
    pub nb: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Helpline {
    pub id: String,
    /// As dialled, grouped for reading: "22 40 00 40".
    pub number: String,
    /// The service's own name, not translated.
    pub name: String,
    pub description: Localized,
    pub hours: Localized,
    /// The address of the page the number was checked on: the organisation's own, or an
    /// official one. Each number was also confirmed in a second place. Required of the embedded
    /// lines by a test; a clinic's own line in a content pack may leave it out.
    #[serde(default)]
    pub source: String,
    /// ISO date the number was last checked against `source`.
    pub last_verified: String,
    /// A caveat, e.g. that only one source confirms the hours.
    #[serde(default)]
    pub note: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Region {
    pub id: RegionId,
    pub name: Localized,
    pub lines: Vec<Helpline>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct HelplineFile {
    pub regions: Vec<Region>,
}

const FILE: &str = include_str!("../../data/helplines.ron");

pub fn try_parse() -> Result<HelplineFile, super::ContentError> {
    super::parse("data/helplines.ron", FILE)
}

fn all(content: &Content) -> &HelplineFile {
    let packs = &content.packs;
    content.helplines.get_or_init(|| {
        let mut file = try_parse().unwrap_or_else(|err| {
            packs.report(err);
            HelplineFile::default()
        });
        if let Some((name, text)) = packs.read("helplines.ron") {
            match super::parse::<HelplineFile>(&name, &text) {
                Ok(pack) => merge(&mut file, pack, &name, &text, packs),
                Err(err) => packs.report(err),
            }
        }
        file
    })
}

/// A clinic's own lines join their region (replacing a line with the same id); a new region is
/// added as it is.
fn merge(file: &mut HelplineFile, pack: HelplineFile, name: &str, text: &str, packs: &Packs) {
    for region in pack.regions {
        match file.regions.iter_mut().find(|r| r.id == region.id) {
            Some(existing) => super::packs::merge_items(&mut existing.lines, region.lines, name, text, packs),
            None => file.regions.push(region),
        }
    }
}

impl super::packs::Item for Helpline {
    fn id(&self) -> &str {
        &self.id
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.number, &self.name, &self.description.nb, &self.description.en]
    }
}

/// The region's lines; Norway's if the region is missing, so the overlay is never empty.
pub fn for_region(content: &Content, id: RegionId) -> Option<&Region> {
    let file = all(content);
    file.regions.iter().find(|r| r.id == id).or_else(|| file.regions.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: RegionId) -> Region {
        try_parse().unwrap().regions.into_iter().find(|r| r.id == id).unwrap()
    }

    fn numbers(id: RegionId) -> Vec<String> {
        region(id).lines.into_iter().map(|l| l.number).collect()
    }

    #[test]
    fn norway_is_first_and_has_every_line_the_content_guide_and_the_review_name() {
        let file = try_parse().unwrap();
        assert_eq!(file.regions[0].id, RegionId::Norway, "Norway is the default region");
        let numbers = numbers(RegionId::Norway);
        let expected = [
            "113",
            "112",
            "110",
            "116 117",
            "22 59 13 00",
            "116 123",
            "22 40 00 40",
            "116 111",
            "116 006",
            "800 40 567",
        ];
        for n in expected {
            assert!(numbers.iter().any(|x| x == n), "missing {n}");
        }
        let mental_helse =
            region(RegionId::Norway).lines.into_iter().find(|l| l.number == "116 123").unwrap();
        assert_eq!(mental_helse.name, "Mental Helses hjelpetelefon");
    }

    #[test]
    fn other_regions_have_their_own_numbers() {
        let uk = numbers(RegionId::UkIreland);
        assert!(uk.iter().any(|n| n.contains("999")) && uk.iter().any(|n| n == "116 123"));
        for n in ["911", "988", "1-800-662-4357"] {
            assert!(numbers(RegionId::Us).iter().any(|x| x == n), "missing {n}");
        }
        for nordic in [RegionId::Sweden, RegionId::Denmark] {
            assert!(numbers(nordic).iter().any(|n| n == "112"), "{nordic:?}");
        }
    }

    #[test]
    fn every_line_is_dated_sourced_described_in_both_languages_and_has_hours() {
        for r in try_parse().unwrap().regions {
            for line in r.lines {
                assert!(
                    chrono::NaiveDate::parse_from_str(&line.last_verified, "%Y-%m-%d").is_ok(),
                    "{}",
                    line.id
                );
                assert!(line.source.starts_with("https://") && !line.source.contains(' '), "{}", line.id);
                for text in [&line.description, &line.hours] {
                    assert!(!text.nb.trim().is_empty() && !text.en.trim().is_empty(), "{}", line.id);
                }
            }
        }
    }

    /// Hours that are not round the clock are given as times, so a person knows when to call.
    #[test]
    fn hours_are_round_the_clock_or_times() {
        for r in try_parse().unwrap().regions {
            for line in r.lines {
                let nb = &line.hours.nb;
                assert!(nb == "Døgnåpen" || (nb.contains("kl. ") && nb.contains('–')), "{}: {nb}", line.id);
            }
        }
    }

    #[test]
    fn the_relatives_line_is_for_all_relatives_and_its_single_source_hours_are_marked() {
        let line = region(RegionId::Norway).lines.into_iter().find(|l| l.number == "800 40 567").unwrap();
        for word in ["foreldre", "partnere", "barn", "søsken", "venner"] {
            assert!(line.description.nb.contains(word), "{word}");
        }
        assert!(line.note.is_some(), "one source for the hours");
    }

    #[test]
    fn the_overdose_advice_is_with_the_medical_emergency_number() {
        let line = region(RegionId::Norway).lines.into_iter().find(|l| l.number == "113").unwrap();
        for word in ["overdose", "stabilt sideleie", "nalokson nesespray"] {
            assert!(line.description.nb.contains(word), "{word}");
        }
    }
}

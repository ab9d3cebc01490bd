//! Help lines, chosen by region and not by language: 116 123 is Mental Helse in Norway but the
//! Samaritans in the UK, and an English interface used in Norway must still show Norwegian numbers.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum RegionId {
    #[default]
    Norway,
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
    /// ISO date the number was last checked against a public source.
    pub last_verified: String,
    /// A caveat, e.g. that only one source confirms the number.
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

fn all() -> &'static HelplineFile {
    static CELL: OnceLock<HelplineFile> = OnceLock::new();
    CELL.get_or_init(|| {
        try_parse().unwrap_or_else(|err| {
            eprintln!("mestring: embedded help lines are broken: {err}");
            HelplineFile::default()
        })
    })
}

/// The region's lines; Norway's if the region is missing, so the overlay is never empty.
pub fn for_region(id: RegionId) -> Option<&'static Region> {
    let file = all();
    file.regions.iter().find(|r| r.id == id).or_else(|| file.regions.first())
}

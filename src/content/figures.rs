//! "What the figures say": the articles' tables of percentages, and the figures their running
//! text gives. The articles give them without sources that can be checked, so each table carries
//! a caption saying whose figures they are, the screen adds the caveat, and the numbers are kept
//! apart from the advice instead of being woven into it.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FigureTable {
    /// English kebab-case, the same in every language.
    pub id: String,
    pub title: String,
    /// Says that these are figures the article reports, not mestring's medical claims.
    pub caption: String,
    /// One name per series, e.g. `["Fullføring %", "Tilbakefall %"]`; a chart draws one bar each.
    pub columns: Vec<String>,
    pub rows: Vec<FigureRow>,
    /// Shown beside the chart where a figure could be read as advice (the LAR note beside
    /// "medical treatment only", detox as a start and not a treatment on its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FigureRow {
    /// English kebab-case, unique within its table.
    pub id: String,
    pub label: String,
    /// Percentages, one per column, in column order; every figure in the articles is 0-100.
    pub values: Vec<u8>,
    /// How the article gives the figure when it is not a percentage ("1 av 4"); the bar still
    /// has the value's length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
}

/// A figure from an article's running text, as the article gives it ("Artikkelen oppgir ...").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Claim {
    /// English kebab-case, the same in every language.
    pub id: String,
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct FiguresFile {
    pub tables: Vec<FigureTable>,
    /// The figures of the articles' running text, shown after the tables as one list.
    pub claims_title: String,
    pub claims_caption: String,
    pub claims: Vec<Claim>,
}

pub(super) fn per_lang() -> PerLang<FiguresFile> {
    PerLang::new(embed_per_lang!("figures.ron"))
}

/// All tables in one language, in the order they are shown.
pub fn all(content: &Content, lang: Lang) -> &[FigureTable] {
    &content.figures.get(lang, &content.packs).tables
}

/// The whole file: the tables and the running text's figures.
pub fn file(content: &Content, lang: Lang) -> &FiguresFile {
    content.figures.get(lang, &content.packs)
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<FiguresFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    const T: &str = "treatment-and-mental-health";
    const M: &str = "motivation-in-rehabilitation";

    type Expected = (&'static str, &'static str, &'static [(&'static str, &'static [u8])]);

    /// Every table with its article and rows, copied by hand from the articles.
    const TABLES: [Expected; 5] = [
        // 001, "Tilnærming / Fullføringsrate (%) / Tilbakefallsrate (%)".
        (
            "approaches",
            M,
            &[
                ("medical-only", &[35, 65]),
                ("cbt", &[50, 40]),
                ("motivational-therapy", &[65, 30]),
                ("holistic-rehab", &[75, 20]),
                ("self-help-groups", &[40, 50]),
                ("family-and-network", &[70, 25]),
                ("long-term-rehab", &[80, 15]),
                ("workplace-support", &[60, 35]),
                ("digital-support", &[55, 40]),
                ("combined-treatment", &[78, 18]),
            ],
        ),
        // 000, "Effektivitet av ulike livsmestring teknikker ved slutte med rus".
        (
            "coping-techniques",
            T,
            &[
                ("cbt", &[65]),
                ("mindfulness", &[55]),
                ("motivation-building", &[50]),
                ("stress-management", &[60]),
                ("group-therapy", &[45]),
                ("medical-detox", &[70]),
                ("family-therapy", &[40]),
                ("physical-activity", &[55]),
                ("nutrition", &[35]),
                ("work-and-social-inclusion", &[50]),
            ],
        ),
        // 001, "Slik kan pårørende påvirke rehabiliteringsresultatene".
        (
            "relatives-support",
            M,
            &[
                ("emotional-support", &[30]),
                ("practical-help", &[20]),
                ("boundaries-and-structure", &[25]),
                ("motivational-conversations", &[35]),
                ("relatives-groups", &[15]),
                ("aftercare", &[40]),
                ("physical-activity", &[10]),
                ("crisis-and-relapse-support", &[50]),
                ("mental-health-information", &[25]),
                ("openness-and-dialogue", &[30]),
            ],
        ),
        // 000, "Statistikk som utfordrer tradisjonelle oppfatninger": one table in the article, two
        // here, since it mixes shares of people with relative changes; "1 av 4" is a share.
        (
            "integrated-treatment-shares",
            T,
            &[
                ("better-mental-health", &[70]),
                ("continued-use", &[25]),
                ("stress-as-trigger", &[80]),
                ("lack-of-support", &[60]),
                ("motivation-and-quality-of-life", &[55]),
                ("medication-and-therapy", &[75]),
            ],
        ),
        (
            "integrated-treatment-changes",
            T,
            &[
                ("lower-relapse-risk", &[45]),
                ("better-relationships", &[30]),
                ("emotion-regulation", &[50]),
                ("less-anxiety", &[40]),
            ],
        ),
    ];

    fn files() -> [FiguresFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(all(&Content::new(None), lang).len(), TABLES.len(), "{}", lang.code());
        }
    }

    #[test]
    fn tables_and_rows_are_the_articles() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let ids: Vec<&str> = file.tables.iter().map(|t| t.id.as_str()).collect();
            let expected: Vec<&str> = TABLES.iter().map(|(id, _, _)| *id).collect();
            assert_eq!(ids, expected, "{lang}");
            for (table, (id, article, rows)) in file.tables.iter().zip(TABLES) {
                assert_eq!(table.source.article(), Some(article), "{lang}: {id}");
                let got: Vec<(&str, &[u8])> =
                    table.rows.iter().map(|r| (r.id.as_str(), r.values.as_slice())).collect();
                assert_eq!(got, rows, "{lang}: {id}");
                let unique: HashSet<&str> = table.rows.iter().map(|r| r.id.as_str()).collect();
                assert_eq!(unique.len(), table.rows.len(), "{lang}: duplicate row in {id}");
            }
        }
    }

    #[test]
    fn every_row_has_one_value_per_column() {
        for file in files() {
            for table in &file.tables {
                assert!(!table.columns.is_empty(), "{}", table.id);
                for row in &table.rows {
                    assert_eq!(row.values.len(), table.columns.len(), "{}/{}", table.id, row.id);
                    assert!(row.values.iter().all(|v| *v <= 100), "{}/{}", table.id, row.id);
                }
            }
        }
    }

    #[test]
    fn languages_agree_on_ids_values_and_sources() {
        let [nb, en] = files();
        for (a, b) in nb.tables.iter().zip(&en.tables) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.columns.len(), b.columns.len(), "{}", a.id);
            assert!(a.source.same_origin(&b.source), "{}", a.id);
            for (x, y) in a.rows.iter().zip(&b.rows) {
                assert_eq!((&x.id, &x.values), (&y.id, &y.values), "{}", a.id);
            }
        }
    }

    #[test]
    fn relatives_table_matches_the_relatives_section() {
        for lang in LANGS {
            let content = Content::new(None);
            let table = all(&content, lang).iter().find(|t| t.id == "relatives-support").unwrap();
            let kinds = &super::super::relatives::get(&content, lang).support_kinds;
            let rows: Vec<(&str, u8)> = table.rows.iter().map(|r| (r.id.as_str(), r.values[0])).collect();
            let kinds: Vec<(&str, u8)> =
                kinds.iter().map(|k| (k.id.as_str(), k.reported_improvement_pct)).collect();
            assert_eq!(rows, kinds, "{}", lang.code());
        }
    }

    #[test]
    fn captions_say_whose_figures_these_are() {
        let [nb, en] = files();
        for table in &nb.tables {
            assert!(table.caption.contains("Artikkelen oppgir"), "{}", table.id);
            assert!(table.caption.contains("ikke mestrings"), "{}", table.id);
        }
        for table in &en.tables {
            assert!(table.caption.contains("The article reports"), "{}", table.id);
            assert!(table.caption.contains("not medical claims by mestring"), "{}", table.id);
        }
    }

    /// "Bare medisinsk behandling: 65 % tilbakefall" must not read as advice against medication,
    /// nor "avrusning 70 %" as detox being a treatment on its own.
    #[test]
    fn medication_and_detox_figures_have_their_notes() {
        for (file, lar, start) in [(&files()[0], "LAR", "en start"), (&files()[1], "LAR", "a start")] {
            let note = |id: &str| file.tables.iter().find(|t| t.id == id).unwrap().notes.join(" ");
            let medical = note("approaches");
            assert!(
                medical.contains(lar) && (medical.contains("lege") || medical.contains("doctor")),
                "{medical}"
            );
            let detox = note("coping-techniques");
            assert!(detox.contains(start) && detox.contains("116 117"), "{detox}");
        }
    }

    /// "1 av 4" is a share of people: it is given as the article gives it, and it is not in a
    /// table of relative changes.
    #[test]
    fn one_in_four_is_shown_as_the_article_says_it_among_shares() {
        for (file, shown) in files().iter().zip(["1 av 4", "1 in 4"]) {
            let shares = file.tables.iter().find(|t| t.id == "integrated-treatment-shares").unwrap();
            let row = shares.rows.iter().find(|r| r.id == "continued-use").unwrap();
            assert_eq!(row.shown.as_deref(), Some(shown));
            assert!(
                row.label.contains("psykisk helse") || row.label.contains("mental health"),
                "{}",
                row.label
            );
            let changes = file.tables.iter().find(|t| t.id == "integrated-treatment-changes").unwrap();
            assert!(changes.rows.iter().all(|r| r.shown.is_none()));
        }
    }

    /// The eleven figures of the running text that are not in the FAQ answers, each given as
    /// the article's, in both languages.
    #[test]
    fn running_text_figures_are_listed_as_the_articles_claims() {
        const CLAIMS: [&str; 11] = [
            "co-occurring-over-half",
            "centres-report-twice-the-results",
            "holistic-support-first-months",
            "group-support-motivation",
            "study-68-versus-37",
            "keeping-motivation-is-hard",
            "completion-up-with-motivation",
            "co-occurring-in-rehabilitation",
            "relapse-when-only-substance-use-is-treated",
            "study-two-years-later",
            "family-and-friends-matter-most",
        ];
        let [nb, en] = files();
        for (file, reports) in [(&nb, "Artikkelen oppgir"), (&en, "The article reports")] {
            let ids: Vec<&str> = file.claims.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, CLAIMS);
            for claim in &file.claims {
                assert!(claim.text.starts_with(reports), "{}", claim.id);
                assert!(claim.text.chars().any(|c| c.is_ascii_digit()), "{}", claim.id);
            }
        }
        for (a, b) in nb.claims.iter().zip(&en.claims) {
            assert!(a.source.same_origin(&b.source), "{}", a.id);
        }
    }

    #[test]
    fn text_is_present_clean_and_person_first() {
        for (lang, file) in LANGS.iter().zip(files()) {
            crate::content::text_rules::assert_clean(lang.code(), &file);
        }
    }
}

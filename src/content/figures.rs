//! "What the figures say": the articles' tables of percentages. The articles give them without
//! sources that can be checked, so each table carries a caption saying whose figures they are,
//! and the numbers are kept apart from the advice instead of being woven into it.

use serde::{Deserialize, Serialize};

use super::{PerLang, Source, embed_per_lang};
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
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FigureRow {
    /// English kebab-case, unique within its table.
    pub id: String,
    pub label: String,
    /// Percentages, one per column, in column order; every figure in the articles is 0-100.
    pub values: Vec<u8>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct FiguresFile {
    pub tables: Vec<FigureTable>,
}

static FIGURES: PerLang<FiguresFile> = PerLang::new(embed_per_lang!("figures.ron"));

/// All tables in one language, in the order they are shown.
pub fn all(lang: Lang) -> &'static [FigureTable] {
    &FIGURES.get(lang).tables
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<FiguresFile, super::ContentError> {
    FIGURES.try_parse(lang)
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
    const TABLES: [Expected; 4] = [
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
        // 000, "Statistikk som utfordrer tradisjonelle oppfatninger" ("1 av 4" is 25).
        (
            "integrated-treatment-findings",
            T,
            &[
                ("better-mental-health", &[70]),
                ("lower-relapse-risk", &[45]),
                ("better-relationships", &[30]),
                ("continued-use", &[25]),
                ("stress-as-trigger", &[80]),
                ("lack-of-support", &[60]),
                ("emotion-regulation", &[50]),
                ("less-anxiety", &[40]),
                ("motivation-and-quality-of-life", &[55]),
                ("medication-and-therapy", &[75]),
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
            assert_eq!(all(lang).len(), TABLES.len(), "{}", lang.code());
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
            let table = all(lang).iter().find(|t| t.id == "relatives-support").unwrap();
            let kinds = &super::super::relatives::get(lang).support_kinds;
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
        for file in [&nb, &en] {
            let detox = file.tables.iter().find(|t| t.id == "coping-techniques").unwrap();
            assert!(detox.caption.contains("116 117"), "detox without a doctor");
        }
    }

    #[test]
    fn text_is_present_clean_and_person_first() {
        for (lang, file) in LANGS.iter().zip(files()) {
            crate::content::text_rules::assert_clean(lang.code(), &file);
        }
    }
}

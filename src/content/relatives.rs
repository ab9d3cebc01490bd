//! The section for relatives (pårørende), from article 001: how to support someone, a plan to
//! follow, and how not to burn out. The last part exists because relatives rarely ask for it, and
//! support that wears the helper out does not last.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

/// One piece of advice; the same shape serves the support steps, the plan and the burnout list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Step {
    /// English kebab-case, the same in every language; unique within its list.
    pub id: String,
    pub title: String,
    pub text: String,
    pub source: Source,
}

/// The article's "effect on motivation", kept as its three levels rather than a number, because
/// the article gives only words ("Middels", "Høy", "Ekstremt høy").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Effect {
    Medium,
    High,
    VeryHigh,
}

/// A row of the table "Slik kan pårørende påvirke rehabiliteringsresultatene".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct SupportKind {
    pub id: String,
    pub name: String,
    pub motivation_effect: Effect,
    /// What the article reports as the expected improvement, e.g. 30 for "+30 %". Shown as the
    /// article's figure, never as mestring's claim.
    pub reported_improvement_pct: u8,
    pub source: Source,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct RelativesFile {
    /// The article's seven steps for supporting someone well.
    pub support_steps: Vec<Step>,
    /// The article's step-by-step plan for relatives during rehabilitation.
    pub plan_steps: Vec<Step>,
    /// How relatives can avoid burning out.
    pub burnout: Vec<Step>,
    pub support_kinds: Vec<SupportKind>,
    /// Ids of FAQ items (in `faq.ron`) written for relatives, linked from the relatives' screen.
    #[serde(default)]
    pub faq_ids: Vec<String>,
}

pub(super) fn per_lang() -> PerLang<RelativesFile> {
    PerLang::new(embed_per_lang!("relatives.ron"))
}

/// The whole relatives' section in one language; its parts are shown together on one screen.
pub fn get(content: &Content, lang: Lang) -> &RelativesFile {
    content.relatives.get(lang, &content.packs)
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<RelativesFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    /// Article 001, "7 viktige steg for å støtte rusavhengige på en effektiv måte".
    const SUPPORT_STEPS: [&str; 7] = [
        "open-conversations",
        "learn",
        "mental-health",
        "patience",
        "encourage-help",
        "support-for-yourself",
        "boundaries",
    ];
    /// Article 001, the relatives' "steg-for-steg-plan".
    const PLAN_STEPS: [&str; 7] = [
        "understand-situation",
        "find-treatment",
        "be-reliable",
        "encourage-follow-up",
        "keep-in-touch",
        "small-goals",
        "credit-yourself",
    ];
    const BURNOUT: [&str; 7] =
        ["limits", "relatives-groups", "breaks", "self-care", "not-alone", "respite", "relatives-helpline"];
    /// Article 001, "Slik kan pårørende påvirke rehabiliteringsresultatene", with the article's
    /// effect level and reported improvement.
    const SUPPORT_KINDS: [(&str, Effect, u8); 10] = [
        ("emotional-support", Effect::High, 30),
        ("practical-help", Effect::Medium, 20),
        ("boundaries-and-structure", Effect::High, 25),
        ("motivational-conversations", Effect::High, 35),
        ("relatives-groups", Effect::Medium, 15),
        ("aftercare", Effect::High, 40),
        ("physical-activity", Effect::Medium, 10),
        ("crisis-and-relapse-support", Effect::VeryHigh, 50),
        ("mental-health-information", Effect::High, 25),
        ("openness-and-dialogue", Effect::High, 30),
    ];

    fn files() -> [RelativesFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    fn step_ids(steps: &[Step]) -> Vec<&str> {
        steps.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(
                get(&Content::new(None), lang).support_kinds.len(),
                SUPPORT_KINDS.len(),
                "{}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_expected_id_is_present_unique_and_in_order() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let lists = [
                ("support_steps", step_ids(&file.support_steps), &SUPPORT_STEPS[..]),
                ("plan_steps", step_ids(&file.plan_steps), &PLAN_STEPS[..]),
                ("burnout", step_ids(&file.burnout), &BURNOUT[..]),
            ];
            for (name, ids, expected) in lists {
                let unique: HashSet<&str> = ids.iter().copied().collect();
                assert_eq!(unique.len(), ids.len(), "{lang}: duplicate id in {name}");
                assert_eq!(ids, expected, "{lang}: {name}");
            }
            let kinds: Vec<&str> = file.support_kinds.iter().map(|k| k.id.as_str()).collect();
            let expected: Vec<&str> = SUPPORT_KINDS.iter().map(|(id, _, _)| *id).collect();
            assert_eq!(kinds, expected, "{lang}: support_kinds");
        }
    }

    #[test]
    fn support_kinds_carry_the_articles_figures() {
        for file in files() {
            for (kind, (id, effect, pct)) in file.support_kinds.iter().zip(SUPPORT_KINDS) {
                assert_eq!(kind.id, id);
                assert_eq!(kind.motivation_effect, effect, "{id}");
                assert_eq!(kind.reported_improvement_pct, pct, "{id}");
            }
        }
    }

    #[test]
    fn languages_agree_on_everything_but_the_words() {
        let [nb, en] = files();
        let pairs = [
            (&nb.support_steps, &en.support_steps),
            (&nb.plan_steps, &en.plan_steps),
            (&nb.burnout, &en.burnout),
        ];
        for (a, b) in pairs {
            assert_eq!(step_ids(a), step_ids(b));
            for (x, y) in a.iter().zip(b) {
                assert!(x.source.same_origin(&y.source), "{}", x.id);
            }
        }
        for (x, y) in nb.support_kinds.iter().zip(&en.support_kinds) {
            assert_eq!(x.id, y.id);
            assert_eq!(x.motivation_effect, y.motivation_effect, "{}", x.id);
            assert_eq!(x.reported_improvement_pct, y.reported_improvement_pct, "{}", x.id);
            assert!(x.source.same_origin(&y.source), "{}", x.id);
        }
        assert_eq!(nb.faq_ids, en.faq_ids);
    }

    #[test]
    fn the_relatives_helpline_is_named_with_its_number() {
        for file in files() {
            let line = file.burnout.iter().find(|s| s.id == "relatives-helpline").unwrap();
            assert!(line.text.contains("800 40 567"));
            assert!(line.text.contains("Pårørendetelefonen"));
        }
    }

    #[test]
    fn text_is_present_clean_and_person_first() {
        for (lang, file) in LANGS.iter().zip(files()) {
            crate::content::text_rules::assert_clean(lang.code(), &file);
        }
    }
}

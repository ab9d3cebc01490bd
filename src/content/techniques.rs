//! The techniques library: every technique and tip the articles name, so a person can find one
//! that fits the moment (a craving, stress, a low day) and see concrete steps instead of advice.
//!
//! Near-duplicates across the articles' lists are merged into one item (the source names the list
//! it was kept under), so the library never shows the same advice twice under two names.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

/// Which of the articles' lists a technique comes from; the screen groups by it because each list
/// answers a different question (what works, how to quit, how to live, how to keep going, what
/// to avoid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum TechniqueGroup {
    /// The methods in article 000's effectiveness table; each carries the figure it reports.
    Method,
    /// Article 000's step-by-step ways to quit.
    QuitStep,
    /// Article 000's practical habits for a substance-free everyday life.
    EverydayTip,
    /// Article 001's motivation tips.
    MotivationTip,
    /// Article 000's common mistakes, each with how to avoid it.
    Mistake,
}

impl TechniqueGroup {
    pub const ALL: [TechniqueGroup; 5] = [
        TechniqueGroup::Method,
        TechniqueGroup::QuitStep,
        TechniqueGroup::EverydayTip,
        TechniqueGroup::MotivationTip,
        TechniqueGroup::Mistake,
    ];
}

/// What a person is struggling with right now; lets the screen (and a check-in) suggest
/// techniques for the moment instead of by article structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Tag {
    Craving,
    Stress,
    Anxiety,
    LowMood,
    Sleep,
    Loneliness,
    Relapse,
    Motivation,
}

impl Tag {
    pub const ALL: [Tag; 8] = [
        Tag::Craving,
        Tag::Stress,
        Tag::Anxiety,
        Tag::LowMood,
        Tag::Sleep,
        Tag::Loneliness,
        Tag::Relapse,
        Tag::Motivation,
    ];
}

/// A figure from an article. The articles cite no studies for them, so the text always says
/// the article reports it; mestring never states the figure as its own claim.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reported {
    /// Short, for a column: "65 %".
    pub value: String,
    /// The full sentence, attributed: "Artikkelen oppgir 65 % ...".
    pub text: String,
}

/// Unknown fields are refused so that a misspelt optional field (`exercize:`) fails the content
/// tests instead of silently becoming `None`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    /// English kebab-case, the same in every language.
    pub id: String,
    pub group: TechniqueGroup,
    pub name: String,
    /// One or two sentences: what it is and why it can help.
    pub summary: String,
    /// Two to five things to do, in the imperative, small enough to start today.
    pub steps: Vec<String>,
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Reported>,
    /// Id of an exercise in `exercises.ron` to practise this right away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
    pub source: Source,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct TechniqueFile {
    pub items: Vec<Technique>,
}

pub(super) fn per_lang() -> PerLang<TechniqueFile> {
    PerLang::with_packs(embed_per_lang!("techniques.ron"), |base, pack, file, text, packs| {
        super::packs::merge_items(&mut base.items, pack.items, file, text, packs)
    })
}

impl super::packs::Item for Technique {
    fn id(&self) -> &str {
        &self.id
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.name, &self.summary]
    }
}

/// All techniques in one language, in file order (grouped, each group in the articles' order).
pub fn all(content: &Content, lang: Lang) -> &[Technique] {
    &content.techniques.get(lang, &content.packs).items
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<TechniqueFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    /// Article 000, "Tabell: Effektivitet av ulike livsmestring teknikker ved slutte med rus",
    /// with the figure the article reports for each. Absorbs the quit step "avrusning" and the
    /// everyday tips on food and exercise, which say the same as their table rows.
    const METHODS: [(&str, &str); 10] = [
        ("cognitive-behavioural-therapy", "65"),
        ("mindfulness", "55"),
        ("motivation-building", "50"),
        ("stress-management", "60"),
        ("group-therapy", "45"),
        ("detox", "70"),
        ("family-therapy", "40"),
        ("physical-activity", "55"),
        ("nutrition", "35"),
        ("work-and-social-inclusion", "50"),
    ];
    /// Article 000's seven key steps ("Erkjennelse" ... "Feiring") merged with its practical list
    /// ("Kartlegg dine triggere" ...): triggers join learning coping techniques, the support
    /// person joins the support network, small goals join the plan and their rewards the
    /// celebration, and detox is the `detox` method. Article 000's lists of what good help holds
    /// ("Hva består effektiv rusavhengighet hjelp av?", "Hvordan gi og motta støtte ...") are
    /// spread over the library: a structured plan to cut down gradually joins the plan, a safe and
    /// substance-free home and social life joins the triggers, and balancing work, family and
    /// social life joins work training.
    const QUIT_STEPS: [&str; 9] = [
        "acknowledge-the-problem",
        "make-a-plan",
        "build-a-support-network",
        "map-your-triggers",
        "keep-a-feelings-diary",
        "breathe-through-the-urge",
        "get-professional-help",
        "follow-up-and-adjust",
        "celebrate-progress",
    ];
    /// Article 000, "Tips til en rusfri livsstil som faktisk virker – 7 praktiske grep", without
    /// food and exercise (see `METHODS`); meaningful activities absorb the practical list's
    /// "alternative aktiviteter".
    const EVERYDAY_TIPS: [&str; 5] = [
        "daily-routines",
        "drink-enough-water",
        "daily-relaxation",
        "plan-meaningful-activities",
        "call-your-support",
    ];
    /// Article 001, "7 konkrete motivasjonstips ved rusavhengighet som faktisk virker".
    const MOTIVATION_TIPS: [&str; 7] = [
        "set-short-clear-goals",
        "find-your-people",
        "track-your-progress",
        "care-for-your-mental-health",
        "reward-small-wins",
        "talk-about-obstacles",
        "learn-how-addiction-works",
    ];
    /// Article 000, "De verste feilene folk gjør – og hvordan du kan unngå dem".
    const MISTAKES: [&str; 7] = [
        "seeing-a-slip-as-defeat",
        "doing-it-all-alone",
        "ignoring-mental-health",
        "demanding-too-much",
        "skipping-structure",
        "not-seeking-help",
        "not-giving-it-time",
    ];
    /// The exercises techniques may point to, by agreement with `exercises.ron`.
    const EXERCISES: [(&str, &str); 4] = [
        ("mindfulness", "urge-surfing"),
        ("stress-management", "box"),
        ("breathe-through-the-urge", "calm-4-6"),
        ("daily-relaxation", "calm-4-6"),
    ];
    /// Words that label people by their illness; the content speaks of people, not of "addicts".
    /// Whole words only, so "addiction" and "rusavhengighet" stay allowed.
    fn labels_people(text: &str) -> Option<&str> {
        const STEMS: [&str; 4] = ["rusmisbruker", "misbruker", "narkoman", "rusavhengige"];
        const WORDS: [&str; 4] = ["addict", "addicts", "junkie", "junkies"];
        text.split(|c: char| !c.is_alphanumeric()).find(|word| {
            let word = word.to_lowercase();
            STEMS.iter().any(|stem| word.starts_with(stem)) || WORDS.contains(&word.as_str())
        })
    }

    fn files() -> [TechniqueFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    fn expected() -> Vec<(TechniqueGroup, &'static str)> {
        let groups: [(TechniqueGroup, &[&str]); 4] = [
            (TechniqueGroup::QuitStep, &QUIT_STEPS),
            (TechniqueGroup::EverydayTip, &EVERYDAY_TIPS),
            (TechniqueGroup::MotivationTip, &MOTIVATION_TIPS),
            (TechniqueGroup::Mistake, &MISTAKES),
        ];
        let methods = METHODS.iter().map(|(id, _)| (TechniqueGroup::Method, *id));
        methods
            .chain(groups.into_iter().flat_map(|(group, ids)| ids.iter().map(move |id| (group, *id))))
            .collect()
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            let file = try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(all(&Content::new(None), lang).len(), file.items.len(), "{}", lang.code());
        }
    }

    #[test]
    fn ids_are_unique() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let mut seen = HashSet::new();
            for item in &file.items {
                assert!(seen.insert(&item.id), "{}: duplicate id {}", lang.code(), item.id);
            }
        }
    }

    #[test]
    fn every_expected_id_is_present_in_its_group_and_order() {
        let expected = expected();
        for (lang, file) in LANGS.iter().zip(files()) {
            let actual: Vec<(TechniqueGroup, &str)> =
                file.items.iter().map(|t| (t.group, t.id.as_str())).collect();
            assert_eq!(actual, expected, "{}", lang.code());
        }
    }

    #[test]
    fn languages_agree_on_everything_but_the_words() {
        let [nb, en] = files();
        assert_eq!(nb.items.len(), en.items.len());
        for (a, b) in nb.items.iter().zip(&en.items) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.group, b.group, "{}", a.id);
            assert_eq!(a.tags, b.tags, "{}", a.id);
            assert_eq!(a.exercise, b.exercise, "{}", a.id);
            assert!(a.source.same_origin(&b.source), "{}", a.id);
            assert_eq!(a.steps.len(), b.steps.len(), "{}", a.id);
            assert_eq!(a.reported.is_some(), b.reported.is_some(), "{}", a.id);
        }
    }

    #[test]
    fn no_string_is_empty_or_stigmatising() {
        for (lang, file) in LANGS.iter().zip(files()) {
            crate::content::text_rules::assert_clean(lang.code(), &file);
            for (path, text) in crate::content::text_rules::strings(&file) {
                let lang = lang.code();
                assert!(!text.trim().is_empty(), "{lang}: empty string at {path}");
                assert_eq!(text.trim(), text, "{lang}: stray whitespace at {path}");
                // Sections quote the article's headings verbatim, whatever words they use.
                if !path.contains(".source.") {
                    let word = labels_people(&text);
                    assert!(word.is_none(), "{lang}: {path} says {word:?}: {text}");
                }
                assert!(
                    !text.chars().any(|c| c as u32 >= 0x1F000 || ('\u{2600}'..='\u{27BF}').contains(&c)),
                    "{lang}: emoji at {path}"
                );
            }
        }
    }

    #[test]
    fn shapes_are_as_the_screen_expects() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            for t in &file.items {
                assert!((2..=5).contains(&t.steps.len()), "{lang}: {} has {} steps", t.id, t.steps.len());
                assert!(!t.tags.is_empty(), "{lang}: {} has no tags", t.id);
                let unique: HashSet<_> = t.tags.iter().collect();
                assert_eq!(unique.len(), t.tags.len(), "{lang}: {} repeats a tag", t.id);
            }
            let used: HashSet<Tag> = file.items.iter().flat_map(|t| t.tags.iter().copied()).collect();
            for tag in Tag::ALL {
                assert!(used.contains(&tag), "{lang}: no technique for {tag:?}");
            }
            for group in TechniqueGroup::ALL {
                assert!(file.items.iter().any(|t| t.group == group), "{lang}: {group:?} empty");
            }
        }
    }

    #[test]
    fn figures_are_the_articles_and_attributed_to_it() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let attribution = match lang {
                "nb" => "Artikkelen oppgir",
                _ => "The article reports",
            };
            for t in &file.items {
                let figure = METHODS.iter().find(|(id, _)| *id == t.id).map(|(_, pct)| *pct);
                match (figure, &t.reported) {
                    (Some(pct), Some(r)) => {
                        assert!(r.value.starts_with(pct), "{lang}: {} value {}", t.id, r.value);
                        assert!(r.text.starts_with(attribution), "{lang}: {} not attributed", t.id);
                        assert!(r.text.contains(&r.value), "{lang}: {} text lacks value", t.id);
                    }
                    (None, None) => {}
                    _ => panic!("{lang}: {} has a figure only methods may have", t.id),
                }
            }
        }
    }

    #[test]
    fn exercises_are_the_agreed_ones() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let linked: Vec<(&str, &str)> =
                file.items.iter().filter_map(|t| t.exercise.as_deref().map(|e| (t.id.as_str(), e))).collect();
            assert_eq!(linked, EXERCISES, "{}", lang.code());
        }
    }

    /// Stopping alcohol, benzodiazepines or opioids suddenly can be dangerous: the detox item
    /// must say so and name where to get a doctor.
    /// Article 000's lists of what good help holds, in the techniques they joined.
    #[test]
    fn the_help_lists_items_are_in_the_techniques_they_joined() {
        let expected = [
            ("make-a-plan", ["gradvis", "gradually"]),
            ("map-your-triggers", ["hjemmet rusfritt", "home free of substances"]),
            ("work-and-social-inclusion", ["balansen mellom jobb, familie", "balance between work, family"]),
        ];
        for (i, file) in [Lang::Nb, Lang::En].into_iter().map(|l| try_parse(l).unwrap()).enumerate() {
            for (id, words) in expected {
                let t = file.items.iter().find(|t| t.id == id).unwrap();
                assert!(t.steps.iter().any(|s| s.contains(words[i])), "{id}: {}", words[i]);
            }
        }
    }

    #[test]
    fn detox_says_withdrawal_needs_a_doctor() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let detox = file.items.iter().find(|t| t.id == "detox").expect("detox");
            let text = format!("{} {}", detox.summary, detox.steps.join(" "));
            for needle in ["alkohol", "benzodiazepin", "opioid", "116 117"] {
                let needle = if *lang == Lang::En && needle == "alkohol" { "alcohol" } else { needle };
                assert!(text.contains(needle), "{}: detox lacks {needle:?}", lang.code());
            }
            let doctor = if *lang == Lang::Nb { ["lege", "fastlege"] } else { ["doctor", "GP"] };
            assert!(doctor.iter().all(|d| text.contains(d)), "{}: detox lacks a doctor", lang.code());
        }
    }
}

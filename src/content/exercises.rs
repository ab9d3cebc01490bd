//! Breathing patterns and short mindfulness exercises, for the moments the articles point to:
//! craving, panic and stress. The articles name deep breathing and mindfulness as ways to break
//! an impulse; the exercises themselves are common practice, written in our own words.

use serde::{Deserialize, Serialize};

use super::{Content, PerLang, Source, embed_per_lang};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum BreathKind {
    In,
    Hold,
    Out,
}

/// One segment of a breathing cycle. Two `In` steps in a row are meant: the physiological sigh
/// takes a second, short breath on top of the first.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct BreathStep {
    pub kind: BreathKind,
    /// Fractional, because resonance breathing is 5.5 s each way.
    pub seconds: f32,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct BreathingPattern {
    /// English kebab-case, the same in every language; stored in settings as the chosen pattern.
    pub id: String,
    pub name: String,
    /// What it is and when it helps, in two or three sentences.
    pub summary: String,
    /// One cycle, repeated for the length of the session.
    pub steps: Vec<BreathStep>,
    /// How long a session lasts unless the person chooses otherwise.
    pub default_minutes: u16,
}

impl BreathingPattern {
    /// Length of one cycle; a session's schedule is built from it.
    pub fn cycle_seconds(&self) -> f32 {
        self.steps.iter().map(|s| s.seconds).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct MindStep {
    pub title: String,
    pub text: String,
    /// How long to stay with this step before the next is shown.
    pub seconds: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Mindfulness {
    /// English kebab-case, the same in every language.
    pub id: String,
    pub name: String,
    /// When it helps (craving, panic, stress), so a person can pick one in the moment.
    pub summary: String,
    pub steps: Vec<MindStep>,
    pub source: Source,
}

impl Mindfulness {
    pub fn total_seconds(&self) -> u32 {
        self.steps.iter().map(|s| u32::from(s.seconds)).sum()
    }
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ExercisesFile {
    /// `default` so a content pack may bring only one of the two lists.
    #[serde(default)]
    pub breathing: Vec<BreathingPattern>,
    #[serde(default)]
    pub mindfulness: Vec<Mindfulness>,
}

pub(super) fn per_lang() -> PerLang<ExercisesFile> {
    PerLang::with_packs(embed_per_lang!("exercises.ron"), |base, pack, file, text, packs| {
        super::packs::merge_items(&mut base.breathing, pack.breathing, file, text, packs);
        super::packs::merge_items(&mut base.mindfulness, pack.mindfulness, file, text, packs);
    })
}

impl super::packs::Item for BreathingPattern {
    fn id(&self) -> &str {
        &self.id
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.name, &self.summary]
    }
    fn problem(&self) -> Option<String> {
        let sane = |s: f32| s.is_finite() && (0.0..=600.0).contains(&s);
        (!self.steps.iter().all(|s| sane(s.seconds)) || self.cycle_seconds() <= 0.0)
            .then(|| "every step needs 0 to 600 seconds, and the cycle more than 0".to_owned())
    }
}

impl super::packs::Item for Mindfulness {
    fn id(&self) -> &str {
        &self.id
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.name, &self.summary]
    }
    fn problem(&self) -> Option<String> {
        self.steps.is_empty().then(|| "an exercise needs at least one step".to_owned())
    }
}

/// All breathing patterns in one language, in the order they are offered.
pub fn breathing(content: &Content, lang: Lang) -> &[BreathingPattern] {
    &content.exercises.get(lang, &content.packs).breathing
}

/// A pattern by id, e.g. the one saved in settings; `None` if a newer version dropped it.
pub fn find_breathing<'a>(content: &'a Content, lang: Lang, id: &str) -> Option<&'a BreathingPattern> {
    breathing(content, lang).iter().find(|p| p.id == id)
}

/// All mindfulness exercises in one language, in the order they are offered.
pub fn mindfulness(content: &Content, lang: Lang) -> &[Mindfulness] {
    &content.exercises.get(lang, &content.packs).mindfulness
}

#[cfg(test)]
pub(crate) fn try_parse(lang: Lang) -> Result<ExercisesFile, super::ContentError> {
    per_lang().try_parse(lang)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::BreathKind::{Hold, In, Out};
    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nb, Lang::En];
    /// Every breathing pattern and its cycle.
    const BREATHING: [(&str, &[(BreathKind, f32)]); 5] = [
        ("box", &[(In, 4.0), (Hold, 4.0), (Out, 4.0), (Hold, 4.0)]),
        ("4-7-8", &[(In, 4.0), (Hold, 7.0), (Out, 8.0)]),
        ("resonance", &[(In, 5.5), (Out, 5.5)]),
        ("physiological-sigh", &[(In, 2.0), (In, 1.0), (Out, 6.0)]),
        ("calm-4-6", &[(In, 4.0), (Out, 6.0)]),
    ];
    /// Every mindfulness exercise with the range its total length must fall in, in seconds.
    const MINDFULNESS: [(&str, std::ops::RangeInclusive<u32>); 4] = [
        ("urge-surfing", 600..=900),
        ("grounding-54321", 120..=360),
        ("body-scan", 240..=360),
        ("stop", 90..=150),
    ];

    fn files() -> [ExercisesFile; 2] {
        LANGS.map(|lang| try_parse(lang).unwrap_or_else(|err| panic!("{err}")))
    }

    #[test]
    fn both_languages_parse() {
        for lang in LANGS {
            try_parse(lang).unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(breathing(&Content::new(None), lang).len(), BREATHING.len(), "{}", lang.code());
            assert_eq!(mindfulness(&Content::new(None), lang).len(), MINDFULNESS.len(), "{}", lang.code());
            assert!(find_breathing(&Content::new(None), lang, "calm-4-6").is_some());
        }
    }

    #[test]
    fn every_expected_id_is_present_unique_and_in_order() {
        for (lang, file) in LANGS.iter().zip(files()) {
            let lang = lang.code();
            let breath: Vec<&str> = file.breathing.iter().map(|p| p.id.as_str()).collect();
            let mind: Vec<&str> = file.mindfulness.iter().map(|m| m.id.as_str()).collect();
            for ids in [&breath, &mind] {
                let unique: HashSet<&str> = ids.iter().copied().collect();
                assert_eq!(unique.len(), ids.len(), "{lang}: duplicate id");
            }
            assert_eq!(breath, BREATHING.map(|(id, _)| id), "{lang}");
            assert_eq!(mind, MINDFULNESS.map(|(id, _)| id), "{lang}");
        }
    }

    #[test]
    fn breathing_cycles_are_the_intended_ones() {
        for file in files() {
            for (pattern, (id, cycle)) in file.breathing.iter().zip(BREATHING) {
                let got: Vec<(BreathKind, f32)> = pattern.steps.iter().map(|s| (s.kind, s.seconds)).collect();
                assert_eq!(got, cycle, "{id}");
                assert!(pattern.cycle_seconds() > 0.0, "{id}");
                assert!(pattern.steps.iter().all(|s| s.seconds.is_finite() && s.seconds > 0.0), "{id}");
                assert!(pattern.default_minutes > 0, "{id}");
            }
        }
    }

    #[test]
    fn mindfulness_lengths_fit_their_purpose() {
        for file in files() {
            for (exercise, (id, range)) in file.mindfulness.iter().zip(MINDFULNESS) {
                assert!(range.contains(&exercise.total_seconds()), "{id}");
                assert!(exercise.steps.iter().all(|s| s.seconds > 0), "{id}");
            }
            let grounding = file.mindfulness.iter().find(|m| m.id == "grounding-54321").unwrap();
            let counts: Vec<&str> = grounding.steps.iter().take(5).map(|s| &s.title[..1]).collect();
            assert_eq!(counts, ["5", "4", "3", "2", "1"]);
        }
    }

    #[test]
    fn languages_agree_on_every_number() {
        let [nb, en] = files();
        for (a, b) in nb.breathing.iter().zip(&en.breathing) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.steps, b.steps, "{}", a.id);
            assert_eq!(a.default_minutes, b.default_minutes, "{}", a.id);
        }
        for (a, b) in nb.mindfulness.iter().zip(&en.mindfulness) {
            assert_eq!(a.id, b.id);
            let seconds = |m: &Mindfulness| m.steps.iter().map(|s| s.seconds).collect::<Vec<_>>();
            assert_eq!(seconds(a), seconds(b), "{}", a.id);
            assert!(a.source.same_origin(&b.source), "{}", a.id);
        }
    }

    #[test]
    fn text_is_present_clean_and_person_first() {
        for (lang, file) in LANGS.iter().zip(files()) {
            crate::content::text_rules::assert_clean(lang.code(), &file);
        }
    }

    /// The articles name mindfulness and breathing but hold none of these exercises, so each is
    /// cited as mestring's own with the practice it comes from.
    #[test]
    fn guided_exercises_are_cited_as_mestrings_own_with_their_basis() {
        for file in files() {
            for exercise in &file.mindfulness {
                let basis = match &exercise.source {
                    super::super::Source::Own { basis } => basis.as_deref(),
                    other => panic!("{}: {other:?}", exercise.id),
                };
                assert!(basis.is_some_and(|b| !b.trim().is_empty()), "{}", exercise.id);
            }
        }
    }
}

//! Languages and the user-interface strings.
//!
//! Each language is one `const Strings`: a string missing in one language is a compile error,
//! not a blank on screen. Content (FAQ, techniques, ...) lives in RON under `data/`, not here.

mod breathe;
mod checkin;
mod cli;
mod goals;
mod learn;
mod plain;
mod plan;
mod review;
mod settings;
mod sober;
mod sync;
mod urges;

pub use breathe::BreatheText;
pub use checkin::CheckinText;
pub use cli::CliText;
pub use goals::GoalsText;
pub use learn::LearnText;
pub use plain::PlainText;
pub use plan::{HomeText, PlanText};
pub use review::{ReviewText, WelcomeText};
pub use settings::SettingsText;
pub use sober::SoberText;
pub use sync::SyncText;
pub use urges::UrgeText;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Norwegian bokmål, the primary language.
    #[default]
    Nb = 0,
    En = 1,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nb, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// Reads a language tag the way users write it: `nb`, `no_NO.UTF-8`, `en_GB`, `nn`.
    /// Nynorsk and plain "no" get bokmål, the closest language we ship.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let prefix = lower.get(..2)?;
        match prefix {
            "nb" | "nn" | "no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language from an explicit choice (flag or `MESTRING_LANG`), else from `LANG`,
    /// else bokmål.
    pub fn resolve(explicit: Option<&str>, lang_env: Option<&str>) -> Lang {
        explicit.and_then(Lang::from_tag).or_else(|| lang_env.and_then(Lang::from_tag)).unwrap_or_default()
    }

    /// A number with one decimal the way the language writes it: "3,5" in Norwegian, "3.5"
    /// in English.
    pub fn decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        if self == Lang::Nb { text.replace('.', ",") } else { text }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nb => &NB,
            Lang::En => &EN,
        }
    }
}

/// Every piece of interface text. Grouped by where it shows; action descriptions for the help
/// overlay and the footer live in [`ActionText`].
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Strings {
    pub app_name: &'static str,
    pub tab_faq: &'static str,
    /// The tab bar's groups: today, goals, tools, knowledge (see `ui::Group`).
    pub groups: [&'static str; 4],
    pub too_small: &'static str,
    pub search_prompt: &'static str,
    pub search_hint: &'static str,
    pub no_matches: &'static str,
    /// On the command line; "{}": the words searched for.
    pub no_matches_for: &'static str,
    pub matches: &'static str,
    pub faq_select_hint: &'static str,
    pub topic_treatment: &'static str,
    pub topic_quitting: &'static str,
    pub topic_motivation: &'static str,
    pub topic_relatives: &'static str,
    pub source: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub crisis_title: &'static str,
    pub crisis_intro: &'static str,
    pub crisis_not_treatment: &'static str,
    pub crisis_emergency: &'static str,
    pub crisis_verified: &'static str,
    pub crisis_checked_on: &'static str,
    pub content_problem: &'static str,
    pub settings_problem: &'static str,
    pub crisis_close: &'static str,
    /// The check-in, the history, the store's messages and the check-in commands.
    pub checkin: CheckinText,
    pub settings: SettingsText,
    /// The command line's help and errors.
    pub cli: &'static CliText,
    pub tab_techniques: &'static str,
    pub tab_learn: &'static str,
    pub learn: LearnText,
    /// Goals and habits, shared form words, dates in words, the status line.
    pub goals: GoalsText,
    pub tab_breathe: &'static str,
    pub breathe: &'static BreatheText,
    pub sober: SoberText,
    pub sync: SyncText,
    pub plan: PlanText,
    pub home: HomeText,
    /// The craving log, the reminder and the diary import.
    pub urges: UrgeText,
    /// The weekly review, the welcome, I dag's first lines, what a counter saved.
    pub review: ReviewText,
    /// The plain mode, for screen readers.
    pub plain: PlainText,
    pub actions: ActionText,
}

/// One short description per user-facing action, as the help overlay and footer show them.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ActionText {
    pub quit: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub top: &'static str,
    pub bottom: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub next_tab: &'static str,
    pub prev_tab: &'static str,
    pub go_tab: &'static str,
    pub show_settings: &'static str,
    pub undo: &'static str,
    pub search: &'static str,
    pub open: &'static str,
    pub back: &'static str,
    pub help: &'static str,
    pub crisis: &'static str,
    pub hide: &'static str,
    pub decrease: &'static str,
    pub increase: &'static str,
    pub toggle: &'static str,
    pub save: &'static str,
    pub keep_unsaved: &'static str,
    pub next_view: &'static str,
    pub prev_view: &'static str,
    pub edit: &'static str,
    pub toggle_favourite: &'static str,
    pub next_filter: &'static str,
    pub prev_filter: &'static str,
    pub practise: &'static str,
    pub answer_myth: &'static str,
    pub answer_fact: &'static str,
    pub continue_: &'static str,
    pub new_round: &'static str,
    pub review_mistakes: &'static str,
    pub mark_phase: &'static str,
    pub next_section: &'static str,
    pub prev_section: &'static str,
    pub mark_used: &'static str,
    pub pause: &'static str,
    pub next_step: &'static str,
    pub longer: &'static str,
    pub shorter: &'static str,
    pub switch_unit: &'static str,
    pub new_item: &'static str,
    pub delete: &'static str,
    pub complete: &'static str,
    pub plan_skip: &'static str,
    pub record_slip: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub log_urge: &'static str,
}

pub const NB: Strings = Strings {
    app_name: "mestring",
    tab_faq: "Spørsmål og svar",
    groups: ["I dag", "Mål", "Verktøy", "Kunnskap"],
    too_small: "Gjør vinduet større",
    search_prompt: "Søk: ",
    search_hint: "skriv for å søke, Enter for å bla i treffene, Esc for å avbryte",
    no_matches: "Ingen treff. Prøv et annet ord, eller trykk Esc.",
    no_matches_for: "Ingen treff på «{}». Prøv et annet ord, eller ingen ord for å se alt.",
    matches: "treff",
    faq_select_hint: "Velg et spørsmål i listen.",
    topic_treatment: "Behandling og psykisk helse",
    topic_quitting: "Å slutte, steg for steg",
    topic_motivation: "Motivasjon",
    topic_relatives: "For pårørende",
    source: "Kilde",
    help_title: "Taster",
    help_close: "Esc eller ? lukker",
    crisis_title: "Trenger du hjelp nå?",
    crisis_intro: "Du kan ringe eller skrive til noen med én gang. Det er ingen skam i å ta kontakt.",
    crisis_not_treatment: "mestring er en følgesvenn, ikke behandling, og erstatter ikke profesjonell hjelp.",
    crisis_emergency: "Er livet i fare: ring 113.",
    crisis_verified: "sjekket",
    crisis_checked_on: "Numrene ble sist sjekket",
    content_problem: "Feil i innholdsfil",
    settings_problem: "Feil i innstillingene",
    crisis_close: "Esc lukker",
    checkin: checkin::NB,
    settings: settings::NB,
    cli: &cli::NB,
    tab_techniques: "Teknikker",
    tab_learn: "Kunnskap",
    learn: learn::NB,
    goals: goals::NB,
    tab_breathe: "Pust",
    breathe: &breathe::NB,
    sober: sober::NB,
    sync: sync::NB,
    plan: plan::NB,
    home: plan::HOME_NB,
    urges: urges::NB,
    review: review::NB,
    plain: plain::NB,
    actions: ActionText {
        quit: "avslutt",
        up: "opp",
        down: "ned",
        top: "til toppen",
        bottom: "til bunnen",
        page_up: "side opp",
        page_down: "side ned",
        next_tab: "neste skjerm",
        prev_tab: "forrige skjerm",
        go_tab: "gå til skjerm 1-9, 0 er den tiende",
        show_settings: "innstillinger",
        undo: "angre det du nettopp gjorde (når meldingen sier det)",
        search: "søk",
        open: "åpne",
        back: "tilbake",
        help: "hjelp",
        crisis: "krisehjelp",
        hide: "skjul skjermen straks (en tast viser den igjen)",
        decrease: "mindre / forrige",
        increase: "mer / neste",
        toggle: "kryss av",
        save: "lagre",
        keep_unsaved: "ta vare på innsjekken i en fil og avslutt",
        next_view: "neste visning",
        prev_view: "forrige visning",
        edit: "endre",
        toggle_favourite: "favoritt",
        next_filter: "neste filter",
        prev_filter: "forrige filter",
        practise: "start øvelsen",
        answer_myth: "svar myte",
        answer_fact: "svar fakta",
        continue_: "videre",
        new_round: "ny runde",
        review_mistakes: "øv på feil",
        mark_phase: "marker fasen",
        next_section: "neste del",
        prev_section: "forrige del",
        mark_used: "jeg brukte denne",
        pause: "pause / fortsett",
        next_step: "neste steg",
        longer: "lengre økt",
        shorter: "kortere økt",
        switch_unit: "minutter eller runder",
        new_item: "ny",
        delete: "slett",
        complete: "fullført",
        plan_skip: "planlagt fri",
        record_slip: "registrer en sprekk",
        move_up: "flytt opp",
        move_down: "flytt ned",
        log_urge: "skriv ned et sug, nå",
    },
};

pub const EN: Strings = Strings {
    app_name: "mestring",
    tab_faq: "Questions and answers",
    groups: ["Today", "Goals", "Tools", "Learn"],
    too_small: "Make the window larger",
    search_prompt: "Search: ",
    search_hint: "type to search, Enter to browse the results, Esc to cancel",
    no_matches: "No matches. Try another word, or press Esc.",
    no_matches_for: "No matches for \"{}\". Try another word, or no words to see everything.",
    matches: "matches",
    faq_select_hint: "Choose a question in the list.",
    topic_treatment: "Treatment and mental health",
    topic_quitting: "Quitting, step by step",
    topic_motivation: "Motivation",
    topic_relatives: "For relatives",
    source: "Source",
    help_title: "Keys",
    help_close: "Esc or ? closes",
    crisis_title: "Do you need help now?",
    crisis_intro: "You can call or write to someone right away. There is no shame in reaching out.",
    crisis_not_treatment: "mestring is a companion, not treatment, and no substitute for professional help.",
    crisis_emergency: "If a life is in danger: call the emergency number.",
    crisis_verified: "checked",
    crisis_checked_on: "Numbers last checked on",
    content_problem: "Problem in a content file",
    settings_problem: "Problem in the settings",
    crisis_close: "Esc closes",
    checkin: checkin::EN,
    settings: settings::EN,
    cli: &cli::EN,
    tab_techniques: "Techniques",
    tab_learn: "Learn",
    learn: learn::EN,
    goals: goals::EN,
    tab_breathe: "Breathe",
    breathe: &breathe::EN,
    sober: sober::EN,
    sync: sync::EN,
    plan: plan::EN,
    home: plan::HOME_EN,
    urges: urges::EN,
    review: review::EN,
    plain: plain::EN,
    actions: ActionText {
        quit: "quit",
        up: "up",
        down: "down",
        top: "to the top",
        bottom: "to the bottom",
        page_up: "page up",
        page_down: "page down",
        next_tab: "next screen",
        prev_tab: "previous screen",
        go_tab: "go to screen 1-9, 0 is the tenth",
        show_settings: "settings",
        undo: "undo what you just did (when the message says so)",
        search: "search",
        open: "open",
        back: "back",
        help: "help",
        crisis: "crisis help",
        hide: "hide the screen at once (any key shows it again)",
        decrease: "less / previous",
        increase: "more / next",
        toggle: "tick",
        save: "save",
        keep_unsaved: "keep the check-in in a file and quit",
        next_view: "next view",
        prev_view: "previous view",
        edit: "edit",
        toggle_favourite: "favourite",
        next_filter: "next filter",
        prev_filter: "previous filter",
        practise: "start the exercise",
        answer_myth: "answer myth",
        answer_fact: "answer fact",
        continue_: "continue",
        new_round: "new round",
        review_mistakes: "review mistakes",
        mark_phase: "mark the phase",
        next_section: "next part",
        prev_section: "previous part",
        mark_used: "I used this",
        pause: "pause / continue",
        next_step: "next step",
        longer: "longer session",
        shorter: "shorter session",
        switch_unit: "minutes or cycles",
        new_item: "new",
        delete: "delete",
        complete: "done",
        plan_skip: "planned day off",
        record_slip: "record a slip",
        move_up: "move up",
        move_down: "move down",
        log_urge: "write down a craving, now",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_resolve_like_users_write_them() {
        assert_eq!(Lang::from_tag("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("nn_NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de_DE"), None);
        assert_eq!(Lang::from_tag("C"), None);
    }

    #[test]
    fn explicit_choice_beats_lang_and_default_is_bokmal() {
        assert_eq!(Lang::resolve(Some("en"), Some("nb_NO")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::resolve(Some("xx"), Some("en_US")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("C.UTF-8")), Lang::Nb);
        assert_eq!(Lang::resolve(None, None), Lang::Nb);
    }

    /// The `{name}` placeholders in `text`, sorted, each once.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Walks two languages' tables side by side; `path` names the field for the message.
    fn same_placeholders(nb: &serde_json::Value, en: &serde_json::Value, path: &str, checked: &mut usize) {
        use serde_json::Value;
        match (nb, en) {
            (Value::String(a), Value::String(b)) => {
                *checked += 1;
                assert_eq!(placeholders(a), placeholders(b), "{path}: {a:?} / {b:?}");
            }
            (Value::Object(a), Value::Object(b)) => {
                for (key, value) in a {
                    same_placeholders(value, &b[key], &format!("{path}.{key}"), checked);
                }
            }
            (Value::Array(a), Value::Array(b)) => {
                assert_eq!(a.len(), b.len(), "{path}");
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    same_placeholders(x, y, &format!("{path}[{i}]"), checked);
                }
            }
            _ => assert_eq!(std::mem::discriminant(nb), std::mem::discriminant(en), "{path}"),
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders_in_every_template() {
        let nb = serde_json::to_value(Lang::Nb.strings()).unwrap();
        let en = serde_json::to_value(Lang::En.strings()).unwrap();
        let mut checked = 0;
        same_placeholders(&nb, &en, "strings", &mut checked);
        assert!(checked > 500, "every string is walked, not only the top level ({checked})");
        assert_eq!(placeholders("{n} av {total}, {n} igjen {"), ["n", "total"]);
    }
}

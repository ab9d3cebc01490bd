//! Interface text for the personal plan ("Min plan"), the plan's part of the crisis overlay,
//! and the home screen ("I dag").

use crate::domain::plan::Section;

pub struct PlanText {
    pub tab: &'static str,
    pub intro: &'static str,
    /// One name per section, in `Section::ALL` order.
    pub sections: [&'static str; 9],
    /// One question per section, to help write the first entry.
    pub prompts: [&'static str; 9],
    pub add_entry: &'static str,
    pub empty_section: &'static str,
    pub entry_keys: &'static str,
    pub form_new: &'static str,
    pub form_edit: &'static str,
    pub field_text: &'static str,
    pub field_who: &'static str,
    pub field_phone: &'static str,
    pub err_text: &'static str,
    pub err_phone: &'static str,
    // The crisis overlay.
    pub crisis_people: &'static str,
    pub crisis_on_my_own: &'static str,
    pub crisis_help_lines: &'static str,
    pub crisis_add_own: &'static str,
}

impl PlanText {
    pub fn section(&self, section: Section) -> &'static str {
        self.sections[Section::ALL.iter().position(|s| *s == section).unwrap_or(0)]
    }

    pub fn prompt(&self, section: Section) -> &'static str {
        self.prompts[Section::ALL.iter().position(|s| *s == section).unwrap_or(0)]
    }
}

pub const NB: PlanText = PlanText {
    tab: "Min plan",
    intro: "Planen din, med dine egne ord. Kontaktene og det du kan gjøre selv vises først når du trykker !.",
    sections: [
        "Mine varseltegn",
        "Mine triggere",
        "Det jeg kan gjøre selv",
        "Folk og steder som tar tankene bort",
        "Folk jeg kan be om hjelp",
        "Fagfolk og tjenester",
        "Slik gjør jeg omgivelsene tryggere",
        "Hvorfor jeg vil endre noe",
        "Det som betyr mest for meg",
    ],
    prompts: [
        "Hva merker du først når det begynner å gå i feil retning? Tanker, følelser, ting du gjør.",
        "Hvilke steder, folk, tider eller følelser gjør suget sterkere?",
        "Hva kan du gjøre på egen hånd når suget kommer? Pust, gå en tur, dusje, ringe noen.",
        "Hvem og hvor kan du være for å få tankene over på noe annet?",
        "Hvem kan du ringe eller skrive til? Navn og telefonnummer.",
        "Fastlege, behandler, legevakt, en tjeneste du stoler på. Navn og telefonnummer.",
        "Hva kan du fjerne eller endre hjemme og i hverdagen så det blir lettere å la være?",
        "Hvorfor vil du dette? Skriv det med dine ord, så du kan lese det når det er tungt.",
        "Hvem og hva er viktigst for deg?",
    ],
    add_entry: "+ Legg til",
    empty_section: "Ingenting her ennå. a legger til.",
    entry_keys: "a legg til · e endre · d slett · K/J flytt opp/ned",
    form_new: "Legg til",
    form_edit: "Endre",
    field_text: "Med dine ord",
    field_who: "Navn",
    field_phone: "Telefon (kan stå tom)",
    err_text: "Skriv noen ord (høyst 200 tegn).",
    err_phone: "Telefonnummeret kan ha sifre, mellomrom og + - ( ), høyst 30 tegn.",
    crisis_people: "Folk du kan ringe (fra planen din)",
    crisis_on_my_own: "Det du kan gjøre selv (fra planen din)",
    crisis_help_lines: "Hjelpetelefoner",
    crisis_add_own: "Under «Min plan» kan du legge inn dine egne kontakter; de vises da her, øverst.",
};

pub const EN: PlanText = PlanText {
    tab: "My plan",
    intro: "Your plan, in your own words. The contacts and what you can do yourself come first when you press !.",
    sections: [
        "My warning signs",
        "My triggers",
        "What I can do on my own",
        "People and places that take my mind off things",
        "People I can ask for help",
        "Professionals and services",
        "How I make my surroundings safer",
        "Why I want to change",
        "What matters most to me",
    ],
    prompts: [
        "What do you notice first when things start going the wrong way? Thoughts, feelings, things you do.",
        "Which places, people, times or feelings make the craving stronger?",
        "What can you do on your own when a craving comes? Breathe, go for a walk, shower, call someone.",
        "Who can you be with, and where can you go, to think about something else?",
        "Who can you call or write to? Name and phone number.",
        "Your GP, a therapist, the out-of-hours clinic, a service you trust. Name and phone number.",
        "What can you remove or change at home and in your day so it is easier to say no?",
        "Why do you want this? Write it in your words, to read when things are hard.",
        "Who and what matter most to you?",
    ],
    add_entry: "+ Add",
    empty_section: "Nothing here yet. a adds one.",
    entry_keys: "a add · e edit · d delete · K/J move up/down",
    form_new: "Add",
    form_edit: "Edit",
    field_text: "In your words",
    field_who: "Name",
    field_phone: "Phone (may be empty)",
    err_text: "Write a few words (at most 200 characters).",
    err_phone: "A phone number may have digits, spaces and + - ( ), at most 30 characters.",
    crisis_people: "People you can call (from your plan)",
    crisis_on_my_own: "What you can do yourself (from your plan)",
    crisis_help_lines: "Help lines",
    crisis_add_own: "Under \"My plan\" you can add your own contacts; they are then shown here, first.",
};

pub struct HomeText {
    pub tab: &'static str,
    /// "{key}": the tab's number.
    pub no_counter: &'static str,
    pub checkin_done: &'static str,
    /// "{key}".
    pub checkin_todo: &'static str,
    pub habits: &'static str,
    /// "{key}".
    pub no_habits: &'static str,
    /// "{done}", "{total}".
    pub habits_done: &'static str,
    /// "{n}" more habits than fit.
    pub more: &'static str,
    pub goal: &'static str,
    pub no_goal: &'static str,
    pub mood: &'static str,
    pub craving: &'static str,
    pub last_7_days: &'static str,
    pub no_checkins: &'static str,
    pub phase: &'static str,
    /// "{n}" of 10.
    pub phase_of: &'static str,
    pub technique: &'static str,
    pub unavailable: &'static str,
}

pub const HOME_NB: HomeText = HomeText {
    tab: "I dag",
    no_counter: "Ingen teller ennå – lag en under Rusfri ({key}).",
    checkin_done: "Innsjekk i dag: gjort",
    checkin_todo: "Innsjekk i dag: ikke ennå – trykk {key}",
    habits: "Vaner i dag",
    no_habits: "Ingen vaner ennå – legg til under Mål ({key}).",
    habits_done: "{done} av {total} gjort",
    more: "+{n} til under Mål",
    goal: "Nærmeste mål",
    no_goal: "Ingen mål med dato.",
    mood: "Humør",
    craving: "Sug",
    last_7_days: "siste 7 dager",
    no_checkins: "Ingen innsjekk de siste 7 dagene.",
    phase: "Fasen din",
    phase_of: "{n} av 10",
    technique: "Dagens teknikk",
    unavailable: "Dataene kan ikke leses nå:",
};

pub const HOME_EN: HomeText = HomeText {
    tab: "Today",
    no_counter: "No counter yet – make one under Sober ({key}).",
    checkin_done: "Check-in today: done",
    checkin_todo: "Check-in today: not yet – press {key}",
    habits: "Habits today",
    no_habits: "No habits yet – add one under Goals ({key}).",
    habits_done: "{done} of {total} done",
    more: "+{n} more under Goals",
    goal: "Closest goal",
    no_goal: "No goal with a date.",
    mood: "Mood",
    craving: "Craving",
    last_7_days: "last 7 days",
    no_checkins: "No check-ins in the last 7 days.",
    phase: "Your phase",
    phase_of: "{n} of 10",
    technique: "Technique of the day",
    unavailable: "The data cannot be read now:",
};

//! Interface text for goals and habits ("Mål"), the forms and questions the goals, counter and
//! plan screens share, dates in words, and the status line. In its own table so that screens
//! added by others do not collide with it.

use chrono::{Datelike, NaiveDate};

#[cfg_attr(test, derive(serde::Serialize))]
pub struct GoalsText {
    pub tab: &'static str,
    // Counting words: "1 dag" / "1 day", "2 dager" / "2 days".
    pub day: &'static str,
    pub days: &'static str,
    pub week: &'static str,
    pub weeks: &'static str,
    pub months: [&'static str; 12],
    pub months_short: [&'static str; 12],
    pub weekdays: [&'static str; 7],
    /// After the day of the month: "22. nov." in Norwegian, "22 Nov" in English.
    pub day_dot: &'static str,
    // The status line.
    /// After "Name: N days".
    pub status_sober: &'static str,
    pub status_habit_left: &'static str,
    pub status_habits_left: &'static str,
    pub status_habits_done: &'static str,
    pub imported_personal: &'static str,
    // The list.
    pub habits_heading: &'static str,
    pub goals_heading: &'static str,
    pub archive_heading: &'static str,
    pub add_habit: &'static str,
    pub add_goal: &'static str,
    pub daily: &'static str,
    pub weekly: &'static str,
    pub in_a_row: &'static str,
    pub empty_goals: &'static str,
    // A habit's days.
    pub done_today: &'static str,
    pub done_this_week: &'static str,
    pub skip_planned: &'static str,
    pub not_yet: &'static str,
    pub mark_done: &'static str,
    pub mark_skip: &'static str,
    pub mark_none: &'static str,
    pub habit_days_hint: &'static str,
    /// "{name}", "{streak}": the gentle evening warning.
    pub breaks_tomorrow: &'static str,
    // A goal.
    pub due: &'static str,
    pub no_due: &'static str,
    pub due_today: &'static str,
    /// "{n}" days: "om 3 dager".
    pub due_in: &'static str,
    /// "{date}": a date that has passed, said without blame.
    pub due_passed: &'static str,
    pub no_steps: &'static str,
    /// "{done}", "{total}".
    pub progress: &'static str,
    pub note: &'static str,
    pub created: &'static str,
    pub done_on: &'static str,
    pub goal_keys: &'static str,
    pub archived_keys: &'static str,
    // The celebration.
    pub celebrate_title: &'static str,
    pub celebrate_same_day: &'static str,
    /// "{days}".
    pub celebrate_took: &'static str,
    pub celebrate_line: &'static str,
    pub celebrate_close: &'static str,
    // Forms.
    pub form_new_goal: &'static str,
    pub form_edit_goal: &'static str,
    pub form_new_step: &'static str,
    pub form_edit_step: &'static str,
    pub form_new_habit: &'static str,
    pub form_edit_habit: &'static str,
    pub field_goal: &'static str,
    pub field_date_optional: &'static str,
    pub field_note: &'static str,
    pub field_step: &'static str,
    pub field_name: &'static str,
    pub field_cadence: &'static str,
    pub form_hint: &'static str,
    pub err_title: &'static str,
    pub err_date: &'static str,
    pub err_name: &'static str,
    pub err_step: &'static str,
    pub err_too_many_steps: &'static str,
    /// "{}": what would be deleted.
    pub confirm_delete: &'static str,
    pub confirm_hint: &'static str,
    /// Under a question that is not about deleting.
    pub confirm_yes_no: &'static str,
    pub reopened: &'static str,
}

impl GoalsText {
    /// "1 dag", "21 dager".
    pub fn days_n(&self, n: u32) -> String {
        format!("{n} {}", if n == 1 { self.day } else { self.days })
    }

    pub fn weeks_n(&self, n: u32) -> String {
        format!("{n} {}", if n == 1 { self.week } else { self.weeks })
    }

    /// "22. nov." / "22 Nov", with the year only when it is not `this_year`.
    pub fn short_date(&self, date: NaiveDate, this_year: i32) -> String {
        let month = self.months_short[date.month0() as usize];
        let day = date.day();
        let text = format!("{day}{} {month}", self.day_dot);
        if date.year() == this_year { text } else { format!("{text} {}", date.year()) }
    }

    /// "søndag 22. november 2026" / "Sunday 22 November 2026".
    pub fn long_date(&self, date: NaiveDate) -> String {
        let weekday = self.weekdays[date.weekday().num_days_from_monday() as usize];
        let month = self.months[date.month0() as usize];
        format!("{weekday} {}{} {month} {}", date.day(), self.day_dot, date.year())
    }
}

pub const NB: GoalsText = GoalsText {
    tab: "Mål",
    day: "dag",
    days: "dager",
    week: "uke",
    weeks: "uker",
    months: [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    months_short: [
        "jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des.",
    ],
    weekdays: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    day_dot: ".",
    status_sober: "rusfri",
    status_habit_left: "vane igjen i dag",
    status_habits_left: "vaner igjen i dag",
    status_habits_done: "alle vaner gjort",
    imported_personal: "Mål, vaner, tellere og plan: {n} lagt til eller oppdatert.",
    habits_heading: "Vaner",
    goals_heading: "Mål",
    archive_heading: "Fullført",
    add_habit: "+ Ny vane",
    add_goal: "+ Nytt mål",
    daily: "hver dag",
    weekly: "hver uke",
    in_a_row: "på rad",
    empty_goals: "Små, konkrete mål er lettest å nå: «gå en tur i morgen», «ringe fastlegen på fredag».",
    done_today: "gjort i dag",
    done_this_week: "gjort denne uka",
    skip_planned: "fri i dag (planlagt)",
    not_yet: "ikke ennå",
    mark_done: "gjort",
    mark_skip: "planlagt fri",
    mark_none: "–",
    habit_days_hint: "Mellomrom krysser av dagen · s planlegger en fridag (rekka holder) · Esc tilbake",
    breaks_tomorrow: "«{name}»: {streak} på rad. Rekker du det i kveld, holder rekka. Ellers begynner du bare på nytt i morgen.",
    due: "Dato",
    no_due: "ingen dato",
    due_today: "i dag",
    due_in: "om {n}",
    due_passed: "datoen var {date} – du kan flytte den med e",
    no_steps: "Ingen steg ennå. a legger til et lite steg.",
    progress: "{done} av {total} steg",
    note: "Notat",
    created: "Laget",
    done_on: "Fullført",
    goal_keys: "Enter: stegene · a nytt steg · e endre · c fullført · d slett",
    archived_keys: "c tar målet tilbake · d slett",
    celebrate_title: "Godt jobba!",
    celebrate_same_day: "Du klarte det samme dag som du satte deg målet.",
    celebrate_took: "Det tok {days}.",
    celebrate_line: "Et lite mål nådd er et ekte steg. Gi deg selv litt skryt.",
    celebrate_close: "en tast lukker",
    form_new_goal: "Nytt mål",
    form_edit_goal: "Endre målet",
    form_new_step: "Nytt steg",
    form_edit_step: "Endre steget",
    form_new_habit: "Ny vane",
    form_edit_habit: "Endre vanen",
    field_goal: "Mål",
    field_date_optional: "Dato (ÅÅÅÅ-MM-DD, kan stå tom)",
    field_note: "Notat",
    field_step: "Steg",
    field_name: "Navn",
    field_cadence: "Hvor ofte",
    form_hint: "Enter neste · Ctrl-S lagre · Esc avbryt",
    err_title: "Skriv en kort tittel (høyst 120 tegn).",
    err_date: "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-12-01.",
    err_name: "Skriv et kort navn (høyst 60 tegn).",
    err_step: "Skriv steget kort (høyst 120 tegn).",
    err_too_many_steps: "Et mål kan ha høyst 20 steg. Kanskje det kan deles i to mål?",
    confirm_delete: "Slette «{}»?",
    confirm_hint: "j eller Enter sletter · n eller Esc avbryter",
    confirm_yes_no: "j eller Enter: ja · n eller Esc: nei",
    reopened: "Målet er tilbake blant de åpne.",
};

pub const EN: GoalsText = GoalsText {
    tab: "Goals",
    day: "day",
    days: "days",
    week: "week",
    weeks: "weeks",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    months_short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    day_dot: "",
    status_sober: "sober",
    status_habit_left: "habit left today",
    status_habits_left: "habits left today",
    status_habits_done: "all habits done",
    imported_personal: "Goals, habits, counters and plan: {n} added or updated.",
    habits_heading: "Habits",
    goals_heading: "Goals",
    archive_heading: "Done",
    add_habit: "+ New habit",
    add_goal: "+ New goal",
    daily: "every day",
    weekly: "every week",
    in_a_row: "in a row",
    empty_goals: "Small, concrete goals are the easiest to reach: \"a walk tomorrow\", \"call the GP on Friday\".",
    done_today: "done today",
    done_this_week: "done this week",
    skip_planned: "a day off (planned)",
    not_yet: "not yet",
    mark_done: "done",
    mark_skip: "day off",
    mark_none: "–",
    habit_days_hint: "Space ticks the day · s plans a day off (the streak holds) · Esc back",
    breaks_tomorrow: "\"{name}\": {streak} in a row. If you make it tonight, the streak holds. If not, you simply start again tomorrow.",
    due: "Date",
    no_due: "no date",
    due_today: "today",
    due_in: "in {n}",
    due_passed: "the date was {date} – you can move it with e",
    no_steps: "No steps yet. a adds a small step.",
    progress: "{done} of {total} steps",
    note: "Note",
    created: "Made",
    done_on: "Done",
    goal_keys: "Enter: the steps · a new step · e edit · c done · d delete",
    archived_keys: "c brings the goal back · d delete",
    celebrate_title: "Well done!",
    celebrate_same_day: "You did it on the day you set it.",
    celebrate_took: "It took {days}.",
    celebrate_line: "A small goal reached is a real step. Give yourself some credit.",
    celebrate_close: "any key closes",
    form_new_goal: "New goal",
    form_edit_goal: "Edit the goal",
    form_new_step: "New step",
    form_edit_step: "Edit the step",
    form_new_habit: "New habit",
    form_edit_habit: "Edit the habit",
    field_goal: "Goal",
    field_date_optional: "Date (YYYY-MM-DD, may be empty)",
    field_note: "Note",
    field_step: "Step",
    field_name: "Name",
    field_cadence: "How often",
    form_hint: "Enter next · Ctrl-S save · Esc cancel",
    err_title: "Write a short title (at most 120 characters).",
    err_date: "Write the date as YYYY-MM-DD, for example 2026-12-01.",
    err_name: "Write a short name (at most 60 characters).",
    err_step: "Write the step briefly (at most 120 characters).",
    err_too_many_steps: "A goal has at most 20 steps. Could it be two goals?",
    confirm_delete: "Delete \"{}\"?",
    confirm_hint: "y or Enter deletes · n or Esc cancels",
    confirm_yes_no: "y or Enter: yes · n or Esc: no",
    reopened: "The goal is back among the open ones.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(NB.short_date(d, 2026), "22. nov.");
        assert_eq!(EN.short_date(d, 2025), "22 Nov 2026");
        assert_eq!(NB.long_date(d), "søndag 22. november 2026");
        assert_eq!(EN.long_date(d), "Sunday 22 November 2026");
        assert_eq!(
            (NB.days_n(1), EN.days_n(2), NB.weeks_n(3)),
            ("1 dag".into(), "2 days".into(), "3 uker".into())
        );
    }
}

//! Interface text for goals and habits, the sober counter, the personal plan and the home
//! screen, in its own table so that screens added by others do not collide with it. A slip is
//! named without blame ("en sprekk", "a slip") and always next to what it can teach.

pub struct GoalsText {
    // Counting words. Norwegian and English both say "1 dag" / "1 day", "2 dager" / "2 days".
    pub day: &'static str,
    pub days: &'static str,
    pub week: &'static str,
    pub weeks: &'static str,
    // The status line.
    /// After "Name: N days".
    pub status_sober: &'static str,
    pub status_habit_left: &'static str,
    pub status_habits_left: &'static str,
    pub status_habits_done: &'static str,
    pub imported_personal: &'static str,
}

impl GoalsText {
    /// "1 dag", "21 dager".
    pub fn days_n(&self, n: u32) -> String {
        format!("{n} {}", if n == 1 { self.day } else { self.days })
    }

    pub fn weeks_n(&self, n: u32) -> String {
        format!("{n} {}", if n == 1 { self.week } else { self.weeks })
    }
}

pub const NB: GoalsText = GoalsText {
    day: "dag",
    days: "dager",
    week: "uke",
    weeks: "uker",
    status_sober: "rusfri",
    status_habit_left: "vane igjen i dag",
    status_habits_left: "vaner igjen i dag",
    status_habits_done: "alle vaner gjort",
    imported_personal: "Mål, vaner, tellere og plan: {n} lagt til eller oppdatert.",
};

pub const EN: GoalsText = GoalsText {
    day: "day",
    days: "days",
    week: "week",
    weeks: "weeks",
    status_sober: "sober",
    status_habit_left: "habit left today",
    status_habits_left: "habits left today",
    status_habits_done: "all habits done",
    imported_personal: "Goals, habits, counters and plan: {n} added or updated.",
};

//! A weekly review in words, for the history's review view and `mestring review` alike: the
//! table of this week against the week before, the lists, and the patterns worded as what the
//! entries show.

use crate::content::{Content, labels};
use crate::domain::review::{Condition, Measure, Pattern, Review, WeekNumbers};
use crate::i18n::{Lang, ReviewText};

/// A review ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDoc {
    pub title: String,
    /// Column headings of the table.
    pub columns: [&'static str; 2],
    /// Label, this week, the week before.
    pub rows: Vec<[String; 3]>,
    /// Headings with their items: what helped, the triggers.
    pub lists: Vec<(&'static str, Vec<String>)>,
    pub patterns_heading: &'static str,
    /// The patterns in sentences, or the line that there is too little data.
    pub patterns: Vec<String>,
    /// "What your entries show, not a cause", under the patterns when there are some.
    pub pattern_note: Option<&'static str>,
    pub takeaway_label: &'static str,
    pub takeaway: String,
}

pub fn document(review: &Review, lang: Lang, content: &Content) -> ReviewDoc {
    let t = &lang.strings().review;
    let g = &lang.strings().goals;
    let year = chrono::Datelike::year(&review.start);
    let title = t
        .title
        .replace("{week}", &review.label())
        .replace("{from}", &g.short_date(review.start, year))
        .replace("{to}", &g.short_date(review.end(), year));
    let mut rows = table(&review.this, &review.before, lang, t);
    rows.retain(|r| !r[0].is_empty());
    let helped = review.helped.iter().map(|(id, n)| format!("{} ({n})", labels::helped(content, lang, id)));
    let triggers =
        review.triggers.iter().map(|(id, n)| format!("{} ({n})", labels::trigger(content, lang, id)));
    let or_none = |items: Vec<String>| if items.is_empty() { vec![t.none.to_owned()] } else { items };
    let patterns: Vec<String> = review.patterns.iter().map(|p| sentence(p, lang, content, t)).collect();
    ReviewDoc {
        title,
        columns: [t.this_week, t.week_before],
        rows,
        lists: vec![(t.helped, or_none(helped.collect())), (t.triggers, or_none(triggers.collect()))],
        patterns_heading: t.patterns,
        pattern_note: (!patterns.is_empty()).then_some(t.pattern_note),
        patterns: if patterns.is_empty() { vec![t.no_patterns.to_owned()] } else { patterns },
        takeaway_label: t.takeaway,
        takeaway: review.takeaway.clone(),
    }
}

impl ReviewDoc {
    /// How wide the label and the two number columns are, headings included.
    pub fn widths(&self) -> [usize; 3] {
        let column = |i: usize| {
            let heading = if i == 0 { 0 } else { self.columns[i - 1].chars().count() };
            self.rows.iter().map(|r| r[i].chars().count()).chain([heading]).max().unwrap_or(0)
        };
        [column(0), column(1), column(2)]
    }
}

fn table(this: &WeekNumbers, before: &WeekNumbers, lang: Lang, t: &ReviewText) -> Vec<[String; 3]> {
    let avg = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| lang.decimal(v));
    let endings = |w: &WeekNumbers| format!("{} · {} · {}", w.passed, w.used, w.open);
    let sober = |w: &WeekNumbers| w.sober_days.map_or_else(String::new, |d| d.to_string());
    let row = |label: &str, f: &dyn Fn(&WeekNumbers) -> String| [label.to_owned(), f(this), f(before)];
    let mut rows = vec![
        row(t.rows[0], &|w| w.checkins.to_string()),
        row(t.rows[1], &|w| avg(w.mood)),
        row(t.rows[2], &|w| avg(w.craving)),
        row(t.rows[3], &|w| avg(w.stress)),
        row(t.rows[4], &|w| avg(w.sleep)),
        row(t.rows[5], &|w| w.urges.to_string()),
    ];
    if this.urges + before.urges > 0 {
        rows.push(row(t.urge_endings, &endings));
    }
    rows.push(row(t.rows[6], &|w| w.habits_kept.to_string()));
    if this.sober_days.is_some() {
        rows.push(row(t.rows[7], &sober));
    }
    rows
}

/// One pattern as a sentence: both averages and both counts, as what the entries show.
pub fn sentence(p: &Pattern, lang: Lang, content: &Content, t: &ReviewText) -> String {
    let condition = match &p.condition {
        Condition::ShortSleep => t.short_sleep.to_owned(),
        Condition::HighStress => t.high_stress.to_owned(),
        Condition::Trigger(id) => t.trigger.replace("{name}", labels::trigger(content, lang, id)),
        Condition::Helped => t.helped_written.to_owned(),
    };
    let measure = match p.measure {
        Measure::Craving => t.craving,
        Measure::Mood => t.mood,
    };
    t.pattern
        .replace("{condition}", &condition)
        .replace("{measure}", measure)
        .replace("{without}", &lang.decimal(p.without))
        .replace("{with}", &lang.decimal(p.with))
        .replace("{days_without}", &p.days_without.to_string())
        .replace("{days_with}", &p.days_with.to_string())
}

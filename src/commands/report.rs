//! Check-ins as text for people and spreadsheets: a Markdown summary a person can bring to a
//! therapist, and CSV with one row per day.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::content::Content;
use crate::content::labels;
use crate::domain::checkin::CheckIn;
use crate::domain::practice::{PracticeRecord, duration_text};
use crate::domain::stats;
use crate::i18n::Lang;
use crate::store::sober::{CounterRecord, SlipRecord};

/// What the summary tells besides the check-ins: the sober counters' slips with what was
/// written about them, and the breathing and mindfulness practice, of the same days.
#[derive(Default)]
pub struct Beside<'a> {
    pub counters: &'a [CounterRecord],
    pub practice: &'a [PracticeRecord],
}

/// The summary of `from..=to`, then one table row per day with a check-in, then the slips on
/// the sober counters and the practice of those days.
pub fn markdown(
    content: &Content,
    checkins: &[CheckIn],
    beside: &Beside,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
) -> String {
    let t = &lang.strings().checkin;
    let mut out = String::new();
    let _ = writeln!(out, "# {} {from} – {to}\n", t.md_title);
    let days = (to - from).num_days() + 1;
    let s = stats::summary(checkins);
    let _ = writeln!(out, "- {}: {} {} {days} {}", t.md_checked_in, s.checkins, t.md_of, t.md_days);
    if let Some(mood) = s.mood {
        let _ = writeln!(out, "- {}: {} {} / 5", t.mood, t.md_average, lang.decimal(mood));
    }
    if let (Some(craving), Some(max)) = (s.craving, s.craving_max) {
        let _ = writeln!(
            out,
            "- {}: {} {} / 10, {} {max}",
            t.craving,
            t.md_average,
            lang.decimal(craving),
            t.md_highest
        );
    }
    if let Some(stress) = s.stress {
        let _ = writeln!(out, "- {}: {} {} / 10", t.stress, t.md_average, lang.decimal(stress));
    }
    if let Some(sleep) = s.sleep_hours {
        let _ = writeln!(out, "- {}: {} {} {}", t.sleep, t.md_average, lang.decimal(sleep), t.hours_short);
    }
    let _ = writeln!(out, "- {}: {}", t.md_slip_days, s.slips);
    let lists = [
        (
            t.md_top_triggers,
            stats::trigger_counts(checkins),
            labels::trigger as for<'a> fn(&'a Content, Lang, &'a str) -> &'a str,
        ),
        (t.md_helped, stats::helped_counts(checkins), labels::helped),
    ];
    for (title, counts, label) in lists {
        if counts.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {title}\n");
        for (stored, n) in counts.iter().take(8) {
            let _ = writeln!(out, "- {} ({n})", printable(label(content, lang, stored)));
        }
    }
    let _ = writeln!(out, "\n## {}\n", t.md_day_by_day);
    if checkins.is_empty() {
        let _ = writeln!(out, "{}", t.none_yet);
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|---|",
            t.date, t.mood, t.craving, t.stress, t.sleep, t.used, t.halt, t.triggers, t.note
        );
        for c in checkins {
            let _ = writeln!(out, "{}", day_row(content, c, lang));
        }
    }
    slips_and_practice(&mut out, beside, from, to, lang);
    let _ = writeln!(out, "\n_{}_", t.md_footer);
    out
}

/// One day of the table: every field a person filled in, in their words.
fn day_row(content: &Content, c: &CheckIn, lang: Lang) -> String {
    let t = &lang.strings().checkin;
    let weekday = t.weekdays[c.date.weekday().num_days_from_monday() as usize];
    let hours = c.sleep_hours().map(|h| format!("{} {}", lang.decimal(f64::from(h)), t.hours_short));
    let quality = c.sleep_quality.map(|q| t.sleep_words[usize::from(q.clamp(1, 5) - 1)].to_lowercase());
    let sleep: Vec<String> = [hours, quality].into_iter().flatten().collect();
    let used = match &c.slip {
        Some(slip) => {
            let detail = [slip.substance.as_str(), slip.amount.as_str()].join(" ");
            format!("{}: {}", t.used_yes, detail.trim()).trim_end_matches([':', ' ']).to_owned()
        }
        None => t.used_no.to_owned(),
    };
    let halt = [c.halt.hungry, c.halt.angry, c.halt.lonely, c.halt.tired];
    let halt: Vec<&str> = halt.iter().zip(t.halt_words).filter(|(on, _)| **on).map(|(_, w)| w).collect();
    let triggers: Vec<&str> = c.triggers.iter().map(|x| labels::trigger(content, lang, x)).collect();
    format!(
        "| {} {weekday} | {} {} | {} | {} | {} | {} | {} | {} | {} |",
        c.date,
        c.mood,
        t.mood_words[usize::from(c.mood.clamp(1, 5) - 1)],
        answer(c.craving),
        answer(c.stress),
        cell(&sleep.join(", ")),
        cell(&printable(&used)),
        cell(&halt.join(", ")),
        cell(&printable(&triggers.join(", "))),
        cell(printable(&c.note).trim()),
    )
}

/// The slips recorded on the counters and the practice of `from..=to`, each under a heading,
/// or nothing when there were none.
fn slips_and_practice(out: &mut String, beside: &Beside, from: NaiveDate, to: NaiveDate, lang: Lang) {
    let (t, s) = (&lang.strings().checkin, &lang.strings().sober);
    let days = from..=to;
    let mut slips: Vec<(NaiveDate, &str, &SlipRecord)> = beside
        .counters
        .iter()
        .flat_map(|c| c.slips.iter().map(move |slip| (slip.date, c.counter.name.as_str(), slip)))
        .filter(|(date, ..)| days.contains(date))
        .collect();
    slips.sort_by_key(|(date, ..)| *date);
    if !slips.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t.md_counter_slips);
        for (date, counter, slip) in slips {
            let mut line = format!("- {date} ({})", printable(counter));
            for (label, text) in
                [(s.what_happened, &slip.note.what_happened), (s.what_to_learn, &slip.note.what_to_learn)]
            {
                if !text.trim().is_empty() {
                    line.push_str(&format!(" · {label}: {}", printable(text.trim()).replace('\n', " ")));
                }
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let practice: Vec<&PracticeRecord> =
        beside.practice.iter().filter(|p| days.contains(&p.started_at.date())).collect();
    if !practice.is_empty() {
        let b = &lang.strings().breathe;
        let _ = writeln!(out, "\n## {}\n", t.md_practice);
        for p in practice {
            let how = if p.completed { b.completed } else { b.ended_early };
            let _ = writeln!(
                out,
                "- {} {}: {}, {} ({})",
                p.started_at.date(),
                p.started_at.format("%H:%M"),
                printable(&p.name),
                duration_text(p.actual()),
                how.to_lowercase()
            );
        }
    }
}

/// `text` without control characters but the line break and the tab: a note may hold escape
/// sequences (pasted, or imported) that would drive the terminal a report is shown in, or a
/// stray carriage return that breaks a spreadsheet's rows.
fn printable(text: &str) -> String {
    text.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect()
}

/// A scale's value, or "–" where it was not answered.
fn answer(value: Option<u8>) -> String {
    value.map_or("–".to_owned(), |v| v.to_string())
}

/// Text that stays inside one Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace("\r\n", "<br>").replace('\n', "<br>")
}

const CSV_HEADER: &str = "date,mood,craving,stress,sleep_hours,sleep_quality,used,substance,amount,triggers,\
                          hungry,angry,lonely,tired,helped,note,updated_at";

/// One row per day; lists joined with `;`. Ids are kept as stored, so the file is the same in
/// every language.
pub fn csv(checkins: &[CheckIn]) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for c in checkins {
        let slip = c.slip.clone().unwrap_or_default();
        let fields = [
            c.date.to_string(),
            c.mood.to_string(),
            c.craving.map(|v| v.to_string()).unwrap_or_default(),
            c.stress.map(|v| v.to_string()).unwrap_or_default(),
            c.sleep_hours().map(|h| h.to_string()).unwrap_or_default(),
            c.sleep_quality.map(|q| q.to_string()).unwrap_or_default(),
            u8::from(c.slip.is_some()).to_string(),
            slip.substance,
            slip.amount,
            c.triggers.join(";"),
            u8::from(c.halt.hungry).to_string(),
            u8::from(c.halt.angry).to_string(),
            u8::from(c.halt.lonely).to_string(),
            u8::from(c.halt.tired).to_string(),
            c.helped.join(";"),
            c.note.clone(),
            c.updated_at.format(crate::store::checkins::UTC_FORMAT).to_string(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(&printable(f))).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::domain::checkin::Slip;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn days() -> Vec<CheckIn> {
        vec![
            CheckIn {
                mood: 2,
                craving: Some(8),
                triggers: vec!["loneliness".into(), "Svigermor".into()],
                slip: Some(Slip { substance: "øl".into(), amount: "2".into() }),
                note: "Tung kveld | ringte Kari\nså bedre".into(),
                sleep_half_hours: Some(13),
                ..CheckIn::blank(d(20), d(20).and_hms_opt(22, 0, 0).unwrap())
            },
            CheckIn {
                mood: 4,
                craving: Some(2),
                triggers: vec!["loneliness".into()],
                helped: vec!["breathe-through-the-urge".into()],
                note: "Gikk tur, \"fin\" dag".into(),
                ..CheckIn::blank(d(22), d(22).and_hms_opt(21, 0, 0).unwrap())
            },
        ]
    }

    #[test]
    fn the_markdown_summary_reads_in_the_users_language() {
        let md = markdown(&Content::new(None), &days(), &Beside::default(), d(9), d(22), Lang::Nb);
        assert!(md.starts_with("# Innsjekk 2026-11-09 – 2026-11-22\n"), "{md}");
        assert!(md.contains("- Sjekket inn: 2 av 14 dager"), "{md}");
        assert!(md.contains("- Humør: snitt 3,0 / 5"), "{md}");
        assert!(md.contains("- Sug: snitt 5,0 / 10, høyest 8"), "{md}");
        assert!(md.contains("- Ensomhet (2)"), "{md}");
        assert!(
            md.contains(
                "| 2026-11-20 fre | 2 Tungt | 8 | – | 6,5 t | Ja, en sprekk: øl 2 |  | Ensomhet, Svigermor |"
            ),
            "{md}"
        );
        assert!(md.contains("Tung kveld \\| ringte Kari<br>så bedre"), "a note stays in its cell: {md}");
        let en = markdown(&Content::new(None), &days(), &Beside::default(), d(9), d(22), Lang::En);
        assert!(en.contains("- Checked in: 2 of 14 days") && en.contains("Loneliness (2)"), "{en}");
        assert!(
            markdown(&Content::new(None), &[], &Beside::default(), d(9), d(22), Lang::En)
                .contains("No check-ins yet.")
        );
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let text = csv(&days());
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(CSV_HEADER));
        assert!(text.contains(",1,øl,2,loneliness;Svigermor,"), "{text}");
        assert!(text.contains("\"Tung kveld | ringte Kari\nså bedre\""), "{text}");
        assert!(text.contains("\"Gikk tur, \"\"fin\"\" dag\""), "{text}");
    }

    #[test]
    fn control_characters_in_notes_never_reach_a_report() {
        let mut c = CheckIn::blank(d(3), d(3).and_hms_opt(9, 0, 0).unwrap());
        c.note = "før\x1b[2J\x1b]0;tittel\x07 etter\r\nlinje to\u{9b}31m".into();
        c.triggers = vec!["egen\x1b[5mblink".into()];
        let md =
            markdown(&Content::new(None), std::slice::from_ref(&c), &Beside::default(), d(1), d(3), Lang::Nb);
        let csv = csv(std::slice::from_ref(&c));
        for (name, text) in [("md", &md), ("csv", &csv)] {
            let bad: Vec<char> = text.chars().filter(|&ch| ch.is_control() && ch != '\n').collect();
            assert!(bad.is_empty(), "{name}: {bad:?} in\n{text}");
        }
        assert!(md.contains("før[2J]0;tittel etter<br>linje to31m"), "{md}");
        assert!(csv.contains("\"før[2J]0;tittel etter\nlinje to31m\""), "{csv}");
    }
}

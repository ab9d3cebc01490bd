//! `mestring review`: the weekly review as text or Markdown, for the terminal, a pipe or a
//! therapist. Reads only; a week without data is a review of zeros, not an error.

use std::io::Write;

use super::{Env, Outcome, database_exists};
use crate::cli::{ReviewArgs, TextFormat};
use crate::domain::review;
use crate::store::Store;
use crate::widgets::review::{ReviewDoc, document};

pub fn run(args: &ReviewArgs, env: &Env) -> Outcome {
    let today = env.clock.today();
    let start = match &args.week {
        Some(week) => review::parse_week(week, env.sunday_first).unwrap_or(today),
        None => review::week_start(today, env.sunday_first),
    };
    let store =
        if database_exists(env)? { Store::open_read_only(&env.db_path)? } else { Store::open_in_memory()? };
    let doc = document(&store.week_review(start, today)?, env.lang, env.content);
    let text = match args.format {
        TextFormat::Text => plain(&doc),
        TextFormat::Md => markdown(&doc),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// No control characters from the person's own words in a terminal.
fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

fn plain(doc: &ReviewDoc) -> String {
    let [width, a, b] = doc.widths();
    let mut out = format!("{}\n\n{:width$}  {:>a$}  {:>b$}\n", doc.title, "", doc.columns[0], doc.columns[1]);
    for [label, this, before] in &doc.rows {
        out.push_str(&format!("{label:width$}  {this:>a$}  {before:>b$}\n"));
    }
    for (heading, items) in &doc.lists {
        out.push_str(&format!("\n{heading}: {}\n", clean(&items.join(", "))));
    }
    out.push_str(&format!("\n{}:\n", doc.patterns_heading));
    for p in &doc.patterns {
        out.push_str(&format!("- {p}\n"));
    }
    if let Some(note) = doc.pattern_note {
        out.push_str(&format!("  {note}\n"));
    }
    out.push_str(&format!("\n{} {}\n", doc.takeaway_label, clean(&doc.takeaway)));
    out
}

fn markdown(doc: &ReviewDoc) -> String {
    let cell = |t: &str| clean(t).replace('|', "\\|");
    let mut out =
        format!("# {}\n\n| | {} | {} |\n|---|---:|---:|\n", doc.title, doc.columns[0], doc.columns[1]);
    for [label, this, before] in &doc.rows {
        out.push_str(&format!("| {} | {this} | {before} |\n", cell(label.trim())));
    }
    for (heading, items) in &doc.lists {
        out.push_str(&format!("\n## {heading}\n\n"));
        for item in items {
            out.push_str(&format!("- {}\n", cell(item)));
        }
    }
    out.push_str(&format!("\n## {}\n\n", doc.patterns_heading));
    for p in &doc.patterns {
        out.push_str(&format!("- {}\n", cell(p)));
    }
    if let Some(note) = doc.pattern_note {
        out.push_str(&format!("\n*{note}*\n"));
    }
    out.push_str(&format!("\n**{}** {}\n", doc.takeaway_label, cell(&doc.takeaway)));
    out
}

//! Content as plain text or Markdown, for pipes and screen readers, and the generated shell
//! completions and manual page. Nothing here opens the database.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::{Env, Outcome};
use crate::cli::{self, TextFormat, TextQuery};
use crate::content::{articles, faq, helplines, techniques};
use crate::domain::search::{Finder, MatchKind, Query, Searchable};
use crate::i18n::Lang;

pub fn completions(shell: clap_complete::Shell, lang: Lang) -> Outcome {
    clap_complete::generate(shell, &mut cli::command(lang), "mestring", &mut std::io::stdout().lock());
    Ok(())
}

/// The manual page, in the interface's language.
pub fn man(lang: Lang) -> Outcome {
    clap_mangen::Man::new(cli::command(lang)).render(&mut std::io::stdout().lock())?;
    Ok(())
}

/// An item to print: a heading, paragraphs, and a dim last line (the source).
struct Entry {
    title: String,
    paragraphs: Vec<String>,
    footer: String,
}

/// A search on the command line that found nothing: said, and exit status 1, so a script can
/// tell an empty answer from a found one.
#[derive(Debug)]
pub struct NoMatches(pub String);

impl std::fmt::Display for NoMatches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoMatches {}

pub fn faq(query: &TextQuery, env: &Env) -> Outcome {
    let s = env.lang.strings();
    let items = faq::all(env.content, env.lang);
    let order = ranked(&query.words, items.iter().map(|f| [f.question.as_str(), f.answer.as_str()]));
    let entries = order.into_iter().map(|i| &items[i]).map(|f| Entry {
        title: f.question.clone(),
        paragraphs: std::iter::once(format!("[{}]", f.topic.name(s)))
            .chain(f.answer.split("\n\n").map(str::to_owned))
            .chain(articles::reports_figure(env.content, &f.answer, env.lang).then(|| caveat(env)))
            .collect(),
        footer: articles::source_line(env.content, &f.source, env.lang),
    });
    print_found(entries, query, env)
}

pub fn techniques(query: &TextQuery, env: &Env) -> Outcome {
    let items = techniques::all(env.content, env.lang);
    let order = ranked(&query.words, items.iter().map(|t| [t.name.as_str(), t.summary.as_str()]));
    let entries = order.into_iter().map(|i| &items[i]).map(|t| {
        let mut paragraphs = vec![t.summary.clone()];
        paragraphs.extend(t.steps.iter().enumerate().map(|(i, step)| format!("{}. {step}", i + 1)));
        if let Some(reported) = &t.reported {
            paragraphs.push(reported.text.clone());
            paragraphs.push(caveat(env));
        }
        Entry {
            title: t.name.clone(),
            paragraphs,
            footer: articles::source_line(env.content, &t.source, env.lang),
        }
    });
    print_found(entries, query, env)
}

fn caveat(env: &Env) -> String {
    articles::figure_caveat(env.content, env.lang).to_owned()
}

pub fn help_lines(format: TextFormat, env: &Env) -> Outcome {
    let s = env.lang.strings();
    let Some(region) = helplines::for_region(env.content, env.region) else { return Ok(()) };
    let entries = region.lines.iter().map(|l| Entry {
        title: format!("{}  {}", l.number, l.name),
        paragraphs: [
            Some(l.description.get(env.lang)),
            Some(l.hours.get(env.lang)),
            l.note.as_ref().map(|n| n.get(env.lang)),
        ]
        .into_iter()
        .flatten()
        .map(str::to_owned)
        .collect(),
        footer: match l.source.as_str() {
            "" => format!("{} {}", s.crisis_verified, l.last_verified),
            source => format!("{} {} · {source}", s.crisis_verified, l.last_verified),
        },
    });
    print_entries(entries, format, env)
}

/// The items that match every word, in title or text, best first (in their own order when
/// equal); all of them without words. Same rules as the search in the app.
fn ranked<'a>(words: &[String], fields: impl Iterator<Item = [&'a str; 2]>) -> Vec<usize> {
    let Some(query) = Query::new(&words.join(" ")) else {
        return fields.enumerate().map(|(i, _)| i).collect();
    };
    let mut finder = Finder::default();
    let mut scored: Vec<(usize, u32)> = fields
        .enumerate()
        .filter_map(|(i, [title, text])| {
            let (title, text) = (Searchable::new(title), Searchable::new(text));
            finder.find(&query, &[(&title, MatchKind::Title), (&text, MatchKind::Text)]).map(|h| (i, h.score))
        })
        .collect();
    scored.sort_by_key(|(_, score)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(i, _)| i).collect()
}

/// The entries a search found, or, when it found none, a sentence saying so (exit status 1).
fn print_found(entries: impl Iterator<Item = Entry>, query: &TextQuery, env: &Env) -> Outcome {
    let mut entries = entries.peekable();
    if entries.peek().is_none() && !query.words.is_empty() {
        let words = query.words.join(" ");
        return Err(Box::new(NoMatches(env.lang.strings().no_matches_for.replace("{}", &words))));
    }
    print_entries(entries, query.format, env)
}

/// The entries, then, if there were any, that mestring is no substitute for professional help.
fn print_entries(entries: impl Iterator<Item = Entry>, format: TextFormat, env: &Env) -> Outcome {
    let width = output_width();
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for entry in entries {
        any = true;
        match format {
            TextFormat::Md => {
                writeln!(out, "## {}\n", entry.title)?;
                for p in &entry.paragraphs {
                    writeln!(out, "{p}\n")?;
                }
                writeln!(out, "*{}*\n", entry.footer)?;
            }
            TextFormat::Text => {
                writeln!(out, "{}", entry.title)?;
                writeln!(out, "{}", "=".repeat(entry.title.width().min(width)))?;
                for p in &entry.paragraphs {
                    for line in wrap(p, width) {
                        writeln!(out, "{line}")?;
                    }
                    writeln!(out)?;
                }
                for line in wrap(&entry.footer, width) {
                    writeln!(out, "{line}")?;
                }
                writeln!(out)?;
            }
        }
    }
    let not_treatment = env.lang.strings().crisis_not_treatment;
    match format {
        _ if !any => {}
        TextFormat::Md => writeln!(out, "*{not_treatment}*")?,
        TextFormat::Text => {
            for line in wrap(not_treatment, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// The terminal's width when printing to one (at most 100, for readable lines), else 80.
fn output_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(cols).clamp(20, 100);
    }
    80
}

/// Greedy word wrap by display width; a word longer than the line gets a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole_and_lines_within_width() {
        let lines = wrap("Du trenger ikke bære alt alene, og det er ingen skam å be om hjelp.", 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), "Du trenger ikke bære alt alene, og det er ingen skam å be om hjelp.");
        assert_eq!(wrap("ordsomerlengreennlinjen kort", 10), vec!["ordsomerlengreennlinjen", "kort"]);
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn no_words_keeps_everything_and_words_filter_best_first() {
        let fields =
            [["Motivasjon", "Om å holde ut"], ["Pårørende", "For familien"], ["Familien", "Og pårørende"]];
        assert_eq!(ranked(&[], fields.into_iter()), vec![0, 1, 2]);
        assert_eq!(ranked(&["parorende".into()], fields.into_iter()), vec![1, 2], "a title first");
        assert_eq!(ranked(&["holde".into(), "ut".into()], fields.into_iter()), vec![0]);
    }
}

//! How a technique reads in the detail pane, and the names of groups, tags and exercises.

use ratatui::text::{Line, Span};

use super::View;
use super::techniques::SCOPES;
use crate::action::Action;
use crate::content::Content;
use crate::content::{Tag, Technique, TechniqueGroup, articles, exercises};
use crate::domain::search::Hit;
use crate::i18n::{Lang, LearnText};
use crate::widgets::doc::Doc;
use crate::widgets::highlight::{highlighted, highlighted_paragraphs};

pub(super) fn detail_doc<'a>(t: &'a Technique, hit: Option<&Hit>, favourite: bool, view: &View) -> Doc<'a> {
    let (lang, theme, strings) = (view.lang, view.theme, view.strings);
    let s = &strings.learn;
    let field = |i: usize| hit.map(|h| h.fields[i].as_slice());
    let mut doc = Doc::new();
    let mut title = highlighted(&t.name, field(0), theme.emphasis, theme.match_hl);
    if favourite {
        title.push(Span::styled(format!("  * {}", s.technique_favourite), theme.key));
    }
    doc.line(Line::from(title));
    let tags: Vec<&str> = t.tags.iter().map(|tag| tag_name(*tag, s)).collect();
    doc.line(Line::styled(format!("{}: {}", s.technique_helps_with, tags.join(", ")), theme.dim));
    doc.blank();
    doc.lines(highlighted_paragraphs(&t.summary, field(1), theme.base, theme.match_hl));
    doc.blank();
    doc.line(Line::styled(s.technique_steps, theme.heading));
    let steps = t.steps.join("\n");
    let lines = highlighted_paragraphs(&steps, field(2), theme.base, theme.match_hl);
    for (n, line) in lines.into_iter().enumerate() {
        let mut spans = vec![Span::styled(format!("{}. ", n + 1), theme.key)];
        // Each step borrows from the joined text, which dies here: own the words.
        spans.extend(line.spans.into_iter().map(|sp| Span::styled(sp.content.into_owned(), sp.style)));
        doc.line(Line::from(spans));
    }
    if let Some(id) = &t.exercise {
        doc.blank();
        let name = exercise_name(view.content, lang, id).unwrap_or(id.as_str());
        let key = view.keys.key_hint(Action::Practise, SCOPES);
        doc.line(Line::from(vec![
            Span::styled(format!("{}: ", s.technique_exercise), theme.heading),
            Span::styled(name, theme.emphasis),
            Span::styled(format!("  ({key} {})", s.technique_exercise_start), theme.dim),
        ]));
    }
    doc.blank();
    doc.line(Line::from(vec![
        Span::styled(format!("{}  ", view.keys.key_hint(Action::MarkUsed, SCOPES)), theme.key),
        Span::styled(s.technique_used, theme.dim),
    ]));
    if let Some(reported) = &t.reported {
        doc.blank();
        doc.line(Line::styled(s.technique_reported, theme.heading));
        doc.line(Line::from(reported.text.as_str()));
        doc.line(Line::styled(articles::figure_caveat(view.content, lang), theme.dim));
    }
    doc.blank();
    doc.line(Line::styled(articles::source_line(view.content, &t.source, lang), theme.dim));
    doc
}

/// The name of a breathing or mindfulness exercise, for the detail and the start message.
pub fn exercise_name<'a>(content: &'a Content, lang: Lang, id: &str) -> Option<&'a str> {
    let breathing = exercises::breathing(content, lang).iter().find(|b| b.id == id).map(|b| b.name.as_str());
    breathing.or_else(|| {
        exercises::mindfulness(content, lang).iter().find(|m| m.id == id).map(|m| m.name.as_str())
    })
}

pub fn tag_name(tag: Tag, s: &LearnText) -> &'static str {
    match tag {
        Tag::Craving => s.tag_craving,
        Tag::Stress => s.tag_stress,
        Tag::Anxiety => s.tag_anxiety,
        Tag::LowMood => s.tag_low_mood,
        Tag::Sleep => s.tag_sleep,
        Tag::Loneliness => s.tag_loneliness,
        Tag::Relapse => s.tag_relapse,
        Tag::Motivation => s.tag_motivation,
    }
}

pub fn group_name(group: TechniqueGroup, s: &LearnText) -> &'static str {
    match group {
        TechniqueGroup::Method => s.group_method,
        TechniqueGroup::QuitStep => s.group_quit_step,
        TechniqueGroup::EverydayTip => s.group_everyday_tip,
        TechniqueGroup::MotivationTip => s.group_motivation_tip,
        TechniqueGroup::Mistake => s.group_mistake,
    }
}

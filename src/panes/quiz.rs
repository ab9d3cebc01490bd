//! "Myte eller fakta": rounds of statements to judge, one key per answer, the explanation at
//! once, a score at the end, and spaced review (see `domain::quiz`) so what was missed comes back.

use chrono::{NaiveDate, Timelike};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::readout::{Readout, doc_lines};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::{Statement, Verdict, articles, quiz};
use crate::domain::quiz::{self as leitner, Card, ROUND_LEN, Round, RoundKind, RoundRecord};
use crate::i18n::{Lang, LearnText};
use crate::keymap::Scope;
use crate::widgets::doc::Doc;

pub const SCOPES: &[Scope] = &[Scope::Sections, Scope::Quiz];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The start page: what to do, the review boxes and the history.
    Start,
    /// A round is on; `answered` holds whether the last answer was right while its explanation
    /// is shown.
    Asking { round: Round, answered: Option<bool> },
    /// The result of the round just finished.
    Done { round: Round },
}

pub struct QuizPane {
    pub(super) content: &'static Content,
    lang: Lang,
    cards: Vec<Card>,
    /// Oldest first.
    rounds: Vec<RoundRecord>,
    stage: Stage,
    /// The date of the last action, for the "due today" count: drawing has no clock.
    today: NaiveDate,
}

impl QuizPane {
    pub fn new(
        content: &'static Content,
        lang: Lang,
        cards: Vec<Card>,
        rounds: Vec<RoundRecord>,
        today: NaiveDate,
    ) -> Self {
        Self { content, lang, cards, rounds, stage: Stage::Start, today }
    }

    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    pub fn rounds(&self) -> &[RoundRecord] {
        &self.rounds
    }

    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// The statement waiting for an answer or showing its explanation.
    pub fn current(&self) -> Option<&'static Statement> {
        let Stage::Asking { round, answered } = &self.stage else { return None };
        let index = round.answers.len() - usize::from(answered.is_some());
        let id = round.ids.get(index)?;
        quiz::all(self.content, self.lang).iter().find(|s| &s.id == id)
    }

    fn ids(&self) -> Vec<&'static str> {
        quiz::all(self.content, self.lang).iter().map(|s| s.id.as_str()).collect()
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) {
        self.today = ctx.clock.today();
        match (&self.stage, action) {
            (Stage::Asking { answered: None, .. }, Action::AnswerMyth) => self.answer(Verdict::Myth, ctx),
            (Stage::Asking { answered: None, .. }, Action::AnswerFact) => self.answer(Verdict::Fact, ctx),
            (Stage::Asking { answered: Some(_), round }, Action::Continue) => {
                self.stage = if round.is_finished() {
                    Stage::Done { round: round.clone() }
                } else {
                    Stage::Asking { round: round.clone(), answered: None }
                };
            }
            (Stage::Asking { .. }, Action::Back) => self.stage = Stage::Start,
            (Stage::Asking { .. }, _) => {}
            (Stage::Start | Stage::Done { .. }, Action::NewRound) => self.start(RoundKind::Regular, ctx),
            (Stage::Start, Action::Continue) => self.start(RoundKind::Regular, ctx),
            (Stage::Start | Stage::Done { .. }, Action::ReviewMistakes) => {
                self.start(RoundKind::Mistakes, ctx)
            }
            (Stage::Done { .. }, Action::Continue | Action::Back) => self.stage = Stage::Start,
            _ => {}
        }
    }

    fn start(&mut self, kind: RoundKind, ctx: &mut Ctx) {
        let ids = self.ids();
        let drawn = match kind {
            RoundKind::Regular => {
                // A seed from the time, so rounds differ; a fixed clock makes it repeatable.
                let now = ctx.clock.now();
                let seed =
                    now.and_utc().timestamp() as u64 ^ u64::from(now.nanosecond()) ^ self.rounds.len() as u64;
                leitner::draw(&ids, &self.cards, ctx.clock.today(), ROUND_LEN, seed)
            }
            RoundKind::Mistakes => leitner::mistakes(&ids, &self.cards, ROUND_LEN),
        };
        if drawn.is_empty() {
            *ctx.toast = Some(ctx.lang.strings().learn.quiz_no_mistakes.to_owned());
            return;
        }
        self.stage = Stage::Asking { round: Round::new(kind, drawn), answered: None };
    }

    fn answer(&mut self, verdict: Verdict, ctx: &mut Ctx) {
        let Some(statement) = self.current() else { return };
        let right = statement.verdict == verdict;
        let previous = self.cards.iter().find(|c| c.id == statement.id);
        let card = leitner::answer(previous, &statement.id, right, ctx.clock.today());
        // The answer counts in the round either way; only the box needs the disk.
        let at = ctx.clock.moment();
        if ctx.save(|store| store.save_card(&card, at)) {
            match self.cards.iter_mut().find(|c| c.id == card.id) {
                Some(old) => *old = card,
                None => self.cards.push(card),
            }
        }
        let Stage::Asking { round, answered } = &mut self.stage else { return };
        round.record(right);
        *answered = Some(right);
        if round.is_finished() {
            let record = round.to_record(at.local);
            if ctx.save(|store| store.add_round(&record)) {
                self.rounds.push(record);
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (&view.strings.learn, view.theme);
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Span::styled(format!(" {} ", s.section_quiz), theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let doc = match &self.stage {
            Stage::Start => self.start_doc(inner.height, view),
            Stage::Asking { round, answered } => self.asking_doc(round, *answered, view),
            Stage::Done { round } => self.done_doc(round, view),
        };
        doc.render(inner, buf, 0);
    }

    /// The start page, the statement and its answer, or the result, for the plain mode. Its
    /// lines name the keys, which the plain mode takes as answers too.
    pub fn readout(&self, view: &View) -> Readout {
        let doc = match &self.stage {
            Stage::Start => self.start_doc(u16::MAX, view),
            Stage::Asking { round, answered } => self.asking_doc(round, *answered, view),
            Stage::Done { round } => self.done_doc(round, view),
        };
        Readout { detail: doc_lines(&doc), inner: self.stage != Stage::Start, ..Readout::default() }
    }

    fn start_doc(&self, height: u16, view: &View) -> Doc<'static> {
        let (s, theme) = (&view.strings.learn, view.theme);
        let ids = self.ids();
        let mut doc = Doc::new();
        doc.line(Line::from(s.quiz_intro)).blank();
        doc.line(key_line(Action::NewRound, s.quiz_new_round, view));
        let mistakes = leitner::mistakes(&ids, &self.cards, usize::MAX).len();
        if mistakes > 0 {
            doc.line(key_line(Action::ReviewMistakes, &format!("{} ({mistakes})", s.quiz_review), view));
        } else {
            doc.line(Line::styled(s.quiz_no_mistakes, theme.dim));
        }
        doc.blank();
        let (boxes, unseen) = leitner::box_counts(&ids, &self.cards);
        let due = leitner::due_count(&ids, &self.cards, self.today);
        let mut spans = vec![Span::styled(format!("{}: ", s.quiz_boxes), theme.heading)];
        for (i, n) in boxes.iter().enumerate() {
            spans.push(Span::raw(format!("{} {}: {n} · ", s.quiz_box, i + 1)));
        }
        spans.push(Span::raw(format!("{}: {unseen} · {}: {due}", s.quiz_unseen, s.quiz_due)));
        doc.line(Line::from(spans));
        doc.line(Line::styled(s.quiz_boxes_explain, theme.dim)).blank();
        doc.line(Line::styled(s.quiz_history, theme.heading));
        if self.rounds.is_empty() {
            doc.line(Line::styled(s.quiz_no_history, theme.dim));
            return doc;
        }
        // The newest rounds that fit; the rest is counted, not lost.
        let used = doc.height(u16::MAX);
        let room = usize::from(height).saturating_sub(used + 1).max(1);
        let shown = room.min(self.rounds.len());
        for record in self.rounds.iter().rev().take(shown) {
            let kind = kind_label(record.kind, s);
            let score = format!("{:>2} {} {}", record.right, s.of, record.total);
            let when = record.finished_at.format(s.datetime_format).to_string();
            doc.line(Line::from(vec![
                Span::styled(format!("{when}  "), theme.dim),
                Span::raw(format!("{kind:<16}")),
                Span::styled(score, theme.emphasis),
            ]));
        }
        if self.rounds.len() > shown {
            doc.line(Line::styled(format!("+ {} {}", self.rounds.len() - shown, s.quiz_older), theme.dim));
        }
        doc
    }

    fn asking_doc(&self, round: &Round, answered: Option<bool>, view: &View) -> Doc<'static> {
        let (s, theme) = (&view.strings.learn, view.theme);
        let mut doc = Doc::new();
        let Some(statement) = self.current() else { return doc };
        let number = round.answers.len() + usize::from(answered.is_none());
        let right_so_far = round.right();
        let mut heading = vec![Span::styled(
            format!("{} {number} {} {}", s.quiz_statement, s.of, round.ids.len()),
            theme.heading,
        )];
        if round.kind == RoundKind::Mistakes {
            heading.push(Span::styled(format!(" · {}", s.quiz_kind_mistakes), theme.heading));
        }
        heading.push(Span::styled(format!("   {right_so_far} {}", s.quiz_so_far), theme.dim));
        doc.line(Line::from(heading));
        doc.blank();
        doc.line(Line::styled(statement.text.clone(), theme.emphasis)).blank();
        match answered {
            None => {
                doc.line(Line::from(s.quiz_question)).blank();
                doc.line(key_line(Action::AnswerMyth, s.quiz_myth, view));
                doc.line(key_line(Action::AnswerFact, s.quiz_fact, view));
            }
            Some(right) => {
                let verdict = match statement.verdict {
                    Verdict::Myth => s.quiz_is_myth,
                    Verdict::Fact => s.quiz_is_fact,
                };
                let mark = if right { s.quiz_right } else { s.quiz_wrong };
                doc.line(Line::from(vec![
                    Span::styled(format!("{mark} "), if right { theme.title } else { theme.heading }),
                    Span::styled(verdict, theme.emphasis),
                ]));
                doc.line(Line::from(statement.explanation.clone())).blank();
                let source = articles::source_line(self.content, &statement.source, self.lang);
                doc.line(Line::styled(source, theme.dim)).blank();
                let next = if round.is_finished() { s.quiz_finish } else { s.quiz_next };
                doc.line(key_line(Action::Continue, next, view));
            }
        }
        doc
    }

    fn done_doc(&self, round: &Round, view: &View) -> Doc<'static> {
        let (s, theme) = (&view.strings.learn, view.theme);
        let mut doc = Doc::new();
        let (right, total) = (round.right().to_string(), round.ids.len().to_string());
        doc.line(Line::styled(
            s.quiz_score.replace("{right}", &right).replace("{total}", &total),
            theme.title,
        ));
        let all_right = round.right() == round.ids.len();
        doc.line(Line::from(if all_right { s.quiz_all_right } else { s.quiz_some_wrong })).blank();
        // The keys before the list, so a long list on a small screen cannot hide them.
        let mut keys = vec![(Action::Continue, s.quiz_back), (Action::NewRound, s.quiz_new_round)];
        if !leitner::mistakes(&self.ids(), &self.cards, 1).is_empty() {
            keys.push((Action::ReviewMistakes, s.quiz_review));
        }
        let mut spans = Vec::new();
        for (action, what) in keys {
            if !spans.is_empty() {
                spans.push(Span::styled(" · ", theme.dim));
            }
            spans.extend(key_line(action, what, view).spans);
        }
        doc.line(Line::from(spans)).blank();
        let statements = quiz::all(self.content, self.lang);
        for (id, right) in round.ids.iter().zip(&round.answers) {
            let text = statements.iter().find(|st| &st.id == id).map_or(id.as_str(), |st| st.text.as_str());
            let mark = if *right { s.quiz_right_mark } else { s.quiz_wrong_mark };
            doc.line(Line::from(vec![
                Span::styled(format!("{mark:<8}"), if *right { theme.key } else { theme.heading }),
                Span::raw(text.to_owned()),
            ]));
        }
        doc
    }
}

/// "m  myte": a key from the keymap and what it does here.
fn key_line(action: Action, what: &str, view: &View) -> Line<'static> {
    let theme = view.theme;
    Line::from(vec![
        Span::styled(format!("{}  ", view.keys.key_hint(action, SCOPES)), theme.key),
        Span::raw(what.to_owned()),
    ])
}

fn kind_label(kind: RoundKind, s: &LearnText) -> &'static str {
    match kind {
        RoundKind::Regular => s.quiz_kind_regular,
        RoundKind::Mistakes => s.quiz_kind_mistakes,
    }
}

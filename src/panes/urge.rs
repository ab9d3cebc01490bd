//! The craving dialog, over any screen: write a craving down as it happens (how strong, what
//! set it off, a note), then an offer of what could help (urge surfing, a breathing pattern,
//! the plan's own steps), never opened by itself; and, some minutes later, "how did it go?".

use chrono::NaiveDateTime;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::entry_form::{EntryForm, FormEvent};
use super::{Ctx, View};
use crate::action::Action;
use crate::domain::plan::Section;
use crate::domain::urges::{NOTE_MAX_CHARS, Outcome, TRIGGER_MAX_CHARS, Urge};
use crate::i18n::Lang;
use crate::store::urges::StoredUrge;

const SCALE: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
/// The exercises the offer starts, by their ids in `exercises.ron`.
pub const OFFERED: [&str; 2] = ["urge-surfing", "4-7-8"];

pub enum Stage {
    /// Writing it down.
    Log(EntryForm),
    /// What could help now; `selected` is one of [`OFFERED`].
    Offer { logged_at: NaiveDateTime, selected: usize, own_steps: Vec<String> },
    /// How it went with the urge of this id.
    FollowUp { id: i64, form: EntryForm },
}

pub struct UrgeFlow {
    lang: Lang,
    pub stage: Stage,
}

/// What the dialog asks of the app after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Stay,
    /// An urge was written down now: ask about it later.
    Logged(NaiveDateTime),
    Close,
    /// Answered "still there": close, and ask again a while after this moment.
    Later(NaiveDateTime),
    /// Close and go on with this action (start an exercise).
    Then(Action),
}

impl UrgeFlow {
    /// The dialog that writes a craving down, strength 5 to start from.
    pub fn log(lang: Lang) -> Self {
        let t = &lang.strings().urges;
        let form = EntryForm::new(t.title)
            .intro(t.intro)
            .choice(t.field_intensity, SCALE.to_vec(), 5)
            .text(t.field_trigger, "", TRIGGER_MAX_CHARS)
            .text(t.field_note, "", NOTE_MAX_CHARS);
        Self { lang, stage: Stage::Log(form) }
    }

    /// "How did it go?" for an urge logged earlier.
    pub fn follow_up(lang: Lang, stored: StoredUrge) -> Self {
        let t = &lang.strings().urges;
        let options = vec![t.outcome_passed, t.outcome_used, t.outcome_still];
        let intro = t
            .follow_intro
            .replace("{time}", &stored.urge.at.format("%H:%M").to_string())
            .replace("{n}", &stored.urge.intensity.to_string());
        let form = EntryForm::new(t.follow_title).intro(intro).choice(t.field_outcome, options, 0).choice(
            t.field_now,
            SCALE.to_vec(),
            usize::from(stored.urge.intensity.min(10)),
        );
        Self { lang, stage: Stage::FollowUp { id: stored.id, form } }
    }

    /// The form open in the dialog, if it shows one (not the offer).
    pub fn form(&self) -> Option<&EntryForm> {
        match &self.stage {
            Stage::Log(form) | Stage::FollowUp { form, .. } => Some(form),
            Stage::Offer { .. } => None,
        }
    }

    /// The dialog as lines, for the plain mode.
    pub fn lines(&self) -> Vec<String> {
        let t = &self.lang.strings().urges;
        match &self.stage {
            Stage::Log(_) => vec![t.title.to_owned(), t.intro.to_owned()],
            Stage::FollowUp { .. } => vec![t.follow_title.to_owned()],
            Stage::Offer { logged_at, selected, own_steps } => {
                let mut lines = vec![
                    t.logged.replace("{time}", &logged_at.format("%H:%M").to_string()),
                    t.offer_title.to_owned(),
                    t.offer_intro.to_owned(),
                ];
                for (i, name) in [t.offer_surf, t.offer_breathe].into_iter().enumerate() {
                    lines.push(format!("{}{name}", if i == *selected { "> " } else { "  " }));
                }
                lines.push(if own_steps.is_empty() {
                    t.offer_no_plan.to_owned()
                } else {
                    t.offer_plan.to_owned()
                });
                lines.extend(own_steps.iter().map(|s| format!("- {s}")));
                lines.push(t.offer_keys.to_owned());
                lines
            }
        }
    }

    /// The forms take every key as text; the offer is moved through with the form keys.
    pub fn text_mode(&self) -> bool {
        !matches!(self.stage, Stage::Offer { .. })
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Step {
        match &mut self.stage {
            Stage::Log(form) => match form.handle(action) {
                FormEvent::Editing => Step::Stay,
                FormEvent::Cancel => Step::Close,
                FormEvent::Submit => self.save_log(ctx),
            },
            Stage::Offer { selected, .. } => match action {
                Action::Up | Action::ScrollUp => {
                    *selected = selected.saturating_sub(1);
                    Step::Stay
                }
                Action::Down | Action::ScrollDown => {
                    *selected = (*selected + 1).min(OFFERED.len() - 1);
                    Step::Stay
                }
                Action::Open => Step::Then(Action::StartExercise(OFFERED[*selected])),
                Action::Back => Step::Close,
                _ => Step::Stay,
            },
            Stage::FollowUp { id, form, .. } => match form.handle(action) {
                FormEvent::Editing => Step::Stay,
                FormEvent::Cancel => Step::Close,
                FormEvent::Submit => {
                    let outcome = Outcome::ALL[form.selected(0).min(2)];
                    let now_strength = form.selected(1) as u8;
                    let id = *id;
                    let at = ctx.clock.moment();
                    if !ctx.save(|s| s.answer_urge(id, outcome, Some(now_strength), at)) {
                        return Step::Stay;
                    }
                    let t = &self.lang.strings().urges;
                    *ctx.toast = Some(
                        match outcome {
                            Outcome::Passed => t.answered_passed,
                            Outcome::Used => t.answered_used,
                            Outcome::StillThere => t.answered_still,
                        }
                        .to_owned(),
                    );
                    if outcome.ends() { Step::Close } else { Step::Later(at.local) }
                }
            },
        }
    }

    fn save_log(&mut self, ctx: &mut Ctx) -> Step {
        let Stage::Log(form) = &mut self.stage else { return Step::Stay };
        let at = ctx.clock.moment();
        let trigger = crate::content::labels::trigger_id_for(ctx.content, &form.value(1));
        let urge = Urge::new(at.local, form.selected(0) as u8, &trigger, &form.value(2));
        if let Err(e) = urge.validate() {
            form.refuse(1, e.to_string());
            return Step::Stay;
        }
        if ctx.write(|s| s.log_urge(&urge, at)).is_none() {
            // Why is in the footer; the form keeps what was typed.
            return Step::Stay;
        }
        let own_steps = ctx
            .read(|s| s.plan_sections(&[Section::OnMyOwn]))
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.item.text)
            .collect();
        self.stage = Stage::Offer { logged_at: at.local, selected: 0, own_steps };
        Step::Logged(at.local)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        match &self.stage {
            Stage::Log(form) => form.render(area, buf, view),
            Stage::FollowUp { form, .. } => form.render(area, buf, view),
            Stage::Offer { logged_at, selected, own_steps } => {
                self.render_offer(area, buf, view, *logged_at, *selected, own_steps);
            }
        }
    }

    fn render_offer(
        &self,
        area: Rect,
        buf: &mut Buffer,
        view: &View,
        logged_at: NaiveDateTime,
        selected: usize,
        own_steps: &[String],
    ) {
        let (t, theme) = (&self.lang.strings().urges, view.theme);
        let mut lines = vec![
            Line::styled(t.logged.replace("{time}", &logged_at.format("%H:%M").to_string()), theme.emphasis),
            Line::from(""),
            Line::styled(t.offer_intro, theme.dim),
            Line::from(""),
        ];
        for (i, name) in [t.offer_surf, t.offer_breathe].into_iter().enumerate() {
            let marker = if i == selected { "› " } else { "  " };
            let line = Line::from(vec![Span::styled(marker, theme.key), Span::raw(name)]);
            lines.push(if i == selected { line.style(theme.selected) } else { line });
        }
        lines.push(Line::from(""));
        if own_steps.is_empty() {
            lines.push(Line::styled(t.offer_no_plan, theme.dim));
        } else {
            lines.push(Line::styled(t.offer_plan, theme.heading));
            lines.extend(own_steps.iter().map(|s| Line::from(format!("  - {s}"))));
        }
        let text = Paragraph::new(lines).wrap(Wrap { trim: false });
        let block = Block::bordered()
            .border_style(theme.title)
            .title(Span::styled(format!(" {} ", t.offer_title), theme.title))
            .title_bottom(Line::styled(format!(" {} ", t.offer_keys), theme.dim).right_aligned());
        crate::ui::render_popup(area, buf, 72, text, block);
    }
}

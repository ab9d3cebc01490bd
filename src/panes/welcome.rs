//! The welcome on the very first start, in four short steps that Esc skips at any point: what
//! mestring is and is not (with the crisis key), language and region (suggested from the
//! environment), an optional first sober counter, and the offer of a first check-in.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::entry_form::{EntryForm, FormEvent};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::RegionId;
use crate::domain::parse;
use crate::domain::sober::{Counter, NAME_MAX_CHARS};
use crate::i18n::{Lang, WelcomeText};

pub const REGIONS: [RegionId; 5] =
    [RegionId::Norway, RegionId::Sweden, RegionId::Denmark, RegionId::UkIreland, RegionId::Us];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeStep {
    About,
    /// `focus`: 0 the language, 1 the region.
    Language {
        focus: usize,
    },
    Counter,
    FirstCheckin,
}

impl WelcomeStep {
    fn number(self) -> usize {
        match self {
            WelcomeStep::About => 1,
            WelcomeStep::Language { .. } => 2,
            WelcomeStep::Counter => 3,
            WelcomeStep::FirstCheckin => 4,
        }
    }
}

/// What the app should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WelcomeEvent {
    Stay,
    /// The language and region were chosen: keep them in the settings and use them.
    Chose {
        lang: Lang,
        region: RegionId,
    },
    /// The welcome is over; open the check-in now or show I dag.
    Done {
        checkin_now: bool,
    },
}

pub struct Welcome {
    pub step: WelcomeStep,
    pub lang: Lang,
    pub region: RegionId,
    today: NaiveDate,
    counter: EntryForm,
}

impl Welcome {
    pub fn new(lang: Lang, region: RegionId, today: NaiveDate) -> Self {
        Self { step: WelcomeStep::About, lang, region, today, counter: counter_form(lang, today) }
    }

    /// The counter's form, on its step.
    pub fn form(&self) -> Option<&EntryForm> {
        (self.step == WelcomeStep::Counter).then_some(&self.counter)
    }

    /// Where the counter's form is drawn in the welcome's `area`.
    pub fn form_area(area: Rect) -> Rect {
        let inner = Block::bordered().inner(area);
        Rect { y: inner.y + 3, height: inner.height.saturating_sub(3), ..inner }.intersection(inner)
    }

    /// The step as lines, for the plain mode.
    pub fn lines(&self, crisis_key: &str) -> Vec<String> {
        let t = &self.lang.strings().review.welcome;
        let step = t.step.replace("{n}", &self.step.number().to_string()).replace("{total}", "4");
        let mut lines = vec![format!("{} · {step}", t.title)];
        match self.step {
            WelcomeStep::About => {
                lines.extend(t.about.iter().map(|s| s.to_string()));
                lines.extend([t.crisis.replace("{key}", crisis_key), t.next_keys.to_owned()]);
            }
            WelcomeStep::Language { .. } => {
                let region = REGIONS.iter().position(|r| *r == self.region).unwrap_or(0);
                let lang = if self.lang == Lang::Nb { "Norsk bokmål" } else { "English" };
                lines.extend([
                    t.lang_title.to_owned(),
                    format!("{}: {lang}", t.lang),
                    format!("{}: {}", t.region, t.regions[region]),
                    t.lang_keys.to_owned(),
                ]);
            }
            WelcomeStep::Counter => lines.extend([t.counter_title.to_owned(), t.counter_intro.to_owned()]),
            WelcomeStep::FirstCheckin => {
                lines.extend([t.checkin_intro.to_owned(), t.checkin_keys.to_owned()])
            }
        }
        lines.push(t.skip.to_owned());
        lines
    }

    /// The counter's fields take every key as text.
    pub fn text_mode(&self) -> bool {
        self.step == WelcomeStep::Counter
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> WelcomeEvent {
        if self.step == WelcomeStep::Counter {
            return self.handle_counter(action, ctx);
        }
        if *action == Action::Back {
            return WelcomeEvent::Done { checkin_now: false };
        }
        match (self.step, action) {
            (WelcomeStep::About, Action::Open) => self.step = WelcomeStep::Language { focus: 0 },
            (WelcomeStep::Language { focus }, Action::Up | Action::Down) => {
                self.step = WelcomeStep::Language { focus: 1 - focus };
            }
            (WelcomeStep::Language { focus }, Action::Decrease | Action::Increase | Action::Toggle) => {
                let step: isize = if *action == Action::Decrease { -1 } else { 1 };
                if focus == 0 {
                    let at = Lang::ALL.iter().position(|l| *l == self.lang).unwrap_or(0) as isize;
                    self.lang = Lang::ALL[(at + step).rem_euclid(Lang::ALL.len() as isize) as usize];
                    self.counter = counter_form(self.lang, self.today);
                } else {
                    let at = REGIONS.iter().position(|r| *r == self.region).unwrap_or(0) as isize;
                    self.region = REGIONS[(at + step).rem_euclid(REGIONS.len() as isize) as usize];
                }
            }
            (WelcomeStep::Language { .. }, Action::Open) => {
                self.step = WelcomeStep::Counter;
                return WelcomeEvent::Chose { lang: self.lang, region: self.region };
            }
            (WelcomeStep::FirstCheckin, Action::Open) => return WelcomeEvent::Done { checkin_now: true },
            _ => {}
        }
        WelcomeEvent::Stay
    }

    fn handle_counter(&mut self, action: &Action, ctx: &mut Ctx) -> WelcomeEvent {
        match self.counter.handle(action) {
            FormEvent::Editing => WelcomeEvent::Stay,
            FormEvent::Cancel => WelcomeEvent::Done { checkin_now: false },
            FormEvent::Submit => {
                let name = self.counter.value(0);
                if !name.is_empty() {
                    let t = &self.lang.strings().review.welcome;
                    let start = parse::date(&self.counter.value(1)).ok().filter(|d| *d <= ctx.clock.today());
                    let Some(start) = start else {
                        self.counter.refuse(1, t.bad_date);
                        return WelcomeEvent::Stay;
                    };
                    let counter = Counter { name, start, follows_checkins: true };
                    let at = ctx.clock.moment();
                    if ctx.write(|s| s.add_counter(&counter, at)).is_none() {
                        return WelcomeEvent::Stay;
                    }
                }
                self.step = WelcomeStep::FirstCheckin;
                WelcomeEvent::Stay
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (s, theme) = (self.lang.strings(), view.theme);
        let t = &s.review.welcome;
        Clear.render(area, buf);
        let step = t.step.replace("{n}", &self.step.number().to_string()).replace("{total}", "4");
        let keys = match self.step {
            WelcomeStep::About => t.next_keys,
            WelcomeStep::Language { .. } => t.lang_keys,
            WelcomeStep::Counter => t.counter_keys,
            WelcomeStep::FirstCheckin => t.checkin_keys,
        };
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Span::styled(format!(" {} · {step} ", t.title), theme.title))
            .title_bottom(Line::styled(format!(" {keys} · {} ", t.skip), theme.dim).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let crisis = view.keys.key_hint(Action::Crisis, &[]);
        let lines = match self.step {
            WelcomeStep::About => {
                let mut lines: Vec<Line> = Vec::new();
                for (i, text) in t.about.iter().enumerate() {
                    let style = if i == 2 { theme.emphasis } else { theme.base };
                    lines.extend([Line::styled(*text, style), Line::from("")]);
                }
                lines.push(Line::styled(t.crisis.replace("{key}", &crisis), theme.emphasis));
                lines
            }
            WelcomeStep::Language { focus } => self.language_lines(t, view, focus),
            WelcomeStep::Counter => {
                let intro = vec![Line::styled(t.counter_title, theme.heading), Line::from(t.counter_intro)];
                Paragraph::new(intro).wrap(Wrap { trim: false }).render(inner, buf);
                self.counter.render(Welcome::form_area(area), buf, &View { strings: s, ..*view });
                return;
            }
            WelcomeStep::FirstCheckin => {
                vec![
                    Line::styled(t.checkin_title, theme.heading),
                    Line::from(""),
                    Line::from(t.checkin_intro),
                ]
            }
        };
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }

    fn language_lines(&self, t: &WelcomeText, view: &View, focus: usize) -> Vec<Line<'static>> {
        let theme = view.theme;
        let names = ["Norsk bokmål", "English"];
        let choice = |label: &'static str, options: Vec<&'static str>, chosen: usize, focused: bool| {
            let mut spans = vec![Span::styled(if focused { "› " } else { "  " }, theme.key)];
            for (i, option) in options.into_iter().enumerate() {
                let style = if i == chosen { theme.selected } else { theme.dim };
                spans.extend([Span::styled(format!(" {option} "), style), Span::raw(" ")]);
            }
            [Line::styled(label, if focused { theme.title } else { theme.dim }), Line::from(spans)]
        };
        let lang_at = Lang::ALL.iter().position(|l| *l == self.lang).unwrap_or(0);
        let region_at = REGIONS.iter().position(|r| *r == self.region).unwrap_or(0);
        let mut lines = vec![Line::styled(t.lang_title, theme.heading), Line::from("")];
        lines.extend(choice(t.lang, names.to_vec(), lang_at, focus == 0));
        lines.push(Line::from(""));
        lines.extend(choice(t.region, t.regions.to_vec(), region_at, focus == 1));
        lines
    }
}

fn counter_form(lang: Lang, today: NaiveDate) -> EntryForm {
    let t = &lang.strings().review.welcome;
    EntryForm::new(t.counter_title).text(t.counter_name, "", NAME_MAX_CHARS).text(
        t.counter_start,
        &today.to_string(),
        10,
    )
}

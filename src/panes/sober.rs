//! "Rusfri": sober counters. Each shows the days in a row, the next milestone (and a message
//! when one is reached), the total, the longest run and the slips over time. A slip is recorded
//! with its date and, if the person wants, what happened and what to learn; it never resets
//! anything silently, and the days before it keep counting in the total.

use chrono::{Datelike, NaiveDate};

use super::Ctx;
use super::confirm::{Answer, Confirm};
use super::entry_form::{EntryForm, FormEvent};
use super::sober_forms::{self, Purpose};
use crate::action::Action;
use crate::domain::sober;
use crate::i18n::Lang;
use crate::store::sober::{CounterToday, SlipEntry, StoredCounter};
use crate::widgets::list_nav::ListNav;

/// Slips listed on the screen, newest first.
const SLIPS_SHOWN: usize = 200;
/// Months in the slips-over-time chart.
pub const MONTHS: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    /// The selected counter's slips, with the cursor on one.
    Slips(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Counter(i64),
    Slip(i64, NaiveDate),
}

pub enum Mode {
    Browse,
    Form(Purpose, EntryForm),
    Confirm(Confirm<Target>),
}

pub struct SoberPane {
    pub(super) lang: Lang,
    pub(super) today: NaiveDate,
    pub counters: Vec<(StoredCounter, CounterToday)>,
    pub(super) nav: ListNav,
    pub focus: Focus,
    /// The selected counter's slips, newest first, and how many fell in each recent month.
    pub slips: Vec<SlipEntry>,
    pub by_month: Vec<((i32, u32), u32)>,
    pub mode: Mode,
    /// The region's currency, for what the counter saved.
    pub currency: crate::domain::savings::Currency,
}

impl SoberPane {
    pub fn new(lang: Lang, today: NaiveDate) -> Self {
        Self {
            lang,
            today,
            counters: Vec::new(),
            nav: ListNav::default(),
            focus: Focus::List,
            slips: Vec::new(),
            by_month: Vec::new(),
            mode: Mode::Browse,
            currency: crate::domain::savings::Currency::Kroner,
        }
    }

    pub fn text_mode(&self) -> bool {
        matches!(self.mode, Mode::Form(..) | Mode::Confirm(_))
    }

    /// The rows: one per counter, then "+ new counter".
    pub fn row_count(&self) -> usize {
        self.counters.len() + 1
    }

    pub fn selected(&self) -> Option<&(StoredCounter, CounterToday)> {
        self.counters.get(self.nav.selected)
    }

    /// Reads the counters again (when the screen is shown, and after each change).
    pub fn enter(&mut self, ctx: &mut Ctx) {
        self.today = ctx.clock.today();
        if ctx.store.unavailable().is_some() {
            return;
        }
        let today = self.today;
        let loaded = ctx.read(|s| {
            s.counters()?
                .into_iter()
                .map(|c| {
                    let numbers = s.counter_today(&c, today)?;
                    Ok((c, numbers))
                })
                .collect::<crate::store::Result<Vec<_>>>()
        });
        if let Some(counters) = loaded {
            self.counters = counters;
        }
        self.nav.selected = self.nav.selected.min(self.row_count() - 1);
        self.load_detail(ctx);
    }

    fn load_detail(&mut self, ctx: &mut Ctx) {
        let Some((counter, _)) = self.selected().cloned() else {
            (self.slips, self.by_month) = (Vec::new(), Vec::new());
            self.focus = Focus::List;
            return;
        };
        let today = self.today;
        let loaded =
            ctx.read(|s| Ok((s.slips(&counter, today, SLIPS_SHOWN)?, s.slip_dates(&counter, today)?)));
        if let Some((slips, dates)) = loaded {
            self.slips = slips;
            self.by_month = sober::slips_by_month(today, MONTHS, dates);
        }
        if let Focus::Slips(cursor) = self.focus {
            self.focus = if self.slips.is_empty() {
                Focus::List
            } else {
                Focus::Slips(cursor.min(self.slips.len() - 1))
            };
        }
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => match self.focus {
                Focus::List => self.handle_list(action, ctx),
                Focus::Slips(cursor) => self.handle_slips(cursor, action, ctx),
            },
            Mode::Form(purpose, mut form) => match form.handle(action) {
                FormEvent::Editing => self.mode = Mode::Form(purpose, form),
                FormEvent::Cancel => {}
                FormEvent::Submit => {
                    if !sober_forms::submit(self, purpose, &mut form, ctx) {
                        self.mode = Mode::Form(purpose, form);
                    }
                }
            },
            Mode::Confirm(question) => match Confirm::<Target>::answer(action) {
                Answer::Waiting => self.mode = Mode::Confirm(question),
                Answer::No => {}
                Answer::Yes => self.delete(question.target, ctx),
            },
        }
        self.nav.ensure_visible(usize::from(super::sober_view::list_rows(ctx.area)));
        None
    }

    fn select(&mut self, row: usize, ctx: &mut Ctx) {
        let row = row.min(self.row_count() - 1);
        if row != self.nav.selected {
            self.nav.selected = row;
            self.load_detail(ctx);
        }
    }

    fn handle_list(&mut self, action: &Action, ctx: &mut Ctx) {
        let at = self.nav.selected;
        match action {
            Action::Up | Action::ScrollUp => self.select(at.saturating_sub(1), ctx),
            Action::Down | Action::ScrollDown => self.select(at + 1, ctx),
            Action::Top | Action::PageUp => self.select(0, ctx),
            Action::Bottom | Action::PageDown => self.select(usize::MAX, ctx),
            Action::Open if self.selected().is_none() => self.start(Purpose::NewCounter),
            Action::Open if !self.slips.is_empty() => self.focus = Focus::Slips(0),
            Action::Click { row, .. } => {
                let inner = super::sober_view::list_inner(ctx.area);
                if (inner.y..inner.bottom()).contains(row)
                    && let Some(i) = self.nav.row_at(usize::from(row - inner.y), self.row_count())
                {
                    self.select(i, ctx);
                }
            }
            _ => self.handle_counter(action),
        }
    }

    /// Keys that act on the selected counter, in the list and in its slips.
    fn handle_counter(&mut self, action: &Action) {
        let strings = self.lang.strings();
        match action {
            Action::NewItem => self.start(Purpose::NewCounter),
            Action::Edit => self.start(Purpose::EditCounter),
            Action::RecordSlip => self.start(Purpose::RecordSlip),
            Action::Delete => {
                if let Some((c, _)) = self.selected() {
                    let question = strings.sober.confirm_delete_counter.replace("{}", &c.counter.name);
                    self.mode = Mode::Confirm(Confirm::new(question, Target::Counter(c.id)));
                }
            }
            _ => {}
        }
    }

    fn handle_slips(&mut self, cursor: usize, action: &Action, ctx: &mut Ctx) {
        let strings = self.lang.strings();
        let Some(slip) = self.slips.get(cursor).cloned() else {
            self.focus = Focus::List;
            return;
        };
        let date_words = strings.goals.short_date(slip.date, self.today.year());
        match action {
            Action::Back => self.focus = Focus::List,
            Action::Up | Action::ScrollUp => self.focus = Focus::Slips(cursor.saturating_sub(1)),
            Action::Down | Action::ScrollDown => {
                self.focus = Focus::Slips((cursor + 1).min(self.slips.len() - 1));
            }
            Action::Edit | Action::Open => self.start(Purpose::EditSlip(slip.date)),
            Action::Delete if slip.note.is_some() => {
                let Some((c, _)) = self.selected() else { return };
                let question = strings.sober.confirm_delete_slip.replace("{}", &date_words);
                self.mode = Mode::Confirm(Confirm::new(question, Target::Slip(c.id, slip.date)));
            }
            Action::Delete => *ctx.toast = Some(strings.sober.slip_is_checkin.replace("{}", &date_words)),
            _ => self.handle_counter(action),
        }
    }

    fn start(&mut self, purpose: Purpose) {
        if let Some(form) = sober_forms::form(self, purpose) {
            self.mode = Mode::Form(purpose, form);
        }
    }

    fn delete(&mut self, target: Target, ctx: &mut Ctx) {
        let done = match target {
            Target::Counter(id) => ctx.save(|s| s.delete_counter(id)),
            Target::Slip(id, date) => ctx.save(|s| s.delete_slip(id, date)),
        };
        if done {
            if matches!(target, Target::Counter(_)) {
                self.focus = Focus::List;
            }
            self.enter(ctx);
        }
    }

    /// Selects the counter with `id` (after it was made).
    pub(super) fn select_id(&mut self, id: i64, ctx: &mut Ctx) {
        if let Some(i) = self.counters.iter().position(|(c, _)| c.id == id) {
            self.select(i, ctx);
        }
    }
}

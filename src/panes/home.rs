//! "I dag": the start screen. Days on the first counter and the next milestone, today's
//! check-in, today's habits (tick them here), the goal closest to its date, mood and craving
//! over the last seven days, the phase the person marked, and a technique of the day.
//!
//! It reads only what it shows, with a handful of small indexed queries: the first counter and
//! its slip days, seven days of check-ins, the habits and how far back each streak reaches,
//! and one goal. Nothing scans the whole history, so it costs the first frame next to nothing.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::Ctx;
use crate::action::Action;
use crate::content::Content;
use crate::content::daily_technique;
use crate::content::phases::Phase;
use crate::content::techniques::Technique;
use crate::domain::habits::Mark;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::goals::StoredGoal;
use crate::store::habits::HabitToday;
use crate::store::sober::CounterToday;

/// What the home screen shows, read when it is shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Today {
    pub counter: Option<CounterToday>,
    pub checked_in: bool,
    pub habits: Vec<HabitToday>,
    pub goal: Option<StoredGoal>,
    /// Mood and craving for each of the last seven days, oldest first; `None` without a
    /// check-in.
    pub week: Vec<(NaiveDate, Option<MoodAndCraving>)>,
}

/// A day's mood, and its craving (`None`: not answered).
pub type MoodAndCraving = (u8, Option<u8>);

/// The numbers of the screens the home screen points to ("press 3"), from the tab bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TabKeys {
    pub checkin: Option<char>,
    pub goals: Option<char>,
    pub sober: Option<char>,
    pub breathe: Option<char>,
    pub history: Option<char>,
}

pub struct HomePane {
    pub(super) content: &'static Content,
    pub(super) lang: Lang,
    pub today: NaiveDate,
    pub data: Today,
    /// Why the data could not be read, shown in place of it.
    pub problem: Option<String>,
    pub phase: Option<&'static Phase>,
    pub keys: TabKeys,
    /// The habit the cursor is on.
    pub selected: usize,
    /// The technique of the day, for `today`.
    pub technique: Option<Technique>,
    /// Weeks start on Sunday (the settings), so the review is offered on Saturday evening.
    pub sunday_first: bool,
    /// The week's last evening and its review not written: offer it.
    pub review_offered: bool,
    /// The region's currency, for what the first counter saved.
    pub currency: crate::domain::savings::Currency,
}

impl HomePane {
    pub fn new(content: &'static Content, lang: Lang, today: NaiveDate, keys: TabKeys) -> Self {
        Self {
            content,
            lang,
            today,
            data: Today::default(),
            problem: None,
            phase: None,
            keys,
            selected: 0,
            technique: None,
            sunday_first: false,
            review_offered: false,
            currency: crate::domain::savings::Currency::Kroner,
        }
    }

    /// Reads today's numbers; `phase` is the one marked on the phases screen.
    pub fn enter(&mut self, ctx: &mut Ctx, phase: Option<&'static Phase>) {
        self.phase = phase;
        let now = ctx.clock.now();
        self.set_today(now.date());
        let read = match ctx.store.get() {
            Ok(store) => store.in_one_read(|store| read_today(store, now)),
            Err(problem) => {
                self.problem = Some(problem.describe(self.lang.strings()));
                return;
            }
        };
        match read {
            Ok(data) => {
                self.data = data;
                self.problem = None;
                self.review_offered =
                    ctx.store.get().is_ok_and(|s| review_offer_due(s, now, self.sunday_first));
            }
            Err(e) => self.problem = Some(e.describe(self.lang.strings())),
        }
        self.selected = self.selected.min(self.data.habits.len().saturating_sub(1));
    }

    fn set_today(&mut self, today: NaiveDate) {
        if self.technique.is_none() || self.today != today {
            self.technique = daily_technique::of_the_day(self.content, self.lang, today);
        }
        self.today = today;
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        let last = self.data.habits.len().saturating_sub(1);
        match action {
            Action::Up | Action::ScrollUp => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.selected = (self.selected + 1).min(last),
            Action::Toggle => self.tick(ctx),
            _ => {}
        }
        None
    }

    /// Ticks the selected habit for today, or unticks it.
    fn tick(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.data.habits.get(self.selected).map(|h| h.id) else { return };
        let at = ctx.clock.moment();
        let today = at.local.date();
        // A weekly habit may be done on another day this week: only today's mark is changed.
        let marks = ctx.read(|s| s.habit_marks_between(id, today, today)).unwrap_or_default();
        let new = if marks.iter().any(|(_, m)| *m == Mark::Done) { None } else { Some(Mark::Done) };
        if ctx.save(|s| s.set_habit_mark(id, today, new, at)) {
            let phase = self.phase;
            self.enter(ctx, phase);
        }
    }
}

/// From 18:00 on the week's last day, until the week's line is written.
pub const REVIEW_EVENING_HOUR: u32 = 18;

/// Whether I dag offers the week's review now.
pub fn review_offer_due(store: &Store, now: NaiveDateTime, sunday_first: bool) -> bool {
    use crate::domain::review;
    use chrono::Timelike;
    let start = review::week_start(now.date(), sunday_first);
    let last_day = start.checked_add_days(Days::new(6)) == Some(now.date());
    last_day
        && now.hour() >= REVIEW_EVENING_HOUR
        && store.takeaway(&review::week_label(start)).is_ok_and(|line| line.is_none())
}

impl Today {
    /// Nothing recorded yet that I dag shows: it says where to start instead.
    pub fn is_empty(&self) -> bool {
        self.counter.is_none()
            && self.habits.is_empty()
            && self.goal.is_none()
            && !self.checked_in
            && self.week.iter().all(|(_, v)| v.is_none())
    }
}

/// Everything the home screen shows from the store, as of `now`.
pub fn read_today(store: &Store, now: NaiveDateTime) -> crate::store::Result<Today> {
    let today = now.date();
    let from = today.checked_sub_days(Days::new(6)).unwrap_or(today);
    let checkins = store.checkins_between(from, today)?;
    let week = from
        .iter_days()
        .take(7)
        .map(|d| (d, checkins.iter().find(|c| c.date == d).map(|c| (c.mood, c.craving))))
        .collect();
    Ok(Today {
        counter: store.first_counter_today(today)?,
        checked_in: checkins.iter().any(|c| c.date == today),
        habits: store.habits_today(now)?,
        goal: store.closest_goal(today)?,
        week,
    })
}

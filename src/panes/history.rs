//! "Historikk": check-ins over time, as charts, a year calendar, trigger counts and a list of
//! days. Data is read when the screen is shown: the last year (and this calendar year) for the
//! charts, and the list a page at a time, so a long history costs no more than a short one.

use chrono::{Datelike, Days, NaiveDate};

use super::Ctx;
use crate::action::Action;
use crate::content::Content;
use crate::domain::checkin::CheckIn;
use crate::domain::stats::{self, CravingByTrigger, Streak, Summary};
use crate::i18n::Lang;
use crate::keymap::Scope;
use crate::widgets::list_nav::ListNav;

/// The periods the charts can show, in days.
pub const RANGES: [u32; 4] = [14, 30, 90, 365];
/// How many days the list reads at a time.
const PAGE: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryView {
    Overview,
    Calendar,
    Triggers,
    Days,
    /// The weekly review.
    Review,
    /// Cravings written down, per day.
    Urges,
}

impl HistoryView {
    pub const ALL: [HistoryView; 6] = [
        HistoryView::Overview,
        HistoryView::Calendar,
        HistoryView::Triggers,
        HistoryView::Days,
        HistoryView::Review,
        HistoryView::Urges,
    ];
}

/// Numbers for the chosen period, computed once per load or period change, not per frame.
#[derive(Debug, Clone, Default)]
pub struct PeriodStats {
    pub summary: Summary,
    pub triggers: Vec<(String, u32)>,
    pub craving: Option<CravingByTrigger>,
    pub weekday: [Option<f64>; 7],
    /// (day index from the period's start, value) per check-in.
    pub mood: Vec<(f64, f64)>,
    pub craving_points: Vec<(f64, f64)>,
    pub stress: Vec<(f64, f64)>,
    /// Day index of each check-in that recorded a slip.
    pub slip_days: Vec<f64>,
    /// Days between two points of a line (a week for periods over a season): a longer step is
    /// a gap the line does not cross.
    pub step: f64,
}

pub struct HistoryPane {
    pub(super) content: &'static Content,
    pub(super) lang: Lang,
    pub(super) today: NaiveDate,
    pub(super) view: HistoryView,
    pub(super) range: usize,
    /// Oldest first: the last 365 days and the current calendar year.
    pub(super) recent: Vec<CheckIn>,
    pub(super) stats: PeriodStats,
    pub(super) streak: Streak,
    /// Newest first, read a page at a time.
    pub(super) days: Vec<CheckIn>,
    days_complete: bool,
    pub(super) nav: ListNav,
    /// Narrow screens show the list or the day; wide ones both.
    pub(super) detail_open: bool,
    pub(super) detail_scroll: u16,
    pub(super) problem: Option<String>,
    /// Weeks start on Sunday (from the settings file) rather than Monday.
    pub(super) sunday_first: bool,
    /// The review of the week starting on `review_start`, read when the screen is shown.
    pub(super) review: Option<crate::domain::review::Review>,
    pub(super) review_start: Option<NaiveDate>,
    /// Scrolls the review, or the list of days with cravings.
    pub(super) review_scroll: u16,
    /// Cravings per day, newest first.
    pub(super) urge_days: Vec<crate::domain::urges::DayUrges>,
    /// The week's line "what I take into next week" while it is typed.
    pub(super) typing: Option<String>,
}

impl HistoryPane {
    pub fn new(content: &'static Content, lang: Lang, today: NaiveDate) -> Self {
        Self {
            content,
            lang,
            today,
            view: HistoryView::Overview,
            range: 0,
            recent: Vec::new(),
            stats: PeriodStats::default(),
            streak: Streak::default(),
            days: Vec::new(),
            days_complete: false,
            nav: ListNav::default(),
            detail_open: false,
            detail_scroll: 0,
            problem: None,
            sunday_first: false,
            review: None,
            review_start: None,
            review_scroll: 0,
            urge_days: Vec::new(),
            typing: None,
        }
    }

    /// Which day the weekday chart starts on (`week_start` in the settings file).
    pub fn set_sunday_first(&mut self, sunday_first: bool) {
        self.sunday_first = sunday_first;
    }

    pub fn range_days(&self) -> u32 {
        RANGES[self.range]
    }

    /// First day of the chosen period.
    pub fn period_start(&self) -> NaiveDate {
        self.today.checked_sub_days(Days::new(u64::from(self.range_days() - 1))).unwrap_or(self.today)
    }

    /// Reads what the screen shows. Called each time it is shown, so a new check-in is there.
    pub fn enter(&mut self, ctx: &mut Ctx) {
        self.today = ctx.clock.today();
        let year_start = NaiveDate::from_ymd_opt(self.today.year(), 1, 1).unwrap_or(self.today);
        let last_year = self.today.checked_sub_days(Days::new(364)).unwrap_or(self.today);
        let store = match ctx.store.get() {
            Ok(store) => store,
            Err(problem) => {
                self.problem = Some(problem.describe(self.lang.strings()));
                return;
            }
        };
        let read = (|| {
            let recent = store.checkins_between(year_start.min(last_year), self.today)?;
            let streak = store.streak(self.today)?;
            let first_page = store.checkins_before(self.today + Days::new(1), PAGE)?;
            Ok::<_, crate::store::StoreError>((recent, streak, first_page))
        })();
        match read {
            Ok((recent, streak, first_page)) => {
                self.problem = None;
                self.recent = recent;
                self.streak = streak;
                self.days_complete = first_page.len() < PAGE;
                self.days = first_page;
                self.nav.selected = self.nav.selected.min(self.days.len().saturating_sub(1));
                self.recompute();
                self.read_retention(ctx);
            }
            Err(e) => self.problem = Some(e.describe(self.lang.strings())),
        }
    }

    fn recompute(&mut self) {
        let start = self.period_start();
        let from = self.recent.partition_point(|c| c.date < start);
        let period = &self.recent[from..];
        let x = |c: &CheckIn| (c.date - start).num_days();
        // Longer than a season: a point a week, so the line shows the trend, not every day.
        let bucket = if self.range_days() > 90 { 7 } else { 1 };
        // A day without an answer is no point: the line breaks there, as for a missing day.
        let series = |value: fn(&CheckIn) -> Option<u8>| {
            stats::bucketed(period.iter().filter_map(|c| Some((x(c), f64::from(value(c)?)))), bucket)
        };
        self.stats = PeriodStats {
            summary: stats::summary(period),
            triggers: stats::trigger_counts(period),
            craving: Some(stats::craving_by_trigger(period)),
            weekday: stats::mood_by_weekday(period),
            mood: series(|c| Some(c.mood)),
            craving_points: series(|c| c.craving),
            stress: series(|c| c.stress),
            slip_days: period.iter().filter(|c| c.slip.is_some()).map(|c| x(c) as f64).collect(),
            step: bucket as f64,
        };
    }

    pub fn view(&self) -> HistoryView {
        self.view
    }

    /// Only the list of days has rows to move through and open; the charts and the calendar
    /// have no cursor, so their footer does not offer one.
    pub fn scopes(&self) -> &'static [Scope] {
        match self.view {
            // The review scrolls and takes its line with Enter; the cravings scroll.
            HistoryView::Days | HistoryView::Review | HistoryView::Urges => &[Scope::List, Scope::Charts],
            _ => &[Scope::Charts],
        }
    }

    /// How many days the list has read so far.
    pub fn days_read(&self) -> usize {
        self.days.len()
    }

    pub fn selected_day(&self) -> Option<&CheckIn> {
        self.days.get(self.nav.selected)
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        let review_key = matches!(
            action,
            Action::Decrease
                | Action::Increase
                | Action::Open
                | Action::Up
                | Action::Down
                | Action::ScrollUp
                | Action::ScrollDown
        );
        match self.view {
            HistoryView::Review if self.typing.is_some() || review_key => {
                self.handle_review(action, ctx);
                return None;
            }
            HistoryView::Urges => self.handle_urges(action),
            _ => {}
        }
        match action {
            Action::NextView => self.switch_view(1),
            Action::PrevView => self.switch_view(-1),
            Action::Increase => self.set_range(self.range + 1),
            Action::Decrease => self.set_range(self.range.saturating_sub(1)),
            Action::Edit => {
                let date = match self.view {
                    HistoryView::Days => self.selected_day().map(|c| c.date),
                    _ => Some(self.today),
                };
                return date.map(Action::EditCheckin);
            }
            _ if self.view == HistoryView::Days => self.handle_days(action, ctx),
            _ => {}
        }
        None
    }

    fn switch_view(&mut self, step: isize) {
        self.view = next(self.view, step);
        self.review_scroll = 0;
    }

    fn set_range(&mut self, range: usize) {
        let range = range.min(RANGES.len() - 1);
        if range != self.range {
            self.range = range;
            self.recompute();
        }
    }

    fn handle_days(&mut self, action: &Action, ctx: &mut Ctx) {
        let page = usize::from(ctx.area.height.saturating_sub(4)).max(1) as isize;
        if self.detail_open {
            match action {
                Action::Up | Action::ScrollUp => self.detail_scroll = self.detail_scroll.saturating_sub(1),
                Action::Down | Action::ScrollDown => {
                    self.detail_scroll = self.detail_scroll.saturating_add(1)
                }
                Action::Back => self.detail_open = false,
                _ => {}
            }
            return;
        }
        match action {
            Action::Up | Action::ScrollUp => self.move_by(-1, ctx),
            Action::Down | Action::ScrollDown => self.move_by(1, ctx),
            Action::PageUp => self.move_by(-page, ctx),
            Action::PageDown => self.move_by(page, ctx),
            Action::Top => self.move_by(-(self.days.len() as isize), ctx),
            Action::Bottom => self.move_by(self.days.len() as isize, ctx),
            Action::Open if self.selected_day().is_some() => {
                self.detail_open = true;
                self.detail_scroll = 0;
            }
            _ => {}
        }
        self.nav.ensure_visible(usize::from(ctx.area.height.saturating_sub(4)));
    }

    fn move_by(&mut self, delta: isize, ctx: &mut Ctx) {
        if delta > 0 {
            self.read_more_days(self.nav.selected.saturating_add_signed(delta), ctx);
        }
        self.nav.move_by(delta, self.days.len(), |_| true);
        self.detail_scroll = 0;
    }

    /// Reads further pages until the list reaches row `upto`, or the oldest day.
    fn read_more_days(&mut self, upto: usize, ctx: &mut Ctx) {
        while !self.days_complete && upto >= self.days.len() {
            let Some(oldest) = self.days.last().map(|c| c.date) else { break };
            let Ok(store) = ctx.store.get() else { break };
            match store.checkins_before(oldest, PAGE) {
                Ok(page) => {
                    self.days_complete = page.len() < PAGE;
                    self.days.extend(page);
                }
                Err(e) => {
                    *ctx.toast = Some(e.describe(self.lang.strings()));
                    break;
                }
            }
        }
    }

    /// Nothing recorded yet (or nothing readable).
    pub fn is_empty(&self) -> bool {
        self.recent.is_empty() && self.days.is_empty()
    }
}

fn next(view: HistoryView, step: isize) -> HistoryView {
    let all = HistoryView::ALL;
    let at = all.iter().position(|v| *v == view).unwrap_or(0) as isize;
    all[(at + step).rem_euclid(all.len() as isize) as usize]
}

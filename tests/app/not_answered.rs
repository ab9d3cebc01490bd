//! The check-in form keeps craving and stress "not answered" until the person answers, and
//! what was not answered stays out of the history's averages and lines.

use crate::support::app::{app, feed, go, text};
use crate::support::checkins::today;
use mestring::action::Action;
use mestring::app::Tab;
use mestring::i18n::Lang;

#[test]
fn a_day_saved_without_craving_or_stress_keeps_them_not_answered() {
    let mut app = app(Lang::Nb, 80, 24);
    go(&mut app, Tab::Checkin);
    let screen = text(&app, 80, 24);
    let craving = screen.lines().find(|l| l.contains("Sug ")).unwrap();
    assert!(craving.contains("‹ – ›"), "not answered yet: {craving}");
    feed(&mut app, [Action::Save]);
    let saved = app.store().get().ok().unwrap().checkin_on(today()).unwrap().unwrap();
    assert_eq!((saved.craving, saved.stress), (None, None));
    feed(&mut app, [Action::Down, Action::Increase]);
    let saved = app.store().get().ok().unwrap().checkin_on(today()).unwrap().unwrap();
    assert_eq!(saved.craving, Some(0), "the first step answers 0");
    feed(&mut app, [Action::Toggle]);
    let saved = app.store().get().ok().unwrap().checkin_on(today()).unwrap().unwrap();
    assert_eq!(saved.craving, None, "Space takes the answer back");
    go(&mut app, Tab::History);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Sug snitt – (høyest –)"), "no average of nothing: {screen}");
}

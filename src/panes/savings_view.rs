//! What a sober counter has saved, in lines for the counter screen and I dag: money and time
//! from the person's own figures, and what they save for.

use ratatui::text::Line;

use crate::content::RegionId;
use crate::domain::savings::Currency;
use crate::i18n::Strings;
use crate::store::sober::CounterToday;
use crate::theme::Theme;

/// The currency of a region: kroner in Scandinavia, pounds in the UK and Ireland, dollars in
/// the US.
pub fn currency(region: RegionId) -> Currency {
    match region {
        RegionId::Norway | RegionId::Sweden | RegionId::Denmark => Currency::Kroner,
        RegionId::UkIreland => Currency::Pound,
        RegionId::Us => Currency::Dollar,
    }
}

/// "Saved: 4 500 kr · 45 hours freed", and "What I save for: ..." when `with_goal` and written.
pub fn saving_lines(
    c: &CounterToday,
    currency: Currency,
    s: &Strings,
    theme: &Theme,
    with_goal: bool,
) -> Vec<Line<'static>> {
    let Some(saving) = &c.saving else { return Vec::new() };
    let t = &s.review;
    let days = c.stats.total;
    let mut parts = Vec::new();
    if let Some(money) = saving.money(days) {
        parts.push(t.saved_money.replace("{money}", &currency.format(money)));
    }
    if let Some(minutes) = saving.time(days) {
        parts.push(t.saved_time.replace("{hours}", &(minutes / 60).to_string()));
    }
    let mut lines = Vec::new();
    if !parts.is_empty() {
        lines.push(Line::styled(parts.join(" · "), theme.key));
    }
    if with_goal && !saving.save_for.trim().is_empty() {
        lines.push(Line::styled(t.save_for.replace("{text}", saving.save_for.trim()), theme.base));
    }
    lines
}

//! Render-only pieces shared by several panes: they take data and a theme and draw, holding no
//! state of their own (and knowing nothing about time), so every screen with a list, a detail or
//! a chart looks and scrolls alike.

pub mod bars;
pub mod breath_figure;
pub mod doc;
pub mod highlight;
pub mod list_detail;
pub mod meter;

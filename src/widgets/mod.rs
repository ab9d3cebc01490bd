//! Pieces shared by several panes: render-only widgets that take data and a theme and draw, and
//! the cursor of a list ([`list_nav`]). None knows about time, so every screen with a list, a
//! detail or a chart looks and scrolls alike.

pub mod bars;
pub mod breath_figure;
pub mod doc;
pub mod fit;
pub mod highlight;
pub mod list_detail;
pub mod list_nav;
pub mod meter;
pub mod review;

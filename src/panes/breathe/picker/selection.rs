//! The list's rows as the plain mode reads them, and where the cursor finds the selected one.

use ratatui::layout::{Position, Rect};
use ratatui::widgets::Block;

use super::Picker;
use crate::domain::own_pattern::OwnPattern;
use crate::panes::View;
use crate::panes::readout::Item;

impl Picker {
    /// The rows as a plain list: each name with its pattern or length, under its group.
    pub fn readout_items(&self, view: &View, own: &[OwnPattern]) -> (Vec<Item>, usize) {
        let mut items = Vec::new();
        let mut heading = None;
        let mut selected = 0;
        for (i, row) in self.rows.iter().enumerate() {
            let (name, extra) = self.row_text(*row, own, view);
            if !row.selectable() {
                heading = Some(name);
                continue;
            }
            if i == self.nav.selected {
                selected = items.len();
            }
            let text = if extra.is_empty() { name } else { format!("{name} · {extra}") };
            items.push(Item { heading: heading.take(), text });
        }
        (items, selected)
    }

    /// The selected row (its marker), scrolled into view as drawing scrolls it.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let [_, list, _] = Self::areas(area);
        let mut nav = self.nav;
        nav.ensure_visible(usize::from(Block::bordered().inner(list).height));
        crate::widgets::list_detail::list_cursor(list, &nav, self.rows.len())
    }
}

//! Keys for a list-and-detail screen: moving through a list with headings, opening an item into
//! the detail, scrolling it, and going back. Each pane decides what its rows are and what its own
//! keys do; this holds what they would otherwise each write again.

use ratatui::layout::Position;

use super::readout::{Item, Readout};
use crate::action::Action;
use crate::widgets::list_detail::{self, Split};
use crate::widgets::list_nav::ListNav;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Search,
}

/// A heading (not selectable) or an item, by its index in the pane's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<H> {
    Heading(H),
    Item(usize),
}

#[derive(Debug, Clone)]
pub struct Browse<H> {
    pub rows: Vec<Row<H>>,
    pub nav: ListNav,
    pub focus: Focus,
    /// How far the detail is scrolled.
    pub scroll: u16,
}

/// Headings each followed by their items, in the given order; when a search scored the items
/// (`score` > 0), the best first: groups by their best item, items by score, ties in order.
pub fn grouped_rows<H: Copy + PartialEq>(groups: &[H], items: &[(usize, H, u32)]) -> Vec<Row<H>> {
    /// A heading, its best score, and its items with their scores.
    type Group<H> = (H, u32, Vec<(usize, u32)>);
    let mut order: Vec<Group<H>> = groups
        .iter()
        .map(|g| {
            let mut members: Vec<(usize, u32)> =
                items.iter().filter(|(_, h, _)| h == g).map(|(i, _, score)| (*i, *score)).collect();
            members.sort_by_key(|(_, score)| std::cmp::Reverse(*score));
            let best = members.first().map_or(0, |(_, score)| *score);
            (*g, best, members)
        })
        .filter(|(_, _, members)| !members.is_empty())
        .collect();
    order.sort_by_key(|(_, best, _)| std::cmp::Reverse(*best));
    let mut rows = Vec::new();
    for (heading, _, members) in order {
        rows.push(Row::Heading(heading));
        rows.extend(members.into_iter().map(|(i, _)| Row::Item(i)));
    }
    rows
}

impl<H: Copy> Browse<H> {
    pub fn new(rows: Vec<Row<H>>) -> Self {
        let mut browse = Self { rows: Vec::new(), nav: ListNav::default(), focus: Focus::List, scroll: 0 };
        browse.set_rows(rows);
        browse
    }

    fn is_item(&self, row: usize) -> bool {
        matches!(self.rows.get(row), Some(Row::Item(_)))
    }

    /// The content index of the item under the cursor, if the list is not empty.
    pub fn selected(&self) -> Option<usize> {
        match self.rows.get(self.nav.selected)? {
            Row::Item(i) => Some(*i),
            Row::Heading(_) => None,
        }
    }

    /// The content indices of the items shown, in order.
    pub fn item_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().filter_map(|r| match r {
            Row::Item(i) => Some(*i),
            Row::Heading(_) => None,
        })
    }

    pub fn item_count(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r, Row::Item(_))).count()
    }

    /// Replaces the rows (a new filter or search) and selects the first item.
    pub fn set_rows(&mut self, rows: Vec<Row<H>>) {
        self.rows = rows;
        let rows = &self.rows;
        self.nav.first(rows.len(), |i| matches!(rows[i], Row::Item(_)));
        self.scroll = 0;
        if self.focus == Focus::Detail && self.selected().is_none() {
            self.focus = Focus::List;
        }
    }

    /// Selects the item with content index `item`, if it is shown.
    pub fn select_item(&mut self, item: usize) -> bool {
        let Some(row) = self.rows.iter().position(|r| matches!(r, Row::Item(i) if *i == item)) else {
            return false;
        };
        self.nav.selected = row;
        self.scroll = 0;
        true
    }

    /// The list as a plain readout: each item with the heading it opens, the cursor, and the
    /// open item's `detail` (read only while the detail has the focus).
    pub fn readout(
        &self,
        heading: impl Fn(H) -> String,
        item: impl Fn(usize) -> String,
        detail: impl FnOnce() -> Vec<String>,
    ) -> Readout {
        let mut items = Vec::new();
        let mut selected = 0;
        let mut pending = None;
        for (i, row) in self.rows.iter().enumerate() {
            match row {
                Row::Heading(h) => pending = Some(heading(*h)),
                Row::Item(index) => {
                    if i == self.nav.selected {
                        selected = items.len();
                    }
                    items.push(Item { heading: pending.take(), text: item(*index) });
                }
            }
        }
        let readout = Readout::default().list(items, selected, Action::Open);
        if self.focus == Focus::Detail { readout.opened(detail()) } else { readout }
    }

    /// The selected row while the list has the keys, the open item's text while it has them;
    /// the search line is the pane's to place.
    pub fn cursor(&self, split: &Split) -> Option<Position> {
        match self.focus {
            Focus::List if split.shows_list(false) => {
                list_detail::list_cursor(split.list, &self.nav, self.rows.len())
            }
            Focus::Detail if split.shows_detail(true) => list_detail::box_cursor(split.detail),
            Focus::List | Focus::Detail | Focus::Search => None,
        }
    }

    pub fn move_selection(&mut self, delta: isize) {
        let rows = &self.rows;
        self.nav.move_by(delta, rows.len(), |i| matches!(rows[i], Row::Item(_)));
        self.scroll = 0;
    }

    /// Applies a list or detail key. `max_scroll` is how far the current detail can scroll.
    /// Returns false for an action this does not use, so the pane can give it a meaning.
    pub fn handle(&mut self, action: &Action, split: &Split, max_scroll: u16) -> bool {
        let handled = match self.focus {
            Focus::List => self.handle_list(action, split),
            Focus::Detail => self.handle_detail(action, split, max_scroll),
            Focus::Search => false,
        };
        self.nav.ensure_visible(split.list_rows());
        handled
    }

    fn handle_list(&mut self, action: &Action, split: &Split) -> bool {
        let page = split.list_rows().max(1) as isize;
        match action {
            Action::Up | Action::ScrollUp => self.move_selection(-1),
            Action::Down | Action::ScrollDown => self.move_selection(1),
            Action::PageUp => self.move_selection(-page),
            Action::PageDown => self.move_selection(page),
            Action::Top => {
                let rows = &self.rows;
                self.nav.first(rows.len(), |i| matches!(rows[i], Row::Item(_)));
                self.scroll = 0;
            }
            Action::Bottom => {
                let rows = &self.rows;
                self.nav.last(rows.len(), |i| matches!(rows[i], Row::Item(_)));
                self.scroll = 0;
            }
            Action::Open if self.selected().is_some() => {
                self.focus = Focus::Detail;
                self.scroll = 0;
            }
            Action::Click { column, row } => return self.click(*column, *row, split),
            _ => return false,
        }
        true
    }

    fn handle_detail(&mut self, action: &Action, split: &Split, max_scroll: u16) -> bool {
        let page = split.detail_page();
        match action {
            Action::Up | Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = self.scroll.saturating_add(page),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max_scroll,
            Action::Back => self.focus = Focus::List,
            Action::Click { column, row } if split.two_columns => return self.click(*column, *row, split),
            _ => return false,
        }
        self.scroll = self.scroll.min(max_scroll);
        true
    }

    fn click(&mut self, column: u16, row: u16, split: &Split) -> bool {
        let inner = split.list_inner();
        if !inner.contains((column, row).into()) {
            return false;
        }
        if let Some(i) = self.nav.row_at(usize::from(row - inner.y), self.rows.len())
            && self.is_item(i)
        {
            self.nav.selected = i;
            self.focus = Focus::List;
            self.scroll = 0;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn browse() -> Browse<u8> {
        Browse::new(vec![Row::Heading(0), Row::Item(0), Row::Item(1), Row::Heading(1), Row::Item(2)])
    }

    fn split() -> Split {
        Split::new(Rect::new(0, 0, 80, 20), 0, 40)
    }

    #[test]
    fn the_first_item_is_selected_and_headings_are_skipped() {
        let mut b = browse();
        assert_eq!(b.selected(), Some(0));
        for _ in 0..2 {
            b.handle(&Action::Down, &split(), 0);
        }
        assert_eq!(b.selected(), Some(2));
        assert_eq!(b.item_count(), 3);
    }

    #[test]
    fn open_focuses_the_detail_which_scrolls_within_bounds_and_back_returns() {
        let mut b = browse();
        assert!(b.handle(&Action::Open, &split(), 5));
        assert_eq!(b.focus, Focus::Detail);
        b.handle(&Action::PageDown, &split(), 5);
        assert_eq!(b.scroll, 5, "clamped to the detail's length");
        b.handle(&Action::Up, &split(), 5);
        assert_eq!(b.scroll, 4);
        assert!(b.handle(&Action::Back, &split(), 5));
        assert_eq!(b.focus, Focus::List);
        assert!(!b.handle(&Action::Back, &split(), 5), "Back in the list is the pane's to use");
    }

    #[test]
    fn new_rows_without_items_leave_the_detail() {
        let mut b = browse();
        b.handle(&Action::Open, &split(), 0);
        b.set_rows(vec![Row::Heading(0)]);
        assert_eq!(b.focus, Focus::List);
        assert_eq!(b.selected(), None);
        assert!(!b.select_item(1));
    }

    #[test]
    fn a_click_selects_the_row_under_the_mouse() {
        let mut b = browse();
        // Row 4 (item 2) is the fifth line inside the border.
        assert!(b.handle(&Action::Click { column: 3, row: 5 }, &split(), 0));
        assert_eq!(b.selected(), Some(2));
    }
}

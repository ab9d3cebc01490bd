//! Selection and scrolling for a list whose rows may include headings that cannot be selected.
//! Kept apart from drawing so every pane with a list moves the same way, and so `App` can map a
//! mouse click to a row with the same offset the list was drawn with.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListNav {
    pub selected: usize,
    pub offset: usize,
}

impl ListNav {
    /// Moves by `delta` rows, skipping rows that `selectable` rejects, clamped to the list.
    pub fn move_by(&mut self, delta: isize, len: usize, selectable: impl Fn(usize) -> bool) {
        if len == 0 {
            *self = Self::default();
            return;
        }
        let target = self.selected.saturating_add_signed(delta).min(len - 1);
        let forward = delta >= 0;
        self.selected = nearest(target, len, forward, &selectable)
            .or_else(|| nearest(target, len, !forward, &selectable))
            .unwrap_or(0);
    }

    pub fn first(&mut self, len: usize, selectable: impl Fn(usize) -> bool) {
        self.selected = nearest(0, len, true, &selectable).unwrap_or(0);
        self.offset = 0;
    }

    pub fn last(&mut self, len: usize, selectable: impl Fn(usize) -> bool) {
        self.selected = nearest(len.saturating_sub(1), len, false, &selectable).unwrap_or(0);
    }

    /// Scrolls the least needed to show the selection in `height` rows; when the selection is
    /// the first selectable row, the heading above it stays in view.
    pub fn ensure_visible(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected.saturating_sub(1);
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// The row drawn at `line` lines below the top of the list, if any.
    pub fn row_at(&self, line: usize, len: usize) -> Option<usize> {
        let row = self.offset + line;
        (row < len).then_some(row)
    }
}

fn nearest(from: usize, len: usize, forward: bool, selectable: &impl Fn(usize) -> bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    if forward {
        (from..len).find(|&i| selectable(i))
    } else {
        (0..=from.min(len.saturating_sub(1))).rev().find(|&i| selectable(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Rows 0 and 3 are headings.
    fn selectable(i: usize) -> bool {
        i != 0 && i != 3
    }

    #[test]
    fn moving_skips_headings_and_stops_at_the_ends() {
        let mut nav = ListNav::default();
        nav.first(6, selectable);
        assert_eq!(nav.selected, 1);
        nav.move_by(1, 6, selectable);
        nav.move_by(1, 6, selectable);
        assert_eq!(nav.selected, 4);
        nav.move_by(10, 6, selectable);
        assert_eq!(nav.selected, 5);
        nav.move_by(-2, 6, selectable);
        assert_eq!(nav.selected, 2, "from 5 up two lands on the heading 3, then goes on up");
        nav.move_by(-10, 6, selectable);
        assert_eq!(nav.selected, 1);
    }

    #[test]
    fn empty_lists_reset() {
        let mut nav = ListNav { selected: 4, offset: 2 };
        nav.move_by(1, 0, selectable);
        assert_eq!(nav, ListNav::default());
        let never = |_: usize| -> bool { panic!("an empty list has no rows to ask about") };
        nav.first(0, never);
        nav.last(0, never);
        assert_eq!(nav.selected, 0);
    }

    #[test]
    fn scrolling_follows_the_selection() {
        let mut nav = ListNav { selected: 9, offset: 0 };
        nav.ensure_visible(4);
        assert_eq!(nav.offset, 6);
        nav.selected = 1;
        nav.ensure_visible(4);
        assert_eq!(nav.offset, 0);
        assert_eq!(nav.row_at(2, 10), Some(2));
        assert_eq!(nav.row_at(20, 10), None);
    }
}

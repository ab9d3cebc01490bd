//! Where a pane puts the terminal's cursor: on the selected row, the chosen part or the field
//! being typed in, so a screen reader or a braille display that follows the cursor follows
//! the selection. Sighted people see nothing new: the cursor sits where the highlight is.

use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// The first cell of name `active` in a row of names each drawn as " name " with a space after
/// it (a screen's parts, a chart's views), starting at `area`'s left.
pub fn name_in_row<'a>(
    area: Rect,
    names: impl IntoIterator<Item = &'a str>,
    active: usize,
) -> Option<Position> {
    let before: usize = names.into_iter().take(active).map(|n| n.width() + 3).sum();
    let x = area.x.saturating_add(u16::try_from(before).ok()?);
    (area.height > 0 && x < area.right()).then(|| Position::new(x, area.y))
}

/// The first cell of line `line` of `lines` drawn wrapped in `area` and scrolled by `scroll`
/// rows, if it is in view.
pub fn wrapped_line(lines: &[Line], line: usize, area: Rect, scroll: u16) -> Option<Position> {
    let before = Paragraph::new(lines[..line.min(lines.len())].to_vec()).wrap(Wrap { trim: false });
    let row = u16::try_from(before.line_count(area.width)).ok()?.checked_sub(scroll)?;
    (row < area.height).then(|| Position::new(area.x, area.y + row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_after_the_names_before_it() {
        let area = Rect::new(2, 5, 40, 1);
        assert_eq!(name_in_row(area, ["Quiz", "Faser"], 0), Some(Position::new(2, 5)));
        assert_eq!(name_in_row(area, ["Quiz", "Faser"], 1), Some(Position::new(9, 5)));
        assert_eq!(name_in_row(Rect::new(0, 0, 5, 1), ["Quiz", "Faser"], 1), None, "out of the area");
    }

    #[test]
    fn a_line_is_found_below_the_wrapped_lines_before_it() {
        let lines = vec![Line::from("one two three"), Line::from("four")];
        let area = Rect::new(0, 10, 8, 5);
        assert_eq!(
            wrapped_line(&lines, 1, area, 0),
            Some(Position::new(0, 12)),
            "the first line wraps in two"
        );
        assert_eq!(wrapped_line(&lines, 1, area, 2), Some(Position::new(0, 10)));
        assert_eq!(wrapped_line(&lines, 0, area, 1), None, "scrolled out of view");
    }
}

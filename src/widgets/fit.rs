//! A line cut to a width says that it was cut: it ends in "…" instead of stopping mid-word as
//! if that were all.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// `line` as it fits in `width` columns: whole if it fits, else cut one column short with "…"
/// in the style of the last span kept. Styles, and the line's own style, are kept.
pub fn ellipsize(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width || width == 0 {
        return line;
    }
    let mut room = width - 1;
    let mut spans: Vec<Span> = Vec::new();
    for span in &line.spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if w > room {
                break;
            }
            room -= w;
            kept.push(c);
        }
        let whole = kept.len() == span.content.len();
        spans.push(Span::styled(kept, span.style));
        if !whole {
            break;
        }
    }
    let style = spans.last().map(|s| s.style).unwrap_or_default();
    spans.push(Span::styled("…", style));
    Line { spans, ..line }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Modifier, Style};

    use super::*;

    #[test]
    fn a_line_that_fits_is_whole_and_one_that_does_not_ends_in_an_ellipsis() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![Span::raw("Hva gjør "), Span::styled("jeg", bold)]);
        assert_eq!(ellipsize(line.clone(), 12), line);
        let cut = ellipsize(line, 11);
        assert_eq!(cut.to_string(), "Hva gjør j…");
        assert_eq!(cut.width(), 11);
        assert_eq!(cut.spans[1].style, bold);
        assert_eq!(ellipsize(Line::from("👩‍👧 og mer"), 3).width(), 3);
    }
}

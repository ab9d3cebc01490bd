//! Search matches drawn inside text: the finder reports char indices, these turn them into spans.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Splits `text` into spans, styling the chars at `hits` (sorted char indices) as matches.
pub fn highlighted<'a>(text: &'a str, hits: Option<&[u32]>, base: Style, hl: Style) -> Vec<Span<'a>> {
    let Some(hits) = hits.filter(|h| !h.is_empty()) else {
        return vec![Span::styled(text, base)];
    };
    let mut spans = Vec::new();
    let mut start = 0;
    let mut in_hit = false;
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        let is_hit = hits.binary_search(&(ci as u32)).is_ok();
        if is_hit != in_hit {
            if bi > start {
                spans.push(Span::styled(&text[start..bi], if in_hit { hl } else { base }));
            }
            start = bi;
            in_hit = is_hit;
        }
    }
    spans.push(Span::styled(&text[start..], if in_hit { hl } else { base }));
    spans
}

/// One line per `\n`-separated paragraph of `text`, with the hits (char offsets into the whole
/// text, counting each `\n` as one char) drawn in the paragraph they fall in.
pub fn highlighted_paragraphs<'a>(
    text: &'a str,
    hits: Option<&[u32]>,
    base: Style,
    hl: Style,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let mut offset = 0u32;
    for paragraph in text.split('\n') {
        let len = paragraph.chars().count() as u32;
        let local: Option<Vec<u32>> = hits
            .map(|h| h.iter().filter(|&&i| i >= offset && i < offset + len).map(|&i| i - offset).collect());
        lines.push(Line::from(highlighted(paragraph, local.as_deref(), base, hl)));
        offset += len + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;

    #[test]
    fn hits_become_styled_spans_and_paragraphs_keep_their_offsets() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        let spans = highlighted("abcde", Some(&[1, 2]), Style::new(), hl);
        let parts: Vec<(&str, bool)> = spans.iter().map(|s| (s.content.as_ref(), s.style == hl)).collect();
        assert_eq!(parts, [("a", false), ("bc", true), ("de", false)]);
        // "ab\ncd": 'c' is char 3 of the whole text and char 0 of the second paragraph.
        let lines = highlighted_paragraphs("ab\ncd", Some(&[3]), Style::new(), hl);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].spans[0].content, "c");
        assert_eq!(lines[1].spans[0].style, hl);
    }
}

//! A screen as lines a person reads in order, beside its drawing: what the plain mode prints
//! for a screen reader or a braille display. Each pane says what it shows (`readout`), the
//! same state `render` draws, so the two can never tell different things.

use ratatui::text::{Line, Text};

use crate::action::Action;
use crate::widgets::doc::Doc;

/// One entry of a screen's list, with the name of the group it opens, if it opens one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub heading: Option<String>,
    pub text: String,
}

impl From<String> for Item {
    fn from(text: String) -> Self {
        Self { heading: None, text }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readout {
    /// Short labelled lines: what the screen says before its list.
    pub lines: Vec<String>,
    /// The list, in the order `Down` moves through it.
    pub items: Vec<Item>,
    /// Where the pane's cursor is in `items`.
    pub selected: Option<usize>,
    /// What choosing an item does once it is selected: open it, tick it, start it.
    pub choose: Option<Action>,
    /// The open item's text (an answer, a day, a result), when one is open.
    pub detail: Vec<String>,
    /// A level below the screen's own is shown (an open item, a goal's steps): `Back` leaves
    /// it, where on the screen's own level it would leave the screen.
    pub inner: bool,
    /// The screen shows something until the next key (a celebration): the plain mode reads
    /// it out and then closes it with `Back`, so the next answer is not spent on closing it.
    pub passing: bool,
}

impl Readout {
    pub fn new(lines: Vec<String>) -> Self {
        Self { lines, ..Self::default() }
    }

    /// A list, its cursor at `selected`, and what choosing an item does.
    pub fn list<I: Into<Item>>(
        mut self,
        items: impl IntoIterator<Item = I>,
        selected: usize,
        choose: Action,
    ) -> Self {
        self.items = items.into_iter().map(Into::into).collect();
        self.selected = (!self.items.is_empty()).then_some(selected.min(self.items.len().saturating_sub(1)));
        self.choose = Some(choose);
        self
    }

    /// Shows `detail` as the open item, a level below the screen's own.
    pub fn opened(mut self, detail: Vec<String>) -> Self {
        self.detail = detail;
        self.inner = true;
        self
    }
}

/// A drawn line as text: its spans one after another, trailing blanks removed.
pub fn line_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect::<String>().trim_end().to_owned()
}

/// Lines as text, blank lines kept (they part paragraphs for a reader too).
pub fn lines_text<'a>(lines: impl IntoIterator<Item = &'a Line<'a>>) -> Vec<String> {
    lines.into_iter().map(line_text).collect()
}

pub fn text_lines(text: &Text) -> Vec<String> {
    lines_text(&text.lines)
}

/// A document as lines; its charts as short text tables.
pub fn doc_lines(doc: &Doc) -> Vec<String> {
    doc.plain_lines()
}

/// A short text table: a header and rows, each column as wide as its widest cell, two spaces
/// apart, so a reader hears the header's words in the same order as each row's values.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> Vec<String> {
    let width = |i: usize| {
        let cells = rows.iter().filter_map(|r| r.get(i)).map(|c| c.chars().count());
        cells.chain([header.get(i).map_or(0, |h| h.chars().count())]).max().unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}", w = *w)).collect();
        padded.join("  ").trim_end().to_owned()
    };
    let mut out = vec![line(header.to_vec())];
    out.extend(rows.iter().map(|r| line(r.iter().map(String::as_str).collect())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_lines_its_columns_up() {
        let rows =
            vec![vec!["søn 22.11".to_owned(), "4".to_owned()], vec!["I går".to_owned(), "10".to_owned()]];
        assert_eq!(table(&["Dag", "Humør"], &rows), ["Dag        Humør", "søn 22.11  4", "I går      10"]);
    }
}

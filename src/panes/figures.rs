//! "Hva sier tallene": the articles' tables of percentages as bar charts, then the figures of
//! their running text as a list. Every chart says whose figures they are, and each part says once
//! more that the articles cite no sources that can be checked for them.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};

use super::browse::{Browse, Focus, Row};
use super::readout::{Readout, doc_lines};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::Content;
use crate::content::articles;
use crate::content::figures::{self, FigureRow, FigureTable};
use crate::i18n::Lang;
use crate::keymap::Scope;
use crate::theme::Theme;
use crate::widgets::bars::{BarRow, Bars, Series};
use crate::widgets::doc::Doc;
use crate::widgets::list_detail::{self, ListBox, ListRow, Split};

pub const SCOPES: &[Scope] = &[Scope::List, Scope::Sections];

pub struct FiguresPane {
    pub(super) content: &'static Content,
    lang: Lang,
    browse: Browse<()>,
}

impl FiguresPane {
    /// One row per table, and a last one for the running text's figures.
    pub fn new(content: &'static Content, lang: Lang) -> Self {
        let rows = (0..=figures::all(content, lang).len()).map(Row::Item).collect();
        Self { content, lang, browse: Browse::new(rows) }
    }

    pub fn selected(&self) -> Option<&'static FigureTable> {
        figures::all(self.content, self.lang).get(self.browse.selected()?)
    }

    /// The detail of the selected row: a table's chart, or the list of the running text's figures.
    fn selected_doc(&self, theme: &Theme) -> Option<Doc<'static>> {
        let index = self.browse.selected()?;
        match self.selected() {
            Some(table) => Some(table_doc(self.content, table, self.lang, theme)),
            None if index == figures::all(self.content, self.lang).len() => {
                Some(claims_doc(self.content, self.lang, theme))
            }
            None => None,
        }
    }

    pub fn focus(&self) -> Focus {
        self.browse.focus
    }

    /// The short list of tables on top and the chart under it at full width: the charts need
    /// the width more than the list does.
    fn split(&self, area: Rect) -> Split {
        let tables = figures::all(self.content, self.lang).len() as u16 + 1;
        let [list, detail] =
            Layout::vertical([Constraint::Length(tables + 2), Constraint::Fill(1)]).areas(area);
        Split { top: Rect::default(), list, detail, two_columns: true }
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) {
        let split = self.split(ctx.area);
        let max_scroll = self.max_detail_scroll(&split);
        self.browse.handle(action, &split, max_scroll);
    }

    /// The selected table, or the one being read.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        self.browse.cursor(&self.split(area))
    }

    fn max_detail_scroll(&self, split: &Split) -> u16 {
        self.selected_doc(&Theme::MONO).map_or(0, |doc| doc.max_scroll(split.detail_inner()))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = self.split(area);
        let (s, theme) = (&view.strings.learn, view.theme);
        let file = figures::file(self.content, self.lang);
        let detail_focused = self.browse.focus == Focus::Detail;
        let frame = ListBox { title: s.figures_tables, focused: !detail_focused, empty: "" };
        let title = |i: usize| file.tables.get(i).map_or(file.claims_title.as_str(), |t| t.title.as_str());
        let row = |i: usize| ListRow::Item(Line::from(title(i)));
        let count = self.browse.rows.len();
        list_detail::render_list(split.list, buf, frame, &self.browse.nav, count, row, theme);
        match self.selected_doc(theme) {
            Some(doc) => {
                let title = Line::styled(format!(" {} ", s.section_figures), theme.heading);
                let scroll = self.browse.scroll;
                list_detail::render_detail(
                    split.detail,
                    buf,
                    Some(title),
                    detail_focused,
                    &doc,
                    scroll,
                    theme,
                );
            }
            None => list_detail::render_empty_detail(split.detail, buf, s.figures_select_hint, theme),
        }
    }
}

impl FiguresPane {
    /// The tables as a list and the open one as a short text table, for the plain mode.
    pub fn readout(&self, view: &View) -> Readout {
        let file = figures::file(self.content, self.lang);
        let title = |i: usize| file.tables.get(i).map_or(file.claims_title.clone(), |t| t.title.clone());
        let detail = || self.selected_doc(view.theme).map_or_else(Vec::new, |doc| doc_lines(&doc));
        self.browse.readout(|()| String::new(), title, detail)
    }
}

/// Title, caption (whose figures these are), notes, a legend for two series, the chart, the
/// caveat and the source.
fn table_doc(
    content: &'static Content,
    table: &'static FigureTable,
    lang: Lang,
    theme: &Theme,
) -> Doc<'static> {
    let mut doc = Doc::new();
    doc.line(Line::styled(table.title.as_str(), theme.emphasis));
    doc.line(Line::from(table.caption.as_str())).blank();
    // Before the chart, so that a figure that could read as advice is never seen without it.
    for note in &table.notes {
        doc.line(Line::from(note.as_str())).blank();
    }
    let series: Vec<Series> =
        (0..table.columns.len().min(2)).map(|i| Series { bar: theme.bars[i] }).collect();
    let several = table.columns.len() > 1;
    if several {
        let mut legend = Vec::new();
        for (i, column) in table.columns.iter().enumerate().take(2) {
            legend.push(Span::styled("■ ", theme.bars[i]));
            legend.push(Span::raw(format!("{column}   ")));
        }
        doc.line(Line::from(legend));
    }
    let rows = table
        .rows
        .iter()
        .map(|row| BarRow {
            label: Cow::Borrowed(row.label.as_str()),
            values: row
                .values
                .iter()
                .zip(&table.columns)
                .map(|(v, column)| (*v, value_text(row, *v, several.then_some(column.as_str()))))
                .collect(),
        })
        .collect();
    doc.bars(Bars { rows, series, label_style: theme.base });
    doc.blank();
    doc.line(Line::styled(articles::figure_caveat(content, lang), theme.dim));
    doc.line(Line::styled(articles::source_line(content, &table.source, lang), theme.dim));
    doc
}

/// The running text's figures: a caption, the caveat, and each figure with its article.
fn claims_doc(content: &'static Content, lang: Lang, theme: &Theme) -> Doc<'static> {
    let file = figures::file(content, lang);
    let mut doc = Doc::new();
    doc.line(Line::styled(file.claims_title.as_str(), theme.emphasis));
    doc.line(Line::from(file.claims_caption.as_str()));
    doc.line(Line::styled(articles::figure_caveat(content, lang), theme.dim)).blank();
    let label = lang.strings().source;
    for claim in &file.claims {
        doc.line(Line::from(format!("- {}", claim.text)));
        let title = articles::title(content, &claim.source, lang).unwrap_or_default();
        doc.line(Line::styled(format!("  {label}: {title}"), theme.dim));
        doc.blank();
    }
    doc
}

/// A bar's value as text: as the article gives it ("1 av 4"), else "65 %"; with two series it
/// names its column, so it reads without colour.
fn value_text(row: &FigureRow, value: u8, column: Option<&str>) -> String {
    match (&row.shown, column) {
        (Some(shown), _) => shown.clone(),
        (None, Some(column)) => format!("{value} % {}", series_word(column)),
        (None, None) => format!("{value} %"),
    }
}

/// "Fullføring %" -> "fullføring": a column name as a word after its value.
fn series_word(column: &str) -> String {
    column.trim_end_matches('%').trim().to_lowercase()
}

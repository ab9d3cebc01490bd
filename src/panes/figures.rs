//! "Hva sier tallene": the articles' tables of percentages as bar charts. Every chart says whose
//! figures they are, and the screen says once more that they are not mestring's medical claims:
//! the articles cite no studies for them.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::browse::{Browse, Focus, Row};
use super::{Ctx, View};
use crate::action::Action;
use crate::content::articles;
use crate::content::figures::{self, FigureTable};
use crate::i18n::Lang;
use crate::keymap::Scope;
use crate::theme::Theme;
use crate::widgets::bars::{BarRow, Bars, Series};
use crate::widgets::doc::Doc;
use crate::widgets::list_detail::{self, ListBox, ListRow, Split};

pub const SCOPES: &[Scope] = &[Scope::List, Scope::Sections];

pub struct FiguresPane {
    lang: Lang,
    browse: Browse<()>,
}

impl FiguresPane {
    pub fn new(lang: Lang) -> Self {
        let rows = (0..figures::all(lang).len()).map(Row::Item).collect();
        Self { lang, browse: Browse::new(rows) }
    }

    pub fn selected(&self) -> Option<&'static FigureTable> {
        figures::all(self.lang).get(self.browse.selected()?)
    }

    pub fn focus(&self) -> Focus {
        self.browse.focus
    }

    /// The short list of tables on top and the chart under it at full width: the charts need
    /// the width more than the list does.
    fn split(&self, area: Rect) -> Split {
        let tables = figures::all(self.lang).len() as u16;
        let [list, detail] =
            Layout::vertical([Constraint::Length(tables + 2), Constraint::Fill(1)]).areas(area);
        Split { top: Rect::default(), list, detail, two_columns: true }
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) {
        let split = self.split(ctx.area);
        let max_scroll = self.max_detail_scroll(&split);
        self.browse.handle(action, &split, max_scroll);
    }

    fn max_detail_scroll(&self, split: &Split) -> u16 {
        let Some(table) = self.selected() else { return 0 };
        table_doc(table, self.lang, &Theme::MONO).max_scroll(split.detail_inner())
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let split = self.split(area);
        let (s, theme) = (&view.strings.learn, view.theme);
        let tables = figures::all(self.lang);
        let detail_focused = self.browse.focus == Focus::Detail;
        let frame = ListBox { title: s.figures_tables, focused: !detail_focused, empty: "" };
        let row = |i: usize| ListRow::Item(Line::from(tables[i].title.as_str()));
        list_detail::render_list(split.list, buf, frame, &self.browse.nav, tables.len(), row, theme);
        match self.selected() {
            Some(table) => {
                let doc = table_doc(table, self.lang, theme);
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

/// Title, caption (whose figures these are), a legend for two series, the chart, and the source.
fn table_doc(table: &'static FigureTable, lang: Lang, theme: &Theme) -> Doc<'static> {
    let mut doc = Doc::new();
    doc.line(Line::styled(table.title.as_str(), theme.emphasis));
    doc.line(Line::from(table.caption.as_str())).blank();
    let series: Vec<Series> = (0..table.columns.len().min(2))
        .map(|i| Series { bar: theme.bars[i], value: theme.bar_values[i] })
        .collect();
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
                .map(|(v, column)| {
                    // With two series the value names its column, so it reads without colour.
                    let text =
                        if several { format!("{v} % {}", series_word(column)) } else { format!("{v} %") };
                    (*v, text)
                })
                .collect(),
        })
        .collect();
    doc.bars(Bars { rows, series, label_style: theme.base });
    doc.blank();
    doc.line(Line::styled(articles::figure_caveat(lang), theme.dim));
    doc.line(Line::styled(articles::source_line(&table.source, lang), theme.dim));
    doc
}

/// "Fullføring %" -> "fullføring": a column name as a word after its value.
fn series_word(column: &str) -> String {
    column.trim_end_matches('%').trim().to_lowercase()
}

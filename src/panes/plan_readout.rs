//! The plan as lines (the plain mode): the nine parts with how many entries each has, and a
//! part's question and entries as the list below it.

use super::View;
use super::plan::{Focus, PlanPane};
use super::readout::Readout;
use crate::action::Action;
use crate::domain::plan::Section;

impl PlanPane {
    pub fn readout(&self, view: &View) -> Readout {
        let t = &view.strings.plan;
        match self.focus {
            Focus::Sections => {
                let items = Section::ALL.iter().map(|section| match self.count(*section) {
                    0 => t.sections[section.index()].to_owned(),
                    n => format!("{} · {n}", t.sections[section.index()]),
                });
                Readout::new(vec![t.intro.to_owned()]).list(items, self.nav.selected, Action::Open)
            }
            Focus::Entries(cursor) => {
                let section = self.section();
                let lines =
                    vec![t.sections[section.index()].to_owned(), t.prompts[section.index()].to_owned()];
                let mut items: Vec<String> = self
                    .entries()
                    .iter()
                    .map(|e| match e.item.phone.as_str() {
                        "" => e.item.text.clone(),
                        phone => format!("{phone}  {}", e.item.text),
                    })
                    .collect();
                items.push(t.add_entry.to_owned());
                Readout { inner: true, ..Readout::new(lines).list(items, cursor, Action::Open) }
            }
        }
    }
}

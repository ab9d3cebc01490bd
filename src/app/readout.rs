//! What the plain mode reads of the app: the current screen as lines, the form or question
//! open on it, and the person's own crisis plan. Read only; every change goes through `update`.

use super::{App, Tab};
use crate::keymap::Keymap;
use crate::panes::View;
use crate::panes::entry_form::FormView;
use crate::panes::readout::Readout;
use crate::panes::{goals, plan, sober};
use crate::store::plan::StoredItem;

impl App {
    /// The current screen as lines a person reads in order.
    pub fn readout(&self) -> Readout {
        if let Some(lines) = self.modal_lines() {
            return Readout::new(lines);
        }
        let view = View::plain(self.options.lang, &self.keymap, self.content);
        match self.tab {
            Tab::Home => self.home.readout(&view),
            Tab::Goals => self.goals.readout(&view),
            Tab::Sober => self.sober.readout(&view),
            Tab::Plan => self.plan.readout(&view),
            Tab::Faq => self.faq.readout(&view),
            Tab::Checkin => self.checkin.readout(&view),
            Tab::History => self.history.readout(&view),
            Tab::Techniques => self.techniques.readout(&view),
            Tab::Learn => self.learn.readout(&view),
            Tab::Breathe => self.breathe.readout(&view),
            Tab::Settings => self.settings.readout(&view),
        }
    }

    /// The form open on the current screen, field by field.
    pub fn form(&self) -> Option<FormView> {
        if let Some(form) = self.modal_form_view() {
            return form;
        }
        match self.tab {
            Tab::Goals => match &self.goals.mode {
                goals::Mode::Form(_, form) => Some(form.view()),
                _ => None,
            },
            Tab::Sober => match &self.sober.mode {
                sober::Mode::Form(_, form) => Some(form.view()),
                _ => None,
            },
            Tab::Plan => match &self.plan.mode {
                plan::Mode::Form(_, form) => Some(form.view()),
                _ => None,
            },
            Tab::Breathe => self.breathe.form().map(|form| form.view(self.strings().breathe)),
            Tab::Home
            | Tab::Faq
            | Tab::Checkin
            | Tab::History
            | Tab::Techniques
            | Tab::Learn
            | Tab::Settings => None,
        }
    }

    /// The yes-or-no question open on the current screen ("Delete ...?").
    pub fn question(&self) -> Option<&str> {
        match self.tab {
            Tab::Goals => match &self.goals.mode {
                goals::Mode::Confirm(confirm) => Some(&confirm.question),
                _ => None,
            },
            Tab::Sober => match &self.sober.mode {
                sober::Mode::Confirm(confirm) => Some(&confirm.question),
                _ => None,
            },
            Tab::Plan => match &self.plan.mode {
                plan::Mode::Confirm(confirm) => Some(&confirm.question),
                _ => None,
            },
            Tab::Home
            | Tab::Faq
            | Tab::Checkin
            | Tab::History
            | Tab::Techniques
            | Tab::Learn
            | Tab::Breathe
            | Tab::Settings => None,
        }
    }

    /// The plan's people, services and own steps, as the crisis overlay shows them first.
    pub fn crisis_plan(&self) -> &[StoredItem] {
        &self.crisis_plan
    }

    /// The person's local date, by the app's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    /// The keys in force, for the words and keys the plain mode offers.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }
}

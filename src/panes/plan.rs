//! "Min plan": a personal relapse-prevention and safety plan, as nine short lists in the
//! person's own words. The parts are on the left, the chosen part's entries on the right; each
//! entry is added, changed, moved or deleted on its own, and written at once.

use super::Ctx;
use super::confirm::{Answer, Confirm};
use super::entry_form::{EntryForm, FormEvent};
use crate::action::Action;
use crate::domain::plan::{self, Item, Section};
use crate::i18n::Lang;
use crate::store::plan::StoredItem;
use crate::widgets::list_nav::ListNav;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sections,
    /// The chosen part's entries; the cursor may also be on "+ add" after the last one.
    Entries(usize),
}

pub enum Mode {
    Browse,
    /// A new entry (`None`) or a change to the entry with this id.
    Form(Option<i64>, EntryForm),
    Confirm(Confirm<i64>),
}

pub struct PlanPane {
    pub(super) lang: Lang,
    pub items: Vec<StoredItem>,
    pub(super) nav: ListNav,
    pub focus: Focus,
    pub mode: Mode,
}

impl PlanPane {
    pub fn new(lang: Lang) -> Self {
        Self { lang, items: Vec::new(), nav: ListNav::default(), focus: Focus::Sections, mode: Mode::Browse }
    }

    pub fn text_mode(&self) -> bool {
        matches!(self.mode, Mode::Form(..) | Mode::Confirm(_))
    }

    pub fn section(&self) -> Section {
        Section::ALL[self.nav.selected.min(Section::ALL.len() - 1)]
    }

    /// The chosen part's entries, in order.
    pub fn entries(&self) -> Vec<&StoredItem> {
        let section = self.section();
        self.items.iter().filter(|i| i.section == section).collect()
    }

    pub fn count(&self, section: Section) -> usize {
        self.items.iter().filter(|i| i.section == section).count()
    }

    pub fn enter(&mut self, ctx: &mut Ctx) {
        if ctx.store.unavailable().is_some() {
            return;
        }
        if let Some(items) = ctx.read(|s| s.plan()) {
            self.items = items;
        }
        if let Focus::Entries(cursor) = self.focus {
            self.focus = Focus::Entries(cursor.min(self.entries().len()));
        }
    }

    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx) -> Option<Action> {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => match self.focus {
                Focus::Sections => self.handle_sections(action, ctx),
                Focus::Entries(cursor) => self.handle_entries(cursor, action, ctx),
            },
            Mode::Form(id, mut form) => match form.handle(action) {
                FormEvent::Editing => self.mode = Mode::Form(id, form),
                FormEvent::Cancel => {}
                FormEvent::Submit => {
                    if !self.submit(id, &mut form, ctx) {
                        self.mode = Mode::Form(id, form);
                    }
                }
            },
            Mode::Confirm(question) => match Confirm::<i64>::answer(action) {
                Answer::Waiting => self.mode = Mode::Confirm(question),
                Answer::No => {}
                Answer::Yes => {
                    let id = question.target;
                    if ctx.save(|s| s.delete_plan_item(id)) {
                        self.enter(ctx);
                    }
                }
            },
        }
        None
    }

    fn handle_sections(&mut self, action: &Action, ctx: &mut Ctx) {
        let last = Section::ALL.len() - 1;
        match action {
            Action::Up | Action::ScrollUp => self.nav.selected = self.nav.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.nav.selected = (self.nav.selected + 1).min(last),
            Action::Top | Action::PageUp => self.nav.selected = 0,
            Action::Bottom | Action::PageDown => self.nav.selected = last,
            Action::Open => self.focus = Focus::Entries(0),
            Action::NewItem => self.start(None),
            Action::Click { row, .. } => {
                let inner = super::plan_view::list_inner(ctx.area);
                if (inner.y..inner.bottom()).contains(row) {
                    let i = usize::from(row - inner.y);
                    if i <= last {
                        self.nav.selected = i;
                    }
                }
            }
            _ => {}
        }
    }

    fn handle_entries(&mut self, cursor: usize, action: &Action, ctx: &mut Ctx) {
        let entries: Vec<(i64, String)> =
            self.entries().iter().map(|e| (e.id, e.item.text.clone())).collect();
        let selected = entries.get(cursor).cloned();
        let at = ctx.clock.moment();
        match action {
            Action::Back => self.focus = Focus::Sections,
            Action::Up | Action::ScrollUp => self.focus = Focus::Entries(cursor.saturating_sub(1)),
            Action::Down | Action::ScrollDown => self.focus = Focus::Entries((cursor + 1).min(entries.len())),
            Action::NewItem => self.start(None),
            Action::Open | Action::Edit => self.start(selected.map(|(id, _)| id)),
            Action::Delete => {
                if let Some((id, text)) = selected {
                    let question = self.lang.strings().goals.confirm_delete.replace("{}", &text);
                    self.mode = Mode::Confirm(Confirm::new(question, id));
                }
            }
            Action::MoveUp | Action::MoveDown => {
                let other = if *action == Action::MoveUp { cursor.checked_sub(1) } else { Some(cursor + 1) };
                if let (Some((a, _)), Some((b, _))) = (selected, other.and_then(|o| entries.get(o).cloned()))
                    && ctx.save(|s| s.swap_plan_items(a, b, at))
                {
                    self.enter(ctx);
                    self.focus = Focus::Entries(other.unwrap_or(cursor));
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, id: Option<i64>) {
        let t = &self.lang.strings().plan;
        let section = self.section();
        let current = id.and_then(|id| self.items.iter().find(|i| i.id == id)).map(|i| i.item.clone());
        let item = current.clone().unwrap_or_default();
        let title = format!(
            "{} · {}",
            if current.is_some() { t.form_edit } else { t.form_new },
            t.sections[section.index()]
        );
        let mut form = EntryForm::new(title).intro(t.prompts[section.index()]);
        if section.has_phone() {
            form = form.text(t.field_who, &item.text, plan::TEXT_MAX_CHARS).text(
                t.field_phone,
                &item.phone,
                plan::PHONE_MAX_CHARS,
            );
        } else {
            form = form.text(t.field_text, &item.text, plan::TEXT_MAX_CHARS);
        }
        self.mode = Mode::Form(id, form);
    }

    fn submit(&mut self, id: Option<i64>, form: &mut EntryForm, ctx: &mut Ctx) -> bool {
        let t = &self.lang.strings().plan;
        let section = self.section();
        let item = Item {
            text: form.value(0),
            phone: if section.has_phone() { form.value(1) } else { String::new() },
        };
        match item.validate(section) {
            Ok(()) => {}
            Err(plan::Invalid::Text) => {
                form.refuse(0, t.err_text);
                return false;
            }
            Err(plan::Invalid::Phone(_)) => {
                form.refuse(1, t.err_phone);
                return false;
            }
        }
        let at = ctx.clock.moment();
        let saved = match id {
            Some(id) => ctx.save(|s| s.save_plan_item(id, section, &item, at)).then_some(id),
            None => ctx.write(|s| s.add_plan_item(section, &item, at)),
        };
        let Some(saved) = saved else { return false };
        self.enter(ctx);
        if let Some(i) = self.entries().iter().position(|e| e.id == saved) {
            self.focus = Focus::Entries(i);
        }
        true
    }
}

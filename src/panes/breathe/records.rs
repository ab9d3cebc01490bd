//! The "Pust" screen's dealings with the store: session records (kept and retried when a write
//! fails), the practice statistics, and the person's own patterns.

use super::picker::Row;
use super::{BreathePane, Mode};
use crate::domain::own_pattern::{OwnPattern, Problem};
use crate::i18n::Lang;
use crate::panes::Ctx;
use crate::store::StoreError;

impl BreathePane {
    /// Stores the record (and any earlier ones that could not be stored). A failure is shown,
    /// and the records are kept to be tried again with the next write.
    pub(super) fn store_unsaved(&mut self, ctx: &mut Ctx) {
        let lang = ctx.lang;
        let result = match ctx.store.get_mut() {
            Ok(store) => {
                let mut result = Ok(());
                while let Some(first) = self.unsaved.first() {
                    result = store.record_practice(first);
                    if result.is_err() {
                        break;
                    }
                    self.unsaved.remove(0);
                }
                result
            }
            Err(problem) => {
                *ctx.toast = Some(save_failed(problem, lang));
                return;
            }
        };
        if let Err(e) = result {
            *ctx.toast = Some(save_failed(&e, lang));
            ctx.store.failed(e);
        }
        self.refresh_stats(ctx);
    }

    pub(super) fn refresh_stats(&mut self, ctx: &mut Ctx) {
        self.stats_day = ctx.clock.today();
        if let Ok(store) = ctx.store.get() {
            self.stats = store.practice_stats(self.stats_day).unwrap_or(self.stats);
        }
    }

    /// Saves the form's pattern. On success the list shows it selected; on a name already in
    /// use or a failed write the form stays open with everything typed.
    pub(super) fn save_pattern(&mut self, pattern: OwnPattern, ctx: &mut Ctx) {
        let (lang, at) = (ctx.lang, ctx.clock.moment());
        let saved = ctx.store.get_mut().map_err(|p| save_failed(p, lang)).and_then(|store| {
            match store.own_pattern_name_taken(&pattern.name, pattern.id) {
                Ok(true) => Err(String::new()),
                Ok(false) => store.save_own_pattern(&pattern, at).map_err(|e| save_failed(&e, lang)),
                Err(e) => Err(save_failed(&e, lang)),
            }
        });
        match saved {
            Ok(id) => {
                self.reload_own(ctx);
                if let Some(i) = self.own.iter().position(|p| p.id == id) {
                    self.picker.select(Row::Own(i));
                }
                self.mode = Mode::Picker;
                *ctx.toast = Some(ctx.lang.strings().breathe.saved.to_owned());
            }
            Err(message) if message.is_empty() => {
                if let Mode::Form(form) = &mut self.mode {
                    form.show(Problem::NameTaken);
                }
            }
            Err(message) => *ctx.toast = Some(message),
        }
    }

    pub(super) fn delete_pattern(&mut self, index: usize, ctx: &mut Ctx) {
        let Some(id) = self.own.get(index).map(|p| p.id) else { return };
        let lang = ctx.lang;
        let deleted = ctx
            .store
            .get_mut()
            .map_err(|p| save_failed(p, lang))
            .and_then(|store| store.delete_own_pattern(id).map_err(|e| save_failed(&e, lang)));
        self.picker.confirm_delete = false;
        match deleted {
            Ok(()) => {
                self.reload_own(ctx);
                *ctx.toast = Some(ctx.lang.strings().breathe.deleted.to_owned());
            }
            Err(message) => *ctx.toast = Some(message),
        }
    }

    pub(super) fn reload_own(&mut self, ctx: &mut Ctx) {
        if let Ok(store) = ctx.store.get() {
            match store.own_patterns() {
                Ok(own) => self.own = own,
                Err(e) => *ctx.toast = Some(save_failed(&e, ctx.lang)),
            }
        }
        self.picker.rebuild(&self.own);
    }
}

/// "Kunne ikke lagre: <why>", in the interface language.
fn save_failed(problem: &StoreError, lang: Lang) -> String {
    let s = lang.strings();
    format!("{}: {}", s.breathe.save_failed, problem.describe(s))
}

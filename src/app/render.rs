//! Drawing one frame: the tab bar, the current screen, the footer, and an overlay on top.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::{App, Overlay, Tab};
use crate::panes::View;
use crate::ui;

impl App {
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        self.render_into(area, frame.buffer_mut());
        // ratatui hides the cursor unless a frame places it.
        if let Some(position) = self.cursor(area) {
            frame.set_cursor_position(position);
        }
    }

    /// Where the terminal's cursor goes in a frame of `area`: on the selected row, the chosen
    /// part, or the field being typed in, so a screen reader or a braille display that
    /// follows the cursor follows the selection. Hidden under an overlay and on a screen too
    /// small to use. Asked after the frame is drawn: a text field's scrolling is known then.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        if self.overlay.is_some() || ui::too_small(area) {
            return None;
        }
        let body = ui::areas(area).body;
        if let Some(position) = self.modal_cursor(body) {
            return position.filter(|p| body.contains(*p));
        }
        let view = self.view();
        let position = match self.tab {
            Tab::Home => self.home.cursor(body, &view),
            Tab::Goals => self.goals.cursor(body, &view),
            Tab::Sober => self.sober.cursor(body, &view),
            Tab::Plan => self.plan.cursor(body, &view),
            Tab::Faq => self.faq.cursor(body),
            Tab::Checkin => self.checkin.cursor(body),
            Tab::History => self.history.cursor(body),
            Tab::Techniques => self.techniques.cursor(body),
            Tab::Learn => self.learn.cursor(body),
            Tab::Breathe => self.breathe.cursor(body, &view),
            Tab::Settings => self.settings.cursor(body, &view),
        }?;
        body.contains(position).then_some(position)
    }

    fn view(&self) -> View<'_> {
        View {
            lang: self.options.lang,
            strings: self.strings(),
            theme: &self.options.theme,
            keys: &self.keymap,
            content: self.content,
        }
    }

    /// Draws the app into `buf`, which covers `area`.
    pub fn render_into(&self, area: Rect, buf: &mut Buffer) {
        let s = self.strings();
        let theme = &self.options.theme;
        if self.overlay == Some(Overlay::Hidden) {
            // Leave the frame blank: nothing of the app, not even its name, shows.
            return;
        }
        if ui::too_small(area) {
            match self.overlay {
                Some(Overlay::Crisis { scroll }) => {
                    let (content, region) = (self.content, self.options.region);
                    ui::render_crisis_plain(area, buf, content, region, &self.crisis_plan, scroll, theme);
                }
                _ => ui::render_too_small(area, buf, s, theme),
            }
            return;
        }
        let areas = ui::areas(area);
        ui::render_tabs(areas.tabs, buf, self.tab, s, &self.settings_key(), theme);
        let view = self.view();
        match self.tab {
            Tab::Home => self.home.render(areas.body, buf, &view),
            Tab::Goals => self.goals.render(areas.body, buf, &view),
            Tab::Sober => self.sober.render(areas.body, buf, &view),
            Tab::Plan => self.plan.render(areas.body, buf, &view),
            Tab::Faq => self.faq.render(areas.body, buf, &view),
            Tab::Checkin => self.checkin.render(areas.body, buf, &view),
            Tab::History => self.history.render(areas.body, buf, &view),
            Tab::Techniques => self.techniques.render(areas.body, buf, &view),
            Tab::Learn => self.learn.render(areas.body, buf, &view),
            Tab::Breathe => self.breathe.render(areas.body, buf, &view),
            Tab::Settings => self.settings.render(areas.body, buf, &view),
        }
        self.render_modal(area, buf, &view);
        let footer = match self.sync_footer() {
            Some((line, failed)) => ui::render_status_right(areas.footer, buf, &line, failed, theme),
            None => areas.footer,
        };
        match &self.toast {
            Some(message) => ui::render_toast(footer, buf, message, theme),
            // While typing, letters are text: only the keys that leave the text are offered.
            None if self.text_mode() => ui::render_text_footer(footer, buf, s, theme),
            None => ui::render_footer(footer, buf, &self.keymap, self.scopes(), s, theme),
        }
        match self.overlay {
            Some(Overlay::Help { scroll }) => {
                let text = ui::help_text(&self.keymap, self.scopes(), s, theme);
                ui::render_overlay(area, buf, s.help_title, s.help_close, text, scroll, theme);
            }
            Some(Overlay::Crisis { scroll }) => {
                let text = ui::crisis_text(
                    self.content,
                    self.options.region,
                    self.options.lang,
                    &self.crisis_plan,
                    s,
                    theme,
                );
                ui::render_overlay(area, buf, s.crisis_title, s.crisis_close, text, scroll, theme);
            }
            Some(Overlay::Unsaved) => {
                let t = &s.checkin;
                ui::render_overlay(area, buf, t.unsaved_title, "", self.unsaved_text(), 0, theme);
            }
            Some(Overlay::Recovered) => {
                let t = &s.checkin;
                ui::render_overlay(area, buf, t.recovered_title, "", self.recovered_text(), 0, theme);
            }
            Some(Overlay::Hidden) | None => {}
        }
    }
}

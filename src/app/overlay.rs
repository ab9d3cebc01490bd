//! The boxes drawn over the current screen (help, crisis, quick-hide) and how keys move them.

use super::App;
use crate::action::Action;

/// A box drawn over the current screen; it takes the keys until it is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Crisis {
        scroll: u16,
    },
    /// A blank screen for when someone looks over your shoulder; any key or click ends it.
    Hidden,
    /// Quit was asked while a check-in could not be saved: try again, keep it, or quit.
    Unsaved,
    /// At start: a check-in kept when the app last closed, offered back.
    Recovered,
}

impl App {
    /// Overlays and other screens hide a running session: it waits for the person, and the
    /// app does not wake for a screen nobody sees.
    pub(super) fn open_overlay(&mut self, overlay: Overlay) {
        self.pause_session();
        if matches!(overlay, Overlay::Crisis { .. }) {
            self.read_crisis_plan();
        }
        self.overlay = Some(overlay);
    }

    /// The plan's people, services and own steps, for the crisis overlay. Without a store the
    /// overlay still shows the help lines.
    pub(super) fn read_crisis_plan(&mut self) {
        use crate::domain::plan::Section;
        let wanted = [Section::People, Section::Professionals, Section::OnMyOwn];
        self.crisis_plan =
            self.store.get().ok().and_then(|s| s.plan_sections(&wanted).ok()).unwrap_or_default();
    }
}

/// How an action scrolls or closes the open overlay; `None` closes it.
pub(super) fn overlay_update(overlay: Overlay, action: Action) -> Option<Overlay> {
    if overlay == Overlay::Hidden {
        return match action {
            Action::Tick | Action::Resize { .. } => Some(overlay),
            _ => None,
        };
    }
    let scrolled = |scroll: u16, delta: i32| (i32::from(scroll) + delta).clamp(0, i32::from(u16::MAX)) as u16;
    let delta = match action {
        Action::Up | Action::ScrollUp => -1,
        Action::Down | Action::ScrollDown => 1,
        Action::PageUp => -10,
        Action::PageDown => 10,
        Action::Top => -i32::from(u16::MAX),
        Action::Help if matches!(overlay, Overlay::Crisis { .. }) => {
            return Some(Overlay::Help { scroll: 0 });
        }
        Action::Crisis if matches!(overlay, Overlay::Help { .. }) => {
            return Some(Overlay::Crisis { scroll: 0 });
        }
        Action::Crisis if matches!(overlay, Overlay::Unsaved | Overlay::Recovered) => {
            return Some(Overlay::Crisis { scroll: 0 });
        }
        Action::Back | Action::Help | Action::Crisis | Action::Open => return None,
        _ => return Some(overlay),
    };
    Some(match overlay {
        Overlay::Help { scroll } => Overlay::Help { scroll: scrolled(scroll, delta) },
        Overlay::Crisis { scroll } => Overlay::Crisis { scroll: scrolled(scroll, delta) },
        other @ (Overlay::Hidden | Overlay::Unsaved | Overlay::Recovered) => other,
    })
}

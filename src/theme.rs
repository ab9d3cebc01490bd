//! One theme, and its monochrome variant for `NO_COLOR`.
//!
//! crossterm 0.29 honours `NO_COLOR` by dropping colours, and with them it resets bold and
//! reverse on every colour change, so selection would vanish. We read `NO_COLOR` ourselves and
//! use a theme with no colours at all that marks selection with reverse video and bold.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub selected: Style,
    pub match_hl: Style,
    pub heading: Style,
    pub key: Style,
    pub tab_active: Style,
    pub emphasis: Style,
    /// The bars of a chart, one style per series (the articles' tables have at most two).
    pub bars: [Style; 2],
}

impl Theme {
    /// A calm palette in the 16 base colours, readable on dark and light backgrounds.
    pub const COLOR: Theme = Theme {
        base: Style::new(),
        dim: Style::new().fg(Color::DarkGray),
        title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        border: Style::new().fg(Color::DarkGray),
        selected: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
        match_hl: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        tab_active: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
        emphasis: Style::new().add_modifier(Modifier::BOLD),
        bars: [Style::new().fg(Color::Cyan), Style::new().fg(Color::Yellow)],
    };

    /// For light terminal backgrounds, where cyan and yellow text fade: blue and magenta, in
    /// the 16 base colours.
    pub const LIGHT: Theme = Theme {
        base: Style::new(),
        dim: Style::new().fg(Color::DarkGray),
        title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        border: Style::new().fg(Color::Gray),
        selected: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
        match_hl: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        tab_active: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
        emphasis: Style::new().add_modifier(Modifier::BOLD),
        bars: [Style::new().fg(Color::Blue), Style::new().fg(Color::Magenta)],
    };

    /// No colour anywhere: selection is reverse + bold, matches are bold + underlined.
    pub const MONO: Theme = Theme {
        base: Style::new(),
        dim: Style::new(),
        title: Style::new().add_modifier(Modifier::BOLD),
        border: Style::new(),
        selected: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        match_hl: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        key: Style::new().add_modifier(Modifier::BOLD),
        tab_active: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        emphasis: Style::new().add_modifier(Modifier::BOLD),
        // Both series look alike here; the value text beside each bar names its series.
        bars: [Style::new(), Style::new()],
    };

    /// `NO_COLOR` set to any non-empty value asks for no colour (no-color.org).
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme::choose(crate::config::ThemeName::Dark, no_color)
    }

    /// The theme the settings name, unless `NO_COLOR` asks for none.
    pub fn choose(name: crate::config::ThemeName, no_color: Option<&std::ffi::OsStr>) -> Theme {
        use crate::config::ThemeName;
        match (no_color, name) {
            (Some(v), _) if !v.is_empty() => Theme::MONO,
            (_, ThemeName::Dark) => Theme::COLOR,
            (_, ThemeName::Light) => Theme::LIGHT,
            (_, ThemeName::Mono) => Theme::MONO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_gives_a_theme_without_colours_that_still_marks_selection() {
        let theme = Theme::from_env(Some(std::ffi::OsStr::new("1")));
        assert_eq!(theme, Theme::MONO);
        assert_eq!(Theme::from_env(Some(std::ffi::OsStr::new(""))), Theme::COLOR);
        assert_eq!(Theme::from_env(None), Theme::COLOR);
        for style in [theme.base, theme.selected, theme.match_hl, theme.tab_active, theme.title] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    }
}

//! Colours and text styles. Mid-tone indexed colours read on dark and light backgrounds;
//! with NO_COLOR (or `Theme::plain`) every style is colourless and meaning comes from the
//! numbers and modifiers that are always drawn beside any colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Pain 0–3 green, 4–6 amber, 7–10 red (SPEC §8.3).
    pub fn pain_color(pain: u8) -> Color {
        match pain {
            0..=3 => Color::Indexed(34),
            4..=6 => Color::Indexed(172),
            _ => Color::Indexed(160),
        }
    }

    pub fn pain(self, pain: u8) -> Style {
        self.fg(Self::pain_color(pain))
    }

    /// A calendar cell: the pain colour behind the number.
    pub fn pain_cell(self, pain: u8) -> Style {
        if self.color {
            Style::new()
                .bg(Self::pain_color(pain))
                .fg(Color::Indexed(16))
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::Indexed(244))
        } else {
            Style::new()
        }
    }

    pub fn accent(self) -> Style {
        self.fg(Color::Indexed(33)).add_modifier(Modifier::BOLD)
    }

    /// The selected row or focused field: reversed works in every palette and without colour.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Indexed(160)).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Indexed(34))
    }

    /// The red-flag banner: white on red, or reversed bold without colour.
    pub fn banner(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Indexed(160))
                .fg(Color::Indexed(231))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
}

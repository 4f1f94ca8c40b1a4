//! The visitor's colour theme: the system's (default), light or dark, remembered in a
//! cookie so the server renders the chosen theme and no page flashes the wrong one.

/// The cookie that remembers a chosen theme. Absent means "system".
pub const THEME_COOKIE: &str = "theme";

/// A year in seconds (365 × 86,400): the choice is meant to last.
const COOKIE_MAX_AGE: &str = "31536000";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "system" => Some(Self::System),
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }

    /// The value in the cookie, the form and `<html data-theme>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The `Set-Cookie` value (or `document.cookie` assignment) that remembers this choice
    /// for a year; "system" clears the cookie, so that visitor gets the same cacheable
    /// pages as one who never chose. `secure` when the site is served over https.
    pub fn cookie(self, secure: bool) -> String {
        let max_age = if self == Self::System {
            "0"
        } else {
            COOKIE_MAX_AGE
        };
        let secure = if secure { "; Secure" } else { "" };
        format!(
            "{THEME_COOKIE}={}; Path=/; Max-Age={max_age}; SameSite=Lax{secure}",
            self.as_str()
        )
    }

    /// The theme a `Cookie` header names; anything unreadable is the system theme.
    pub fn from_cookie_header(header: &str) -> Self {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == THEME_COOKIE)
            .and_then(|(_, value)| Self::parse(value.trim()))
            .unwrap_or_default()
    }

    /// The theme of the request being rendered (server only; the system theme elsewhere).
    pub fn of_request() -> Self {
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|parts| {
                    let cookies: Vec<&str> = parts
                        .headers
                        .get_all(http::header::COOKIE)
                        .iter()
                        .filter_map(|value| value.to_str().ok())
                        .collect();
                    cookies
                        .iter()
                        .map(|header| Self::from_cookie_header(header))
                        .find(|theme| *theme != Self::System)
                })
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            Self::System
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_theme_cookie_among_others_and_ignores_junk() {
        assert_eq!(
            Theme::from_cookie_header("a=1; theme=dark; b=2"),
            Theme::Dark
        );
        assert_eq!(Theme::from_cookie_header("theme=light"), Theme::Light);
        assert_eq!(Theme::from_cookie_header("theme=purple"), Theme::System);
        assert_eq!(Theme::from_cookie_header("xtheme=dark"), Theme::System);
        assert_eq!(Theme::from_cookie_header(""), Theme::System);
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.as_str()), Some(theme));
        }
    }

    #[test]
    fn the_cookie_lasts_a_year_and_system_clears_it() {
        assert_eq!(
            Theme::Dark.cookie(true),
            "theme=dark; Path=/; Max-Age=31536000; SameSite=Lax; Secure"
        );
        assert_eq!(
            Theme::System.cookie(false),
            "theme=system; Path=/; Max-Age=0; SameSite=Lax"
        );
    }
}

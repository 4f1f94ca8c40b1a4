use leptos::prelude::*;

use crate::interface_text::{english_address, localize};
use crate::islands::{ThemeSwitch, THEME_FORM_ID};
use crate::text;
use crate::theme::Theme;

/// Where the theme form posts; the server sets the cookie and sends the visitor back.
pub const THEME_ACTION: &str = "/theme";

/// The theme choice: a plain form that works without JavaScript, which the `ThemeSwitch`
/// island beside it makes instant once the page is hydrated.
#[component]
pub fn ThemeForm() -> impl IntoView {
    let current = Theme::of_request();
    // Back to this page, in its language.
    let back = localize(english_address());
    let options = Theme::ALL
        .into_iter()
        .map(|theme| {
            view! {
                <label class="theme-form__option">
                    <input type="radio" name="theme" value=theme.as_str() checked=theme == current />
                    {theme_label(theme)}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="theme-form" id=THEME_FORM_ID method="post" action=THEME_ACTION>
            <fieldset>
                <legend>{text!(theme.legend)}</legend>
                {options}
                <input type="hidden" name="back" value=back />
                <button type="submit">{text!(theme.apply)}</button>
            </fieldset>
        </form>
        <ThemeSwitch />
    }
}

/// A theme's name in the page's language.
fn theme_label(theme: Theme) -> &'static str {
    match theme {
        Theme::System => text!(theme.system),
        Theme::Light => text!(theme.light),
        Theme::Dark => text!(theme.dark),
    }
}

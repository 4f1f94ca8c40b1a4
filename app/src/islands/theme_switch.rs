//! Switches the theme at once, without a reload. Without JavaScript the footer's theme form
//! posts to the server, which sets the cookie and redirects back; once this island is live
//! it takes over the same form: choosing a radio button sets `<html data-theme>` and the
//! same cookie (built by [`Theme::cookie`], as the server builds it), so later pages, the
//! islands router's fetches included, are rendered in the chosen theme by the server.
//!
//! Like the map's island it is eager, takes no props and works on the server-rendered form
//! through plain DOM calls, so it adds little to the WASM every page loads. It sits in the
//! footer, outside the routes: it is hydrated once per full load and its listeners, on the
//! form beside it, are never added twice.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::theme::Theme;

/// The id of the footer's theme form, which this island drives.
pub const THEME_FORM_ID: &str = "theme-form";

/// `<html>` carries this attribute once the switch is live; the CSS then hides the form's
/// Apply button, which only the no-JavaScript form needs. The islands router never removes
/// `<html>` attributes, so it survives navigations, as the island does.
pub const THEME_LIVE_ATTRIBUTE: &str = "data-theme-live";

/// Renders nothing itself. Its body runs once, while the page hydrates, after the form it
/// drives is already in the DOM; no `Effect` is needed (one would cost bytes in the WASM).
#[island]
pub fn ThemeSwitch() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    attach();
}

#[cfg(feature = "hydrate")]
fn attach() {
    use wasm_bindgen::JsCast;

    use super::dom::listen;

    let document = leptos::prelude::document();
    let Some(form) = document.get_element_by_id(THEME_FORM_ID) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute(THEME_LIVE_ATTRIBUTE, "");
    }
    // Arrow keys and clicks both fire `change`: each choice applies as it is made.
    listen(&form, "change", |event| {
        let chosen = event
            .target()
            .map(|target| target.unchecked_into::<web_sys::HtmlInputElement>().value())
            .and_then(|value| Theme::parse(&value));
        if let Some(theme) = chosen {
            apply(theme);
        }
    });
    // Enter in the form would post it: the checked choice is already applied, so stay.
    listen(&form, "submit", |event| event.prevent_default());
}

/// Shows `theme` at once and remembers it in the cookie.
#[cfg(feature = "hydrate")]
fn apply(theme: Theme) {
    use wasm_bindgen::JsCast;

    let document = leptos::prelude::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    let secure = leptos::prelude::window()
        .location()
        .protocol()
        .is_ok_and(|protocol| protocol == "https:");
    let _ = document
        .unchecked_ref::<web_sys::HtmlDocument>()
        .set_cookie(&theme.cookie(secure));
}

//! The search box in the site header, on every page.
//!
//! Without JavaScript it is a GET form to `/`. With it: where results are shown, typing
//! updates them in place and the address with `history.replaceState` (one history entry,
//! not one per keystroke); anywhere else the first keystroke submits the form through the
//! islands router, which brings `/?q=…` without a reload, and its results island takes the
//! keystrokes that follow. `Esc` clears it, `↓` and `Enter` move into the results. The
//! island sits in the layout, so it lives as long as the page. Page-wide keys (`/` to
//! come here, `Esc` to go back where `/` came from) and keeping the box in step with
//! back and forward are the page script's (`app/src/page_script/`).

use leptos::ev;
use leptos::prelude::*;

use super::{browser, search_session};
use crate::domain::urls::{FOCUS_AREA_PARAM, HOME_PATH, QUERY_PARAM};
use crate::search::MAX_QUERY_CHARS;

#[island]
pub fn SearchBox(
    /// The query of the page as rendered.
    query: String,
    /// The focus area filter of the page as rendered, kept when searching without
    /// JavaScript.
    focus_area: Option<String>,
) -> impl IntoView {
    let form = NodeRef::<leptos::html::Form>::new();
    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        if browser::on_home_page() && search_session::publish(&value) {
            browser::replace_address(&value);
        } else if !value.trim().is_empty() {
            if let Some(form) = form.get_untracked() {
                keep_focus_area_of_this_page(&form);
                search_session::open_results(&form);
            }
        }
    };
    let on_keydown = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            if let Some(input) = browser::search_input() {
                input.set_value("");
            }
            if browser::on_home_page() && search_session::publish("") {
                browser::replace_address("");
            }
        }
        "ArrowDown" if !browser::result_links().is_empty() => {
            event.prevent_default();
            browser::move_through_results(1);
        }
        _ => {}
    };
    // With results on the page, Enter moves into them; otherwise the router takes the submit.
    let on_submit = move |event: ev::SubmitEvent| {
        if browser::on_home_page() && !browser::result_links().is_empty() {
            event.prevent_default();
            browser::move_through_results(1);
        }
    };
    // The first use fetches the search data, before the first keystroke needs it.
    let on_focus = move |_| search_session::with_index_text(|_| {});

    view! {
        <form
            node_ref=form
            class="site-search"
            role="search"
            aria-label="Search the issues"
            action=HOME_PATH
            method="get"
            on:submit=on_submit
        >
            <label class="visually-hidden" for=browser::SEARCH_INPUT_ID>
                "Search the issues"
            </label>
            <input
                id=browser::SEARCH_INPUT_ID
                class="site-search__input"
                type="search"
                name=QUERY_PARAM
                value=query
                placeholder="Search issues"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                maxlength=MAX_QUERY_CHARS.to_string()
                aria-keyshortcuts="/"
                on:input=on_input
                on:keydown=on_keydown
                on:focus=on_focus
            />
            <input type="hidden" name=FOCUS_AREA_PARAM value=focus_area.clone().unwrap_or_default() disabled=focus_area.is_none() />
            <button type="submit" class="site-search__button">"Search"</button>
            <kbd class="site-search__key" aria-hidden="true">"/"</kbd>
        </form>
    }
}

/// The hidden focus-area field carries the filter of the page being shown, which after
/// client-side navigation may differ from the page the header was rendered with.
fn keep_focus_area_of_this_page(form: &web_sys::HtmlFormElement) {
    use wasm_bindgen::JsCast;
    let Ok(Some(field)) = form.query_selector(&format!("input[name={FOCUS_AREA_PARAM}]")) else {
        return;
    };
    let Ok(field) = field.dyn_into::<web_sys::HtmlInputElement>() else {
        return;
    };
    let focus_area = browser::location_param(FOCUS_AREA_PARAM);
    field.set_disabled(focus_area.is_none());
    field.set_value(&focus_area.unwrap_or_default());
}

//! The search box in the site header, on every page.
//!
//! Without JavaScript it is a GET form to `/`. With it: where results are shown, typing
//! updates them in place and the address with `history.replaceState` (one history entry,
//! not one per keystroke); anywhere else the first keystroke submits the form through the
//! islands router, which brings `/?q=…` without a reload, and its results island takes the
//! keystrokes that follow. `/` focuses the box from anywhere, `Esc` clears it and gives
//! focus back, `↓` moves into the results. The island sits in the layout, so it lives as
//! long as the page and registers its page-wide listeners once.

use leptos::ev;
use leptos::prelude::*;

use super::browser;
use crate::domain::urls::{FOCUS_AREA_PARAM, QUERY_PARAM};
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
    Effect::new(move |_| {
        if !browser::first_registration() {
            return;
        }
        // `/` from anywhere, unless a field is being typed into.
        let shortcut = window_event_listener(ev::keydown, |event| {
            let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
            if event.key() == "/" && plain && !browser::typing_in_a_field() {
                event.prevent_default();
                browser::focus_search_box();
            }
        });
        // Back and forward: the box shows the query of the address it returns to.
        let history = window_event_listener(ev::popstate, |_| {
            if let Some(input) = browser::search_input() {
                input.set_value(&browser::location_param(QUERY_PARAM).unwrap_or_default());
            }
        });
        // Both live as long as the document.
        std::mem::forget((shortcut, history));
    });

    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        if browser::on_home_page() && browser::publish(&value) {
            browser::arrived_home();
            browser::replace_address(&value);
        } else if !value.trim().is_empty() {
            if let Some(form) = form.get_untracked() {
                keep_focus_area_of_this_page(&form);
                browser::submit_search(&form);
            }
        }
    };
    let on_keydown = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            if let Some(input) = browser::search_input() {
                input.set_value("");
            }
            if browser::on_home_page() && browser::publish("") {
                browser::replace_address("");
            }
            browser::return_focus();
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
    let on_focus = move |_| browser::with_index(|_| {});

    view! {
        <form
            node_ref=form
            class="site-search"
            role="search"
            aria-label="Search the issues"
            action="/"
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

/// The hidden `focus` field carries the filter of the page being shown, which after
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

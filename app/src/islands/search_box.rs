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
use crate::interface_text::localize;
use crate::page_text;
use crate::search::MAX_QUERY_CHARS;

/// Takes no props: an island with props brings serde_json's decoders into the WASM every
/// page loads (about 5 KB brotli, BENCHMARKS.md §12). What it is rendered with comes from
/// [`rendered_with`].
#[island]
pub fn SearchBox() -> impl IntoView {
    let (query, focus_area) = rendered_with();
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
            aria-label=page_text!(search.label)
            action=localize(HOME_PATH)
            method="get"
            on:submit=on_submit
        >
            <label class="visually-hidden" for=browser::SEARCH_INPUT_ID>
                {page_text!(search.label)}
            </label>
            <input
                id=browser::SEARCH_INPUT_ID
                class="site-search__input"
                type="search"
                name=QUERY_PARAM
                value=query
                placeholder=page_text!(search.placeholder)
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
            <button type="submit" class="site-search__button">{page_text!(search.button)}</button>
            <kbd class="site-search__key" aria-hidden="true">"/"</kbd>
        </form>
    }
}

/// The query and focus area filter of the page the box is rendered on (the filter is kept
/// when searching without JavaScript). On the server, the page's own. In the browser, the
/// page's as the server rendered it, read from the box and the address: hydration keeps
/// the server's attributes as they are, so these values only have to agree with them.
#[cfg(feature = "ssr")]
fn rendered_with() -> (String, Option<String>) {
    let crate::routes::PageQuery { q, focus_area, .. } =
        crate::routes::use_page_query().get_untracked();
    (q.unwrap_or_default(), focus_area)
}

#[cfg(not(feature = "ssr"))]
fn rendered_with() -> (String, Option<String>) {
    let query = browser::search_input()
        .map(|input| input.value())
        .unwrap_or_default();
    (query, browser::location_param(FOCUS_AREA_PARAM))
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

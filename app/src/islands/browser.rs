//! Small DOM helpers of the search islands (the box in the header and the results on
//! `/`): the box, the address's query, the result links. Their shared state is in
//! [`super::search_session`].

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::domain::urls::{home_href, FOCUS_AREA_PARAM, HOME_PATH};
use crate::domain::Lang;
use crate::interface_text::localize;

/// The id of the search box in the header.
pub const SEARCH_INPUT_ID: &str = "site-search-q";

/// A query parameter of the current address.
pub fn location_param(name: &str) -> Option<String> {
    let search = leptos::prelude::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|value| !value.is_empty())
}

pub fn on_home_page() -> bool {
    leptos::prelude::window()
        .location()
        .pathname()
        .is_ok_and(|path| Lang::of_path(&path).1 == HOME_PATH)
}

/// An address waiting for the browser to be idle: the one to record, and the one it
/// replaces.
struct PendingAddress {
    url: String,
    replacing: String,
}

thread_local! {
    static PENDING_ADDRESS: RefCell<Option<PendingAddress>> = const { RefCell::new(None) };
}

/// Puts `query` in the address bar without a new history entry (typing is not navigation).
///
/// Recorded once the browser is idle, after the results are drawn: `history.replaceState`
/// was a fifth of the work between a keystroke and its results in Chromium (BENCHMARKS.md
/// §14), and a burst of keystrokes now records one address. If the page has moved to
/// another address meanwhile (a link, back or forward), nothing is recorded.
pub fn replace_address(query: &str) {
    let window = leptos::prelude::window();
    let url = localize(home_href(
        query,
        location_param(FOCUS_AREA_PARAM).as_deref(),
    ));
    let replacing = window.location().href().unwrap_or_default();
    let scheduled = PENDING_ADDRESS
        .replace(Some(PendingAddress { url, replacing }))
        .is_some();
    if scheduled {
        return;
    }
    let record = Closure::once_into_js(record_pending_address);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    if window
        .request_idle_callback_with_options(record.unchecked_ref(), &options)
        .is_err()
    {
        // No idle callbacks (Safari): the next task.
        let _ = window.set_timeout_with_callback(record.unchecked_ref());
    }
}

/// How long the address may wait for an idle moment while the page is busy.
const IDLE_TIMEOUT_MS: u32 = 200;

fn record_pending_address() {
    let Some(PendingAddress { url, replacing }) = PENDING_ADDRESS.take() else {
        return;
    };
    let window = leptos::prelude::window();
    if window.location().href().ok().as_deref() != Some(replacing.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

pub fn search_input() -> Option<HtmlInputElement> {
    leptos::prelude::document()
        .get_element_by_id(SEARCH_INPUT_ID)?
        .dyn_into()
        .ok()
}

/// The result links on the page, in order.
pub fn result_links() -> Vec<HtmlElement> {
    let Ok(list) = leptos::prelude::document().query_selector_all(".search-results a") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Moves focus `step` links along the results from the focused one; before the first, back
/// to the search box.
pub fn move_through_results(step: i32) {
    let links = result_links();
    let active = leptos::prelude::document().active_element();
    let current = links.iter().position(|link| {
        active
            .as_ref()
            .is_some_and(|a| a == link.unchecked_ref::<web_sys::Element>())
    });
    let next = match current {
        None if step > 0 => links.first().cloned(),
        None => None,
        Some(i) => {
            let target = i as i32 + step;
            if target < 0 {
                if let Some(input) = search_input() {
                    let _ = input.focus();
                }
                return;
            }
            links.get(target as usize).cloned()
        }
    };
    if let Some(link) = next {
        let _ = link.focus();
    }
}

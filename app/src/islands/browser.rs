//! Small DOM helpers of the search islands (the box in the header and the results on
//! `/`): the box, the address's query, the result links. Their shared state is in
//! [`super::search_session`].

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::domain::urls::{home_href, FOCUS_AREA_PARAM, HOME_PATH};

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
        .is_ok_and(|path| path == HOME_PATH)
}

/// Puts `query` in the address bar without a new history entry (typing is not navigation).
pub fn replace_address(query: &str) {
    let url = home_href(query, location_param(FOCUS_AREA_PARAM).as_deref());
    if let Ok(history) = leptos::prelude::window().history() {
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

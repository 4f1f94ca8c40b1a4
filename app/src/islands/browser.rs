//! What the search islands share in the browser: the search data (fetched once, the first
//! time the search is used), the channel from the header's box to the results on `/`, and
//! small DOM helpers. Islands cannot share context, so they share this module's state.
//!
//! The results island is hydrated again on every navigation to `/`, and an island's cleanup
//! never runs: rather than adding listeners that would outlive it, each new results island
//! replaces the one subscriber here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlFormElement, HtmlInputElement};

use crate::domain::urls::{home_href, FOCUS_AREA_PARAM};
use crate::search::SearchIndex;

/// The id of the search box in the header.
pub const SEARCH_INPUT_ID: &str = "site-search-q";
/// Where the search data is served (a cacheable GET with an ETag).
const SEARCH_INDEX_URL: &str = "/api/search-index";

type Waiter = Box<dyn FnOnce(Rc<SearchIndex>)>;
type Subscriber = Rc<dyn Fn(String)>;

thread_local! {
    static INDEX: RefCell<Option<Rc<SearchIndex>>> = const { RefCell::new(None) };
    static LOADING: Cell<bool> = const { Cell::new(false) };
    static WAITING: RefCell<Vec<Waiter>> = const { RefCell::new(Vec::new()) };
    static SUBSCRIBER: RefCell<Option<Subscriber>> = const { RefCell::new(None) };
    static RETURN_FOCUS: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
}

/// Calls `then` with the search data: at once when it is here, otherwise once fetched.
pub fn with_index(then: impl FnOnce(Rc<SearchIndex>) + 'static) {
    if let Some(index) = INDEX.with(|index| index.borrow().clone()) {
        then(index);
        return;
    }
    WAITING.with(|waiting| waiting.borrow_mut().push(Box::new(then)));
    if LOADING.with(|loading| loading.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        match fetch_index().await {
            Ok(index) => {
                let index = Rc::new(index);
                INDEX.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&index)));
                let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
                for then in waiting {
                    then(Rc::clone(&index));
                }
            }
            Err(error) => {
                // The page keeps working: without JavaScript search, the form still submits.
                leptos::logging::warn!("search data unavailable: {error}");
            }
        }
        LOADING.with(|loading| loading.set(false));
    });
}

#[cfg(feature = "hydrate")]
async fn fetch_index() -> Result<SearchIndex, String> {
    let response = gloo_net::http::Request::get(SEARCH_INDEX_URL)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.ok() {
        return Err(format!("{SEARCH_INDEX_URL} answered {}", response.status()));
    }
    response
        .json::<SearchIndex>()
        .await
        .map_err(|error| error.to_string())
}

#[cfg(not(feature = "hydrate"))]
async fn fetch_index() -> Result<SearchIndex, String> {
    Err(format!("{SEARCH_INDEX_URL} is fetched in the browser only"))
}

/// Makes `handler` the one receiver of queries typed in the header's box.
pub fn subscribe(handler: impl Fn(String) + 'static) {
    SUBSCRIBER.with(|slot| *slot.borrow_mut() = Some(Rc::new(handler)));
}

/// Sends a query to the results on the page. False when this page shows no results
/// island (then the caller navigates to the results page instead).
pub fn publish(query: &str) -> bool {
    let present = leptos::prelude::document()
        .query_selector("[data-search-results]")
        .ok()
        .flatten()
        .is_some();
    let handler = SUBSCRIBER.with(|slot| slot.borrow().clone());
    let Some(handler) = handler.filter(|_| present) else {
        return false;
    };
    handler(query.to_string());
    true
}

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
        .is_ok_and(|path| path == "/")
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

thread_local!(static NAVIGATING: Cell<bool> = const { Cell::new(false) });

/// Submits the header's form through the islands router (a client-side navigation to
/// `/?q=…`), once: keys typed while that page loads are picked up by its results island.
pub fn submit_search(form: &HtmlFormElement) {
    if !NAVIGATING.with(|navigating| navigating.replace(true)) {
        let _ = form.request_submit();
    }
}

/// Called by the results island when it comes alive on `/`.
pub fn arrived_home() {
    NAVIGATING.with(|navigating| navigating.set(false));
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

/// Focuses the search box from anywhere, remembering where focus was.
pub fn focus_search_box() {
    let Some(input) = search_input() else { return };
    let previous = leptos::prelude::document()
        .active_element()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    RETURN_FOCUS.with(|slot| *slot.borrow_mut() = previous);
    let _ = input.focus();
    input.select();
}

/// Gives focus back to where it was before `/` moved it to the search box, if anywhere.
pub fn return_focus() {
    if let Some(element) = RETURN_FOCUS.with(|slot| slot.borrow_mut().take()) {
        let _ = element.focus();
    }
}

/// Whether keys typed now belong to a text field (so `/` is a character, not a shortcut).
pub fn typing_in_a_field() -> bool {
    leptos::prelude::document()
        .active_element()
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element
                    .dyn_ref::<HtmlElement>()
                    .is_some_and(|e| e.is_content_editable())
        })
}

/// Registers the page-wide listeners once per document: the header's island lives as long
/// as the page, but guard anyway.
pub fn first_registration() -> bool {
    thread_local!(static DONE: Cell<bool> = const { Cell::new(false) });
    !DONE.with(|done| done.replace(true))
}

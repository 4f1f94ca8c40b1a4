//! The search session in the browser: one value with named states, shared by the header's
//! search box and the results island on `/`. Islands cannot share context, so they share
//! this module's one thread-local.
//!
//! Two things have a state:
//! - the search data ([`IndexState`]): fetched the first time the search is used, for the
//!   page's language, and kept as JSON text. A page keeps its language for its life (a
//!   switch loads a new document); the state names the language anyway, so data of one
//!   language can never serve another's page. The results island decodes it (`search_results.rs`): the decoders
//!   then live in its lazy WASM chunk, not in the module every page loads;
//! - where typed queries go ([`Results`]): nowhere yet, to a navigation that is opening
//!   `/?q=…`, or to the results island that ranks them in place.
//!
//! The results island is hydrated again on every navigation to `/`, and an island's
//! cleanup never runs: rather than adding listeners that would outlive it, each new
//! results island replaces the one subscriber here.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlFormElement;

use crate::domain::Lang;
use crate::interface_text::page_lang;

type Waiter = Box<dyn FnOnce(Rc<str>)>;
type Subscriber = Rc<dyn Fn(String)>;

/// The search data of the page's language.
enum IndexState {
    /// Not asked for yet, or the last fetch failed (the next use tries again).
    Absent,
    /// On its way; these run, in order, once it is here.
    Fetching(Lang, Vec<Waiter>),
    /// The search data as the server sent it (JSON).
    Ready(Lang, Rc<str>),
}

/// Where the box's queries go.
enum Results {
    /// No results island has come alive, and none is being opened.
    Nowhere,
    /// The box submitted its form from the page at this address: the islands router is
    /// bringing `/?q=…`, whose results island picks up what was typed meanwhile from the
    /// box itself. If the visitor is on another page than `/` and this one by the next
    /// keystroke (that navigation was abandoned for a link), the box submits again.
    Opening(String),
    /// A results island ranks each query in place. It may have been navigated away from
    /// since: [`publish`] checks that it is still on the page.
    Listening(Subscriber),
}

struct SearchSession {
    index: IndexState,
    results: Results,
}

thread_local! {
    static SESSION: RefCell<SearchSession> = const {
        RefCell::new(SearchSession { index: IndexState::Absent, results: Results::Nowhere })
    };
}

/// What [`with_index_text`] does after looking at the state (outside the borrow, since the
/// callbacks may use the session again).
enum NextStep {
    Run(Rc<str>),
    Wait,
    Fetch,
}

/// Calls `then` with the search data's JSON: at once when it is here, otherwise once
/// fetched.
pub fn with_index_text(then: impl FnOnce(Rc<str>) + 'static) {
    when_index_text(Box::new(then));
}

/// [`with_index_text`] for a boxed callback: one copy of this body (and of the fetch in it)
/// in the WASM, rather than one per caller.
fn when_index_text(then: Waiter) {
    let mut then = Some(then);
    // A page in another language (the visitor switched) needs that language's data.
    let lang = page_lang();
    let next = SESSION.with_borrow_mut(|session| match &mut session.index {
        IndexState::Ready(of, index) if *of == lang => NextStep::Run(Rc::clone(index)),
        IndexState::Fetching(of, waiting) if *of == lang => {
            waiting.extend(then.take());
            NextStep::Wait
        }
        _ => {
            session.index = IndexState::Fetching(lang, then.take().into_iter().collect());
            NextStep::Fetch
        }
    });
    match next {
        NextStep::Run(index) => then.into_iter().for_each(|then| then(index.clone())),
        NextStep::Wait => {}
        NextStep::Fetch => leptos::task::spawn_local(async move {
            let fetched = fetch_index(lang).await.map(Rc::<str>::from);
            let waiting = SESSION.with_borrow_mut(|session| {
                // Another language's fetch may have started meanwhile: that one owns the
                // state, and this one's data goes to no one.
                if !matches!(&session.index, IndexState::Fetching(of, _) if *of == lang) {
                    return Vec::new();
                }
                let next = match &fetched {
                    Ok(index) => IndexState::Ready(lang, Rc::clone(index)),
                    Err(_) => IndexState::Absent,
                };
                match std::mem::replace(&mut session.index, next) {
                    IndexState::Fetching(_, waiting) => waiting,
                    _ => Vec::new(),
                }
            });
            match fetched {
                Ok(index) => waiting.into_iter().for_each(|then| then(index.clone())),
                // The page keeps working: without JavaScript search, the form still submits.
                Err(error) => leptos::logging::warn!("search data unavailable: {error}"),
            }
        }),
    }
}

#[cfg(feature = "hydrate")]
async fn fetch_index(lang: Lang) -> Result<String, String> {
    // A cacheable GET with an ETag.
    let url = crate::domain::search_data_path(lang);
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.ok() {
        return Err(format!("{url} answered {}", response.status()));
    }
    response.text().await.map_err(|error| error.to_string())
}

#[cfg(not(feature = "hydrate"))]
async fn fetch_index(lang: Lang) -> Result<String, String> {
    Err(format!(
        "{} is fetched in the browser only",
        crate::domain::search_data_path(lang)
    ))
}

/// A results island came alive on `/`: from now on it ranks every query.
pub fn listen(handler: impl Fn(String) + 'static) {
    SESSION.with_borrow_mut(|session| session.results = Results::Listening(Rc::new(handler)));
}

/// Sends a query to the results on the page. False when this page shows no live results
/// island (then the caller opens the results page instead).
pub fn publish(query: &str) -> bool {
    let present = leptos::prelude::document()
        .query_selector("[data-search-results]")
        .ok()
        .flatten()
        .is_some();
    let handler = SESSION.with_borrow(|session| match &session.results {
        Results::Listening(handler) if present => Some(Rc::clone(handler)),
        _ => None,
    });
    let Some(handler) = handler else {
        return false;
    };
    handler(query.to_string());
    true
}

/// Submits the header's form through the islands router (a client-side navigation to
/// `/?q=…`), once from each page: keys typed while that page loads are picked up by its
/// results island.
pub fn open_results(form: &HtmlFormElement) {
    let here = leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default();
    // On `/` the results island may still be loading (its code is a lazy chunk): wait.
    let arriving = super::browser::on_home_page();
    let submit = SESSION.with_borrow_mut(|session| match &session.results {
        Results::Opening(from) if *from == here || arriving => false,
        _ => {
            session.results = Results::Opening(here);
            true
        }
    });
    if submit {
        let _ = form.request_submit();
    }
}

//! The listing of `/` with search: focus-area chips with result counts, and either the
//! listing (the island's children, rendered on the server) or the ranked results.
//!
//! The server renders the results for the address's query, so the page is complete without
//! JavaScript. In the browser, queries typed in the header's box arrive through
//! [`search_session::listen`] and are ranked here with the same function the server uses.
//! The island is only on pages with a query: on `/` the first keystroke opens `/?q=…`
//! through the islands router, and the keystrokes after it are ranked here.

use leptos::ev;
use leptos::prelude::*;

use super::result_words::{ChipWords, ResultWords};
use super::{browser, search_session};
use crate::components::{search_hits_html, SuggestionList};
use crate::domain::urls::home_href;
use crate::interface_text::localize;
use crate::search::{search, FacetCount, Filter, SearchOutcome, EMERGING};

/// Lazy in release builds (`#[island(lazy)]`, built with `cargo leptos build --release
/// --split`): its code is a separate WASM chunk, loaded only by pages that show results, so
/// the first load of `/` does not carry the ranking and its views. Debug builds keep it in
/// the one module, so a plain `cargo leptos watch` (no `--split`) works.
#[cfg_attr(debug_assertions, island)]
#[cfg_attr(not(debug_assertions), island(lazy))]
pub fn SearchResults(
    outcome: SearchOutcome,
    /// The page's words for the results, in its language.
    words: ResultWords,
    children: Children,
) -> impl IntoView {
    let filter = outcome.filter.clone();
    let outcome = RwSignal::new(outcome);
    Effect::new({
        let filter = filter.clone();
        move |_| {
            let filter = filter.clone();
            let run = move |query: String| {
                let filter = filter.clone();
                search_session::with_index_text(move |text| {
                    let Some(index) = decoded(&text) else {
                        return;
                    };
                    let filter = filter.and_then(|slug| Filter::parse(&slug, &index));
                    outcome.set(search(&index, &query, filter.as_ref()));
                });
            };
            // The box may already hold more than the server rendered results for.
            let typed = browser::search_input()
                .map(|input| input.value())
                .unwrap_or_default();
            if typed.trim() != outcome.get_untracked().query {
                // Keys typed while this page loaded: into the results and the address. If
                // the router records its address after this, the page script sends the box's
                // value again as an input, which lands here through the session.
                browser::replace_address(&typed);
                run(typed);
            }
            search_session::listen(run);
            // For tests and tooling: this (lazily loaded) island is now interactive.
            if let Ok(Some(root)) = document().query_selector("[data-search-results]") {
                let _ = root.set_attribute("data-ready", "true");
            }
        }
    });
    let query = move || outcome.with(|o| o.query.clone());
    let searching = move || !query().is_empty();
    let chips = words.chips.clone();
    // Read by closures the results' `Show` makes again each time it opens.
    let words = StoredValue::new(words);
    let on_keydown = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "ArrowDown" => {
            event.prevent_default();
            browser::move_through_results(1);
        }
        "ArrowUp" => {
            event.prevent_default();
            browser::move_through_results(-1);
        }
        _ => {}
    };
    view! {
        <div class="explorer" data-search-results>
            <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                {move || if searching() { outcome.with(|o| words.with_value(|w| w.announcement(o))) } else { String::new() }}
            </p>
            <FilterChips outcome filter=filter.clone() words=chips />
            <div class="explorer__listing" hidden=searching>
                {children()}
            </div>
            <Show when=searching>
                <section
                    class="search-results"
                    aria-labelledby="search-results-heading"
                    on:keydown=on_keydown
                >
                    <h2 id="search-results-heading">
                        {move || outcome.with(|o| words.with_value(|w| w.heading(o)))}
                    </h2>
                    {move || outcome.with(|o| words.with_value(|w| results(o, w)))}
                </section>
            </Show>
        </div>
    }
}

fn results(outcome: &SearchOutcome, words: &ResultWords) -> AnyView {
    if outcome.hits.is_empty() {
        let suggestions = outcome.suggestions.clone();
        return view! {
            <div class="search-results__none">
                <p>{words.no_match(outcome)}</p>
                <SuggestionList
                    suggestions
                    lead=words.closest.clone()
                    class="search-results__suggestions"
                />
            </div>
        }
        .into_any();
    }
    view! { <ol class="search-results__list" inner_html=search_hits_html(&outcome.hits)></ol> }
        .into_any()
}

/// The filters: all issues, the four focus areas and the emerging issues, each with the
/// number of results for the current query. A chip toggles: the active one links back to
/// all issues. Plain links, so the islands router loads the filtered page. Rendered by the
/// results island, and on its own (server only) on `/` without a query.
#[component]
pub fn FilterChips(
    outcome: RwSignal<SearchOutcome>,
    filter: Option<String>,
    words: ChipWords,
) -> impl IntoView {
    let active = filter.clone();
    let href = move |slug: Option<&str>| outcome.with(|o| localize(home_href(&o.query, slug)));
    let counts = outcome.with_untracked(|o| o.counts.clone());
    let total = move || {
        outcome.with(|o| {
            if o.query.is_empty() {
                None
            } else {
                Some(o.total)
            }
        })
    };
    let ChipWords {
        heading,
        label,
        all_issues,
        ..
    } = words.clone();
    let nouns = std::sync::Arc::new(words);
    view! {
        <nav class="focus-areas" aria-label=label>
            <h2 class="focus-areas__heading">{heading}</h2>
            <ul class="focus-areas__list">
                <li>
                    <a
                        href=move || href(None)
                        class="chip"
                        aria-current=active.is_none().then_some("page")
                    >
                        {all_issues}
                        {
                            let nouns = nouns.clone();
                            move || total().map(|count| view! { <Count count nouns=nouns.clone() /> })
                        }
                    </a>
                </li>
                {counts
                    .into_iter()
                    .enumerate()
                    .map(|(i, FacetCount { slug, name, .. })| {
                        let current = active.as_deref() == Some(slug.as_str());
                        let target = (!current).then(|| slug.clone());
                        let count = move || outcome.with(|o| o.counts.get(i).map_or(0, |c| c.count));
                        let class = if slug == EMERGING { "chip chip--emerging" } else { "chip" };
                        let nouns = nouns.clone();
                        view! {
                            <li>
                                <a
                                    href=move || href(target.as_deref())
                                    class=class
                                    aria-current=current.then_some("page")
                                >
                                    {name}
                                    {move || view! { <Count count=count() nouns=nouns.clone() /> }}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A result count on a chip, read out as ", 3 issues" (`nouns`: the page's words).
#[component]
fn Count(count: u32, nouns: std::sync::Arc<ChipWords>) -> impl IntoView {
    let noun = nouns.count_noun(count).to_string();
    view! {
        <span class="chip__count">
            <span class="visually-hidden">", "</span>
            {count}
            <span class="visually-hidden">{noun}</span>
        </span>
    }
}

type Decoded = (std::rc::Rc<str>, std::rc::Rc<crate::search::SearchIndex>);

thread_local! {
    /// The search data, decoded once from the session's JSON (the text it came from is
    /// kept: another language's page brings other text).
    static DECODED: std::cell::RefCell<Option<Decoded>> = const { std::cell::RefCell::new(None) };
}

/// The search data decoded from `text` (once per text); `None`, with a warning, when the
/// text is not search data, and the results stay as the server rendered them.
fn decoded(text: &std::rc::Rc<str>) -> Option<std::rc::Rc<crate::search::SearchIndex>> {
    let cached = DECODED.with_borrow(|decoded| {
        decoded
            .as_ref()
            .filter(|(from, _)| std::rc::Rc::ptr_eq(from, text))
            .map(|(_, index)| std::rc::Rc::clone(index))
    });
    if cached.is_some() {
        return cached;
    }
    match serde_json::from_str::<crate::search::SearchIndex>(text) {
        Ok(index) => {
            let index = std::rc::Rc::new(index);
            DECODED.set(Some((std::rc::Rc::clone(text), std::rc::Rc::clone(&index))));
            Some(index)
        }
        Err(error) => {
            leptos::logging::warn!("search data unreadable: {error}");
            None
        }
    }
}

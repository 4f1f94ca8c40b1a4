//! The islands router (leptos 0.8.23, `islands_routing.js`) turns a client-side
//! navigation into a patch of the current page: nodes are compared in order and updated in
//! place, and a `<For>` keeps the items whose keys are unchanged. Patched node by node, one
//! issue's article turned into another's with stale parts (lists of related issues differ
//! in length). Rendered as the one item of a `<For>` keyed on what it shows, a page's
//! content is replaced whole whenever the key changes.

use leptos::prelude::*;

/// `item` rendered by `children`, replaced whole on navigation whenever `key` of the new
/// page's item differs.
#[component]
pub fn ReplaceWhole<T, KF, V, VF>(item: T, key: KF, children: VF) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    KF: Fn(&T) -> String + Send + Clone + 'static,
    V: IntoView + 'static,
    VF: Fn(T) -> V + Send + Clone + 'static,
{
    view! { <For each=move || [item.clone()] key=key children=children /> }
}

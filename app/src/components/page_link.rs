use leptos::prelude::*;

use crate::interface_text::{english_path, localize};

/// A link to one of the site's pages (`href` an English path) in the page's language,
/// marked `aria-current="page"` on that page and below it, as leptos_router's `<A>` marks
/// its links. `<A>` compares the link with the router's location, which is the English
/// path on a French page (the language layer took the prefix off), so it never marked
/// `/fr/map` as the current page of `/fr/map`.
#[component]
pub fn PageLink(
    href: &'static str,
    #[prop(optional)] class: Option<&'static str>,
    /// The keyboard shortcut that follows this link (`data-shortcut`).
    #[prop(optional)]
    shortcut: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let current = is_current(href, &english_path()).then_some("page");
    view! {
        <a href=localize(href) class=class data-shortcut=shortcut aria-current=current>
            {children()}
        </a>
    }
}

/// Whether the page at `location` is `href` or below it, segment by segment: `/` only on
/// `/`, `/map` on `/map` and `/map/…`.
fn is_current(href: &str, location: &str) -> bool {
    location == href
        || (href != "/"
            && location
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_page_and_the_pages_below_it_are_current() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/map"));
        assert!(is_current("/map", "/map"));
        assert!(is_current("/issues", "/issues/dns"));
        assert!(!is_current("/map", "/mapping"));
        assert!(!is_current("/glossary", "/"));
    }
}

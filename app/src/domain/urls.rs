//! Every address the explorer links to, built here and nowhere else.
//!
//! Query values are percent-encoded one way ([`encode_query_value`]) and decode back
//! through the router's own parser to what went in (tested in `routes::page_query`). Path
//! segments are slugs and term anchors, which the content loader has already checked
//! ([`super::is_valid_slug`], [`super::term_anchor`]): they are plain ASCII and need no
//! encoding. They are English addresses: `crate::interface_text::localize` puts a page's language
//! prefix in front of them (`/fr/issues/dns`).

use super::Lang;

/// The listing, with the search and the filters.
pub const HOME_PATH: &str = "/";
/// The listing in every language, space-separated, for the page script.
pub const HOME_PATHS: &str = "/ /fr/ /es/";
/// The topic map.
pub const MAP_PATH: &str = "/map";
/// The glossary.
pub const GLOSSARY_PATH: &str = "/glossary";

/// What changed on each issue page, newest first.
pub const CHANGES_PATH: &str = "/changes";
/// The same changes as an Atom feed.
pub const FEED_PATH: &str = "/feed.xml";

/// The pages that are not an issue's, in the sitemap's order.
pub const SITE_PAGES: [&str; 4] = [HOME_PATH, MAP_PATH, GLOSSARY_PATH, CHANGES_PATH];

/// `?focus=<focus-area-slug>` narrows the listing (or the map) to one focus area, or to
/// `emerging`.
pub const FOCUS_AREA_PARAM: &str = "focus";
/// `?q=<words>` searches the issues; on `/map` it highlights the matches.
pub const QUERY_PARAM: &str = "q";
/// `/map?issue=<slug>` opens the map with that issue selected.
pub const ISSUE_PARAM: &str = "issue";
/// `/map?relation=<relation>` draws only the connections of one relation.
pub const RELATION_PARAM: &str = "relation";

/// Issue pages live under this prefix: `/issues/<slug>`.
pub const ISSUE_PATH_PREFIX: &str = "/issues/";

/// Whether `path` (English, without a language prefix) is one of the pages that exist in
/// every language: the listing, the other site pages and the issue pages. Feeds, images,
/// the API and built files have one address, in no language; so has each page (the server
/// redirects `/map/` to `/map`).
pub fn is_page_path(path: &str) -> bool {
    SITE_PAGES.contains(&path) || issue_slug_in(path).is_some_and(|slug| !slug.is_empty())
}

/// The path of an issue's page.
pub fn issue_href(slug: &str) -> String {
    format!("{ISSUE_PATH_PREFIX}{slug}")
}

/// The slug in an issue page's path (`/issues/dns` → `dns`), unchecked.
pub fn issue_slug_in(path: &str) -> Option<&str> {
    path.strip_prefix(ISSUE_PATH_PREFIX)
}

/// The path of a term's entry on `/glossary`.
pub fn glossary_href(anchor: &str) -> String {
    format!("{GLOSSARY_PATH}#{anchor}")
}

/// `/` with a search and a filter, leaving out the empty ones:
/// `/?q=bgp&focus=building-trust`.
pub fn home_href(query: &str, focus_area: Option<&str>) -> String {
    with_query(
        HOME_PATH,
        &[
            (QUERY_PARAM, Some(query).filter(|q| !q.is_empty())),
            (FOCUS_AREA_PARAM, focus_area),
        ],
    )
}

/// What a `/map` address asks for; the empty ones are left out of it.
#[derive(Debug, Clone, Copy, Default)]
pub struct MapParams<'a> {
    pub focus_area: Option<&'a str>,
    pub query: &'a str,
    pub issue: Option<&'a str>,
    pub relation: Option<&'a str>,
}

/// `/map` with a filter, a search, a selected issue and a relation, leaving out the empty
/// ones.
pub fn map_href(params: &MapParams<'_>) -> String {
    with_query(
        MAP_PATH,
        &[
            (FOCUS_AREA_PARAM, params.focus_area),
            (QUERY_PARAM, Some(params.query).filter(|q| !q.is_empty())),
            (ISSUE_PARAM, params.issue),
            (RELATION_PARAM, params.relation),
        ],
    )
}

/// The path of an issue's category icon (files under `public/icons/`).
pub fn icon_src(slug: &str) -> String {
    format!("/icons/{slug}.svg")
}

/// The path of a share image in `lang`: an issue's slug, or `site` for the site's own
/// (`/share/dns.png`, `/share/dns.fr.png`; slugs have no dots).
pub fn share_image_path(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("/share/{name}.png"),
        _ => format!("/share/{name}.{}.png", lang.code()),
    }
}

/// Where the browser fetches the search data in `lang` (`/api/search-index/fr`): an address
/// without a query, so that a static export holds it as a file per language.
pub fn search_data_path(lang: Lang) -> String {
    format!("/api/search-index/{}", lang.code())
}

/// The link to an RFC's page on rfc-editor.org.
pub fn rfc_url(number: u32) -> String {
    format!("https://www.rfc-editor.org/rfc/rfc{number}")
}

/// `path` followed by the present pairs, in the given order, values encoded.
fn with_query(path: &str, pairs: &[(&str, Option<&str>)]) -> String {
    let mut href = String::from(path);
    let mut separator = '?';
    for (name, value) in pairs {
        if let Some(value) = value {
            href.push(separator);
            href.push_str(name);
            href.push('=');
            href.push_str(&encode_query_value(value));
            separator = '&';
        }
    }
    href
}

/// Percent-encodes a query-string value: everything but unreserved ASCII (RFC 3986) is
/// written as `%XX` bytes of its UTF-8.
pub fn encode_query_value(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push('%');
            encoded.push(HEX[usize::from(byte >> 4)] as char);
            encoded.push(HEX[usize::from(byte & 0x0F)] as char);
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_paths_name_the_listing_in_every_language() {
        let every: Vec<String> = Lang::ALL
            .iter()
            .map(|lang| lang.localized(HOME_PATH))
            .collect();
        assert_eq!(HOME_PATHS, every.join(" "));
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("bgp"), "bgp");
        assert_eq!(encode_query_value("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(encode_query_value("é"), "%C3%A9");
        assert_eq!(encode_query_value("\u{7f}/?#"), "%7F%2F%3F%23");
    }

    #[test]
    fn empty_parts_are_left_out() {
        assert_eq!(home_href("", None), "/");
        assert_eq!(map_href(&MapParams::default()), "/map");
        assert_eq!(home_href("dns", None), "/?q=dns");
        assert_eq!(
            home_href("", Some("building-trust")),
            "/?focus=building-trust"
        );
        let dns = MapParams {
            issue: Some("dns"),
            ..MapParams::default()
        };
        assert_eq!(map_href(&dns), "/map?issue=dns");
        let everything = MapParams {
            focus_area: Some("emerging"),
            query: "a b",
            relation: Some("protects"),
            ..dns
        };
        assert_eq!(
            map_href(&everything),
            "/map?focus=emerging&q=a%20b&issue=dns&relation=protects"
        );
    }

    #[test]
    fn pages_are_known_by_their_one_address() {
        for page in ["/", "/map", "/glossary", "/issues/dns"] {
            assert!(is_page_path(page), "{page}");
        }
        for other in [
            "/feed.xml",
            "/api/issues",
            "/issues/",
            "/map/",
            "//",
            "/share/dns.png",
        ] {
            assert!(!is_page_path(other), "{other}");
        }
    }

    #[test]
    fn paths() {
        assert_eq!(issue_href("dns"), "/issues/dns");
        assert_eq!(issue_slug_in(&issue_href("dns")), Some("dns"));
        assert_eq!(issue_slug_in("/map"), None);
        assert_eq!(glossary_href("bcp-38"), "/glossary#bcp-38");
        assert_eq!(icon_src("dns"), "/icons/dns.svg");
        assert_eq!(share_image_path("site", Lang::En), "/share/site.png");
        assert_eq!(share_image_path("dns", Lang::Fr), "/share/dns.fr.png");
        assert_eq!(search_data_path(Lang::Es), "/api/search-index/es");
        assert_eq!(rfc_url(9110), "https://www.rfc-editor.org/rfc/rfc9110");
    }
}

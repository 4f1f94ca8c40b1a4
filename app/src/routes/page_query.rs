//! Everything a page reads from its query string, as one type.
//!
//! Pages read their parameters only through [`use_page_query`], and the server's render
//! store keys a page on [`PageQuery::store_key`], built from the request by the same
//! parser ([`PageQuery::of_request_target`]). A parameter no field names (`utm_source`, a
//! cache buster) cannot change a page, and a field the key forgets does not compile:
//! `store_key` takes the struct apart without `..`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::domain::encode_query_value;
use crate::domain::urls::{FOCUS_AREA_PARAM, ISSUE_PARAM, QUERY_PARAM, RELATION_PARAM};

/// The query parameters pages read, decoded (`+` and `%20` are spaces).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// The focus area filter (`focus`).
    pub focus_area: Option<String>,
    /// The search text (`q`).
    pub q: Option<String>,
    /// The issue selected on the map (`issue`).
    pub issue: Option<String>,
    /// The relation the map's lines are narrowed to (`relation`).
    pub relation: Option<String>,
}

impl PageQuery {
    /// The parameters as the router parsed them (the first value of each).
    pub fn from_params(params: &ParamsMap) -> Self {
        Self {
            focus_area: params.get(FOCUS_AREA_PARAM),
            q: params.get(QUERY_PARAM),
            issue: params.get(ISSUE_PARAM),
            relation: params.get(RELATION_PARAM),
        }
    }

    /// The parameters of a request target (`/path?query`), parsed exactly as the router
    /// parses it when it renders the page on the server.
    #[cfg(feature = "ssr")]
    pub fn of_request_target(path_and_query: &str) -> Self {
        // Most requests have no query: nothing to parse (the parser would find no pairs).
        if !path_and_query.contains('?') {
            return Self::default();
        }
        leptos_router::location::RequestUrl::new(path_and_query)
            .parse()
            .map(|url| Self::from_params(url.search_params()))
            .unwrap_or_default()
    }

    /// A search with text: its page is different for every text.
    pub fn is_search(&self) -> bool {
        self.q.as_deref().is_some_and(|q| !q.is_empty())
    }

    /// What a page's HTML depends on in its query, as text: every field, named, in a fixed
    /// order, with `-` for an absent one (so `?q=` and no `q` stay apart, as pages may
    /// tell them apart).
    pub fn store_key(&self) -> String {
        let Self {
            focus_area,
            q,
            issue,
            relation,
        } = self;
        let mut key = String::with_capacity(40);
        for (name, value) in [
            (FOCUS_AREA_PARAM, focus_area),
            (QUERY_PARAM, q),
            (ISSUE_PARAM, issue),
            (RELATION_PARAM, relation),
        ] {
            key.push('|');
            key.push_str(name);
            match value {
                Some(value) => {
                    key.push('=');
                    key.push_str(&encode_query_value(value));
                }
                None => key.push('-'),
            }
        }
        key
    }
}

/// The current page's query, for components rendered inside the router.
pub fn use_page_query() -> Memo<PageQuery> {
    let params = use_query_map();
    Memo::new(move |_| params.with(PageQuery::from_params))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn parameters_pages_do_not_read_leave_the_key_alone() {
        let plain = PageQuery::of_request_target("/issues/dns").store_key();
        for target in [
            "/issues/dns?x=1",
            "/issues/dns?utm_source=a&b",
            "/issues/dns?",
        ] {
            assert_eq!(PageQuery::of_request_target(target).store_key(), plain);
        }
        let focus = PageQuery::of_request_target("/?focus=building-trust&utm_source=x");
        assert_eq!(
            focus,
            PageQuery::of_request_target("/?utm_source=y&focus=building%2Dtrust")
        );
        assert_eq!(focus.focus_area.as_deref(), Some("building-trust"));
    }

    #[test]
    fn every_field_is_part_of_the_key() {
        let base = PageQuery::default();
        let variants = [
            PageQuery {
                focus_area: Some("building-trust".into()),
                ..PageQuery::default()
            },
            PageQuery {
                q: Some("dns".into()),
                ..PageQuery::default()
            },
            PageQuery {
                q: Some(String::new()),
                ..PageQuery::default()
            },
            PageQuery {
                issue: Some("dns".into()),
                ..PageQuery::default()
            },
            PageQuery {
                relation: Some("protects".into()),
                ..PageQuery::default()
            },
        ];
        for (i, variant) in variants.iter().enumerate() {
            assert_ne!(variant.store_key(), base.store_key(), "{variant:?}");
            for other in &variants[i + 1..] {
                assert_ne!(
                    variant.store_key(),
                    other.store_key(),
                    "{variant:?} {other:?}"
                );
            }
        }
    }

    #[test]
    fn every_href_reads_back_as_what_went_in() {
        use crate::domain::urls::{home_href, map_href, MapParams};
        for text in [
            "dns",
            "a b&c=d",
            "caf\u{e9} + 100%",
            "x#y?z/",
            "\u{1F600}|focus=-",
        ] {
            assert_eq!(
                PageQuery::of_request_target(&map_href(&MapParams {
                    focus_area: Some(text),
                    query: text,
                    issue: Some(text),
                    relation: Some(text),
                })),
                PageQuery {
                    focus_area: Some(text.into()),
                    q: Some(text.into()),
                    issue: Some(text.into()),
                    relation: Some(text.into()),
                },
                "{text}"
            );
            assert_eq!(
                PageQuery::of_request_target(&home_href(text, Some(text))),
                PageQuery {
                    focus_area: Some(text.into()),
                    q: Some(text.into()),
                    ..PageQuery::default()
                },
                "{text}"
            );
        }
    }

    #[test]
    fn values_are_decoded_as_the_router_decodes_them() {
        let query = PageQuery::of_request_target("/?q=domain+names&issue=caf%C3%A9");
        assert_eq!(query.q.as_deref(), Some("domain names"));
        assert_eq!(query.issue.as_deref(), Some("café"));
        assert!(query.is_search());
        assert!(!PageQuery::of_request_target("/?q=").is_search());
        // A value that looks like a key separator stays inside its field.
        let tricky = PageQuery::of_request_target("/?q=a%7Cfocus%3Dx");
        assert_ne!(
            tricky.store_key(),
            PageQuery::of_request_target("/?q=a&focus=x").store_key()
        );
    }
}

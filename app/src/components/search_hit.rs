//! The search results' items, written as one HTML string.
//!
//! The results island replaces its list whole on every keystroke. Built node by node, a
//! list of 20 results took about 600 calls from WASM into the DOM, most of the time
//! between a keystroke and its results; the browser parses the same list from one string
//! several times faster (BENCHMARKS.md §14). The server renders the same string, so the
//! page without JavaScript and the hydrated one carry identical markup.

use crate::domain::html::escape_html;
use crate::domain::{icon_src, issue_href};
use crate::interface_text::page_lang;
use crate::search::{SearchHit, Segment};

/// The `<li>` items of a results list, in order: icon, title with the matched words marked,
/// and a snippet.
pub fn search_hits_html(hits: &[SearchHit]) -> String {
    let lang = page_lang();
    let mut html = String::with_capacity(hits.len() * 600);
    for hit in hits {
        html.push_str(r#"<li class="search-result"><img class="issue-icon" src=""#);
        escape_html(&icon_src(&hit.slug), &mut html);
        html.push_str(r#"" alt=""#);
        escape_html(&hit.icon_alt, &mut html);
        html.push_str(r#"" width="40" height="40" loading="lazy" decoding="async"><h3 class="search-result__title"><a href=""#);
        escape_html(&lang.localized(&issue_href(&hit.slug)), &mut html);
        html.push_str(r#"">"#);
        push_marked(&hit.title, &mut html);
        html.push_str(r#"</a></h3><p class="search-result__snippet">"#);
        push_marked(&hit.snippet, &mut html);
        html.push_str("</p></li>");
    }
    html
}

/// Text with its matched parts in `<mark>`.
fn push_marked(segments: &[Segment], html: &mut String) {
    for segment in segments {
        if segment.mark {
            html.push_str("<mark>");
            escape_html(&segment.text, html);
            html.push_str("</mark>");
        } else {
            escape_html(&segment.text, html);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(text: &str, mark: bool) -> Segment {
        Segment {
            text: text.into(),
            mark,
        }
    }

    #[test]
    fn an_item_has_its_icon_link_and_marked_words_with_text_escaped() {
        let hit = SearchHit {
            slug: "dns".into(),
            icon_alt: "A \"signpost\"".into(),
            title: vec![segment("Domain ", false), segment("Name", true)],
            snippet: vec![segment("<script> & ", false), segment("names", true)],
        };
        assert_eq!(
            search_hits_html(&[hit]),
            concat!(
                r#"<li class="search-result"><img class="issue-icon" src="/icons/dns.svg" alt="A &quot;signpost&quot;" width="40" height="40" loading="lazy" decoding="async">"#,
                r#"<h3 class="search-result__title"><a href="/issues/dns">Domain <mark>Name</mark></a></h3>"#,
                r#"<p class="search-result__snippet">&lt;script&gt; &amp; <mark>names</mark></p></li>"#,
            )
        );
    }
}

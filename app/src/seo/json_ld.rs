use leptos::prelude::*;
use serde_json::{json, Value};

use super::absolute;
use crate::domain::{issue_href, share_image_path, IssueDetail, IssueIndex, Relation};
use crate::interface_text::{localize, use_lang};
use crate::{text, SITE_NAME};

/// A JSON-LD block. The JSON is written so that no text in it can end the `<script>`
/// element early: `<`, `>` and `&` are escaped as JSON `\u` sequences, which parse back to
/// the same characters.
#[component]
pub fn JsonLd(data: Value) -> impl IntoView {
    // The nonce is not needed by a data block, but keeps "every script carries the nonce" true.
    view! { <script type="application/ld+json" nonce=leptos::nonce::use_nonce() inner_html=script_safe_json(&data)></script> }
}

pub fn script_safe_json(data: &Value) -> String {
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn publisher() -> Value {
    json!({ "@type": "Organization", "name": SITE_NAME, "url": absolute("/") })
}

/// The site with its search, and the issues it lists.
pub fn website_with_issues(index: &IssueIndex) -> Value {
    let items: Vec<Value> = index
        .issues()
        .enumerate()
        .map(|(i, issue)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "url": absolute(&localize(issue_href(&issue.slug))),
                "name": issue.title,
            })
        })
        .collect();
    json!([
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": SITE_NAME,
            "url": absolute(&localize("/")),
            "inLanguage": use_lang().code(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": { "@type": "EntryPoint", "urlTemplate": absolute(&localize("/?q={search_term_string}")) },
                "query-input": "required name=search_term_string",
            },
        },
        {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": text!(home.heading),
            "itemListElement": items,
        },
    ])
}

/// An issue page as an article, reviewed on its review date.
pub fn issue_article(issue: &IssueDetail) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": issue.title,
        "description": issue.summary,
        "dateModified": issue.reviewed,
        "inLanguage": use_lang().code(),
        "image": absolute(&share_image_path(&issue.slug, use_lang())),
        "mainEntityOfPage": absolute(&localize(issue_href(&issue.slug))),
        "publisher": publisher(),
        "author": publisher(),
    });
    // schema.org has a property for one relation only: an issue within a focus area's page
    // is `isPartOf` it, and the focus area `hasPart` its issues. The other relations have
    // no fitting property and stay in the page's text and the API.
    for (property, outgoing) in [("isPartOf", true), ("hasPart", false)] {
        let pages: Vec<Value> = issue
            .related
            .iter()
            .filter(|c| c.relation == Relation::PartOf && c.outgoing == outgoing)
            .map(|c| json!({ "@type": "Article", "headline": c.issue.title, "url": absolute(&localize(issue_href(&c.issue.slug))) }))
            .collect();
        if !pages.is_empty() {
            article[property] = Value::Array(pages);
        }
    }
    article
}

/// Home, then the page.
pub fn breadcrumbs(name: &str, path: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            { "@type": "ListItem", "position": 1, "name": text!(common.all_issues), "item": absolute(&localize("/")) },
            { "@type": "ListItem", "position": 2, "name": name, "item": absolute(&localize(path)) },
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script_element() {
        let data = json!({ "headline": "Privacy </script><script>alert(1)</script> & more" });
        let safe = script_safe_json(&data);
        assert!(!safe.contains('<') && !safe.contains('>'), "{safe}");
        let back: Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, data);
    }
}

//! `/sitemap.xml`, `/robots.txt` and the Atom feed of changes (`/feed.xml`), built once at
//! start-up from the content and the public address.

use app::content::escaped;
use app::content::Catalog;
use app::domain::Lang;
use app::domain::{issue_href, urls};
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;

pub fn router<S: Clone + Send + Sync + 'static>(catalog: &Catalog, base: &str) -> Router<S> {
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n");
    Router::new()
        .route(
            "/sitemap.xml",
            fixed("application/xml; charset=utf-8", sitemap(catalog, base)),
        )
        .route("/robots.txt", fixed("text/plain; charset=utf-8", robots))
        .route(
            urls::FEED_PATH,
            fixed("application/atom+xml; charset=utf-8", feed(catalog, base)),
        )
}

/// The change history of every issue as Atom (RFC 4287), one entry per issue and date,
/// newest first.
fn feed(catalog: &Catalog, base: &str) -> String {
    let changes = catalog.changes();
    let updated = changes
        .first()
        .map_or("1970-01-01".to_string(), |entry| entry.change.date.clone());
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    // One element per line, indented to its depth, its text escaped.
    let element = |xml: &mut String, depth: usize, name: &str, text: &str| {
        let indent = "  ".repeat(depth);
        xml.push_str(&format!("{indent}<{name}>{}</{name}>\n", escaped(text)));
    };
    let link = |xml: &mut String, depth: usize, rel: &str, kind: &str, href: &str| {
        let indent = "  ".repeat(depth);
        xml.push_str(&format!(
            "{indent}<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
            escaped(href)
        ));
    };
    element(
        &mut xml,
        1,
        "title",
        "Internet Issues Explorer: what changed",
    );
    element(
        &mut xml,
        1,
        "subtitle",
        "Reviews and changes to the explorer's issue pages.",
    );
    let feed_url = format!("{base}{}", urls::FEED_PATH);
    element(&mut xml, 1, "id", &feed_url);
    element(&mut xml, 1, "updated", &format!("{updated}T00:00:00Z"));
    link(&mut xml, 1, "self", "application/atom+xml", &feed_url);
    let changes_url = format!("{base}{}", urls::CHANGES_PATH);
    link(&mut xml, 1, "alternate", "text/html", &changes_url);
    xml.push_str("  <author><name>Internet Issues Explorer</name></author>\n");
    for entry in &changes {
        let page = format!("{base}{}", issue_href(&entry.issue.slug));
        let title = format!("{}: {}", entry.issue.title, entry.change.date_label);
        xml.push_str("  <entry>\n");
        element(&mut xml, 2, "title", &title);
        element(
            &mut xml,
            2,
            "id",
            &format!("{page}#changes-{}", entry.change.date),
        );
        element(
            &mut xml,
            2,
            "updated",
            &format!("{}T00:00:00Z", entry.change.date),
        );
        link(&mut xml, 2, "alternate", "text/html", &page);
        element(&mut xml, 2, "summary", &entry.change.what);
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// A `GET` answering `body`, built once, as `kind`; each response shares its bytes.
fn fixed<S: Clone + Send + Sync + 'static>(
    kind: &'static str,
    body: String,
) -> axum::routing::MethodRouter<S> {
    let body = axum::body::Bytes::from(body);
    get(move || {
        let body = body.clone();
        async move { ([(CONTENT_TYPE, kind)], body) }
    })
}

/// Every page in every language, each with its alternates in the other languages
/// (`xhtml:link`, as search engines read `hreflang` in sitemaps) and, for issues, when it
/// was last reviewed.
fn sitemap(catalog: &Catalog, base: &str) -> String {
    let mut pages: Vec<(String, Option<String>)> = urls::SITE_PAGES
        .iter()
        .map(|path| (path.to_string(), None))
        .collect();
    for slug in catalog.slugs() {
        let reviewed = catalog.detail(slug).ok().map(|issue| issue.reviewed);
        pages.push((issue_href(slug), reviewed));
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (path, lastmod) in &pages {
        for lang in Lang::ALL {
            xml.push_str("  <url><loc>");
            xml.push_str(&escaped(&format!("{base}{}", lang.localized(path))));
            xml.push_str("</loc>");
            if let Some(date) = lastmod {
                xml.push_str("<lastmod>");
                xml.push_str(&escaped(date));
                xml.push_str("</lastmod>");
            }
            for (hreflang, other) in Lang::alternates() {
                xml.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
                xml.push_str(hreflang);
                xml.push_str("\" href=\"");
                xml.push_str(&escaped(&format!("{base}{}", other.localized(path))));
                xml.push_str("\"/>");
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use app::content::escaped as escape_xml;

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(escape_xml("a&b<c>\""), "a&amp;b&lt;c&gt;&quot;");
    }
}

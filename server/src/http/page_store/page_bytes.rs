//! A rendered page turned into fixed bytes, once: the same bytes for every visitor, in every
//! encoding a client may ask for, with a strong `ETag` and a Content-Security-Policy that
//! lists the SHA-256 hashes of the page's inline scripts instead of a per-response nonce.
//!
//! leptos_axum gives every render a random nonce and writes it on the inline scripts (and,
//! in leptos 0.8.23, into the `crossorigin` attribute of the preload links, a bug fixed
//! upstream after that release). [`normalise`] removes it, and rewrites the framework's
//! other invalid spellings into DOM-identical valid ones, so the stored page passes the Nu
//! Html Checker: `<!>` placeholders become `<!---->` (the same empty comment node), and
//! scripts written after `</html>` move to just before `</body>` (where the HTML parser puts
//! them anyway). The islands router parses fetched pages with `DOMParser`, which builds the
//! same DOM from either spelling. Inline scripts lose their indentation and comment lines
//! (the framework's islands loader and router script is sent as written, about 1 KB more).

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::ops::Range;

use crate::http::cache_headers::{Kind, StoredPageMark};
pub use crate::http::fixed_bytes::Encoding;
use crate::http::fixed_bytes::FixedBytes;

/// A page's bytes in each encoding, with its tags, and its policy.
pub struct PageBytes {
    bytes: FixedBytes,
    policy: HeaderValue,
}

/// Why a rendered page cannot become fixed bytes; it is then served as rendered.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NotStorable {
    #[error("the page's nonce appears outside the attributes that carry it")]
    NonceElsewhere,
    #[error("compressing the page failed: {0}")]
    Compression(String),
    #[error("the policy is not a valid header value")]
    Policy,
}

impl PageBytes {
    /// Normalises `html` (rendered with `nonce`), compresses it and computes its tag and
    /// policy. CPU-heavy (brotli at quality 11): call it off the async threads.
    pub fn new(html: &str, nonce: &str) -> Result<Self, NotStorable> {
        let (html, hashes) = normalise(html, nonce)?;
        let policy = app::security::content_security_policy_with_hashes(&hashes);
        let policy = HeaderValue::from_str(&policy).map_err(|_| NotStorable::Policy)?;
        let bytes =
            FixedBytes::new(html).map_err(|error| NotStorable::Compression(error.to_string()))?;
        Ok(Self { bytes, policy })
    }

    /// The strong tag of one encoding's bytes (each representation has its own).
    pub fn etag(&self, encoding: Encoding) -> String {
        self.bytes.etag(encoding)
    }

    /// The stored answer: the encoding the client prefers, or `304 Not Modified` when its
    /// `If-None-Match` names this representation. `headers` are the page's own (content type
    /// and whatever the render set).
    pub fn respond(
        &self,
        headers: &HeaderMap,
        encoding: Encoding,
        if_none_match: Option<&str>,
        shared: bool,
    ) -> Response {
        let mut headers = headers.clone();
        headers.insert(header::CONTENT_SECURITY_POLICY, self.policy.clone());
        let kind = if shared {
            Kind::SharedPage
        } else {
            Kind::PrivatePage
        };
        let mut response = self.bytes.respond(&headers, encoding, if_none_match, kind);
        response.extensions_mut().insert(StoredPageMark);
        response
    }

    /// The uncompressed bytes.
    pub fn identity(&self) -> &[u8] {
        self.bytes.identity()
    }

    /// The body in one encoding.
    pub fn body(&self, encoding: Encoding) -> &bytes::Bytes {
        self.bytes.body(encoding)
    }

    /// The Content-Security-Policy these bytes need.
    pub fn policy(&self) -> &str {
        self.policy.to_str().unwrap_or_default()
    }

    #[cfg(test)]
    fn text(&self) -> &str {
        std::str::from_utf8(self.bytes.identity()).unwrap_or_default()
    }
}

/// The page without its nonce and with valid spellings of the framework's markup (see the
/// module comment), and the hashes of the scripts that carried the nonce: only those may
/// run, so a script that reached the page any other way stays blocked, as under the nonce.
/// Fails when the nonce appears anywhere else, rather than store it.
fn normalise(html: &str, nonce: &str) -> Result<(String, Vec<String>), NotStorable> {
    let mut html = respell(html, nonce);
    let hashes = inline_script_hashes(&html, nonce);
    if !nonce.is_empty() {
        html = html.replace(&format!(" nonce=\"{nonce}\""), "");
        if html.contains(nonce) {
            return Err(NotStorable::NonceElsewhere);
        }
    }
    Ok((html, hashes))
}

/// Valid, DOM-identical spellings of the framework's markup, for every page, stored or
/// rendered per request (which keeps its nonce on the scripts): `<!---->` for `<!>`,
/// `crossorigin=""` for the nonce leptos 0.8.23 writes there, the scripts after `</html>`
/// moved before `</body>`, inline scripts compacted.
pub fn respell(html: &str, nonce: &str) -> String {
    let mut html =
        app::workarounds::crossorigin::without_nonce(html, nonce).replace("<!>", "<!---->");
    if let Some(end) = html.rfind("</html>") {
        let trailing = html[end + "</html>".len()..].trim().to_owned();
        html.truncate(end + "</html>".len());
        if !trailing.is_empty() {
            match html.rfind("</body>") {
                Some(body_end) => html.insert_str(body_end, &trailing),
                None => html.push_str(&trailing),
            }
        }
    }
    compact_inline_scripts(&html)
}

/// Every inline script the browser would run: `<script>` elements without `src`, except
/// JSON data blocks (`application/ld+json`), which never run and which CSP does not govern.
/// Each as the byte ranges of its start tag's attributes and of its contents.
fn running_inline_scripts(html: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = html[at..].find("<script") {
        let attributes_start = at + start + "<script".len();
        let Some(tag_end) = html[attributes_start..].find('>') else {
            break;
        };
        let attributes = attributes_start..attributes_start + tag_end;
        let content_start = attributes_start + tag_end + 1;
        let Some(length) = html[content_start..].find("</script") else {
            break;
        };
        at = content_start + length;
        let text = &html[attributes.clone()];
        let external = text.split_whitespace().any(|pair| pair.starts_with("src="));
        if !external && !text.contains("application/ld+json") {
            found.push((attributes, content_start..at));
        }
    }
    found
}

/// The page with each running inline script compacted ([`app::inline_script::compact`]).
fn compact_inline_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (_, script) in running_inline_scripts(html) {
        out.push_str(&html[copied..script.start]);
        out.push_str(&app::inline_script::compact(&html[script.clone()]));
        copied = script.end;
    }
    out.push_str(&html[copied..]);
    out
}

/// A `'sha256-…'` source for each running inline script that carries `nonce`, each
/// distinct one once, in document order.
fn inline_script_hashes(html: &str, nonce: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    let marker = format!("nonce=\"{nonce}\"");
    for (attributes, script) in running_inline_scripts(html) {
        if nonce.is_empty() || !html[attributes].contains(&marker) {
            continue;
        }
        let hash = Sha256::digest(html[script].as_bytes());
        let source = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(hash)
        );
        if !hashes.contains(&source) {
            hashes.push(source);
        }
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    const NONCE: &str = "bm9uY2UxMjM";

    fn rendered() -> String {
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head>\
             <link rel=\"modulepreload\" href=\"/pkg/a.js\" crossorigin=\"{NONCE}\">\
             <script type=\"module\" nonce=\"{NONCE}\">go()</script>\
             <script type=\"application/ld+json\" nonce=\"{NONCE}\">{{}}</script>\
             <script src=\"/pkg/b.js\"></script>\
             </head><body><p>a<!>b</p></body></html><script nonce=\"{NONCE}\">late()</script>"
        )
    }

    #[test]
    fn normalising_drops_the_nonce_and_respells_invalid_markup() {
        let page = PageBytes::new(&rendered(), NONCE).map(|page| page.text().to_owned());
        assert_eq!(
            page.as_deref(),
            Ok("<!DOCTYPE html><html lang=\"en\"><head>\
                <link rel=\"modulepreload\" href=\"/pkg/a.js\" crossorigin=\"\">\
                <script type=\"module\">go()</script>\
                <script type=\"application/ld+json\">{}</script>\
                <script src=\"/pkg/b.js\"></script>\
                </head><body><p>a<!---->b</p><script>late()</script></body></html>")
        );
    }

    #[test]
    fn a_nonce_anywhere_else_keeps_the_page_out_of_the_store() {
        let html = format!("<html><body><p>{NONCE}</p></body></html>");
        assert_eq!(
            PageBytes::new(&html, NONCE).err(),
            Some(NotStorable::NonceElsewhere)
        );
    }

    #[test]
    fn the_policy_lists_the_hash_of_each_script_that_runs() {
        let hashes = normalise(&rendered(), NONCE)
            .map(|(_, hashes)| hashes)
            .unwrap_or_default();
        // `printf 'go()' | openssl dgst -sha256 -binary | base64`, then `late()`
        assert_eq!(
            hashes,
            [
                "'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='",
                "'sha256-DSAmBe63fTQOusv7VZkU3aOt2u9pT2QqUXac6MDiyTw='"
            ]
        );
        let page = PageBytes::new(&rendered(), NONCE);
        let policy = page.map(|page| page.policy.to_str().unwrap_or_default().to_owned());
        let policy = policy.unwrap_or_default();
        assert!(policy.contains(&format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            hashes.join(" ")
        )));
        assert!(!policy.contains("nonce") && !policy.contains("unsafe-inline"));
    }

    #[test]
    fn a_script_without_the_nonce_is_not_allowed_by_the_policy() {
        let injected = rendered().replace("<p>", "<p><script>evil()</script>");
        let Ok(page) = PageBytes::new(&injected, NONCE) else {
            panic!("storable")
        };
        let evil = base64::engine::general_purpose::STANDARD.encode(Sha256::digest("evil()"));
        assert!(!page.policy().contains(&evil), "{}", page.policy());
        assert_eq!(page.policy().matches("'sha256-").count(), 2);
    }

    #[test]
    fn the_client_gets_its_best_stored_encoding() {
        use Encoding::*;
        for (header, expected) in [
            (None, Identity),
            (Some(""), Identity),
            (Some("gzip, deflate, br, zstd"), Brotli),
            (Some("gzip"), Gzip),
            (Some("br;q=0.5, gzip;q=0.8"), Gzip),
            (Some("br;q=0, gzip;q=0"), Identity),
            (Some("*"), Brotli),
            (Some("*;q=0.1, br;q=0"), Gzip),
            (Some("identity"), Identity),
            (Some("BR"), Brotli),
            (Some("br;q=nonsense"), Brotli),
        ] {
            assert_eq!(Encoding::negotiate(header), expected, "{header:?}");
        }
    }

    #[test]
    fn each_encoding_has_its_own_strong_tag_and_304_needs_a_match() {
        let Ok(page) = PageBytes::new(&rendered(), NONCE) else {
            panic!("the page is storable")
        };
        let tags = [Encoding::Brotli, Encoding::Gzip, Encoding::Identity].map(|e| page.etag(e));
        assert!(tags
            .iter()
            .all(|tag| tag.starts_with('"') && tag.len() > 32));
        assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2]);
        let headers = HeaderMap::new();
        let fresh = page.respond(&headers, Encoding::Brotli, Some(&tags[0]), true);
        assert_eq!(fresh.status(), StatusCode::NOT_MODIFIED);
        let other = page.respond(&headers, Encoding::Brotli, Some(&tags[1]), true);
        assert_eq!(other.status(), StatusCode::OK);
        assert_eq!(other.headers()[header::CONTENT_ENCODING], "br");
        // The 304 carries the caching headers of the 200 it stands for.
        let whole = page.respond(&headers, Encoding::Brotli, None, true);
        for name in [header::CACHE_CONTROL, header::VARY, header::ETAG] {
            assert_eq!(
                fresh.headers().get(&name),
                whole.headers().get(&name),
                "{name}"
            );
        }
        assert!(whole.headers()[header::VARY]
            .to_str()
            .is_ok_and(|vary| vary.contains("Accept-Encoding")));
        assert!(!fresh
            .headers()
            .contains_key(header::CONTENT_SECURITY_POLICY));
    }
}

//! Bytes built once and sent as they are: compressed once in each coding a client may ask
//! for (brotli at quality 11, gzip), with a strong `ETag` per coding and `304 Not Modified`
//! for a matching `If-None-Match`. Stored pages (`page_store::page_bytes`) and the search
//! data (`/api/search-index`) are sent this way; the compression layer leaves them alone,
//! since they already carry their `Content-Encoding`.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::http::cache_headers::{matches_tag, not_modified, Kind};
use crate::precompress::{brotli_bytes, gzip_bytes};

/// One body in each stored coding, and the digest its tags are made from.
pub struct FixedBytes {
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
    /// The first 128 bits of the SHA-256 of the identity bytes, in hex: equal on every
    /// replica that serves the same build and content.
    digest: String,
}

/// The content codings this server stores, in order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// Every stored coding, in the order of [`Encoding::index`].
    pub const ALL: [Self; 3] = [Self::Brotli, Self::Gzip, Self::Identity];

    /// This coding's place in [`Encoding::ALL`].
    pub const fn index(self) -> usize {
        match self {
            Self::Brotli => 0,
            Self::Gzip => 1,
            Self::Identity => 2,
        }
    }

    /// The best stored coding an `Accept-Encoding` header allows (RFC 9110 §12.5.3): the
    /// highest `q` among `br` and `gzip` (brotli on a tie; `*` stands for both), identity
    /// when neither is acceptable or the header is absent.
    pub fn negotiate(accept_encoding: Option<&str>) -> Self {
        let Some(accept) = accept_encoding else {
            return Self::Identity;
        };
        let quality = |coding: &str| -> f32 {
            let mut wildcard = None;
            for item in accept.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                let q = parts
                    .filter_map(|param| param.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                if name.eq_ignore_ascii_case(coding) {
                    return q;
                }
                if name == "*" {
                    wildcard = Some(q);
                }
            }
            wildcard.unwrap_or(0.0)
        };
        let (brotli, gzip) = (quality("br"), quality("gzip"));
        if brotli > 0.0 && brotli >= gzip {
            Self::Brotli
        } else if gzip > 0.0 {
            Self::Gzip
        } else {
            Self::Identity
        }
    }

    /// The coding a request asks for, from its `Accept-Encoding`.
    pub fn of_request(headers: &HeaderMap) -> Self {
        Self::negotiate(
            headers
                .get(header::ACCEPT_ENCODING)
                .and_then(|value| value.to_str().ok()),
        )
    }

    fn token(self) -> Option<&'static str> {
        match self {
            Self::Brotli => Some("br"),
            Self::Gzip => Some("gzip"),
            Self::Identity => None,
        }
    }
}

/// The request's `If-None-Match`, when it is readable text.
pub fn if_none_match(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
}

impl FixedBytes {
    /// Compresses `bytes` in each coding and computes the digest. CPU-heavy (brotli at
    /// quality 11): call it off the async threads or at start-up.
    pub fn new(bytes: impl Into<Bytes>) -> std::io::Result<Self> {
        let identity = bytes.into();
        let brotli = Bytes::from(brotli_bytes(&identity)?);
        let gzip = Bytes::from(gzip_bytes(&identity)?);
        let hash = Sha256::digest(&identity);
        let digest = hash[..16]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        Ok(Self {
            identity,
            brotli,
            gzip,
            digest,
        })
    }

    /// The strong tag of one coding's bytes (each representation has its own).
    pub fn etag(&self, encoding: Encoding) -> String {
        match encoding.token() {
            Some(token) => format!("\"{}-{token}\"", self.digest),
            None => format!("\"{}\"", self.digest),
        }
    }

    /// The bytes in the coding the client prefers, with `headers` (content type and the
    /// like), the caching headers of `kind`, the length, the coding and the tag; or `304
    /// Not Modified` when `If-None-Match` names this representation. The body is a clone of
    /// the stored `Bytes`, no copy.
    pub fn respond(
        &self,
        headers: &HeaderMap,
        encoding: Encoding,
        if_none_match: Option<&str>,
        kind: Kind,
    ) -> Response {
        let tag = self.etag(encoding);
        let body = self.body(encoding);
        let mut response = Response::new(Body::from(body.clone()));
        let out = response.headers_mut();
        *out = headers.clone();
        out.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if let Some(token) = encoding.token() {
            out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
        }
        kind.policy().apply(out);
        if let Ok(tag) = HeaderValue::from_str(&tag) {
            out.insert(header::ETAG, tag);
        }
        if if_none_match.is_some_and(|wanted| matches_tag(wanted, &tag)) {
            let (parts, _) = response.into_parts();
            return not_modified(parts);
        }
        response
    }

    /// The uncompressed bytes.
    pub fn identity(&self) -> &[u8] {
        &self.identity
    }

    /// The body in one coding.
    pub fn body(&self, encoding: Encoding) -> &Bytes {
        match encoding {
            Encoding::Brotli => &self.brotli,
            Encoding::Gzip => &self.gzip,
            Encoding::Identity => &self.identity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_coding_has_its_own_strong_tag_and_a_match_is_a_304() {
        let fixed = FixedBytes::new("{\"a\":1}".repeat(100)).expect("compresses");
        let tags = [Encoding::Brotli, Encoding::Gzip, Encoding::Identity].map(|e| fixed.etag(e));
        assert!(tags.iter().all(|t| t.starts_with('"') && t.ends_with('"')));
        assert_ne!(tags[0], tags[1]);
        assert_ne!(tags[1], tags[2]);
        let ok = fixed.respond(&HeaderMap::new(), Encoding::Brotli, None, Kind::Json);
        assert_eq!(ok.status(), 200);
        assert_eq!(ok.headers()[header::CONTENT_ENCODING], "br");
        let again = fixed.respond(
            &HeaderMap::new(),
            Encoding::Brotli,
            Some(&tags[0]),
            Kind::Json,
        );
        assert_eq!(again.status(), 304);
        let other = fixed.respond(
            &HeaderMap::new(),
            Encoding::Gzip,
            Some(&tags[0]),
            Kind::Json,
        );
        assert_eq!(
            other.status(),
            200,
            "a brotli tag does not match the gzip bytes"
        );
    }
}

//! The security headers every response carries, in one table: the middleware adds those a
//! response lacks, and stored pages carry them in their pre-built header blocks
//! ([`super::front`]), so both paths send the same ones.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::response::Response;

/// Name and value of each header; HSTS is added only when the site is served over HTTPS.
const ALWAYS: [(HeaderName, &str); 6] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
    (
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    ),
    (header::X_FRAME_OPTIONS, "DENY"),
];

const HSTS: (HeaderName, &str) = (
    header::STRICT_TRANSPORT_SECURITY,
    "max-age=63072000; includeSubDomains",
);

/// The set in force: [`ALWAYS`], plus HSTS when `hsts`.
#[derive(Debug, Clone, Copy)]
pub struct SecurityHeaders {
    pub hsts: bool,
}

impl SecurityHeaders {
    fn each(self) -> impl Iterator<Item = (HeaderName, HeaderValue)> {
        ALWAYS
            .into_iter()
            .chain(self.hsts.then_some(HSTS))
            .map(|(name, value)| (name, HeaderValue::from_static(value)))
    }

    /// Adds each header `headers` lacks (a handler may have set its own).
    pub fn add_missing(self, headers: &mut HeaderMap) {
        for (name, value) in self.each() {
            headers.entry(name).or_insert(value);
        }
    }
}

/// The middleware step (`axum::middleware::map_response_with_state`): adds the headers a
/// response lacks.
pub async fn add_security_headers<B>(
    State(security): State<SecurityHeaders>,
    mut response: Response<B>,
) -> Response<B> {
    security.add_missing(response.headers_mut());
    response
}

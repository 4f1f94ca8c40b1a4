//! Request ids: the client's own `X-Request-Id` when it is a short visible token, otherwise
//! one made here. A made id is this process's random prefix and a counter (`3f9c…-1a`):
//! unique across replicas and restarts without a random draw per request.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::http::{HeaderMap, HeaderName, HeaderValue};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest client id kept; a longer one is replaced (it ends up in every log line).
const MAX_CLIENT_ID: usize = 64;

#[derive(Clone)]
pub struct RequestIds {
    prefix: u64,
    next: Arc<AtomicU64>,
}

impl Default for RequestIds {
    fn default() -> Self {
        // `RandomState` is seeded from the operating system's randomness.
        let prefix = RandomState::new().hash_one(std::process::id());
        Self {
            prefix,
            next: Arc::new(AtomicU64::new(1)),
        }
    }
}

impl RequestIds {
    /// The id of a request with these headers.
    pub fn for_request(&self, headers: &HeaderMap) -> HeaderValue {
        match headers.get(REQUEST_ID) {
            Some(given) if is_plain_token(given.as_bytes()) => given.clone(),
            _ => self.make(),
        }
    }

    fn make(&self) -> HeaderValue {
        let count = self.next.fetch_add(1, Ordering::Relaxed);
        let mut text = [0u8; 33];
        let mut end = hex(self.prefix, &mut text, 0, 16);
        text[end] = b'-';
        end = hex(count, &mut text, end + 1, 0);
        HeaderValue::from_bytes(&text[..end]).unwrap_or(HeaderValue::from_static("-"))
    }
}

/// Writes `value` in lowercase hex at `at`, at least `width` digits (one at least); returns
/// the end.
fn hex(value: u64, out: &mut [u8], at: usize, width: usize) -> usize {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let significant = (64 - value.leading_zeros() as usize).div_ceil(4).max(1);
    let digits = significant.max(width);
    for i in 0..digits {
        let shift = 4 * (digits - 1 - i);
        let nibble = if shift < 64 {
            (value >> shift) & 0xf
        } else {
            0
        };
        out[at + i] = DIGITS[nibble as usize];
    }
    at + digits
}

fn is_plain_token(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes.len() <= MAX_CLIENT_ID
        && bytes.iter().all(|byte| byte.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_ids_share_a_prefix_and_count_up() {
        let ids = RequestIds {
            prefix: 0xabc,
            next: Arc::new(AtomicU64::new(255)),
        };
        let headers = HeaderMap::new();
        assert_eq!(ids.for_request(&headers), "0000000000000abc-ff");
        assert_eq!(ids.for_request(&headers), "0000000000000abc-100");
    }

    #[test]
    fn a_clients_short_token_is_kept_and_anything_else_replaced() {
        let ids = RequestIds::default();
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(REQUEST_ID, HeaderValue::from_str(value).expect("valid"));
            ids.for_request(&headers)
        };
        assert_eq!(with("trace-me-42"), "trace-me-42");
        for replaced in ["has space", "", &"x".repeat(65)] {
            let id = with(replaced);
            assert_ne!(id, replaced);
            assert!(is_plain_token(id.as_bytes()), "{id:?}");
        }
    }
}

//! The Content-Security-Policy of HTML pages (server only). Pages the server stores are sent
//! with the hashes of their inline scripts ([`content_security_policy_with_hashes`]), so
//! every visitor gets the same bytes; pages rendered per request (error pages) keep the
//! per-request nonce that leptos puts on every script it renders.

use std::sync::OnceLock;

use leptos::prelude::use_context;

/// The extra `connect-src` source of a server run under `cargo leptos watch`.
static LIVE_RELOAD: OnceLock<String> = OnceLock::new();

/// Under `cargo leptos watch` only: lets pages open cargo-leptos' reload socket
/// (`ws://<host>:<port>/live_reload`), which `connect-src 'self'` would block, so a saved
/// change reloads the browser. Call once, before serving.
pub fn allow_live_reload(port: u32) {
    let _ = LIVE_RELOAD.set(live_reload_source(port));
}

fn live_reload_source(port: u32) -> String {
    format!("ws://*:{port}")
}

/// The policy for a page whose inline scripts carry `nonce`. No `'unsafe-inline'` anywhere:
/// scripts need the nonce, the WASM needs `'wasm-unsafe-eval'`, styles come from files.
pub fn content_security_policy(nonce: &str) -> String {
    policy_with_script_sources(&format!("'nonce-{nonce}'"))
}

/// The policy for a stored page: its inline scripts are allowed by their hashes
/// (`'sha256-…'` sources), and nothing else inline runs.
pub fn content_security_policy_with_hashes(hashes: &[String]) -> String {
    policy_with_script_sources(&hashes.join(" "))
}

fn policy_with_script_sources(sources: &str) -> String {
    policy(sources, LIVE_RELOAD.get().map(String::as_str))
}

fn policy(sources: &str, live_reload: Option<&str>) -> String {
    let sources = if sources.is_empty() {
        String::new()
    } else {
        format!("{sources} ")
    };
    let connect = match live_reload {
        Some(socket) => format!("'self' {socket}"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src 'self' {sources}'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self'; connect-src {connect}; font-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// Sets the CSP header of the page being rendered, matching its nonce.
pub fn set_content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&content_security_policy(&nonce)) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::{content_security_policy, live_reload_source, policy};

    #[test]
    fn only_a_watched_server_lets_pages_reach_the_reload_socket() {
        assert!(policy("", None).contains("connect-src 'self';"));
        let watched = policy("", Some(&live_reload_source(3001)));
        assert!(
            watched.contains("connect-src 'self' ws://*:3001;"),
            "{watched}"
        );
    }

    #[test]
    fn the_policy_allows_only_nonced_inline_scripts() {
        let policy = content_security_policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ] {
            assert!(policy.contains(directive), "{directive}");
        }
    }
}

//! The Content-Security-Policy of HTML pages (server only). Pages the server stores are sent
//! with the hashes of their inline scripts ([`content_security_policy_with_hashes`]), so
//! every visitor gets the same bytes; pages rendered per request (error pages) keep the
//! per-request nonce that leptos puts on every script it renders.

use leptos::prelude::use_context;

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
    let sources = if sources.is_empty() {
        String::new()
    } else {
        format!("{sources} ")
    };
    format!(
        "default-src 'self'; script-src 'self' {sources}'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; \
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
    use super::content_security_policy;

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

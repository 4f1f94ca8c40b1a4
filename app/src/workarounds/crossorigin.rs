//! leptos 0.8.23's `HydrationScripts` writes the request's CSP nonce as the value of
//! `crossorigin` on its preload links (leptos-rs/leptos#4843). The value is invalid, means
//! `anonymous` to browsers anyway, and would make every page's bytes differ by request.

/// `html` with `crossorigin="<nonce>"` spelled `crossorigin=""` (the same CORS mode).
pub fn without_nonce(html: &str, nonce: &str) -> String {
    if nonce.is_empty() {
        return html.to_string();
    }
    html.replace(&format!("crossorigin=\"{nonce}\""), "crossorigin=\"\"")
}

#[cfg(test)]
mod tests {
    use super::without_nonce;

    #[test]
    fn only_the_nonce_value_goes() {
        let html = r#"<link crossorigin="n0nce"><script nonce="n0nce"></script>"#;
        assert_eq!(
            without_nonce(html, "n0nce"),
            r#"<link crossorigin=""><script nonce="n0nce"></script>"#
        );
        assert_eq!(without_nonce(html, ""), html);
    }
}

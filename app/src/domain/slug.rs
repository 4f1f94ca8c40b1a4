/// A slug is 1–64 characters of lowercase ASCII letters, digits and single inner hyphens.
pub fn is_valid_slug(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.len() <= 64
        && !candidate.starts_with('-')
        && !candidate.ends_with('-')
        && !candidate.contains("--")
        && candidate
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The path of an issue's page.
pub fn issue_href(slug: &str) -> String {
    format!("/issues/{slug}")
}

/// The path of an issue's category icon (files under `public/icons/`).
pub fn icon_src(slug: &str) -> String {
    format!("/icons/{slug}.svg")
}

/// Size of the share images (`og:image`).
pub const SHARE_IMAGE_WIDTH: u32 = 1200;
pub const SHARE_IMAGE_HEIGHT: u32 = 630;

/// The path of a share image: an issue's slug, or `site` for the site's own.
pub fn share_image_path(name: &str) -> String {
    format!("/share/{name}.png")
}

/// Percent-encodes a query-string value: everything but unreserved ASCII (RFC 3986) is
/// written as `%XX` bytes of its UTF-8.
pub fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("bgp"), "bgp");
        assert_eq!(encode_query_value("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(encode_query_value("é"), "%C3%A9");
    }

    #[test]
    fn accepts_plain_slugs() {
        for slug in [
            "dns",
            "ipv6",
            "securing-bgp",
            "shaping-the-internets-future",
        ] {
            assert!(is_valid_slug(slug), "{slug}");
        }
    }

    #[test]
    fn rejects_anything_else() {
        let long = "a".repeat(65);
        for slug in [
            "", "DNS", "-dns", "dns-", "a--b", "dn s", "../etc", "dns.toml", "é", &long,
        ] {
            assert!(!is_valid_slug(slug), "{slug}");
        }
    }
}

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

/// Size of the share images (`og:image`).
pub const SHARE_IMAGE_WIDTH: u32 = 1200;
pub const SHARE_IMAGE_HEIGHT: u32 = 630;

#[cfg(test)]
mod tests {
    use super::*;

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

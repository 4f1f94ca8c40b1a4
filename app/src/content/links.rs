//! The form of every address the content cites (`source_url`, `seen_in`, `[[reading]]`,
//! an editor's note's source): `https://`, no tracking parameters, and, except in
//! `seen_in`, no host on `content/links.toml`'s list of copy hosts (mirrors, reprints,
//! staging copies). The list lives in the content so an editor can extend it. Whether the
//! addresses answer is checked by `scripts/check_links.py --online` (this machine's CI has
//! no internet).

use super::error::ContentError;
use super::files::LinkPolicyFile;
use super::markdown::check_https_url;
use super::parsed::Parsed;

/// The checked policy.
#[derive(Debug, Clone, Default)]
pub struct LinkPolicy {
    /// Lowercase hosts; `*.example.com` entries are kept as `.example.com`.
    copy_hosts: Vec<String>,
    /// Lowercase names; `utm_*` entries are kept as the prefix `utm_`, flagged.
    tracking: Vec<(String, bool)>,
    /// Index pages (compared without a trailing slash).
    not_reading: Vec<String>,
}

/// What an address is cited as: a copy may (and should) be on a copy host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cited {
    Publisher,
    Copy,
    /// Further reading: a publisher's page about the issue, not an index.
    Reading,
}

impl LinkPolicy {
    pub(super) fn from_file(
        parsed: &Parsed<LinkPolicyFile>,
        errors: &mut Vec<ContentError>,
    ) -> Self {
        let mut policy = Self::default();
        for host in &parsed.data.copy_hosts {
            let text = host.get_ref().trim().to_ascii_lowercase();
            let bare = text.strip_prefix('*').unwrap_or(&text);
            if bare.is_empty() || bare.contains(['/', ':', ' ', '?']) || bare.ends_with('.') {
                errors.push(parsed.error_at(
                    host,
                    format!("“{text}” is not a host name (write example.com or *.example.com)"),
                ));
            } else {
                policy.copy_hosts.push(bare.to_string());
            }
        }
        for name in &parsed.data.tracking_parameters {
            let text = name.get_ref().trim().to_ascii_lowercase();
            match text.strip_suffix('*') {
                Some(prefix) if !prefix.is_empty() => {
                    policy.tracking.push((prefix.to_string(), true))
                }
                _ if !text.is_empty() && !text.contains(['*', '=', '&']) => {
                    policy.tracking.push((text, false))
                }
                _ => errors.push(parsed.error_at(
                    name,
                    format!("“{text}” is not a parameter name (write fbclid or utm_*)"),
                )),
            }
        }
        for page in &parsed.data.not_reading {
            let text = page.get_ref().trim();
            if let Err(message) = check_https_url(text) {
                errors.push(parsed.error_at(page, message));
            }
            policy
                .not_reading
                .push(text.trim_end_matches('/').to_string());
        }
        policy
    }

    /// Why `url` may not be cited as `cited`, if it may not.
    pub fn check(&self, url: &str, cited: Cited) -> Result<(), String> {
        check_https_url(url)?;
        let rest = url.strip_prefix("https://").unwrap_or(url);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host)
            .split(':')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if cited == Cited::Reading
            && self
                .not_reading
                .iter()
                .any(|page| *page == url.trim_end_matches('/'))
        {
            return Err(format!(
                "“{url}” is an index, not a page about this issue (links.toml's not_reading): link the publisher's page on the issue, or leave it out"
            ));
        }
        if cited != Cited::Copy {
            if let Some(listed) = self
                .copy_hosts
                .iter()
                .find(|listed| host_matches(&host, listed))
            {
                return Err(format!(
                    "“{host}” is on links.toml's copy hosts ({listed}): cite the publisher's own address, and put the copy in seen_in"
                ));
            }
        }
        let query = rest
            .split_once('?')
            .map_or("", |(_, query)| query.split('#').next().unwrap_or(""));
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let name = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
            let tracked = self.tracking.iter().any(|(listed, prefix)| {
                if *prefix {
                    name.starts_with(listed.as_str())
                } else {
                    name == *listed
                }
            });
            if tracked {
                return Err(format!(
                    "the query parameter “{name}” tracks readers: remove it from the address"
                ));
            }
        }
        Ok(())
    }
}

/// `listed` is a host, or `.example.com` for every subdomain of example.com (and itself).
fn host_matches(host: &str, listed: &str) -> bool {
    match listed.strip_prefix('.') {
        Some(domain) => host == domain || host.ends_with(listed),
        None => host == listed || host.strip_prefix("www.") == Some(listed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> LinkPolicy {
        LinkPolicy {
            copy_hosts: vec![".appspot.com".into(), "github.com".into()],
            tracking: vec![("utm_".into(), true), ("fbclid".into(), false)],
            not_reading: vec!["https://www.internetsociety.org/issues".into()],
        }
    }

    #[test]
    fn copy_hosts_are_refused_for_publishers_and_accepted_as_copies() {
        let policy = policy();
        let staging = "https://2020-dot-webalmanac.uk.r.appspot.com/en/2024/http";
        assert!(policy.check(staging, Cited::Publisher).is_err());
        assert!(policy.check(staging, Cited::Copy).is_ok());
        assert!(policy
            .check("https://www.github.com/x", Cited::Publisher)
            .is_err());
        assert!(policy
            .check("https://github.com.example.org/x", Cited::Publisher)
            .is_ok());
        assert!(policy
            .check(
                "https://almanac.httparchive.org/en/2024/http",
                Cited::Publisher
            )
            .is_ok());
    }

    #[test]
    fn tracking_parameters_and_plain_http_are_refused_everywhere() {
        let policy = policy();
        for url in [
            "https://example.org/?utm_source=x",
            "https://example.org/a?b=1&FBCLID=2#top",
            "http://example.org/",
        ] {
            assert!(policy.check(url, Cited::Copy).is_err(), "{url}");
        }
        assert!(policy
            .check("https://example.org/?p=1", Cited::Publisher)
            .is_ok());
    }

    #[test]
    fn an_index_page_is_a_fine_source_but_not_further_reading() {
        let policy = policy();
        let index = "https://www.internetsociety.org/issues/";
        assert!(policy.check(index, Cited::Reading).is_err());
        assert!(policy.check(index, Cited::Publisher).is_ok());
        assert!(policy
            .check(
                "https://www.internetsociety.org/issues/privacy/",
                Cited::Reading
            )
            .is_ok());
    }
}

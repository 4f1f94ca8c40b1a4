//! What an issue page cites: facts with their sources, standards, further reading, and
//! the glossary terms it uses.

use serde::{Deserialize, Serialize};

/// A figure with its source and the date it refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// The number as shown large ("362.4 million").
    pub figure: String,
    /// A full sentence stating the fact.
    pub text: String,
    /// The date the figure refers to, ISO 8601 (`2024`, `2024-06` or `2024-06-30`).
    pub as_of: String,
    /// The same date for people ("30 June 2024").
    pub as_of_label: String,
    pub source_org: String,
    pub source_title: String,
    pub source_url: String,
    pub note: Option<String>,
}

/// An RFC that defines part of an issue's technology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standard {
    pub rfc: u32,
    pub title: String,
    pub year: u32,
    /// `STD n` or `BCP n`, when the RFC belongs to one.
    pub series: Option<String>,
    /// Its page on rfc-editor.org.
    pub url: String,
}

/// A link for further reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// A glossary term as an issue page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRef {
    pub term: String,
    pub expansion: Option<String>,
    pub definition: String,
    /// The id of its entry on `/glossary`.
    pub anchor: String,
}

/// One entry of `/glossary`, with the issues that use the term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    #[serde(flatten)]
    pub term: TermRef,
    pub issues: Vec<super::IssueLink>,
}

/// A term's anchor: lowercase ASCII letters and digits, other runs become one hyphen
/// ("BCP 38" → `bcp-38`, "IPv6" → `ipv6`).
pub fn term_anchor(term: &str) -> String {
    let mut anchor = String::with_capacity(term.len());
    for c in term.chars() {
        if c.is_ascii_alphanumeric() {
            anchor.push(c.to_ascii_lowercase());
        } else if !anchor.is_empty() && !anchor.ends_with('-') {
            anchor.push('-');
        }
    }
    while anchor.ends_with('-') {
        anchor.pop();
    }
    anchor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(term_anchor("BCP 38"), "bcp-38");
        assert_eq!(term_anchor("IPv6"), "ipv6");
        assert_eq!(term_anchor("Root / root server"), "root-root-server");
        assert_eq!(term_anchor("DoH"), "doh");
        assert_eq!(term_anchor("é"), "");
    }
}

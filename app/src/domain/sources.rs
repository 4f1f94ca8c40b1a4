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
    /// The publisher's own address for the document.
    pub source_url: String,
    /// Where the figure was confirmed, when that was a copy of the publisher's document.
    pub seen_in: Option<String>,
    pub note: Option<String>,
    /// Said on the page when the figure is more than three years older than the review
    /// ("figure from 2022").
    pub age_label: Option<String>,
}

/// An RFC that defines part of an issue's technology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standard {
    pub rfc: u32,
    pub title: String,
    pub year: u32,
    /// The month of publication (1–12), when the page states it.
    pub month: Option<u32>,
    /// The publication date for people ("August 2018", or "2018").
    pub published_label: String,
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

/// An editor's note on words in the Internet Society's blurb that the explorer's own
/// sources contradict or date. The quote stays verbatim; the note sits next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorNote {
    /// The words of the blurb the note is about.
    pub quote: String,
    pub note: String,
    pub cites: Citation,
}

/// What an editor's note rests on: a fact shown on one of the explorer's pages, or a
/// source of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Citation {
    Fact {
        issue: super::IssueLink,
        figure: String,
        source_title: String,
        source_org: String,
    },
    Source {
        source_title: String,
        source_org: String,
        source_url: String,
        seen_in: Option<String>,
    },
}

/// One entry of an issue's change history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// ISO 8601 (`2026-11-26`).
    pub date: String,
    /// The same date for people ("26 November 2026").
    pub date_label: String,
    pub what: String,
}

/// A change with the issue it belongs to, for `/changes` and the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeEntry {
    pub issue: super::IssueLink,
    #[serde(flatten)]
    pub change: Change,
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

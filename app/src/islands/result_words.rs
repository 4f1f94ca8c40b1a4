//! The words of the search results and their filter chips, in the page's language.
//!
//! They change as the visitor types ("3 issues match “dns”"), so hydration cannot keep
//! them as the server rendered them. The server fills this struct from the interface
//! strings and hands it to the results island as a prop: the page carries its own
//! language's words, and the WASM carries none (`docs/three-languages.md`).

use serde::{Deserialize, Serialize};

use crate::search::SearchOutcome;

/// Templates with `{query}` and `{count}` in them, filled in as the results change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultWords {
    pub heading: String,
    pub heading_partial: String,
    pub no_match: String,
    pub closest: String,
    pub announce_none: String,
    pub announce_one: String,
    pub announce_many: String,
    pub announce_partial_one: String,
    pub announce_partial_many: String,
    pub chips: ChipWords,
}

/// The filter chips' words (rendered by the results island, and on their own on `/`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChipWords {
    pub heading: String,
    pub label: String,
    pub all_issues: String,
    /// After the count, for screen readers: " issue", " issues".
    pub count_one: String,
    pub count_many: String,
    /// The counts the page's language says in the singular, up to the number of issues
    /// (CLDR's rules: `[1]` in English and Spanish, `[0, 1]` in French).
    pub singular_counts: Vec<u32>,
}

impl ResultWords {
    /// The words in the language of the page being rendered (on the server: no island
    /// calls it, so the browser build leaves it out).
    pub fn for_page() -> Self {
        use crate::text;
        ResultWords {
            heading: text!(results.heading).into(),
            heading_partial: text!(results.heading_partial).into(),
            no_match: text!(results.no_match).into(),
            closest: text!(results.closest).into(),
            announce_none: text!(results.announce_none).into(),
            announce_one: text!(results.announce_one).into(),
            announce_many: text!(results.announce_many).into(),
            announce_partial_one: text!(results.announce_partial_one).into(),
            announce_partial_many: text!(results.announce_partial_many).into(),
            chips: ChipWords::for_page(),
        }
    }

    /// The heading above the results.
    pub fn heading(&self, outcome: &SearchOutcome) -> String {
        let template = if outcome.partial {
            &self.heading_partial
        } else {
            &self.heading
        };
        fill(template, &outcome.query, 0)
    }

    /// What the live region reads out after each keystroke.
    pub fn announcement(&self, outcome: &SearchOutcome) -> String {
        let count = outcome.hits.len();
        let template = match (count, outcome.partial) {
            (0, _) => &self.announce_none,
            (1, true) => &self.announce_partial_one,
            (_, true) => &self.announce_partial_many,
            (1, false) => &self.announce_one,
            _ => &self.announce_many,
        };
        fill(template, &outcome.query, count)
    }

    /// The line shown when nothing matches.
    pub fn no_match(&self, outcome: &SearchOutcome) -> String {
        fill(&self.no_match, &outcome.query, 0)
    }
}

impl ChipWords {
    pub fn for_page() -> Self {
        use crate::interface_text::{takes_singular, use_lang};
        use crate::text;
        ChipWords {
            heading: text!(results.chips_heading).into(),
            label: text!(results.chips_label).into(),
            all_issues: text!(common.all_issues).into(),
            count_one: text!(results.count_one).into(),
            count_many: text!(results.count_many).into(),
            singular_counts: (0..=MAX_COUNT)
                .filter(|&count| takes_singular(use_lang(), count))
                .collect(),
        }
    }

    /// The word after `count` on a chip, read out by screen readers.
    pub fn count_noun(&self, count: u32) -> &str {
        if self.singular_counts.contains(&count) {
            &self.count_one
        } else {
            &self.count_many
        }
    }
}

/// The largest count a chip may show: ample room above the 26 issues.
const MAX_COUNT: u32 = 100;

/// `template` with `{query}` and `{count}` replaced (the query is text, never markup: the
/// view escapes it).
fn fill(template: &str, query: &str, count: usize) -> String {
    template
        .replace("{count}", &count.to_string())
        .replace("{query}", query)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::search::SearchOutcome;

    fn outcome(query: &str, hits: usize, partial: bool) -> SearchOutcome {
        let hit = crate::search::SearchHit {
            slug: "dns".into(),
            icon_alt: String::new(),
            title: Vec::new(),
            snippet: Vec::new(),
        };
        SearchOutcome {
            query: query.into(),
            filter: None,
            hits: vec![hit; hits],
            total: hits as u32,
            counts: Vec::new(),
            partial,
            suggestions: Vec::new(),
        }
    }

    #[test]
    fn announcements_read_naturally_in_english() {
        let words = ResultWords::for_page();
        assert_eq!(
            words.announcement(&outcome("bgp", 1, false)),
            "1 issue matches “bgp”"
        );
        assert_eq!(
            words.announcement(&outcome("trust", 3, false)),
            "3 issues match “trust”"
        );
        assert_eq!(
            words.announcement(&outcome("zz", 0, false)),
            "No issues match “zz”"
        );
        assert_eq!(
            words.announcement(&outcome("a b", 2, true)),
            "2 issues match some of “a b”"
        );
        assert_eq!(
            words.heading(&outcome("a b", 2, true)),
            "Issues matching some of “a b”"
        );
        assert_eq!(
            words.no_match(&outcome("zz", 0, false)),
            "No issue matches “zz”."
        );
    }

    #[test]
    fn a_query_with_braces_is_shown_as_typed() {
        let words = ResultWords::for_page();
        assert_eq!(
            words.heading(&outcome("{count}", 1, false)),
            "Results for “{count}”"
        );
    }
}

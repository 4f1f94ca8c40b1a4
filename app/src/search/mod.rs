//! Search over the issues: one ranking function, used by the server (pages without
//! JavaScript, the JSON API, server functions) and by the search island in the browser, so
//! both give identical answers for the same query.
//!
//! The server prepares a [`SearchIndex`] per language once at start-up (folded terms with
//! their stems, positions and byte ranges; the synonyms of that language's glossary); the
//! browser fetches its page's language once, the first time the search box is used, as
//! texts it derives the same terms from ([`wire`]), and ranks locally on every keystroke.

mod distance;
mod fold;
mod rank;
mod snippet;
mod stem;
mod suggest;
mod wire;

pub use fold::{clean_query, fold, query_words, tokenize, words, MAX_QUERY_CHARS};
pub use rank::search;
pub use stem::{Stems, WordStemmer};
pub use suggest::{closest_issues, closest_slugs};

use serde::{Deserialize, Serialize};

use crate::domain::{Lang, SectionKind};

/// One term of a text: the folded word, its stems, its start and end byte in the original
/// text, and its position (word number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub stems: Stems,
    pub start: u32,
    pub end: u32,
    /// The word number in its text: a compound's joined form shares its first part's.
    pub position: u32,
}

impl Token {
    /// The folded word.
    pub fn word(&self) -> &str {
        &self.word
    }

    /// Start and end byte of the word in the original text.
    pub fn span(&self) -> (u32, u32) {
        (self.start, self.end)
    }

    pub fn position(&self) -> u32 {
        self.position
    }
}

/// A searchable text with its terms. Only the text crosses the wire (the search data is a
/// string per field): the browser derives the terms with the same code as the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub tokens: Vec<Token>,
}

impl Field {
    pub fn new(text: impl Into<String>, stemmer: &WordStemmer) -> Self {
        let text = text.into();
        let tokens = tokenize(&text, stemmer);
        Self { text, tokens }
    }
}

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// One issue as the search sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchDoc {
    pub slug: String,
    pub section: SectionKind,
    /// Slugs of the issue's focus areas.
    pub focus_areas: Vec<String>,
    pub icon_alt: String,
    pub title: Field,
    /// The names of its focus areas (and "Emerging issues" for emerging ones).
    pub areas: Field,
    /// The issue's text.
    pub text: Field,
}

/// An acronym and its expansion, both folded into words: one term for the search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synonym {
    pub short: Vec<String>,
    pub long: Vec<String>,
}

/// Everything the ranking needs, in listing order. Sent as [`wire::IndexData`]: texts
/// without their terms, which the receiving side derives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "wire::IndexData")]
pub struct SearchIndex {
    /// The language of the texts, which picks the stemmer.
    pub lang: Lang,
    pub docs: Vec<SearchDoc>,
    pub synonyms: Vec<Synonym>,
    /// Focus-area slugs with their names, in the Action Plan's order.
    pub focus_areas: Vec<(String, String)>,
    /// The emerging issues' name in the index's language (the filter after the focus areas).
    pub emerging: String,
}

/// Narrows results to a focus area, or to the emerging issues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Filter {
    FocusArea(String),
    Emerging,
}

/// The `focus` value that selects the emerging issues.
pub const EMERGING: &str = "emerging";

impl Filter {
    /// From a `focus` query value; `None` when it names no known filter.
    pub fn parse(value: &str, index: &SearchIndex) -> Option<Self> {
        if value == EMERGING {
            return Some(Self::Emerging);
        }
        index
            .focus_areas
            .iter()
            .any(|(slug, _)| slug == value)
            .then(|| Self::FocusArea(value.to_string()))
    }

    pub fn slug(&self) -> &str {
        match self {
            Self::FocusArea(slug) => slug,
            Self::Emerging => EMERGING,
        }
    }

    /// Whether the filter lets `doc` through.
    pub fn admits(&self, doc: &SearchDoc) -> bool {
        match self {
            Self::FocusArea(slug) => doc.focus_areas.iter().any(|area| area == slug),
            Self::Emerging => doc.section == SectionKind::Emerging,
        }
    }
}

/// A piece of displayed text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub slug: String,
    pub icon_alt: String,
    pub title: Vec<Segment>,
    pub snippet: Vec<Segment>,
}

/// How many results a filter chip would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// A focus-area slug or [`EMERGING`].
    pub slug: String,
    pub name: String,
    pub count: u32,
}

/// A closest issue offered when nothing matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub title: String,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchOutcome {
    /// The query as searched (cleaned and cut).
    pub query: String,
    /// The filter's slug, if one applies.
    pub filter: Option<String>,
    pub hits: Vec<SearchHit>,
    /// Issues matching the query before the filter applies.
    pub total: u32,
    /// Results per filter for this query, before the filter applies.
    pub counts: Vec<FacetCount>,
    /// True when no issue matched every word and the hits match only some.
    pub partial: bool,
    /// The closest issues, when there are no hits at all.
    pub suggestions: Vec<Suggestion>,
}

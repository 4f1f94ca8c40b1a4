//! Plain data shared by the server and the browser. Everything here crosses the wire as JSON.

mod connections;
pub mod html;
mod lang;
mod map;
mod slug;
mod sources;
pub mod urls;

pub use connections::{Connection, Relation};
pub use lang::Lang;
pub use map::{node_geometry, MapBox, MapEdge, MapLayout, MapNode, MapRegion, TopicMap};
pub use slug::{is_valid_slug, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH};
pub use sources::{
    term_anchor, Change, ChangeEntry, Citation, EditorNote, Fact, GlossaryEntry, Reading, Standard,
    TermRef,
};
pub use urls::{
    encode_query_value, glossary_href, home_href, icon_src, issue_href, map_href, rfc_url,
    search_data_path, share_image_path, MapParams,
};

use serde::{Deserialize, Serialize};

use crate::search::SearchOutcome;

/// Which part of the listing an issue belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Core,
    Emerging,
}

/// A link to an issue: enough to name it and point at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueLink {
    pub slug: String,
    pub title: String,
    /// A shorter name for tight places; the title when the issue has none.
    pub short_title: String,
}

/// What a card in the listing shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueSummary {
    pub slug: String,
    pub title: String,
    /// One sentence in the explorer's own words.
    pub summary: String,
    pub icon_alt: String,
    pub section: SectionKind,
    /// Slugs of the focus areas this issue serves.
    pub focus_areas: Vec<String>,
}

/// A heading with its issues, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    pub intro: Option<String>,
    pub issues: Vec<IssueSummary>,
}

/// Everything the home page lists, optionally narrowed to one focus area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueIndex {
    /// The explorer's own introduction.
    pub about: String,
    /// The Internet Society's introduction to its issues, quoted.
    pub intro: String,
    /// On a French or Spanish page, the Internet Society's English words that `intro`
    /// translates.
    pub intro_original: Option<String>,
    pub focus_areas: Vec<IssueLink>,
    /// The focus area the listing is narrowed to (or `emerging`), if any.
    pub filter: Option<IssueLink>,
    pub sections: Vec<Section>,
    /// The search for the query (no hits without one) with the counts per filter.
    pub search: SearchOutcome,
}

impl IssueIndex {
    /// All issues in display order, across sections.
    pub fn issues(&self) -> impl Iterator<Item = &IssueSummary> {
        self.sections
            .iter()
            .flat_map(|section| section.issues.iter())
    }
}

/// Everything an issue page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueDetail {
    pub slug: String,
    pub title: String,
    /// A shorter name for tight places; the title when the issue has none.
    pub short_title: String,
    pub summary: String,
    pub icon_alt: String,
    pub section: SectionKind,
    /// The Internet Society's blurb as plain paragraphs.
    pub paragraphs: Vec<String>,
    /// The blurb as HTML, with the first use of each glossary term marked.
    pub blurb_html: String,
    /// Where the explorer's sources disagree with the blurb.
    pub editor_notes: Vec<EditorNote>,
    /// The explorer's own overview, rendered from Markdown on the server.
    pub overview_html: String,
    /// The overview as plain text: paragraphs separated by blank lines.
    pub overview_text: String,
    pub facts: Vec<Fact>,
    /// Why there are no facts, when there are none.
    pub facts_missing: Option<String>,
    pub standards: Vec<Standard>,
    pub reading: Vec<Reading>,
    pub terms: Vec<TermRef>,
    /// When the page was last reviewed, ISO 8601 (`2026-11-26`).
    pub reviewed: String,
    /// The same date for people ("26 November 2026").
    pub reviewed_label: String,
    /// What changed on the page, newest first.
    pub changes: Vec<Change>,
    pub focus_areas: Vec<IssueLink>,
    /// The issue's connections, grouped by relation (in [`Relation::ALL`]'s order, this
    /// side's wording), then in display order.
    pub related: Vec<Connection>,
    pub previous: Option<IssueLink>,
    pub next: Option<IssueLink>,
    /// On a French or Spanish page: where its words come from.
    pub translation: Option<Translation>,
}

/// How a French or Spanish issue page relates to the English one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// The Internet Society's own page in this language, when the blurb quotes it; without
    /// it, the blurb is the explorer's translation of the Internet Society's English words.
    pub blurb_quoted_from: Option<String>,
    /// The Internet Society's English words, for readers who want the original.
    pub original_blurb_html: String,
    /// The translation was made from an earlier version of the English page.
    pub stale: bool,
}

//! The shapes of the content files, exactly as written on disk.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// The explorer's own introduction, in its own voice.
    pub about: Spanned<String>,
    /// The Internet Society's introduction to its issues page, quoted and attributed.
    pub intro: Spanned<String>,
    pub focus_areas: Vec<Spanned<String>>,
    pub sections: Vec<SectionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub id: Spanned<String>,
    pub heading: Spanned<String>,
    pub intro: Option<Spanned<String>>,
    pub issues: Vec<Spanned<String>>,
}

/// The TOML front matter of `issues/<slug>.md`; the Markdown after it is the overview.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueFile {
    pub title: Spanned<String>,
    /// A shorter name for tight places (navigation links); defaults to the title.
    pub short_title: Option<Spanned<String>>,
    pub focus_areas: Spanned<Vec<Spanned<String>>>,
    pub related: Spanned<Vec<Spanned<String>>>,
    pub icon_alt: Spanned<String>,
    /// One sentence in the explorer's voice, for the card in the listing and the page's
    /// description.
    pub summary: Spanned<String>,
    /// When a person last checked the page: `YYYY-MM-DD`.
    pub reviewed: Spanned<String>,
    /// Glossary terms the page uses.
    #[serde(default)]
    pub terms: Vec<Spanned<String>>,
    /// The Internet Society's own words.
    pub blurb: Spanned<String>,
    /// Why there are no facts, when there are none.
    pub facts_missing: Option<Spanned<String>>,
    #[serde(default)]
    pub facts: Vec<FactFile>,
    #[serde(default)]
    pub standards: Vec<StandardFile>,
    #[serde(default)]
    pub reading: Vec<ReadingFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactFile {
    pub figure: Spanned<String>,
    pub text: Spanned<String>,
    pub as_of: Spanned<String>,
    pub source_org: Spanned<String>,
    pub source_title: Spanned<String>,
    pub source_url: Spanned<String>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardFile {
    pub rfc: Spanned<i64>,
    pub title: Spanned<String>,
    pub year: Spanned<i64>,
    /// `STD n` or `BCP n`, when the RFC belongs to one.
    pub series: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingFile {
    pub title: Spanned<String>,
    pub publisher: Spanned<String>,
    pub url: Spanned<String>,
}

/// `glossary.toml`: the terms the issues use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub terms: Vec<GlossaryEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: Spanned<String>,
    /// The full name, when the term abbreviates one.
    pub expansion: Option<Spanned<String>>,
    pub definition: Spanned<String>,
}

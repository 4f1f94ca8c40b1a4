//! The shapes of the content files, exactly as written on disk.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueFile {
    pub title: Spanned<String>,
    /// A shorter name for tight places (navigation links); defaults to the title.
    pub short_title: Option<Spanned<String>>,
    pub focus_areas: Spanned<Vec<Spanned<String>>>,
    pub related: Spanned<Vec<Spanned<String>>>,
    pub icon_alt: Spanned<String>,
    pub blurb: Spanned<String>,
}

/// `glossary.toml`: terms and their expansions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub terms: Vec<GlossaryEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: Spanned<String>,
    pub expansion: Spanned<String>,
}

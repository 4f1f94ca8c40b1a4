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
    /// Replaced by `content/connections.toml`; read only to say so.
    pub related: Option<Spanned<toml::Value>>,
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
    #[serde(default)]
    pub editor_notes: Vec<EditorNoteFile>,
    #[serde(default)]
    pub changes: Vec<ChangeFile>,
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
    /// A copy where the figure was confirmed, when that was not the publisher's page.
    pub seen_in: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardFile {
    pub rfc: Spanned<i64>,
    pub title: Spanned<String>,
    pub year: Spanned<i64>,
    pub month: Option<Spanned<i64>>,
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

/// A note on words of the blurb; it cites a fact (`cites_fact`) or a source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorNoteFile {
    pub quote: Spanned<String>,
    pub note: Spanned<String>,
    pub cites_fact: Option<Spanned<FactRefFile>>,
    pub source_org: Option<Spanned<String>>,
    pub source_title: Option<Spanned<String>>,
    pub source_url: Option<Spanned<String>>,
    pub seen_in: Option<Spanned<String>>,
}

/// A fact on an issue's page, named by its figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactRefFile {
    pub issue: Spanned<String>,
    pub figure: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeFile {
    pub date: Spanned<String>,
    pub what: Spanned<String>,
}

/// `connections.toml`: every pair of connected issues, once.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionsFile {
    pub connection: Vec<ConnectionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionFile {
    pub from: Spanned<String>,
    pub relation: Spanned<String>,
    pub to: Spanned<String>,
    pub why: Spanned<String>,
}

/// `links.toml`: what an address in the content may not be.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkPolicyFile {
    /// Hosts that serve copies, reprints or staging versions of other publishers' pages
    /// (`*.appspot.com` covers every subdomain).
    pub copy_hosts: Vec<Spanned<String>>,
    /// Query parameters that track readers (`utm_*` covers every `utm_` name).
    pub tracking_parameters: Vec<Spanned<String>>,
    /// Index pages that are about no issue in particular: not further reading.
    #[serde(default)]
    pub not_reading: Vec<Spanned<String>>,
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

/// `issues/<slug>.<lang>.md`: an issue's words in another language; everything else comes
/// from the English file (`docs/translations.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueTranslationFile {
    /// A hash of the English words this translation was made from.
    pub translated_from: Spanned<String>,
    pub title: Spanned<String>,
    pub short_title: Option<Spanned<String>>,
    pub icon_alt: Spanned<String>,
    pub summary: Spanned<String>,
    pub blurb: Spanned<String>,
    /// The Internet Society's own page with these words, when the blurb quotes it; without
    /// it, the blurb is the explorer's translation and the page says so.
    pub blurb_quoted_from: Option<Spanned<String>>,
    /// Why there are no facts, when the English says so.
    pub facts_missing: Option<Spanned<String>>,
    #[serde(default)]
    pub facts: Vec<FactTranslationFile>,
    #[serde(default)]
    pub editor_notes: Vec<EditorNoteTranslationFile>,
}

/// A fact's words, in the English file's order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactTranslationFile {
    pub text: Spanned<String>,
    pub note: Option<Spanned<String>>,
    /// Only for a figure with words ("1 in 3"); numbers are formatted per language.
    pub figure: Option<Spanned<String>>,
}

/// An editor's note's words, in the English file's order: the translated blurb's words it
/// is about, and the note.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorNoteTranslationFile {
    pub quote: Spanned<String>,
    pub note: Spanned<String>,
}

/// `glossary.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTranslationFile {
    pub translated_from: Spanned<String>,
    pub terms: Vec<TermTranslationFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermTranslationFile {
    /// The English `term` this entry translates.
    pub of: Spanned<String>,
    pub term: Spanned<String>,
    pub expansion: Option<Spanned<String>>,
    pub definition: Spanned<String>,
}

/// `connections.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionsTranslationFile {
    pub translated_from: Spanned<String>,
    pub connection: Vec<ConnectionFile>,
}

/// `site.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteTranslationFile {
    pub translated_from: Spanned<String>,
    pub about: Spanned<String>,
    pub intro: Spanned<String>,
    pub sections: Vec<SectionTranslationFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTranslationFile {
    pub id: Spanned<String>,
    pub heading: Spanned<String>,
    pub intro: Option<Spanned<String>>,
}

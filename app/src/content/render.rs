//! Turns an issue file's text into HTML: the Internet Society's blurb and the explorer's
//! own overview, with the first use of each glossary term the page lists marked.

use std::collections::{HashMap, HashSet};

use super::error::ContentError;
use super::files::IssueFile;
use super::markdown::{self, Rendered};
use super::paragraphs::paragraphs;
use super::parsed::Parsed;
use super::terms::{MarkedTerm, TermMarker};
use crate::domain::urls::{issue_slug_in, GLOSSARY_PATH, HOME_PATH};
use crate::domain::{Lang, TermRef};

/// An issue file: the parsed front matter, and where the Markdown body starts.
pub(super) struct IssueSource {
    pub parsed: Parsed<IssueFile>,
    pub body_offset: usize,
}

impl IssueSource {
    fn body(&self) -> &str {
        &self.parsed.text[self.body_offset..]
    }
}

#[derive(Default)]
pub(super) struct RenderedIssue {
    pub blurb_html: String,
    pub overview_html: String,
    pub overview_text: String,
    /// Indices into the glossary, in the order the file lists them.
    pub terms: Vec<usize>,
}

pub(super) fn render_issue(
    source: &IssueSource,
    glossary: &[TermRef],
    issues: &HashMap<&str, &Parsed<IssueFile>>,
    errors: &mut Vec<ContentError>,
) -> RenderedIssue {
    let parsed = &source.parsed;
    let terms = resolve_terms(parsed, glossary, errors);
    let marked: Vec<MarkedTerm> = terms
        .iter()
        .map(|&i| MarkedTerm {
            term: glossary[i].term.clone(),
            expansion: glossary[i].expansion.clone(),
            anchor: glossary[i].anchor.clone(),
        })
        .collect();
    let mut marker = TermMarker::new(marked.iter().collect(), Lang::En);

    // The blurb comes first on the page, so its terms are marked first.
    let mut blurb_html = String::new();
    for paragraph in paragraphs(parsed.data.blurb.get_ref()) {
        blurb_html.push_str("<p>");
        marker.mark(&paragraph, &mut blurb_html);
        blurb_html.push_str("</p>\n");
    }

    let anchors: HashSet<&str> = glossary.iter().map(|t| t.anchor.as_str()).collect();
    let check_site_link = |path: &str| check_site_path(path, issues, &anchors);
    let overview = match markdown::render(source.body(), &mut marker, &check_site_link) {
        Ok(rendered) => rendered,
        Err(problems) => {
            for problem in problems {
                errors.push(
                    parsed.error_at_offset(source.body_offset + problem.offset, problem.message),
                );
            }
            Rendered {
                html: String::new(),
                text: String::new(),
            }
        }
    };

    for unused in marker.unused() {
        if let Some(listed) = parsed
            .data
            .terms
            .iter()
            .find(|t| t.get_ref().trim() == unused.term)
        {
            errors.push(parsed.error_at(
                listed,
                format!("the term “{}” is listed in terms but the blurb and the overview never use it (outside links and headings)", unused.term),
            ));
        }
    }
    RenderedIssue {
        blurb_html,
        overview_html: overview.html,
        overview_text: overview.text,
        terms,
    }
}

/// A translation's blurb and overview, rendered as [`render_issue`] renders the English:
/// the first use of each of `marker`'s terms (the page's glossary terms in the
/// translation's language) marked, links checked. Problems in the body are reported at
/// `body_offset` of the translation's file.
pub(super) fn render_translation<T>(
    parsed: &Parsed<T>,
    blurb: &str,
    body_offset: usize,
    marker: &mut TermMarker,
    issues: &HashMap<&str, &Parsed<IssueFile>>,
    glossary: &[TermRef],
    errors: &mut Vec<ContentError>,
) -> (String, Rendered) {
    let mut blurb_html = String::new();
    for paragraph in paragraphs(blurb) {
        blurb_html.push_str("<p>");
        marker.mark(&paragraph, &mut blurb_html);
        blurb_html.push_str("</p>\n");
    }
    let anchors: HashSet<&str> = glossary.iter().map(|t| t.anchor.as_str()).collect();
    let check_site_link = |path: &str| check_site_path(path, issues, &anchors);
    let body = &parsed.text[body_offset..];
    let overview = match markdown::render(body, marker, &check_site_link) {
        Ok(rendered) => rendered,
        Err(problems) => {
            for problem in problems {
                errors.push(parsed.error_at_offset(body_offset + problem.offset, problem.message));
            }
            Rendered {
                html: String::new(),
                text: String::new(),
            }
        }
    };
    (blurb_html, overview)
}

/// The glossary entries a page lists in `terms`, each defined and listed once.
fn resolve_terms(
    parsed: &Parsed<IssueFile>,
    glossary: &[TermRef],
    errors: &mut Vec<ContentError>,
) -> Vec<usize> {
    let mut terms = Vec::new();
    for listed in &parsed.data.terms {
        let name = listed.get_ref().trim();
        match glossary.iter().position(|t| t.term == name) {
            Some(index) if terms.contains(&index) => {
                errors.push(parsed.error_at(listed, format!("the term “{name}” is listed twice")));
            }
            Some(index) => terms.push(index),
            None => {
                let folded = crate::search::fold(name);
                let hint = glossary
                    .iter()
                    .find(|t| crate::search::fold(&t.term) == folded)
                    .map(|t| format!(" (the glossary spells it “{}”)", t.term))
                    .unwrap_or_default();
                errors.push(parsed.error_at(
                    listed,
                    format!("the term “{name}” is not in glossary.toml{hint}"),
                ));
            }
        }
    }
    terms
}

/// Site-relative links must lead somewhere: the home page, an issue, or the glossary.
fn check_site_path(
    path: &str,
    issues: &HashMap<&str, &Parsed<IssueFile>>,
    anchors: &HashSet<&str>,
) -> Result<(), String> {
    let (path, fragment) = match path.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (path, None),
    };
    let known = path == HOME_PATH
        || path == GLOSSARY_PATH
        || issue_slug_in(path).is_some_and(|slug| issues.contains_key(slug));
    if !known {
        return Err(format!(
            "the link “{path}” leads nowhere on this site (use /, /glossary or /issues/<an existing slug>)"
        ));
    }
    match fragment {
        Some(anchor) if path == GLOSSARY_PATH && !anchors.contains(anchor) => {
            Err(format!("the glossary has no entry #{anchor}"))
        }
        _ => Ok(()),
    }
}

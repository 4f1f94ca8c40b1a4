use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::catalog::{Catalog, IssueRecord, SectionRecord};
use super::error::{ContentError, ContentErrors};
use super::files::{GlossaryFile, IssueFile, SiteFile};
use super::paragraphs::paragraphs;
use crate::domain::{first_sentence, is_valid_slug, SectionKind};

/// A parsed file together with its text, so later checks can point at lines.
struct Parsed<T> {
    path: PathBuf,
    text: String,
    data: T,
}

impl<T> Parsed<T> {
    fn error_at<U>(&self, spanned: &Spanned<U>, message: impl Into<String>) -> ContentError {
        ContentError::at(&self.path, &self.text, spanned.span().start, message)
    }
}

/// Reads `dir/site.toml` and `dir/issues/*.toml`, checks them, and builds the catalog.
/// Returns every problem found, each with its file and line.
pub fn load_catalog(dir: &Path) -> Result<Catalog, ContentErrors> {
    let mut errors = Vec::new();
    let site = parse_file::<SiteFile>(&dir.join("site.toml"), &mut errors);
    let glossary = parse_file::<GlossaryFile>(&dir.join("glossary.toml"), &mut errors);
    let issues = read_issue_files(&dir.join("issues"), &mut errors);
    // Cross-file checks only make sense once every file parses; otherwise one typo would
    // also show up as a dangling reference in every file that names the broken one.
    let (Some(site), Some(glossary)) = (site, glossary) else {
        return Err(ContentErrors(errors));
    };
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    let terms = check_glossary(&glossary, &mut errors);
    let catalog = build(&site, &issues, &terms, &mut errors);
    if errors.is_empty() {
        Ok(catalog)
    } else {
        Err(ContentErrors(errors))
    }
}

fn parse_file<T: serde::de::DeserializeOwned>(
    path: &Path,
    errors: &mut Vec<ContentError>,
) -> Option<Parsed<T>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            errors.push(ContentError::whole_file(
                path,
                format!("cannot be read: {error}"),
            ));
            return None;
        }
    };
    match toml::from_str::<T>(&text) {
        Ok(data) => Some(Parsed {
            path: path.to_path_buf(),
            text,
            data,
        }),
        Err(error) => {
            let message = error.message().trim().to_string();
            errors.push(match error.span() {
                Some(span) => ContentError::at(path, &text, span.start, message),
                None => ContentError::whole_file(path, message),
            });
            None
        }
    }
}

/// Parses every `*.toml` file in `dir`, keyed by slug (the file name), in file-name order.
fn read_issue_files(
    dir: &Path,
    errors: &mut Vec<ContentError>,
) -> Vec<(String, Parsed<IssueFile>)> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(ContentError::whole_file(
                dir,
                format!("cannot be read: {error}"),
            ));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut issues = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let Some(slug) = name.strip_suffix(".toml") else {
            errors.push(ContentError::whole_file(
                &path,
                "is not a .toml file; only issue files belong here",
            ));
            continue;
        };
        if !is_valid_slug(slug) {
            errors.push(ContentError::whole_file(
                &path,
                "the file name must be a slug: lowercase letters, digits and single hyphens",
            ));
            continue;
        }
        if let Some(parsed) = parse_file::<IssueFile>(&path, errors) {
            issues.push((slug.to_string(), parsed));
        }
    }
    issues
}

fn build(
    site: &Parsed<SiteFile>,
    files: &[(String, Parsed<IssueFile>)],
    glossary: &[(String, String)],
    errors: &mut Vec<ContentError>,
) -> Catalog {
    let by_file: HashMap<&str, &Parsed<IssueFile>> = files
        .iter()
        .map(|(slug, parsed)| (slug.as_str(), parsed))
        .collect();

    // The listing order comes from site.toml's sections.
    let mut order: Vec<(&str, SectionKind)> = Vec::new();
    let mut sections = Vec::new();
    let mut seen_kinds = HashSet::new();
    for section in &site.data.sections {
        let kind = match section.id.get_ref().as_str() {
            "core" => SectionKind::Core,
            "emerging" => SectionKind::Emerging,
            other => {
                errors.push(site.error_at(
                    &section.id,
                    format!("unknown section id “{other}”; expected “core” or “emerging”"),
                ));
                continue;
            }
        };
        if !seen_kinds.insert(kind) {
            errors.push(site.error_at(&section.id, "this section id appears twice"));
        }
        require_text(site, &section.heading, "heading", errors);
        if let Some(intro) = &section.intro {
            require_text(site, intro, "intro", errors);
        }
        if section.issues.is_empty() {
            errors.push(site.error_at(&section.id, "this section lists no issues"));
        }
        let start = order.len();
        for slug in &section.issues {
            let slug_str = slug.get_ref().as_str();
            if !by_file.contains_key(slug_str) {
                errors.push(site.error_at(
                    slug,
                    format!("lists “{slug_str}”, but there is no issues/{slug_str}.toml"),
                ));
            } else if order.iter().any(|(listed, _)| *listed == slug_str) {
                errors.push(site.error_at(slug, format!("lists “{slug_str}” a second time")));
            } else {
                order.push((slug_str, kind));
            }
        }
        sections.push(SectionRecord {
            kind,
            heading: trimmed(&section.heading),
            intro: section
                .intro
                .as_ref()
                .map(|intro| paragraphs(intro.get_ref()).join("\n\n")),
            range: start..order.len(),
        });
    }
    let position: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (slug, _))| (*slug, i))
        .collect();

    require_text(site, &site.data.intro, "intro", errors);
    let mut focus_areas = Vec::new();
    for area in &site.data.focus_areas {
        match position.get(area.get_ref().as_str()) {
            Some(&index) if focus_areas.contains(&index) => {
                errors.push(site.error_at(area, "this focus area is listed twice"));
            }
            Some(&index) => focus_areas.push(index),
            None => errors.push(site.error_at(
                area,
                format!("focus area “{}” is not a listed issue", area.get_ref()),
            )),
        }
    }
    if site.data.focus_areas.is_empty() {
        errors.push(ContentError::whole_file(
            &site.path,
            "focus_areas must name at least one issue",
        ));
    }
    let focus_slugs: Vec<&str> = focus_areas.iter().map(|&i| order[i].0).collect();
    if site.data.sections.is_empty() {
        errors.push(ContentError::whole_file(
            &site.path,
            "sections must list at least one [[sections]] table with issues",
        ));
    }
    // Files no section lists are an error, but their fields are still checked in the same
    // run, so one pass over the content reports every problem.
    for (slug, parsed) in files {
        if !order.iter().any(|(listed, _)| listed == slug) {
            errors.push(ContentError::whole_file(
                &parsed.path,
                "is not listed in any section of site.toml",
            ));
            check_issue(slug, parsed, &focus_slugs, &by_file, errors);
        }
    }

    let issues = order
        .iter()
        .map(|&(slug, section)| {
            let parsed = by_file[slug];
            check_issue(slug, parsed, &focus_slugs, &by_file, errors);
            let file = &parsed.data;
            let lookup = |refs: &Spanned<Vec<Spanned<String>>>| -> Vec<usize> {
                refs.get_ref()
                    .iter()
                    .filter_map(|r| position.get(r.get_ref().as_str()).copied())
                    .collect()
            };
            let paragraphs = paragraphs(file.blurb.get_ref());
            let summary = paragraphs
                .first()
                .map(|p| first_sentence(p).to_string())
                .unwrap_or_default();
            IssueRecord {
                slug: slug.to_string(),
                title: trimmed(&file.title),
                short_title: file
                    .short_title
                    .as_ref()
                    .unwrap_or(&file.title)
                    .get_ref()
                    .trim()
                    .to_string(),
                section,
                focus_areas: lookup(&file.focus_areas),
                related: lookup(&file.related),
                icon_alt: trimmed(&file.icon_alt),
                summary,
                paragraphs,
            }
        })
        .collect();

    Catalog::new(
        trimmed(&site.data.intro),
        focus_areas,
        sections,
        issues,
        glossary,
    )
}

/// Checks one issue file's fields and references against the rest of the content.
fn check_issue(
    slug: &str,
    parsed: &Parsed<IssueFile>,
    focus_slugs: &[&str],
    files: &HashMap<&str, &Parsed<IssueFile>>,
    errors: &mut Vec<ContentError>,
) {
    let file = &parsed.data;
    require_text(parsed, &file.title, "title", errors);
    require_text(parsed, &file.icon_alt, "icon_alt", errors);
    if let Some(short) = &file.short_title {
        require_text(parsed, short, "short_title", errors);
    }
    require_text(parsed, &file.blurb, "blurb", errors);

    if file.focus_areas.get_ref().is_empty() {
        errors.push(parsed.error_at(
            &file.focus_areas,
            "focus_areas must name at least one focus area",
        ));
    }
    let mut seen = HashSet::new();
    for area in file.focus_areas.get_ref() {
        let name = area.get_ref().as_str();
        if !focus_slugs.contains(&name) {
            errors.push(parsed.error_at(
                area,
                format!(
                    "unknown focus area “{name}”; known: {}",
                    focus_slugs.join(", ")
                ),
            ));
        } else if !seen.insert(name) {
            errors.push(parsed.error_at(area, format!("focus area “{name}” is listed twice")));
        }
    }

    if file.related.get_ref().len() < 3 {
        errors.push(parsed.error_at(&file.related, "related must name at least 3 issues"));
    }
    let mut seen = HashSet::new();
    for other in file.related.get_ref() {
        let name = other.get_ref().as_str();
        match files.get(name) {
            None => errors
                .push(parsed.error_at(other, format!("related issue “{name}” does not exist"))),
            Some(_) if name == slug => {
                errors.push(parsed.error_at(other, "an issue cannot be related to itself"))
            }
            Some(_) if !seen.insert(name) => errors
                .push(parsed.error_at(other, format!("related issue “{name}” is listed twice"))),
            Some(target) => {
                if !target
                    .data
                    .related
                    .get_ref()
                    .iter()
                    .any(|back| back.get_ref() == slug)
                {
                    errors.push(parsed.error_at(
                        other,
                        format!("relations are symmetric: issues/{name}.toml must list “{slug}” in related too"),
                    ));
                }
            }
        }
    }
}

fn require_text<T>(
    parsed: &Parsed<T>,
    field: &Spanned<String>,
    name: &str,
    errors: &mut Vec<ContentError>,
) {
    if field.get_ref().trim().is_empty() {
        errors.push(parsed.error_at(field, format!("{name} must not be empty")));
    }
}

fn trimmed(field: &Spanned<String>) -> String {
    field.get_ref().trim().to_string()
}

/// Checks the glossary: every term and expansion has words, and no term or expansion is
/// defined twice (the search would not know which to use). Returns (term, expansion) pairs.
fn check_glossary(
    glossary: &Parsed<GlossaryFile>,
    errors: &mut Vec<ContentError>,
) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    let mut terms = Vec::new();
    for entry in &glossary.data.terms {
        for (field, name) in [(&entry.term, "term"), (&entry.expansion, "expansion")] {
            if crate::search::query_words(field.get_ref()).is_empty() {
                errors.push(glossary.error_at(field, format!("{name} must contain a word")));
            } else if !seen.insert(crate::search::fold(field.get_ref())) {
                errors.push(glossary.error_at(
                    field,
                    format!("“{}” is already in the glossary", field.get_ref().trim()),
                ));
            }
        }
        terms.push((trimmed(&entry.term), trimmed(&entry.expansion)));
    }
    terms
}

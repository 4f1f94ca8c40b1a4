use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::catalog::{Catalog, IssueRecord, SectionRecord, SiteText};
use super::connections::check_connections;
use super::dates::IsoDate;
use super::error::{ContentError, ContentErrors};
use super::files::{ConnectionsFile, GlossaryFile, IssueFile, LinkPolicyFile, SiteFile};
use super::front_matter;
use super::glossary::check_glossary;
use super::issue_fields::check_issue;
use super::links::LinkPolicy;
use super::paragraphs::paragraphs;
use super::parsed::{require_text, trimmed, Parsed};
use super::render::{render_issue, IssueSource};
use super::sources::{check_sources, SourceContext};
use super::translations::{self, translate, EnglishFiles};
use crate::domain::{is_valid_slug, Lang, SectionKind, TermRef};

/// Reads `dir/site.toml`, `dir/glossary.toml`, `dir/connections.toml`, `dir/links.toml`
/// and `dir/issues/*.md`, checks them, and builds the catalog (which keeps the warnings:
/// [`Catalog::warnings`]).
/// Returns every problem found, each with its file and line.
pub fn load_catalog(dir: &Path) -> Result<Catalog, ContentErrors> {
    let mut errors = Vec::new();
    let site = read_toml_file::<SiteFile>(&dir.join("site.toml"), &mut errors);
    let glossary = read_toml_file::<GlossaryFile>(&dir.join("glossary.toml"), &mut errors);
    let connections = read_toml_file::<ConnectionsFile>(&dir.join("connections.toml"), &mut errors);
    let links = read_toml_file::<LinkPolicyFile>(&dir.join("links.toml"), &mut errors);
    let issues = read_issue_files(&dir.join("issues"), &mut errors);
    // Cross-file checks only make sense once every file parses; otherwise one typo would
    // also show up as a dangling reference in every file that names the broken one.
    let (Some(site), Some(glossary), Some(connections), Some(links)) =
        (site, glossary, connections, links)
    else {
        return Err(ContentErrors(errors));
    };
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    let terms = check_glossary(&glossary, &mut errors);
    let links = LinkPolicy::from_file(&links, &mut errors);
    let files = ContentFiles {
        site: &site,
        issues: &issues,
        connections: &connections,
        links: &links,
    };
    let mut catalog = build(&files, &terms, IsoDate::today(), &mut errors);
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    let english = EnglishFiles {
        site: &site,
        glossary: &glossary,
        connections: &connections,
        issues: &issues,
    };
    let mut warnings = Vec::new();
    let translated: Vec<Catalog> = [Lang::Fr, Lang::Es]
        .into_iter()
        .filter_map(|lang| translate(lang, &english, &catalog, &mut errors, &mut warnings))
        .collect();
    if errors.is_empty() {
        catalog.add_translations(translated, warnings);
        Ok(catalog)
    } else {
        Err(ContentErrors(errors))
    }
}

/// Writes into every translation the fingerprint of the English words it now follows
/// (`translated_from`), after an editor has brought the translations up to date; returns
/// the files it changed. The English files must read without errors.
pub fn stamp_translations(dir: &Path) -> Result<Vec<PathBuf>, ContentErrors> {
    let mut errors = Vec::new();
    let site = read_toml_file::<SiteFile>(&dir.join("site.toml"), &mut errors);
    let glossary = read_toml_file::<GlossaryFile>(&dir.join("glossary.toml"), &mut errors);
    let connections = read_toml_file::<ConnectionsFile>(&dir.join("connections.toml"), &mut errors);
    let issues = read_issue_files(&dir.join("issues"), &mut errors);
    let (Some(site), Some(glossary), Some(connections)) = (site, glossary, connections) else {
        return Err(ContentErrors(errors));
    };
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    let mut stamps = vec![
        (
            site.path.clone(),
            translations::site_fingerprint(&site.data),
        ),
        (
            glossary.path.clone(),
            translations::glossary_fingerprint(&glossary.data),
        ),
        (
            connections.path.clone(),
            translations::connections_fingerprint(&connections.data),
        ),
    ];
    for (_, source) in &issues {
        stamps.push((
            source.parsed.path.clone(),
            translations::issue_fingerprint(source),
        ));
    }
    let mut changed = Vec::new();
    for (english, stamp) in stamps {
        for lang in [Lang::Fr, Lang::Es] {
            let path = translations::translation_path(&english, lang);
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            match translations::with_stamp(&text, &stamp) {
                Some(stamped) if stamped != text => {
                    if let Err(error) = fs::write(&path, stamped) {
                        errors.push(ContentError::whole_file(
                            &path,
                            format!("cannot be written: {error}"),
                        ));
                    } else {
                        changed.push(path);
                    }
                }
                Some(_) => {}
                None => errors.push(ContentError::whole_file(
                    &path,
                    "has no `translated_from = \"…\"` line to stamp",
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(changed)
    } else {
        Err(ContentErrors(errors))
    }
}

fn read_text(path: &Path, errors: &mut Vec<ContentError>) -> Option<String> {
    match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) => {
            errors.push(ContentError::whole_file(
                path,
                format!("cannot be read: {error}"),
            ));
            None
        }
    }
}

pub(super) fn read_toml_file<T: serde::de::DeserializeOwned>(
    path: &Path,
    errors: &mut Vec<ContentError>,
) -> Option<Parsed<T>> {
    let text = read_text(path, errors)?;
    let len = text.len();
    parse_toml(path, text, 0..len, errors)
}

/// Parses the TOML in `range` of `text`, reporting errors at the file's own positions.
fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: String,
    range: std::ops::Range<usize>,
    errors: &mut Vec<ContentError>,
) -> Option<Parsed<T>> {
    match toml::from_str::<T>(&text[range.clone()]) {
        Ok(data) => Some(Parsed {
            path: path.to_path_buf(),
            text,
            toml_offset: range.start,
            data,
        }),
        Err(error) => {
            let message = error.message().trim().to_string();
            errors.push(match error.span() {
                Some(span) => ContentError::at(path, &text, range.start + span.start, message),
                None => ContentError::whole_file(path, message),
            });
            None
        }
    }
}

/// Reads `issues/<slug>.md`: TOML front matter between `+++` lines, then the overview.
fn read_issue_file(path: &Path, errors: &mut Vec<ContentError>) -> Option<IssueSource> {
    let (parsed, body_offset) = read_front_matter_file::<IssueFile>(path, errors)?;
    Some(IssueSource {
        parsed,
        body_offset,
    })
}

/// Reads a Markdown file with TOML front matter between `+++` lines: the parsed front
/// matter, and where the Markdown body starts.
pub(super) fn read_front_matter_file<T: serde::de::DeserializeOwned>(
    path: &Path,
    errors: &mut Vec<ContentError>,
) -> Option<(Parsed<T>, usize)> {
    let text = read_text(path, errors)?;
    let (front, body_offset) = match front_matter::split(&text) {
        Ok(split) => (
            split.front_matter_offset..split.front_matter_offset + split.front_matter.len(),
            split.body_offset,
        ),
        Err(error) => {
            errors.push(ContentError::at(path, &text, error.offset, error.message));
            return None;
        }
    };
    let parsed = parse_toml::<T>(path, text, front, errors)?;
    Some((parsed, body_offset))
}

/// Parses every `*.md` file in `dir`, keyed by slug (the file name), in file-name order.
fn read_issue_files(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<(String, IssueSource)> {
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
        if let Some((_, code)) = name
            .strip_suffix(".md")
            .and_then(|stem| stem.rsplit_once('.'))
        {
            // A translation, read with its English file (`translations`).
            if Lang::from_code(code).is_none_or(|lang| lang == Lang::En) {
                errors.push(ContentError::whole_file(
                    &path,
                    format!("“{code}” is not a language of the explorer; translations are <slug>.fr.md and <slug>.es.md"),
                ));
            }
            continue;
        }
        let Some(slug) = name.strip_suffix(".md") else {
            errors.push(ContentError::whole_file(
                &path,
                "is not a .md file; only issue files (Markdown with TOML front matter) belong here",
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
        if let Some(source) = read_issue_file(&path, errors) {
            issues.push((slug.to_string(), source));
        }
    }
    issues
}

/// Everything read, for the cross-file checks.
struct ContentFiles<'a> {
    site: &'a Parsed<SiteFile>,
    issues: &'a [(String, IssueSource)],
    connections: &'a Parsed<ConnectionsFile>,
    links: &'a LinkPolicy,
}

fn build(
    content: &ContentFiles<'_>,
    glossary: &[TermRef],
    today: IsoDate,
    errors: &mut Vec<ContentError>,
) -> Catalog {
    let (site, files) = (content.site, content.issues);
    let mut warnings = Vec::new();
    let by_file: HashMap<&str, &Parsed<IssueFile>> = files
        .iter()
        .map(|(slug, source)| (slug.as_str(), &source.parsed))
        .collect();
    let sources: HashMap<&str, &IssueSource> = files
        .iter()
        .map(|(slug, source)| (slug.as_str(), source))
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
                    format!("lists “{slug_str}”, but there is no issues/{slug_str}.md"),
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

    require_text(site, &site.data.about, "about", errors);
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
    let focus_area_slugs: Vec<&str> = focus_areas.iter().map(|&i| order[i].0).collect();
    if site.data.sections.is_empty() {
        errors.push(ContentError::whole_file(
            &site.path,
            "sections must list at least one [[sections]] table with issues",
        ));
    }
    // Files no section lists are an error, but their fields are still checked in the same
    // run, so one pass over the content reports every problem.
    let context = SourceContext {
        today,
        links: content.links,
        files: &by_file,
    };
    let mut check_everything = |source: &IssueSource, errors: &mut Vec<ContentError>| {
        check_issue(&source.parsed, &focus_area_slugs, errors);
        let cited = check_sources(&source.parsed, &context, errors, &mut warnings);
        let rendered = render_issue(source, glossary, &by_file, errors);
        (cited, rendered)
    };
    for (slug, source) in files {
        if !order.iter().any(|(listed, _)| listed == slug) {
            errors.push(
                source
                    .parsed
                    .whole_file("is not listed in any section of site.toml"),
            );
            check_everything(source, errors);
        }
    }

    let slugs: Vec<&str> = order.iter().map(|(slug, _)| *slug).collect();
    let mut connections =
        check_connections(content.connections, &position, order.len(), &slugs, errors).into_iter();
    let issues = order
        .iter()
        .map(|&(slug, section)| {
            let source = sources[slug];
            let (cited, rendered) = check_everything(source, errors);
            let file = &source.parsed.data;
            let lookup = |refs: &Spanned<Vec<Spanned<String>>>| -> Vec<usize> {
                refs.get_ref()
                    .iter()
                    .filter_map(|r| position.get(r.get_ref().as_str()).copied())
                    .collect()
            };
            let paragraphs = paragraphs(file.blurb.get_ref());
            let summary = trimmed(&file.summary);
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
                connections: connections.next().unwrap_or_default(),
                icon_alt: trimmed(&file.icon_alt),
                summary,
                paragraphs,
                blurb_html: rendered.blurb_html,
                overview_html: rendered.overview_html,
                overview_text: rendered.overview_text,
                terms: rendered.terms,
                facts: cited.facts,
                facts_missing: cited.facts_missing,
                standards: cited.standards,
                reading: cited.reading,
                reviewed: cited.reviewed,
                editor_notes: cited.editor_notes,
                changes: cited.changes,
                translation: None,
            }
        })
        .collect();

    Catalog::new(
        Lang::En,
        SiteText {
            about: trimmed(&site.data.about),
            intro: trimmed(&site.data.intro),
            intro_original: None,
        },
        focus_areas,
        sections,
        issues,
        glossary,
        warnings,
    )
}

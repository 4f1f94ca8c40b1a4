//! Checks an issue's own fields.

use std::collections::HashSet;

use super::error::ContentError;
use super::files::IssueFile;
use super::parsed::{require_text, Parsed};

/// Checks one issue file's own fields and its focus areas.
pub(super) fn check_issue(
    parsed: &Parsed<IssueFile>,
    focus_area_slugs: &[&str],
    errors: &mut Vec<ContentError>,
) {
    let file = &parsed.data;
    require_text(parsed, &file.title, "title", errors);
    require_text(parsed, &file.icon_alt, "icon_alt", errors);
    if let Some(short) = &file.short_title {
        require_text(parsed, short, "short_title", errors);
    }
    require_text(parsed, &file.blurb, "blurb", errors);
    check_summary(parsed, &file.summary, errors);

    if file.focus_areas.get_ref().is_empty() {
        errors.push(parsed.error_at(
            &file.focus_areas,
            "focus_areas must name at least one focus area",
        ));
    }
    let mut seen = HashSet::new();
    for area in file.focus_areas.get_ref() {
        let name = area.get_ref().as_str();
        if !focus_area_slugs.contains(&name) {
            errors.push(parsed.error_at(
                area,
                format!(
                    "unknown focus area “{name}”; known: {}",
                    focus_area_slugs.join(", ")
                ),
            ));
        } else if !seen.insert(name) {
            errors.push(parsed.error_at(area, format!("focus area “{name}” is listed twice")));
        }
    }

    if let Some(related) = &file.related {
        errors.push(parsed.error_at(
            related,
            "related is gone: connections between issues live in content/connections.toml, each pair once with its relation",
        ));
    }
}

/// The longest summary: what a search engine shows of a description, and three lines of a
/// card.
pub const SUMMARY_MAX_CHARS: usize = 160;

pub(super) fn check_summary<T>(
    parsed: &Parsed<T>,
    summary: &toml::Spanned<String>,
    errors: &mut Vec<ContentError>,
) {
    let text = summary.get_ref().trim();
    let length = text.chars().count();
    if text.is_empty() {
        errors.push(parsed.error_at(summary, "summary must not be empty"));
    } else if length > SUMMARY_MAX_CHARS {
        errors.push(parsed.error_at(
            summary,
            format!(
                "summary is {length} characters; keep it to {SUMMARY_MAX_CHARS} (one sentence)"
            ),
        ));
    } else if !text.ends_with(['.', '?', '!']) {
        errors.push(parsed.error_at(
            summary,
            "summary must be one full sentence ending with a full stop",
        ));
    }
}

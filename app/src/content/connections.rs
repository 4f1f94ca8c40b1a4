//! `connections.toml`: each pair of connected issues once, with its relation and why.

use std::collections::HashMap;

use super::error::ContentError;
use super::files::ConnectionsFile;
use super::parsed::{require_text, trimmed, Parsed};
use crate::domain::Relation;

/// Every issue is connected to at least this many others.
pub const MIN_CONNECTIONS: usize = 3;
/// `why` is one sentence.
pub const WHY_MAX_CHARS: usize = 200;

/// One connection seen from one issue; `other` is a position in the display order.
#[derive(Debug, Clone)]
pub(super) struct ConnectionRecord {
    pub other: usize,
    pub relation: Relation,
    pub outgoing: bool,
    pub why: String,
}

/// Checks the file against the issues (slug → display position) and returns each issue's
/// connections, indexed by position, grouped by relation and then in display order.
pub(super) fn check_connections(
    parsed: &Parsed<ConnectionsFile>,
    position: &HashMap<&str, usize>,
    issue_count: usize,
    slugs: &[&str],
    errors: &mut Vec<ContentError>,
) -> Vec<Vec<ConnectionRecord>> {
    let mut per_issue: Vec<Vec<ConnectionRecord>> = vec![Vec::new(); issue_count];
    let mut pairs: HashMap<(usize, usize), &toml::Spanned<String>> = HashMap::new();
    for entry in &parsed.data.connection {
        let mut end = |field: &toml::Spanned<String>| {
            let slug = field.get_ref().trim();
            let found = position.get(slug).copied();
            if found.is_none() {
                errors.push(parsed.error_at(
                    field,
                    format!("there is no issue “{slug}” (no issues/{slug}.md listed in site.toml)"),
                ));
            }
            found
        };
        let (from, to) = (end(&entry.from), end(&entry.to));
        let relation = Relation::from_slug(entry.relation.get_ref().trim());
        if relation.is_none() {
            let known: Vec<&str> = Relation::ALL.iter().map(|r| r.slug()).collect();
            errors.push(parsed.error_at(
                &entry.relation,
                format!(
                    "unknown relation “{}”; known: {}",
                    entry.relation.get_ref().trim(),
                    known.join(", ")
                ),
            ));
        }
        check_why(parsed, &entry.why, errors);
        let (Some(from), Some(to), Some(relation)) = (from, to, relation) else {
            continue;
        };
        if from == to {
            errors.push(parsed.error_at(&entry.to, "an issue cannot be connected to itself"));
            continue;
        }
        let pair = (from.min(to), from.max(to));
        if let Some(first) = pairs.get(&pair) {
            let line = parsed
                .error_at(*first, "")
                .position
                .map_or(0, |(line, _)| line);
            errors.push(parsed.error_at(
                &entry.from,
                format!(
                    "{} and {} are already connected (line {line}): each pair has exactly one relation",
                    slugs[from], slugs[to]
                ),
            ));
            continue;
        }
        pairs.insert(pair, &entry.from);
        let why = trimmed(&entry.why);
        per_issue[from].push(ConnectionRecord {
            other: to,
            relation,
            outgoing: true,
            why: why.clone(),
        });
        per_issue[to].push(ConnectionRecord {
            other: from,
            relation,
            outgoing: false,
            why,
        });
    }
    for (index, connections) in per_issue.iter_mut().enumerate() {
        if connections.len() < MIN_CONNECTIONS {
            errors.push(parsed.whole_file(format!(
                "“{}” has {} connection(s); every issue needs at least {MIN_CONNECTIONS}",
                slugs[index],
                connections.len()
            )));
        }
        connections.sort_by_key(|c| (c.relation, !c.outgoing, c.other));
    }
    per_issue
}

fn check_why(
    parsed: &Parsed<ConnectionsFile>,
    why: &toml::Spanned<String>,
    errors: &mut Vec<ContentError>,
) {
    require_text(parsed, why, "why", errors);
    let text = why.get_ref().trim();
    let length = text.chars().count();
    if length > WHY_MAX_CHARS {
        errors.push(parsed.error_at(
            why,
            format!(
                "why is {length} characters; keep it to one sentence of at most {WHY_MAX_CHARS}"
            ),
        ));
    } else if !text.is_empty() && !text.ends_with(['.', '?', '!']) {
        errors.push(parsed.error_at(why, "why must be one full sentence ending with a full stop"));
    }
}

//! Checks `glossary.toml`: every term has words and a definition, and no term, expansion
//! or anchor is defined twice (the search would not know which to use, and two entries
//! would share an address on `/glossary`).

use std::collections::{HashMap, HashSet};

use super::error::ContentError;
use super::files::GlossaryFile;
use super::parsed::{require_text, trimmed, Parsed};
use crate::domain::{term_anchor, TermRef};

pub(super) fn check_glossary(
    glossary: &Parsed<GlossaryFile>,
    errors: &mut Vec<ContentError>,
) -> Vec<TermRef> {
    let mut seen = HashSet::new();
    let mut anchors: HashMap<String, String> = HashMap::new();
    let mut terms = Vec::new();
    for entry in &glossary.data.terms {
        let fields = std::iter::once((&entry.term, "term"))
            .chain(entry.expansion.as_ref().map(|e| (e, "expansion")));
        for (field, name) in fields {
            if crate::search::query_words(field.get_ref()).is_empty() {
                errors.push(glossary.error_at(field, format!("{name} must contain a word")));
            } else if !seen.insert(crate::search::fold(field.get_ref())) {
                errors.push(glossary.error_at(
                    field,
                    format!("“{}” is already in the glossary", field.get_ref().trim()),
                ));
            }
        }
        require_text(glossary, &entry.definition, "definition", errors);
        let term = trimmed(&entry.term);
        let anchor = term_anchor(&term);
        if anchor.is_empty() {
            errors.push(glossary.error_at(
                &entry.term,
                "a term needs at least one ASCII letter or digit for its anchor on /glossary",
            ));
        } else if let Some(other) = anchors.insert(anchor.clone(), term.clone()) {
            if crate::search::fold(&other) != crate::search::fold(&term) {
                errors.push(glossary.error_at(
                    &entry.term,
                    format!("“{term}” and “{other}” would share the anchor #{anchor} on /glossary"),
                ));
            }
        }
        terms.push(TermRef {
            term,
            expansion: entry.expansion.as_ref().map(trimmed),
            definition: trimmed(&entry.definition),
            anchor,
        });
    }
    terms
}

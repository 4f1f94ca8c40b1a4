//! Checks and converts what an issue cites: its review date, facts, standards and reading.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::dates::IsoDate;
use super::error::ContentError;
use super::files::{EditorNoteFile, IssueFile};
use super::links::{Cited, LinkPolicy};
use super::parsed::{require_text, trimmed, Parsed};
use crate::domain::{rfc_url, Change, Citation, EditorNote, Fact, IssueLink, Reading, Standard};

/// The most facts a page shows; the panel is a summary, not a data table.
pub const MAX_FACTS: usize = 4;
/// Further reading: the Internet Society's page and one to three more.
pub const READING_RANGE: std::ops::RangeInclusive<usize> = 2..=4;
/// RFC 1 appeared in 1969.
const FIRST_RFC_YEAR: i64 = 1969;
/// A figure this many months older than the page's review says its age on the page.
pub const AGE_SHOWN_AFTER_MONTHS: i32 = 36;
/// The content check warns when a page's newest figure is this many months old today.
pub const STALE_AFTER_MONTHS: i32 = 24;

/// What the checks need besides the file itself.
pub(super) struct SourceContext<'a> {
    pub today: IsoDate,
    pub links: &'a LinkPolicy,
    /// Every issue file, for editor's notes that cite another page's fact.
    pub files: &'a HashMap<&'a str, &'a Parsed<IssueFile>>,
}

pub(super) struct Sources {
    pub reviewed: IsoDate,
    pub facts: Vec<Fact>,
    pub facts_missing: Option<String>,
    pub standards: Vec<Standard>,
    pub reading: Vec<Reading>,
    pub editor_notes: Vec<EditorNote>,
    pub changes: Vec<Change>,
}

pub(super) fn check_sources(
    parsed: &Parsed<IssueFile>,
    context: &SourceContext<'_>,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Sources {
    let today = context.today;
    let file = &parsed.data;
    let reviewed = match IsoDate::parse(file.reviewed.get_ref().trim()) {
        Ok(date) if !date.is_full() => {
            errors
                .push(parsed.error_at(&file.reviewed, "reviewed must be a full date, YYYY-MM-DD"));
            date
        }
        Ok(date) if date.start() > today.start() => {
            errors.push(parsed.error_at(
                &file.reviewed,
                format!("reviewed date {} is in the future", date.iso()),
            ));
            date
        }
        Ok(date) => date,
        Err(message) => {
            errors.push(parsed.error_at(&file.reviewed, format!("reviewed: {message}")));
            today
        }
    };
    let facts = check_facts(parsed, reviewed, context.links, errors);
    warn_if_stale(parsed, today, warnings);
    Sources {
        reviewed,
        facts,
        facts_missing: check_facts_missing(parsed, errors),
        standards: check_standards(parsed, reviewed, errors),
        reading: check_reading(parsed, context.links, errors),
        editor_notes: check_editor_notes(parsed, context, errors),
        changes: check_changes(parsed, reviewed, errors),
    }
}

/// A page whose newest figure is more than two years old today needs a look.
fn warn_if_stale(parsed: &Parsed<IssueFile>, today: IsoDate, warnings: &mut Vec<ContentError>) {
    let newest = parsed
        .data
        .facts
        .iter()
        .filter_map(|fact| {
            IsoDate::parse(fact.as_of.get_ref().trim())
                .ok()
                .map(|date| (date, fact))
        })
        .min_by_key(|(date, _)| date.months_before(&today));
    if let Some((date, fact)) = newest {
        let age = date.months_before(&today);
        if age > STALE_AFTER_MONTHS {
            warnings.push(parsed.error_at(
                &fact.as_of,
                format!(
                    "the page's newest figure is from {} ({age} months ago): look for a newer edition of its source",
                    date.iso()
                ),
            ));
        }
    }
}

fn check_facts(
    parsed: &Parsed<IssueFile>,
    reviewed: IsoDate,
    links: &LinkPolicy,
    errors: &mut Vec<ContentError>,
) -> Vec<Fact> {
    let facts = &parsed.data.facts;
    if facts.len() > MAX_FACTS {
        errors.push(parsed.error_at(
            &facts[MAX_FACTS].figure,
            format!("at most {MAX_FACTS} facts per issue"),
        ));
    }
    facts
        .iter()
        .map(|fact| {
            for (field, name) in [
                (&fact.figure, "figure"),
                (&fact.text, "text"),
                (&fact.source_org, "source_org"),
                (&fact.source_title, "source_title"),
            ] {
                require_text(parsed, field, name, errors);
            }
            if !fact.figure.get_ref().chars().any(|c| c.is_ascii_digit()) {
                errors.push(parsed.error_at(&fact.figure, "a fact's figure must contain a number"));
            }
            check_url(
                parsed,
                &fact.source_url,
                "source_url",
                links,
                Cited::Publisher,
                errors,
            );
            if let Some(copy) = &fact.seen_in {
                check_url(parsed, copy, "seen_in", links, Cited::Copy, errors);
            }
            let as_of = match IsoDate::parse(fact.as_of.get_ref().trim()) {
                Ok(date) if date.start() > reviewed.start() => {
                    errors.push(
                        parsed
                            .error_at(&fact.as_of, "as_of is later than the page's reviewed date"),
                    );
                    Some(date)
                }
                Ok(date) => Some(date),
                Err(message) => {
                    errors.push(parsed.error_at(&fact.as_of, format!("as_of: {message}")));
                    None
                }
            };
            Fact {
                figure: trimmed(&fact.figure),
                text: trimmed(&fact.text),
                as_of: as_of.map(|d| d.iso()).unwrap_or_default(),
                as_of_label: as_of.map(|d| d.to_string()).unwrap_or_default(),
                source_org: trimmed(&fact.source_org),
                source_title: trimmed(&fact.source_title),
                source_url: trimmed(&fact.source_url),
                seen_in: fact.seen_in.as_ref().map(trimmed),
                note: fact.note.as_ref().map(trimmed).filter(|n| !n.is_empty()),
                age_label: as_of
                    .filter(|date| date.months_before(&reviewed) > AGE_SHOWN_AFTER_MONTHS)
                    .map(|date| format!("figure from {}", date.year)),
            }
        })
        .collect()
}

/// Facts or a reason for having none: exactly one of the two.
fn check_facts_missing(
    parsed: &Parsed<IssueFile>,
    errors: &mut Vec<ContentError>,
) -> Option<String> {
    let file = &parsed.data;
    match (&file.facts_missing, file.facts.is_empty()) {
        (Some(reason), true) => {
            require_text(parsed, reason, "facts_missing", errors);
            Some(trimmed(reason))
        }
        (Some(reason), false) => {
            errors.push(parsed.error_at(
                reason,
                "facts_missing is only for issues without [[facts]]; remove one of them",
            ));
            None
        }
        (None, true) => {
            errors.push(parsed.error_at(&file.title, "no [[facts]]: add sourced facts, or say why there are none with facts_missing = \"…\""));
            None
        }
        (None, false) => None,
    }
}

fn check_standards(
    parsed: &Parsed<IssueFile>,
    reviewed: IsoDate,
    errors: &mut Vec<ContentError>,
) -> Vec<Standard> {
    let mut seen = HashSet::new();
    let mut standards = Vec::new();
    for standard in &parsed.data.standards {
        require_text(parsed, &standard.title, "title", errors);
        let number = *standard.rfc.get_ref();
        let rfc = match u32::try_from(number) {
            Ok(rfc) if rfc > 0 => rfc,
            _ => {
                errors.push(parsed.error_at(
                    &standard.rfc,
                    format!("rfc must be a positive RFC number, not {number}"),
                ));
                continue;
            }
        };
        if !seen.insert(rfc) {
            errors.push(parsed.error_at(&standard.rfc, format!("RFC {rfc} is listed twice")));
        }
        let year = *standard.year.get_ref();
        if !(FIRST_RFC_YEAR..=i64::from(reviewed.year)).contains(&year) {
            errors.push(parsed.error_at(
                &standard.year,
                format!(
                    "year {year} is not between {FIRST_RFC_YEAR} and the reviewed year {}",
                    reviewed.year
                ),
            ));
        }
        let month = match &standard.month {
            Some(month) => match u32::try_from(*month.get_ref()) {
                Ok(m) if (1..=12).contains(&m) => Some(m),
                _ => {
                    errors.push(parsed.error_at(month, "month must be a number from 1 to 12"));
                    None
                }
            },
            None => None,
        };
        let published = IsoDate {
            year: u16::try_from(year).unwrap_or_default(),
            month: month.and_then(|m| u8::try_from(m).ok()),
            day: None,
        };
        if published.start() > reviewed.start() {
            errors.push(parsed.error_at(
                &standard.year,
                "the publication date is later than the page's reviewed date",
            ));
        }
        if let Some(series) = &standard.series {
            let valid = series.get_ref().split_once(' ').is_some_and(|(kind, n)| {
                matches!(kind, "STD" | "BCP" | "FYI") && n.parse::<u32>().is_ok_and(|n| n > 0)
            });
            if !valid {
                errors.push(parsed.error_at(series, "series must be “STD n”, “BCP n” or “FYI n”"));
            }
        }
        standards.push(Standard {
            rfc,
            title: trimmed(&standard.title),
            year: u32::try_from(year).unwrap_or_default(),
            month,
            published_label: published.to_string(),
            series: standard.series.as_ref().map(trimmed),
            url: rfc_url(rfc),
        });
    }
    standards
}

fn check_reading(
    parsed: &Parsed<IssueFile>,
    links: &LinkPolicy,
    errors: &mut Vec<ContentError>,
) -> Vec<Reading> {
    let reading = &parsed.data.reading;
    if !READING_RANGE.contains(&reading.len()) {
        let message = format!(
            "further reading needs {} to {} [[reading]] links (the Internet Society's page and one to three more); found {}",
            READING_RANGE.start(),
            READING_RANGE.end(),
            reading.len()
        );
        errors.push(match reading.get(*READING_RANGE.end()) {
            Some(extra) => parsed.error_at(&extra.title, message),
            None => parsed.error_at(&parsed.data.title, message),
        });
    }
    reading
        .iter()
        .map(|link| {
            require_text(parsed, &link.title, "title", errors);
            require_text(parsed, &link.publisher, "publisher", errors);
            check_url(parsed, &link.url, "url", links, Cited::Reading, errors);
            Reading {
                title: trimmed(&link.title),
                publisher: trimmed(&link.publisher),
                url: trimmed(&link.url),
            }
        })
        .collect()
}

fn check_url(
    parsed: &Parsed<IssueFile>,
    url: &Spanned<String>,
    name: &str,
    links: &LinkPolicy,
    cited: Cited,
    errors: &mut Vec<ContentError>,
) {
    if let Err(message) = links.check(url.get_ref().trim(), cited) {
        errors.push(parsed.error_at(url, format!("{name}: {message}")));
    }
}

/// Whitespace runs as single spaces, so a quote may wrap differently from the blurb.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_editor_notes(
    parsed: &Parsed<IssueFile>,
    context: &SourceContext<'_>,
    errors: &mut Vec<ContentError>,
) -> Vec<EditorNote> {
    let blurb = collapsed(parsed.data.blurb.get_ref());
    let mut seen = HashSet::new();
    let mut notes = Vec::new();
    for entry in &parsed.data.editor_notes {
        let quote = collapsed(entry.quote.get_ref());
        if quote.is_empty() {
            errors.push(parsed.error_at(&entry.quote, "quote must not be empty"));
        } else if !blurb.contains(&quote) {
            errors.push(parsed.error_at(
                &entry.quote,
                format!(
                    "“{quote}” does not occur in the blurb (the quote must be its exact words)"
                ),
            ));
        } else if !seen.insert(quote.clone()) {
            errors.push(parsed.error_at(&entry.quote, "a second note on the same words"));
        }
        require_text(parsed, &entry.note, "note", errors);
        if !entry.note.get_ref().trim().ends_with(['.', '?', '!']) {
            errors.push(parsed.error_at(&entry.note, "note must end with a full stop"));
        }
        if let Some(cites) = note_citation(parsed, entry, context, errors) {
            notes.push(EditorNote {
                quote,
                note: trimmed(&entry.note),
                cites,
            });
        }
    }
    notes
}

/// Exactly one of `cites_fact` or the source fields.
fn note_citation(
    parsed: &Parsed<IssueFile>,
    entry: &EditorNoteFile,
    context: &SourceContext<'_>,
    errors: &mut Vec<ContentError>,
) -> Option<Citation> {
    let source = (&entry.source_org, &entry.source_title, &entry.source_url);
    match (&entry.cites_fact, source) {
        (Some(reference), (None, None, None)) if entry.seen_in.is_none() => {
            let fact = reference.get_ref();
            let slug = fact.issue.get_ref().trim();
            let Some(target) = context.files.get(slug) else {
                errors.push(parsed.error_at(&fact.issue, format!("there is no issue “{slug}”")));
                return None;
            };
            let figure = fact.figure.get_ref().trim();
            let Some(cited) = target
                .data
                .facts
                .iter()
                .find(|f| f.figure.get_ref().trim() == figure)
            else {
                let figures: Vec<&str> = target
                    .data
                    .facts
                    .iter()
                    .map(|f| f.figure.get_ref().trim())
                    .collect();
                errors.push(parsed.error_at(
                    &fact.figure,
                    format!(
                        "issues/{slug}.md has no fact with the figure “{figure}”; its figures: {}",
                        figures.join(", ")
                    ),
                ));
                return None;
            };
            let title = trimmed(&target.data.title);
            Some(Citation::Fact {
                issue: IssueLink {
                    slug: slug.to_string(),
                    short_title: target
                        .data
                        .short_title
                        .as_ref()
                        .map_or_else(|| title.clone(), trimmed),
                    title,
                },
                figure: figure.to_string(),
                source_title: trimmed(&cited.source_title),
                source_org: trimmed(&cited.source_org),
            })
        }
        (None, (Some(org), Some(title), Some(url))) => {
            require_text(parsed, org, "source_org", errors);
            require_text(parsed, title, "source_title", errors);
            check_url(
                parsed,
                url,
                "source_url",
                context.links,
                Cited::Publisher,
                errors,
            );
            if let Some(copy) = &entry.seen_in {
                check_url(parsed, copy, "seen_in", context.links, Cited::Copy, errors);
            }
            Some(Citation::Source {
                source_title: trimmed(title),
                source_org: trimmed(org),
                source_url: trimmed(url),
                seen_in: entry.seen_in.as_ref().map(trimmed),
            })
        }
        _ => {
            errors.push(parsed.error_at(
                &entry.note,
                "an editor's note cites exactly one of: cites_fact = { issue, figure }, or source_org, source_title and source_url (with an optional seen_in)",
            ));
            None
        }
    }
}

/// The change history: full dates, newest first, none after the review.
fn check_changes(
    parsed: &Parsed<IssueFile>,
    reviewed: IsoDate,
    errors: &mut Vec<ContentError>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut previous: Option<IsoDate> = None;
    for entry in &parsed.data.changes {
        require_text(parsed, &entry.what, "what", errors);
        let date = match IsoDate::parse(entry.date.get_ref().trim()) {
            Ok(date) if !date.is_full() => {
                errors.push(
                    parsed.error_at(&entry.date, "a change's date is a full date, YYYY-MM-DD"),
                );
                continue;
            }
            Ok(date) => date,
            Err(message) => {
                errors.push(parsed.error_at(&entry.date, format!("date: {message}")));
                continue;
            }
        };
        if date.start() > reviewed.start() {
            errors.push(parsed.error_at(
                &entry.date,
                "a change cannot be later than the page's reviewed date",
            ));
        }
        if previous.is_some_and(|p| p.start() <= date.start()) {
            errors.push(parsed.error_at(
                &entry.date,
                "changes are listed newest first, one entry per date",
            ));
        }
        previous = Some(date);
        changes.push(Change {
            date: date.iso(),
            date_label: date.to_string(),
            what: trimmed(&entry.what),
        });
    }
    if changes.is_empty() {
        errors.push(parsed.error_at(
            &parsed.data.reviewed,
            "no [[changes]]: say at least when the page was published",
        ));
    }
    changes
}

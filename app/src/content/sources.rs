//! Checks and converts what an issue cites: its review date, facts, standards and reading.

use std::collections::HashSet;

use toml::Spanned;

use super::dates::IsoDate;
use super::error::ContentError;
use super::files::IssueFile;
use super::markdown::check_https_url;
use super::parsed::{require_text, trimmed, Parsed};
use crate::domain::{rfc_url, Fact, Reading, Standard};

/// The most facts a page shows; the panel is a summary, not a data table.
pub const MAX_FACTS: usize = 4;
/// Further reading: the Internet Society's page and one to three more.
pub const READING_RANGE: std::ops::RangeInclusive<usize> = 2..=4;
/// RFC 1 appeared in 1969.
const FIRST_RFC_YEAR: i64 = 1969;

pub(super) struct Sources {
    pub reviewed: IsoDate,
    pub facts: Vec<Fact>,
    pub facts_missing: Option<String>,
    pub standards: Vec<Standard>,
    pub reading: Vec<Reading>,
}

pub(super) fn check_sources(
    parsed: &Parsed<IssueFile>,
    today: IsoDate,
    errors: &mut Vec<ContentError>,
) -> Sources {
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
    Sources {
        reviewed,
        facts: check_facts(parsed, reviewed, errors),
        facts_missing: check_facts_missing(parsed, errors),
        standards: check_standards(parsed, reviewed, errors),
        reading: check_reading(parsed, errors),
    }
}

fn check_facts(
    parsed: &Parsed<IssueFile>,
    reviewed: IsoDate,
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
            check_url(parsed, &fact.source_url, "source_url", errors);
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
                note: fact.note.as_ref().map(trimmed).filter(|n| !n.is_empty()),
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
            series: standard.series.as_ref().map(trimmed),
            url: rfc_url(rfc),
        });
    }
    standards
}

fn check_reading(parsed: &Parsed<IssueFile>, errors: &mut Vec<ContentError>) -> Vec<Reading> {
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
            check_url(parsed, &link.url, "url", errors);
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
    errors: &mut Vec<ContentError>,
) {
    if let Err(message) = check_https_url(url.get_ref().trim()) {
        errors.push(parsed.error_at(url, format!("{name}: {message}")));
    }
}

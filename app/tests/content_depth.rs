//! The issue files' Markdown, facts, standards, reading, review dates and glossary terms:
//! what the real content holds, and one broken copy per kind of mistake, each reported as
//! `file:line:column: what is wrong`.
#![cfg(feature = "ssr")]

mod support;

use std::fs;

use app::content::load_catalog;
use support::{assert_reported, line_of, real_content, Scratch};

const DNS: &str = "issues/dns.md";

/// Asserts that one reported problem starts with `file:line:` and contains `words`.

#[test]
fn every_real_issue_has_overview_sources_reading_and_a_review_date() {
    let catalog = load_catalog(&real_content()).unwrap_or_else(|e| panic!("{e}"));
    for slug in catalog.slugs() {
        let issue = catalog.detail(slug).expect("detail");
        let paragraphs = issue.overview_text.split("\n\n").count();
        assert!(
            (2..=4).contains(&paragraphs),
            "{slug}: {paragraphs} overview paragraphs"
        );
        assert!(issue.overview_html.starts_with("<p>"), "{slug}");
        assert!(
            !issue.facts.is_empty() || issue.facts_missing.is_some(),
            "{slug}: neither facts nor a reason for none"
        );
        for fact in &issue.facts {
            assert!(fact.source_url.starts_with("https://"), "{slug}: {fact:?}");
            assert!(!fact.as_of_label.is_empty(), "{slug}: {fact:?}");
        }
        assert!((2..=4).contains(&issue.reading.len()), "{slug}: reading");
        assert_eq!(issue.reviewed.len(), 10, "{slug}: {}", issue.reviewed);
        assert!(!issue.terms.is_empty(), "{slug}: no glossary terms");
        // Every listed term is marked where it is first used, with its expansion.
        for term in &issue.terms {
            let link = format!("href=\"/glossary#{}\"", term.anchor);
            let marked = format!("{}{}", issue.blurb_html, issue.overview_html);
            assert_eq!(marked.matches(&link).count(), 1, "{slug}: {}", term.term);
            if let Some(expansion) = &term.expansion {
                assert!(
                    marked.contains(&format!("<abbr title=\"{expansion}\">")),
                    "{slug}: {}",
                    term.term
                );
            }
        }
    }
}

#[test]
fn technical_issues_cite_their_standards() {
    let catalog = load_catalog(&real_content()).expect("loads");
    for (slug, rfc) in [
        ("dns", 1034),
        ("dnssec", 4033),
        ("ipv6", 8200),
        ("securing-bgp", 4271),
    ] {
        let issue = catalog.detail(slug).expect("detail");
        let standard = issue.standards.iter().find(|s| s.rfc == rfc);
        assert!(
            standard.is_some_and(|s| s.url == format!("https://www.rfc-editor.org/rfc/rfc{rfc}")),
            "{slug} should cite RFC {rfc}: {:?}",
            issue.standards
        );
    }
}

#[test]
fn the_glossary_lists_each_term_with_the_issues_that_use_it() {
    let catalog = load_catalog(&real_content()).expect("loads");
    let glossary = catalog.glossary();
    let dns = glossary
        .iter()
        .find(|e| e.term.term == "DNS")
        .expect("DNS defined");
    assert_eq!(dns.term.anchor, "dns");
    assert_eq!(dns.term.expansion.as_deref(), Some("Domain Name System"));
    assert!(dns.issues.iter().any(|link| link.slug == "dns"));
    let folded: Vec<String> = glossary
        .iter()
        .map(|e| app::search::fold(&e.term.term))
        .collect();
    let mut sorted = folded.clone();
    sorted.sort();
    assert_eq!(folded, sorted, "alphabetical");
}

#[test]
fn a_file_without_front_matter_fences_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace(DNS, "+++\n", "");
    let errors = scratch.errors();
    assert_eq!(errors, ["content/issues/dns.md:1:1: the file must start with a `+++` line that opens the TOML front matter"]);
    let scratch = Scratch::new();
    let text = fs::read_to_string(scratch.path(DNS)).expect("read");
    fs::write(scratch.path(DNS), text.replacen("\n+++\n", "\n", 1)).expect("write");
    assert!(scratch.errors()[0].contains("the front matter is never closed"));
}

#[test]
fn raw_html_in_the_overview_points_at_its_line_and_column() {
    let scratch = Scratch::new();
    scratch.replace(DNS, "Almost everything", "Almost <b>everything</b>");
    let line = line_of(&scratch, DNS, "Almost <b>");
    assert_eq!(
        scratch.errors(),
        [
            format!("content/issues/dns.md:{line}:8: raw HTML is not allowed in content; write Markdown"),
            format!("content/issues/dns.md:{line}:21: raw HTML is not allowed in content; write Markdown"),
        ]
    );
}

#[test]
fn images_and_level_one_headings_are_rejected() {
    let scratch = Scratch::new();
    scratch.replace(
        DNS,
        "Almost everything",
        "# DNS\n\n![map](https://example.org/m.png)\n\nAlmost everything",
    );
    let heading = line_of(&scratch, DNS, "# DNS");
    let errors = scratch.errors();
    assert_reported(
        &errors,
        DNS,
        heading,
        "headings in the overview start at level 2",
    );
    assert_reported(&errors, DNS, heading + 2, "images are not allowed");
}

#[test]
fn links_must_be_https_or_lead_somewhere_on_the_site() {
    let scratch = Scratch::new();
    scratch.replace(
        DNS,
        "Almost everything",
        "See [old](http://example.org), [gone](/issues/no-such-issue) and [term](/glossary#no-such-term).\n\nAlmost everything",
    );
    let line = line_of(&scratch, DNS, "See [old]");
    let errors = scratch.errors();
    assert_reported(
        &errors,
        DNS,
        line,
        "“http://example.org” is not allowed: links must be absolute https://",
    );
    assert_reported(
        &errors,
        DNS,
        line,
        "the link “/issues/no-such-issue” leads nowhere",
    );
    assert_reported(
        &errors,
        DNS,
        line,
        "the glossary has no entry #no-such-term",
    );
}

#[test]
fn an_empty_overview_is_rejected() {
    let scratch = Scratch::new();
    let text = fs::read_to_string(scratch.path(DNS)).expect("read");
    let end = text.rfind("+++\n").expect("closing fence") + 4;
    // Without an overview, terms used only there are unused too; the empty body is named.
    fs::write(scratch.path(DNS), &text[..end]).expect("write");
    assert!(scratch.errors().iter().any(|e| e.contains("dns.md")
        && e.contains("the overview (the Markdown after the front matter) is empty")));
}

#[test]
fn a_fact_needs_an_https_source_a_number_and_an_iso_date() {
    let scratch = Scratch::new();
    scratch.replace(
        DNS,
        "source_url = \"https://www.dnib.com/articles/the-domain-name-industry-brief-q4",
        "source_url = \"http://www.dnib.com/articles/the-domain-name-industry-brief-q4",
    );
    scratch.replace(DNS, "figure = \"386.9 million\"", "figure = \"many\"");
    scratch.replace(
        DNS,
        "as_of = \"2025-12-31\"",
        "as_of = \"31 December 2025\"",
    );
    scratch.replace(
        DNS,
        "source_title = \"DNSSEC Deployment",
        "source_title = \" \"\nx_title = \"DNSSEC Deployment",
    );
    let errors = scratch.errors();
    // An unknown key stops the file's parse first; fix it and the field checks run.
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "x_title"),
        "unknown field `x_title`",
    );
    scratch.replace(
        DNS,
        "\nx_title = \"DNSSEC Deployment in Root Zone of DNS Begins at ICANN\"",
        "",
    );
    let errors = scratch.errors();
    assert_reported(
        &errors,
        DNS,
        line_of(
            &scratch,
            DNS,
            "http://www.dnib.com/articles/the-domain-name-industry-brief-q4",
        ),
        "source_url: “http://www.dnib.com/articles/the-domain-name-industry-brief-q4",
    );
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "figure = \"many\""),
        "a fact's figure must contain a number",
    );
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "31 December 2025"),
        "as_of: “31 December 2025” is not an ISO date",
    );
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "source_title = \" \""),
        "source_title must not be empty",
    );
}

#[test]
fn a_fact_dated_after_the_review_or_an_impossible_date_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace(DNS, "as_of = \"2025-12-31\"", "as_of = \"2027-01\"");
    scratch.replace(DNS, "as_of = \"2010-01-27\"", "as_of = \"2010-02-30\"");
    let errors = scratch.errors();
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "2027-01"),
        "as_of is later than the page's reviewed date",
    );
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "2010-02-30"),
        "February has no day 30",
    );
}

#[test]
fn no_facts_needs_a_reason_and_a_reason_needs_no_facts() {
    let scratch = Scratch::new();
    let text = fs::read_to_string(scratch.path(DNS)).expect("read");
    let facts_start = text.find("[[facts]]").expect("facts");
    let facts_end = text.find("[[standards]]").expect("standards");
    let without = format!("{}{}", &text[..facts_start], &text[facts_end..]);
    fs::write(scratch.path(DNS), &without).expect("write");
    assert_reported(
        &scratch.errors(),
        DNS,
        2,
        "no [[facts]]: add sourced facts, or say why there are none with facts_missing",
    );
    scratch.replace(
        DNS,
        "reviewed =",
        "facts_missing = \"No figure was found in a stored copy.\"\nreviewed =",
    );
    // The translations follow: no facts either, and the reason in their words.
    for translation in ["issues/dns.fr.md", "issues/dns.es.md"] {
        let text = fs::read_to_string(scratch.path(translation)).expect("read");
        let facts_start = text.find("[[facts]]").expect("facts");
        let facts_end = text[facts_start..].find("+++").expect("end") + facts_start;
        let without = format!(
            "{}facts_missing = \"…\"\n{}",
            &text[..facts_start],
            &text[facts_end..]
        );
        fs::write(scratch.path(translation), without).expect("write");
    }
    assert!(
        load_catalog(scratch.path("").as_path()).is_ok(),
        "a stated reason is enough"
    );
    let scratch = Scratch::new();
    scratch.replace(DNS, "reviewed =", "facts_missing = \"none\"\nreviewed =");
    assert_reported(
        &scratch.errors(),
        DNS,
        line_of(&scratch, DNS, "facts_missing"),
        "facts_missing is only for issues without [[facts]]",
    );
}

#[test]
fn rfc_numbers_are_positive_and_unique_and_years_plausible() {
    let scratch = Scratch::new();
    scratch.replace(DNS, "rfc = 1035", "rfc = 1034");
    scratch.replace(DNS, "rfc = 8484", "rfc = -8484");
    scratch.replace(DNS, "year = 2016", "year = 1916");
    scratch.replace(DNS, "series = \"STD 13\"", "series = \"Standard 13\"");
    let errors = scratch.errors();
    let second = text_line_after(&scratch, "rfc = 1034", 2);
    assert_reported(&errors, DNS, second, "RFC 1034 is listed twice");
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "rfc = -8484"),
        "rfc must be a positive RFC number, not -8484",
    );
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "year = 1916"),
        "year 1916 is not between 1969 and the reviewed year 2026",
    );
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "Standard 13"),
        "series must be “STD n”, “BCP n” or “FYI n”",
    );
}

/// The line of the `nth` (1-based) occurrence of `needle` in the DNS file.
fn text_line_after(scratch: &Scratch, needle: &str, nth: usize) -> usize {
    let text = fs::read_to_string(scratch.path(DNS)).expect("read");
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(nth - 1)
        .map(|(i, _)| i + 1)
        .expect("occurs")
}

#[test]
fn further_reading_needs_two_to_four_https_links() {
    let scratch = Scratch::new();
    scratch.replace(
        DNS,
        "url = \"https://www.dnib.com/articles/the-domain-name-industry-brief-q2-2026\"",
        "url = \"ftp://www.dnib.com/articles/the-domain-name-industry-brief-q2-2026\"",
    );
    let errors = scratch.errors();
    assert_reported(
        &errors,
        DNS,
        line_of(&scratch, DNS, "ftp://www.dnib.com/articles/the-domain-name-industry-brief-q2-2026"),
        "url: “ftp://www.dnib.com/articles/the-domain-name-industry-brief-q2-2026” is not an absolute https:// URL",
    );
    let scratch = Scratch::new();
    let text = fs::read_to_string(scratch.path(DNS)).expect("read");
    let first = text.find("[[reading]]").expect("reading");
    let closing = text.rfind("+++").expect("fence");
    fs::write(
        scratch.path(DNS),
        format!("{}{}", &text[..first], &text[closing..]),
    )
    .expect("write");
    assert_reported(
        &scratch.errors(),
        DNS,
        2,
        "further reading needs 2 to 4 [[reading]] links",
    );
}

#[test]
fn the_review_date_is_required_full_and_not_in_the_future() {
    let scratch = Scratch::new();
    scratch.replace(DNS, "reviewed = \"2026-12-06\"\n", "");
    assert!(
        scratch.errors()[0].contains("missing field `reviewed`"),
        "{:?}",
        scratch.errors()
    );
    let scratch = Scratch::new();
    scratch.replace(DNS, "reviewed = \"2026-12-06\"", "reviewed = \"2026-11\"");
    assert_reported(
        &scratch.errors(),
        DNS,
        line_of(&scratch, DNS, "reviewed ="),
        "reviewed must be a full date, YYYY-MM-DD",
    );
    let scratch = Scratch::new();
    scratch.replace(
        DNS,
        "reviewed = \"2026-12-06\"",
        "reviewed = \"2999-01-01\"",
    );
    assert_reported(
        &scratch.errors(),
        DNS,
        line_of(&scratch, DNS, "reviewed ="),
        "reviewed date 2999-01-01 is in the future",
    );
}

#[test]
fn listed_terms_must_be_defined_listed_once_and_used() {
    let scratch = Scratch::new();
    scratch.replace(
        DNS,
        "terms = [\"DNS\", ",
        "terms = [\"DNS\", \"DNS\", \"dns\", \"Quantum\", \"BGP\", ",
    );
    let errors = scratch.errors();
    let line = line_of(&scratch, DNS, "terms = [");
    assert_reported(&errors, DNS, line, "the term “DNS” is listed twice");
    assert_reported(
        &errors,
        DNS,
        line,
        "the term “dns” is not in glossary.toml (the glossary spells it “DNS”)",
    );
    assert_reported(
        &errors,
        DNS,
        line,
        "the term “Quantum” is not in glossary.toml",
    );
    assert_reported(
        &errors,
        DNS,
        line,
        "the term “BGP” is listed in terms but the blurb and the overview never use it",
    );
}

#[test]
fn a_glossary_entry_needs_a_definition_and_its_own_anchor() {
    let scratch = Scratch::new();
    let glossary = fs::read_to_string(scratch.path("glossary.toml")).expect("read");
    // Accents fold away in the search but not in anchors: “Café” and “Caf” are two terms
    // that would both be #caf.
    let extra = "\n[[terms]]\nterm = \"Caf\"\ndefinition = \"x\"\n\n[[terms]]\nterm = \"Café\"\ndefinition = \" \"\n";
    fs::write(scratch.path("glossary.toml"), format!("{glossary}{extra}")).expect("write");
    let errors = scratch.errors();
    let line = line_of(&scratch, "glossary.toml", "term = \"Café\"");
    assert_reported(
        &errors,
        "glossary.toml",
        line,
        "“Café” and “Caf” would share the anchor #caf",
    );
    assert_reported(
        &errors,
        "glossary.toml",
        line + 1,
        "definition must not be empty",
    );
}

#[test]
fn a_summary_is_one_sentence_of_at_most_160_characters() {
    let scratch = Scratch::new();
    let text = fs::read_to_string(scratch.path(DNS)).expect("read");
    let start = text.find("summary = \"").expect("summary");
    let end = start + text[start..].find('\n').expect("line end");
    let long = format!("summary = \"{}.\"", "word ".repeat(40).trim_end());
    fs::write(
        scratch.path(DNS),
        format!("{}{long}{}", &text[..start], &text[end..]),
    )
    .expect("write");
    let line = line_of(&scratch, DNS, "summary =");
    assert_reported(
        &scratch.errors(),
        DNS,
        line,
        "summary is 200 characters; keep it to 160",
    );
    fs::write(
        scratch.path(DNS),
        format!(
            "{}summary = \"No full stop\"{}",
            &text[..start],
            &text[end..]
        ),
    )
    .expect("write");
    assert_reported(
        &scratch.errors(),
        DNS,
        line,
        "summary must be one full sentence ending with a full stop",
    );
}

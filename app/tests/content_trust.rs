//! The rules that keep sources followable and notes honest, against broken copies of the
//! real content: each problem is reported at its file, line and column.
#![cfg(feature = "ssr")]

mod support;

use support::{line_of, Scratch};

const TLS: &str = "issues/tls.md";
const STAGING_COPY: &str = "https://20201214t204654-dot-webalmanac.uk.r.appspot.com/en/2024/http";

fn has(errors: &[String], prefix: &str, text: &str) -> bool {
    errors
        .iter()
        .any(|e| e.starts_with(prefix) && e.contains(text))
}

#[test]
fn a_copy_host_is_refused_as_a_source_and_accepted_as_seen_in() {
    let scratch = Scratch::new();
    // The copy as the source: refused, pointing at the publisher rule.
    scratch.replace(
        TLS,
        "source_url = \"https://almanac.httparchive.org/en/2024/http\"",
        &format!("source_url = \"{STAGING_COPY}\""),
    );
    let line = line_of(&scratch, TLS, &format!("source_url = \"{STAGING_COPY}\""));
    let errors = scratch.errors();
    assert!(
        has(
            &errors,
            &format!("content/issues/tls.md:{line}:14: source_url: “20201214t204654-dot-webalmanac.uk.r.appspot.com” is on links.toml's copy hosts"),
            "put the copy in seen_in"
        ),
        "{errors:?}"
    );
    // A mirror in the further reading too.
    let scratch = Scratch::new();
    scratch.replace(
        "issues/dns.md",
        "url = \"https://www.rfc-editor.org/rfc/rfc1034\"",
        "url = \"https://github.com/rfc-editor/rfc1034\"",
    );
    let line = line_of(&scratch, "issues/dns.md", "github.com/rfc-editor");
    let errors = scratch.errors();
    assert!(
        has(
            &errors,
            &format!("content/issues/dns.md:{line}:7: url: “github.com”"),
            "copy hosts"
        ),
        "{errors:?}"
    );
}

#[test]
fn tracking_parameters_are_refused_even_in_copies() {
    let scratch = Scratch::new();
    scratch.replace(
        TLS,
        STAGING_COPY,
        &format!("{STAGING_COPY}?utm_source=newsletter"),
    );
    let line = line_of(&scratch, TLS, "utm_source");
    let errors = scratch.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        has(
            &errors,
            &format!("content/issues/tls.md:{line}:11: seen_in:"),
            "“utm_source” tracks readers"
        ),
        "{errors:?}"
    );
}

#[test]
fn the_deny_list_itself_is_checked() {
    let scratch = Scratch::new();
    scratch.replace("links.toml", "\"github.com\",", "\"https://github.com/\",");
    let errors = scratch.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/links.toml:") && e.contains("is not a host name")),
        "{errors:?}"
    );
}

#[test]
fn an_editors_note_quotes_the_blurb_exactly_and_cites_a_real_fact() {
    let scratch = Scratch::new();
    scratch.replace(
        "issues/ipv6.md",
        "quote = \"hundreds of millions of people are still to come online\"",
        "quote = \"Hundreds of millions of people are still to come online\"",
    );
    scratch.replace(
        "issues/ipv6.md",
        "figure = \"2.2 billion\" }",
        "figure = \"2.3 billion\" }",
    );
    let quote = line_of(&scratch, "issues/ipv6.md", "Hundreds of millions");
    let figure = line_of(&scratch, "issues/ipv6.md", "2.3 billion");
    let errors = scratch.errors();
    assert!(
        has(
            &errors,
            &format!("content/issues/ipv6.md:{quote}:9: “Hundreds of millions"),
            "does not occur in the blurb"
        ),
        "{errors:?}"
    );
    assert!(
        has(
            &errors,
            &format!("content/issues/ipv6.md:{figure}:"),
            "issues/connecting-the-world.md has no fact with the figure “2.3 billion”"
        ),
        "{errors:?}"
    );
}

#[test]
fn an_editors_note_without_evidence_or_with_both_kinds_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace(
        "issues/ipv6.md",
        "cites_fact = { issue = \"connecting-the-world\", figure = \"2.2 billion\" }",
        "",
    );
    let errors = scratch.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/issues/ipv6.md:")
                && e.contains("an editor's note cites exactly one of")),
        "{errors:?}"
    );
}

#[test]
fn changes_are_full_dates_newest_first_and_not_after_the_review() {
    let scratch = Scratch::new();
    scratch.replace(TLS, "date = \"2026-11-25\"", "date = \"2026-11-30\"");
    let line = line_of(&scratch, TLS, "2026-11-30");
    let errors = scratch.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        has(
            &errors,
            &format!("content/issues/tls.md:{line}:8:"),
            "newest first"
        ),
        "{errors:?}"
    );

    let scratch = Scratch::new();
    scratch.replace(TLS, "date = \"2026-12-06\"", "date = \"2027-01-01\"");
    assert!(
        scratch
            .errors()
            .iter()
            .any(|e| e.contains("later than the page's reviewed date")),
        "{:?}",
        scratch.errors()
    );
}

#[test]
fn a_standards_month_is_between_1_and_12() {
    let scratch = Scratch::new();
    scratch.replace(TLS, "month = 7", "month = 13");
    let line = line_of(&scratch, TLS, "month = 13");
    let errors = scratch.errors();
    assert_eq!(
        errors,
        [format!(
            "content/issues/tls.md:{line}:9: month must be a number from 1 to 12"
        )]
    );
}

#[test]
fn the_generic_issues_index_is_not_further_reading() {
    let scratch = Scratch::new();
    scratch.replace(
        "issues/dns.md",
        "url = \"https://www.rfc-editor.org/rfc/rfc1034\"",
        "url = \"https://www.internetsociety.org/issues\"",
    );
    let line = line_of(&scratch, "issues/dns.md", "internetsociety.org/issues\"");
    let errors = scratch.errors();
    assert!(
        has(
            &errors,
            &format!("content/issues/dns.md:{line}:7: url: “https://www.internetsociety.org/issues” is an index"),
            "not_reading"
        ),
        "{errors:?}"
    );
}

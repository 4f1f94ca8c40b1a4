//! French and Spanish content files: each problem is reported with its file and line, a
//! changed English file makes its translations' check warn, and the translated catalog
//! carries the translation's words with the English file's figures and dates.

mod support;

use app::content::{load_catalog, stamp_translations};
use app::domain::Lang;
use support::{assert_reported, line_of, Scratch};

const DNS_FR: &str = "issues/dns.fr.md";

#[test]
fn the_real_translations_load_with_their_own_words_and_the_english_figures() {
    let catalog = load_catalog(&support::real_content()).unwrap_or_else(|e| panic!("{e}"));
    let french = catalog
        .in_lang(Lang::Fr)
        .detail("dns")
        .expect("dns in French");
    let english = catalog.detail("dns").expect("dns");
    assert_eq!(french.title, "Système de noms de domaine (DNS)");
    assert_eq!(french.facts.len(), english.facts.len());
    assert_eq!(french.facts[0].figure, "386,9 millions");
    assert_eq!(french.facts[0].as_of, english.facts[0].as_of);
    assert_eq!(french.facts[0].source_url, english.facts[0].source_url);
    assert_eq!(french.reviewed_label, "6 décembre 2026");
    assert!(french.overview_html.contains("href=\"/fr/issues/dnssec\""));
    let translation = french.translation.expect("marked as a translation");
    assert!(!translation.stale, "the real translations are stamped");
    assert!(translation.blurb_quoted_from.is_none());
    assert!(translation.original_blurb_html.contains("global database"));
    let spanish = catalog.in_lang(Lang::Es);
    assert_eq!(spanish.glossary().len(), catalog.glossary().len());
    assert!(spanish
        .detail("artificial-intelligence")
        .expect("ai")
        .translation
        .and_then(|t| t.blurb_quoted_from)
        .is_some_and(|address| address.starts_with("https://www.internetsociety.org/es/")));
}

#[test]
fn a_translation_that_does_not_match_its_english_file_is_refused_with_file_and_line() {
    let scratch = Scratch::new();
    // One fact too few: everything after the first [[facts]] of the French file goes.
    let text = std::fs::read_to_string(scratch.path(DNS_FR)).expect("read");
    let second = text.match_indices("[[facts]]").nth(1).expect("two facts").0;
    let end = text[second..].find("+++").expect("end") + second;
    std::fs::write(
        scratch.path(DNS_FR),
        format!("{}{}", &text[..second], &text[end..]),
    )
    .expect("write");
    scratch.replace(
        "glossary.es.toml",
        "of = \"DNS\"",
        "of = \"Domain Name System\"",
    );
    scratch.replace(
        "issues/tls.es.md",
        "summary = \"",
        "figure = \"1\"\nsummary = \"",
    );
    let errors = scratch.errors();
    assert_reported(&errors, DNS_FR, None, "has 1 [[facts]]; the English has 2");
    assert_reported(
        &errors,
        "glossary.es.toml",
        Some(line_of(&scratch, "glossary.es.toml", "of = \"Domain Name System\"")),
        "translates “Domain Name System”, but the entry in the same place in glossary.toml is “DNS”",
    );
    assert_reported(
        &errors,
        "issues/tls.es.md",
        Some(line_of(&scratch, "issues/tls.es.md", "figure = \"1\"")),
        "unknown field `figure`",
    );
}

#[test]
fn numbers_are_formatted_by_the_site_and_words_are_translated() {
    let scratch = Scratch::new();
    scratch.replace(
        DNS_FR,
        "\n[[facts]]\ntext = ",
        "\n[[facts]]\nfigure = \"386,9 millions\"\ntext = ",
    );
    scratch.replace(
        "issues/improving-technical-security.fr.md",
        "figure = \"1 sur 3\"\n",
        "",
    );
    let errors = scratch.errors();
    assert_reported(
        &errors,
        DNS_FR,
        Some(line_of(&scratch, DNS_FR, "figure = \"386,9 millions\"")),
        "is a number, which the site formats for each language",
    );
    assert_reported(
        &errors,
        "issues/improving-technical-security.fr.md",
        None,
        "the figure “1 in 3” has words",
    );
}

#[test]
fn a_changed_english_file_makes_its_translations_out_of_date_until_stamped() {
    let scratch = Scratch::new();
    scratch.replace(
        "issues/dns.md",
        "turns a name that people can remember",
        "turns a name people can remember",
    );
    let catalog = load_catalog(scratch.path("").as_path()).unwrap_or_else(|e| panic!("{e}"));
    let root = scratch.path("").display().to_string();
    let root = root.trim_end_matches('/');
    let warnings: Vec<String> = catalog
        .warnings()
        .iter()
        .map(|w| w.to_string().replace(root, "content"))
        .collect();
    for file in [DNS_FR, "issues/dns.es.md"] {
        assert_reported(&warnings, file, Some(2), "translation out of date");
    }
    assert!(catalog
        .in_lang(Lang::Fr)
        .detail("dns")
        .expect("dns")
        .translation
        .is_some_and(|t| t.stale));
    assert!(!catalog
        .in_lang(Lang::Fr)
        .detail("tls")
        .expect("tls")
        .translation
        .is_some_and(|t| t.stale));

    let stamped = stamp_translations(scratch.path("").as_path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stamped.len(), 2, "{stamped:?}");
    let catalog = load_catalog(scratch.path("").as_path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!catalog
        .in_lang(Lang::Fr)
        .detail("dns")
        .expect("dns")
        .translation
        .is_some_and(|t| t.stale));
}

#[test]
fn a_file_in_no_language_of_the_explorer_is_refused() {
    let scratch = Scratch::new();
    std::fs::copy(scratch.path(DNS_FR), scratch.path("issues/dns.de.md")).expect("copy");
    let errors = scratch.errors();
    assert_reported(
        &errors,
        "issues/dns.de.md",
        None,
        "“de” is not a language of the explorer",
    );
}

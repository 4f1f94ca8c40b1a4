//! The content loader against the real `content/` folder and against broken copies of it.
#![cfg(feature = "ssr")]

mod support;

use std::fs;

use app::content::load_catalog;
use app::domain::{Lang, SectionKind};
use support::{line_of, real_content, Scratch};

#[test]
fn the_real_content_has_all_26_issues_in_seed_order() {
    let catalog = load_catalog(&real_content()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.len(), 26);
    let index = catalog.index(None, "").expect("index");
    let core: Vec<_> = index.sections[0]
        .issues
        .iter()
        .map(|i| i.slug.as_str())
        .collect();
    let emerging: Vec<_> = index.sections[1]
        .issues
        .iter()
        .map(|i| i.slug.as_str())
        .collect();
    assert_eq!(core.len(), 24);
    assert_eq!(core.first(), Some(&"building-trust"));
    assert_eq!(core.last(), Some(&"women-in-tech"));
    assert_eq!(emerging, ["artificial-intelligence", "blockchain"]);
    assert_eq!(index.sections[1].kind, SectionKind::Emerging);
    assert!(index.sections[1]
        .intro
        .as_deref()
        .is_some_and(|t| t.contains("Paths to our Digital Future")));
    let areas: Vec<_> = index.focus_areas.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        areas,
        [
            "Connecting the World",
            "Improving Technical Security",
            "Building Trust",
            "Shaping the Internet's Future"
        ]
    );
}

#[test]
fn titles_missing_from_the_seed_come_from_the_image_labels() {
    let catalog = load_catalog(&real_content()).expect("loads");
    for (slug, title) in [
        ("development", "Development"),
        ("economy", "Economy"),
        ("encryption", "Encryption"),
        ("identity", "Identity"),
        ("ipv6", "IPv6"),
        ("privacy", "Privacy"),
        ("technology", "Technology"),
        ("blockchain", "Blockchain"),
    ] {
        assert_eq!(catalog.detail(slug).expect(slug).title, title);
    }
}

#[test]
fn seed_defects_are_repaired_and_typography_kept() {
    let catalog = load_catalog(&real_content()).expect("loads");
    let dns = catalog.detail("dns").expect("dns").paragraphs.join(" ");
    assert!(
        dns.contains("(such as example.org) to Internet addresses"),
        "{dns}"
    );
    let women = catalog
        .detail("women-in-tech")
        .expect("women")
        .paragraphs
        .join(" ");
    assert!(!women.contains("how how"));
    assert!(
        women.contains("Andrés’s"),
        "accents and curly quotes survive"
    );
    let trust = catalog
        .detail("building-trust")
        .expect("trust")
        .paragraphs
        .join(" ");
    assert!(trust.contains("“Policy Framework for an Open and Trusted Internet”"));
}

#[test]
fn every_issue_has_a_focus_area_and_three_connections_worded_from_both_sides() {
    let catalog = load_catalog(&real_content()).expect("loads");
    let slugs: Vec<String> = catalog.slugs().map(String::from).collect();
    let mut pairs = 0;
    for slug in &slugs {
        let issue = catalog.detail(slug).expect("detail");
        assert!(!issue.focus_areas.is_empty(), "{slug}");
        assert!(issue.related.len() >= 3, "{slug}");
        for connection in &issue.related {
            assert_eq!(
                connection.wording,
                app::interface_text::relation_wording(
                    app::domain::Lang::En,
                    connection.relation,
                    connection.outgoing
                ),
                "{slug}"
            );
            let back = catalog.detail(&connection.issue.slug).expect("exists");
            let mirror = back
                .related
                .iter()
                .find(|c| &c.issue.slug == slug)
                .unwrap_or_else(|| panic!("{slug} ↔ {}", connection.issue.slug));
            assert_eq!(mirror.relation, connection.relation);
            assert_eq!(mirror.outgoing, !connection.outgoing);
            assert_eq!(mirror.why, connection.why);
            pairs += usize::from(connection.outgoing);
        }
    }
    let written = fs::read_to_string(real_content().join("connections.toml"))
        .expect("read")
        .matches("[[connection]]")
        .count();
    assert_eq!(
        pairs, written,
        "each written connection appears once from each side"
    );
    // The 55 pairs of the former related lists, less blockchain–AI, which no relation fit,
    // plus privacy–AI, which the AI overview makes.
    assert_eq!(written, 55);
}

#[test]
fn neighbours_follow_display_order_across_sections() {
    let catalog = load_catalog(&real_content()).expect("loads");
    let first = catalog.detail("building-trust").expect("first");
    assert!(first.previous.is_none());
    let women = catalog.detail("women-in-tech").expect("last core");
    assert_eq!(
        women.next.map(|l| l.slug).as_deref(),
        Some("artificial-intelligence")
    );
    let last = catalog.detail("blockchain").expect("last");
    assert!(last.next.is_none());
    assert_eq!(
        last.previous.map(|l| l.slug).as_deref(),
        Some("artificial-intelligence")
    );
}

#[test]
fn filtering_by_focus_area_keeps_only_its_issues() {
    let catalog = load_catalog(&real_content()).expect("loads");
    let index = catalog.index(Some("building-trust"), "").expect("filter");
    let slugs: Vec<_> = index.issues().map(|i| i.slug.as_str()).collect();
    assert!(slugs.contains(&"privacy") && slugs.contains(&"encryption"));
    assert!(!slugs.contains(&"dns"));
    assert!(index
        .issues()
        .all(|i| i.focus_areas.iter().any(|a| a == "building-trust")));
    assert_eq!(
        index.filter.map(|f| f.slug).as_deref(),
        Some("building-trust")
    );
    assert!(
        catalog.index(Some("dns"), "").is_err(),
        "an issue that is not a focus area is no filter"
    );
    assert!(catalog.index(Some("nope"), "").is_err());
}

#[test]
fn a_syntax_error_names_file_and_line() {
    let scratch = Scratch::new();
    scratch.replace(
        "issues/dns.md",
        "short_title = \"DNS\"",
        "short_title = \"DNS",
    );
    let line = line_of(&scratch, "issues/dns.md", "short_title");
    let errors = scratch.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("content/issues/dns.md:{line}:")),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_field_is_rejected_with_its_line() {
    let scratch = Scratch::new();
    scratch.replace("issues/tls.md", "icon_alt", "colour = \"red\"\nicon_alt");
    let line = line_of(&scratch, "issues/tls.md", "colour");
    let errors = scratch.errors();
    assert!(
        errors[0].starts_with(&format!("content/issues/tls.md:{line}:")),
        "{errors:?}"
    );
    assert!(errors[0].contains("colour"), "{errors:?}");
}

#[test]
fn an_empty_title_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace("issues/privacy.md", "title = \"Privacy\"", "title = \"  \"");
    assert_eq!(
        scratch.errors(),
        ["content/issues/privacy.md:2:9: title must not be empty"]
    );
}

#[test]
fn an_unknown_focus_area_points_at_the_value() {
    let scratch = Scratch::new();
    scratch.replace(
        "issues/ixps.md",
        "[\"connecting-the-world\"]",
        "[\"connecting-the-moon\"]",
    );
    let line = line_of(&scratch, "issues/ixps.md", "connecting-the-moon");
    let errors = scratch.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!(
            "content/issues/ixps.md:{line}:16: unknown focus area “connecting-the-moon”"
        )),
        "{errors:?}"
    );
}

#[test]
fn a_connection_to_a_missing_issue_or_an_unknown_relation_is_rejected_at_its_column() {
    let scratch = Scratch::new();
    scratch.append(
        "connections.toml",
        "\n[[connection]]\nfrom = \"crypto\"\nrelation = \"protects\"\nto = \"dns\"\nwhy = \"A sentence.\"\n\n[[connection]]\nfrom = \"dns\"\nrelation = \"guards\"\nto = \"blockchain\"\nwhy = \"A sentence.\"\n",
    );
    let crypto = line_of(&scratch, "connections.toml", "\"crypto\"");
    let guards = line_of(&scratch, "connections.toml", "\"guards\"");
    let errors = scratch.errors();
    assert!(
        errors.iter().any(|e| e.starts_with(&format!(
            "content/connections.toml:{crypto}:8: there is no issue “crypto”"
        ))),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("content/connections.toml:{guards}:12: unknown relation “guards”; known: protects, depends-on"))),
        "{errors:?}"
    );
}

#[test]
fn a_pair_connected_twice_in_either_direction_is_rejected() {
    let scratch = Scratch::new();
    scratch.append(
        "connections.toml",
        "\n[[connection]]\nfrom = \"dns\"\nrelation = \"depends-on\"\nto = \"dnssec\"\nwhy = \"Again.\"\n",
    );
    let errors = scratch.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("content/connections.toml:")
            && errors[0].contains("dns and dnssec are already connected (line "),
        "{errors:?}"
    );
}

#[test]
fn too_few_connections_or_a_leftover_related_list_are_rejected() {
    let scratch = Scratch::new();
    let text = std::fs::read_to_string(scratch.path("connections.toml")).expect("read");
    // Drop every connection that touches the IoT page but one.
    let mut kept = Vec::new();
    let mut iot_seen = 0;
    for entry in text.split("\n[[connection]]") {
        let touches_iot = entry.contains("\"iot\"");
        if touches_iot {
            iot_seen += 1;
        }
        if !touches_iot || iot_seen == 1 {
            kept.push(entry);
        }
    }
    assert!(
        iot_seen >= 3,
        "the real content connects iot {iot_seen} times"
    );
    std::fs::write(
        scratch.path("connections.toml"),
        kept.join("\n[[connection]]"),
    )
    .expect("write");
    scratch.replace(
        "issues/iot.md",
        "icon_alt =",
        "related = [\"dns\"]\nicon_alt =",
    );
    let related = line_of(&scratch, "issues/iot.md", "related = ");
    let errors = scratch.errors();
    assert!(
        errors.iter().any(|e| e.starts_with(
            "content/connections.toml: “iot” has 1 connection(s); every issue needs at least 3"
        )),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(&format!(
            "content/issues/iot.md:{related}:11: related is gone"
        ))),
        "{errors:?}"
    );
}

#[test]
fn listing_an_issue_twice_or_a_missing_file_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace(
        "site.toml",
        "  \"dnssec\",",
        "  \"dnssec\",\n  \"dns\",\n  \"quantum\",",
    );
    let dup = line_of(&scratch, "site.toml", "\"dns\",") + 2; // the second "dns" line
    let errors = scratch.errors();
    assert!(
        errors.contains(&format!(
            "content/site.toml:{dup}:3: lists “dns” a second time"
        )),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("lists “quantum”, but there is no issues/quantum.md")),
        "{errors:?}"
    );
}

#[test]
fn an_issue_file_missing_from_the_listing_is_rejected() {
    let scratch = Scratch::new();
    fs::copy(
        scratch.path("issues/dns.md"),
        scratch.path("issues/dns-copy.md"),
    )
    .expect("copy");
    let errors = scratch.errors();
    assert!(
        errors.contains(
            &"content/issues/dns-copy.md: is not listed in any section of site.toml".to_string()
        ),
        "{errors:?}"
    );
}

#[test]
fn a_file_name_that_is_not_a_slug_is_rejected() {
    let scratch = Scratch::new();
    fs::write(scratch.path("issues/Bad Name.md"), "").expect("write");
    fs::write(scratch.path("issues/notes.txt"), "").expect("write");
    let errors = scratch.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/issues/Bad Name.md: the file name must be a slug")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/issues/notes.txt: is not a .md file")),
        "{errors:?}"
    );
}

#[test]
fn a_missing_site_file_is_reported() {
    let scratch = Scratch::new();
    fs::remove_file(scratch.path("site.toml")).expect("remove");
    let errors = scratch.errors();
    assert!(
        errors[0].starts_with("content/site.toml: cannot be read"),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_section_id_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace("site.toml", "id = \"emerging\"", "id = \"future\"");
    let line = line_of(&scratch, "site.toml", "id = \"future\"");
    let errors = scratch.errors();
    assert!(errors.contains(&format!("content/site.toml:{line}:6: unknown section id “future”; expected “core” or “emerging”")), "{errors:?}");
}

#[test]
fn an_unlisted_issue_file_still_gets_every_field_check() {
    let scratch = Scratch::new();
    let copy = fs::read_to_string(scratch.path("issues/dns.md"))
        .expect("read")
        .replacen("title = \"Domain Name System (DNS)\"", "title = \" \"", 1)
        .replacen("\"improving-technical-security\"", "\"no-such-area\"", 1);
    fs::write(scratch.path("issues/dns-copy.md"), copy).expect("write");
    let title_line = line_of(&scratch, "issues/dns-copy.md", "title = \" \"");
    let errors = scratch.errors();
    let expected = [
        "content/issues/dns-copy.md: is not listed in any section of site.toml".to_string(),
        format!("content/issues/dns-copy.md:{title_line}:9: title must not be empty"),
    ];
    for message in &expected {
        assert!(
            errors.contains(message),
            "{message} missing from {errors:?}"
        );
    }
    assert!(
        errors
            .iter()
            .any(|e| e.contains("dns-copy.md") && e.contains("unknown focus area “no-such-area”")),
        "{errors:?}"
    );
}

#[test]
fn a_site_without_sections_is_rejected() {
    let scratch = Scratch::new();
    let site = fs::read_to_string(scratch.path("site.toml")).expect("read");
    let head = site.split("[[sections]]").next().expect("head");
    fs::write(scratch.path("site.toml"), format!("{head}sections = []\n")).expect("write");
    let errors = scratch.errors();
    assert!(
        errors.contains(
            &"content/site.toml: sections must list at least one [[sections]] table with issues"
                .to_string()
        ),
        "{errors:?}"
    );
}

#[test]
fn a_section_without_issues_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace(
        "site.toml",
        "issues = [\"artificial-intelligence\", \"blockchain\"]",
        "issues = []",
    );
    let line = line_of(&scratch, "site.toml", "id = \"emerging\"");
    let errors = scratch.errors();
    assert!(
        errors.contains(&format!(
            "content/site.toml:{line}:6: this section lists no issues"
        )),
        "{errors:?}"
    );
}

#[test]
fn a_glossary_term_defined_twice_or_without_words_is_rejected() {
    let scratch = Scratch::new();
    scratch.replace("glossary.toml", "term = \"BGP\"", "term = \"dns\"");
    scratch.replace("glossary.toml", "term = \"AI\"", "term = \"--\"");
    let twice = line_of(&scratch, "glossary.toml", "term = \"dns\"");
    let empty = line_of(&scratch, "glossary.toml", "term = \"--\"");
    let errors = scratch.errors();
    assert!(
        errors.contains(&format!(
            "content/glossary.toml:{empty}:8: term must contain a word"
        )),
        "{errors:?}"
    );
    let dns = line_of(&scratch, "glossary.toml", "term = \"DNS\"");
    assert!(
        errors.contains(&format!(
            "content/glossary.toml:{dns}:8: “DNS” is already in the glossary"
        )),
        "{errors:?} (line {twice} defines it first)"
    );
}

#[test]
fn the_search_index_has_every_issue_and_the_glossary() {
    let catalog = load_catalog(&real_content()).expect("real content loads");
    let index = catalog.search_index();
    assert_eq!(index.docs.len(), 26);
    assert!(index
        .synonyms
        .iter()
        .any(|s| s.short == ["bgp"] && s.long == ["border", "gateway", "protocol"]));
    assert_eq!(index.focus_areas.len(), 4);
}

#[test]
fn searching_the_real_content() {
    let catalog = load_catalog(&real_content()).expect("real content loads");
    let top = |query: &str| {
        catalog
            .search(query, None)
            .expect("search")
            .hits
            .first()
            .map(|hit| hit.slug.clone())
            .unwrap_or_default()
    };
    assert_eq!(top("privasy "), "privacy");
    assert_eq!(top("encyrption "), "encryption");
    assert_eq!(top("goverance "), "internet-governance");
    assert_eq!(top("enc"), "encryption");
    assert_eq!(top("border gateway protocol "), "securing-bgp");
    assert_eq!(top("internet of things "), "iot");
    assert_eq!(top("IXP "), "ixps");
    assert_eq!(top("artificial intelligence "), "artificial-intelligence");
    assert_eq!(top("domain name system "), "dns");
    let bgp = catalog
        .search("bgp", Some("improving-technical-security"))
        .expect("search");
    assert!(bgp.hits.iter().any(|h| h.slug == "securing-bgp"));
    assert!(catalog.search("bgp", Some("atlantis")).is_err());
    assert_eq!(
        catalog.search("ai", Some("emerging")).expect("search").hits[0].slug,
        "artificial-intelligence"
    );
    let closest: Vec<String> = catalog
        .closest_to("dnsec")
        .into_iter()
        .map(|s| s.slug)
        .collect();
    assert_eq!(closest[..2], ["dnssec", "dns"]);
}

#[test]
fn every_word_of_the_content_is_a_query_that_finds_its_issue_in_every_language() {
    let english = load_catalog(&real_content()).expect("real content loads");
    for lang in Lang::ALL {
        let catalog = english.in_lang(lang);
        assert_eq!(catalog.lang(), lang);
        let index = catalog.search_index();
        // Each distinct word once, with every issue whose title or text holds it.
        let mut issues_by_word: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for doc in &index.docs {
            for field in [&doc.title, &doc.text] {
                for token in &field.tokens {
                    let slugs = issues_by_word.entry(token.word.as_str()).or_default();
                    if !slugs.contains(&doc.slug.as_str()) {
                        slugs.push(doc.slug.as_str());
                    }
                }
            }
        }
        let mut prefixes = std::collections::BTreeSet::new();
        for (word, slugs) in &issues_by_word {
            let query = format!("{word} ");
            let outcome = catalog.search(&query, None).expect("search");
            for slug in slugs {
                assert!(
                    outcome.hits.iter().any(|hit| hit.slug == *slug),
                    "{}: “{query}” does not find {slug}",
                    lang.code()
                );
            }
            prefixes.insert(
                word.chars()
                    .take(word.chars().count() / 2)
                    .collect::<String>(),
            );
            // Snippets are cut around matches anywhere in the text; none may panic.
            catalog.search(word, None).expect("search");
        }
        for prefix in prefixes {
            catalog.search(&prefix, None).expect("search");
        }
    }
}

//! Matching and ranking.
//!
//! A query becomes terms: each query word, except that an acronym or its expansion found in
//! the glossary becomes one term with both spellings. A term matches a word of an issue
//! exactly, by its stem (the same word family, by the Snowball stemmer of the index's
//! language), as a prefix (only the last word, while it is still being typed) or with the
//! typos [`allowed_typos`] tolerates. Issues that match every term come first; when none
//! does, those that match the most terms. Within that, in order: the weight of the fields
//! matched (title, then focus area, then text), match quality (exact, stem, prefix, typo), how
//! early the matches are, how close together, and finally the listing order.

use std::cmp::Reverse;

use super::distance::{allowed_typos, within};
use super::fold::{clean_query, words};
use super::snippet::{segments, snippet};
use super::suggest::closest_issues;
use super::{
    FacetCount, Field, Filter, SearchDoc, SearchHit, SearchIndex, SearchOutcome, Stems, Synonym,
    Token, WordStemmer, EMERGING,
};

/// Words too common to narrow anything; dropped unless the query has nothing else.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to",
    "with",
];

/// The parts of an issue a query is matched in, most important first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FieldKind {
    Title,
    FocusAreas,
    Text,
}

impl FieldKind {
    const ALL: [FieldKind; 3] = [FieldKind::Title, FieldKind::FocusAreas, FieldKind::Text];

    /// What a match in this field adds to a document's weight.
    fn weight(self) -> u32 {
        match self {
            FieldKind::Title => 3,
            FieldKind::FocusAreas => 2,
            FieldKind::Text => 1,
        }
    }

    fn of(self, doc: &SearchDoc) -> &Field {
        match self {
            FieldKind::Title => &doc.title,
            FieldKind::FocusAreas => &doc.areas,
            FieldKind::Text => &doc.text,
        }
    }
}

/// Match qualities of one word, better is greater.
const EXACT: u32 = 4;
const STEM: u32 = 3;
const PREFIX: u32 = 2;
const TYPO: u32 = 1;

/// A run of query words that must match consecutive words of a field.
#[derive(Debug, Clone, PartialEq)]
struct Phrase {
    words: Vec<String>,
    /// Each word's stems.
    stems: Vec<Stems>,
    /// The last word may match as a prefix (the visitor is still typing it).
    prefix_last: bool,
}

/// One thing the visitor asked for, in one or more spellings.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    spellings: Vec<Phrase>,
}

/// How well a term matched a document: best field, quality and position there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TermMatch {
    field: FieldKind,
    quality: u32,
    position: u32,
}

/// Runs a query: ranked hits, counts per filter, and suggestions when nothing matched.
pub fn search(index: &SearchIndex, raw_query: &str, filter: Option<&Filter>) -> SearchOutcome {
    let query = clean_query(raw_query);
    let typing = !raw_query.ends_with(char::is_whitespace);
    let stemmer = WordStemmer::new(index.lang);
    let words = words(&query, &stemmer);
    let terms = query_terms(&words, &index.synonyms, typing, &stemmer);

    let matches: Vec<Vec<Option<TermMatch>>> = index
        .docs
        .iter()
        .map(|doc| terms.iter().map(|term| match_term(doc, term)).collect())
        .collect();
    let matched = |i: usize| matches[i].iter().flatten().count();
    let mut candidates: Vec<usize> = (0..index.docs.len())
        .filter(|&i| matched(i) == terms.len())
        .collect();
    let partial = candidates.is_empty() && terms.len() > 1;
    if partial {
        candidates = (0..index.docs.len()).filter(|&i| matched(i) > 0).collect();
    }
    candidates.sort_by_key(|&i| (Reverse(score(&matches[i])), i));

    let counts = facet_counts(index, &candidates);
    if terms.is_empty() {
        // Nothing asked: the counts are the totals, and the listing shows the issues.
        return SearchOutcome {
            query,
            filter: filter.map(|f| f.slug().to_string()),
            hits: Vec::new(),
            total: candidates.len() as u32,
            counts,
            partial: false,
            suggestions: Vec::new(),
        };
    }
    let hits: Vec<SearchHit> = candidates
        .iter()
        .filter(|&&i| filter.is_none_or(|f| f.admits(&index.docs[i])))
        .map(|&i| hit(&index.docs[i], &terms))
        .collect();
    let suggestions = if hits.is_empty() && !terms.is_empty() {
        let words: Vec<String> = words.into_iter().map(|token| token.word).collect();
        closest_issues(index, &words)
    } else {
        Vec::new()
    };
    SearchOutcome {
        query,
        filter: filter.map(|f| f.slug().to_string()),
        hits,
        total: candidates.len() as u32,
        counts,
        partial: partial && !candidates.is_empty(),
        suggestions,
    }
}

/// Ordering key of a document's matches (greater is better).
fn score(matches: &[Option<TermMatch>]) -> (usize, u32, u32, Reverse<u32>, Reverse<u32>) {
    let found: Vec<TermMatch> = matches.iter().flatten().copied().collect();
    let weight = found.iter().map(|m| m.field.weight()).sum();
    let quality = found.iter().map(|m| m.quality).sum();
    let earliness = found.iter().map(|m| m.position).sum();
    let in_text: Vec<u32> = found
        .iter()
        .filter(|m| m.field == FieldKind::Text)
        .map(|m| m.position)
        .collect();
    let spread = match (in_text.iter().min(), in_text.iter().max()) {
        (Some(low), Some(high)) => high - low,
        _ => 0,
    };
    (
        found.len(),
        weight,
        quality,
        Reverse(earliness),
        Reverse(spread),
    )
}

/// Query words into terms: glossary acronyms and expansions become one term with both
/// spellings; stop words go unless nothing else is left.
fn query_terms(
    query: &[Token],
    synonyms: &[Synonym],
    typing: bool,
    stemmer: &WordStemmer,
) -> Vec<Term> {
    // A glossary spelling is folded words only: each stemmed as it stands.
    let spelling = |words: &[String], prefix_last: bool| Phrase {
        words: words.to_vec(),
        stems: words.iter().map(|word| stemmer.stems(word, word)).collect(),
        prefix_last,
    };
    let words: Vec<String> = query.iter().map(|token| token.word.clone()).collect();
    let last = words.len();
    let mut terms = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        let synonym = synonyms
            .iter()
            .filter_map(|s| {
                if rest.starts_with(&s.long) {
                    Some((s, s.long.len()))
                } else if rest.starts_with(&s.short) {
                    Some((s, s.short.len()))
                } else {
                    None
                }
            })
            .max_by_key(|(_, length)| *length);
        match synonym {
            Some((synonym, length)) => {
                let ends_query = i + length == last;
                terms.push(Term {
                    spellings: vec![
                        spelling(&synonym.short, typing && ends_query),
                        spelling(&synonym.long, false),
                    ],
                });
                i += length;
            }
            None => {
                terms.push(Term {
                    spellings: vec![Phrase {
                        words: vec![words[i].clone()],
                        stems: vec![query[i].stems.clone()],
                        prefix_last: typing && i + 1 == last,
                    }],
                });
                i += 1;
            }
        }
    }
    let is_stop =
        |t: &Term| t.spellings.len() == 1 && STOP_WORDS.contains(&t.spellings[0].words[0].as_str());
    if terms.iter().any(|t| !is_stop(t)) {
        terms.retain(|t| !is_stop(t));
    }
    terms
}

/// Quality of word `j` of a phrase against a field's token: [`EXACT`], [`STEM`], [`PREFIX`]
/// or [`TYPO`].
fn word_quality(phrase: &Phrase, j: usize, token: &Token) -> Option<u32> {
    let (wanted, word) = (phrase.words[j].as_str(), token.word());
    if wanted == word {
        return Some(EXACT);
    }
    if phrase.stems[j].related(&token.stems) {
        return Some(STEM);
    }
    if phrase.prefix_last && j + 1 == phrase.words.len() && word.starts_with(wanted) {
        return Some(PREFIX);
    }
    let typos = allowed_typos(wanted.chars().count());
    (typos > 0 && within(wanted, word, typos).is_some()).then_some(TYPO)
}

/// One place a phrase occurs.
struct Occurrence {
    /// The worst quality among its words.
    quality: u32,
    /// The position of its first word.
    position: u32,
    /// The byte spans of its words.
    spans: Vec<(u32, u32)>,
}

/// Every place `phrase` occurs in `field`.
fn occurrences(field: &Field, phrase: &Phrase) -> Vec<Occurrence> {
    let count = phrase.words.len();
    let tokens = &field.tokens;
    let mut found = Vec::new();
    for (i, first) in tokens.iter().enumerate() {
        let Some(q) = word_quality(phrase, 0, first) else {
            continue;
        };
        let mut quality = q;
        let mut spans = vec![first.span()];
        // Later words sit at the next positions, a few tokens on at most (a compound's
        // joined form follows its parts).
        let complete = (1..count).all(|j| {
            let position = first.position() + j as u32;
            let best = tokens[i + 1..]
                .iter()
                .take(LOOKAHEAD + j)
                .filter(|token| token.position() == position)
                .filter_map(|token| word_quality(phrase, j, token).map(|q| (q, token)))
                .max_by_key(|(q, _)| *q);
            match best {
                Some((q, token)) => {
                    quality = quality.min(q);
                    spans.push(token.span());
                    true
                }
                None => false,
            }
        });
        if complete {
            found.push(Occurrence {
                quality,
                position: first.position(),
                spans,
            });
        }
    }
    found
}

/// How many tokens past a phrase's first word its next word is looked for.
const LOOKAHEAD: usize = 6;

fn match_term(doc: &SearchDoc, term: &Term) -> Option<TermMatch> {
    let mut best: Option<TermMatch> = None;
    for kind in FieldKind::ALL {
        for phrase in &term.spellings {
            for found in occurrences(kind.of(doc), phrase) {
                let candidate = TermMatch {
                    field: kind,
                    quality: found.quality,
                    position: found.position,
                };
                let better = best.is_none_or(|b| {
                    (
                        Reverse(candidate.field),
                        candidate.quality,
                        Reverse(candidate.position),
                    ) > (Reverse(b.field), b.quality, Reverse(b.position))
                });
                if better {
                    best = Some(candidate);
                }
            }
        }
    }
    best
}

/// Byte spans in `field` of every occurrence of every term.
fn marks(field: &Field, terms: &[Term]) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = terms
        .iter()
        .flat_map(|term| term.spellings.iter())
        .flat_map(|phrase| occurrences(field, phrase))
        .flat_map(|found| found.spans)
        .collect();
    spans.sort_unstable();
    spans.dedup();
    spans
}

fn hit(doc: &SearchDoc, terms: &[Term]) -> SearchHit {
    SearchHit {
        slug: doc.slug.clone(),
        icon_alt: doc.icon_alt.clone(),
        title: segments(&doc.title.text, &marks(&doc.title, terms)),
        snippet: snippet(&doc.text.text, &marks(&doc.text, terms)),
    }
}

fn facet_counts(index: &SearchIndex, candidates: &[usize]) -> Vec<FacetCount> {
    let count = |filter: &Filter| {
        candidates
            .iter()
            .filter(|&&i| filter.admits(&index.docs[i]))
            .count() as u32
    };
    let mut counts: Vec<FacetCount> = index
        .focus_areas
        .iter()
        .map(|(slug, name)| FacetCount {
            slug: slug.clone(),
            name: name.clone(),
            count: count(&Filter::FocusArea(slug.clone())),
        })
        .collect();
    counts.push(FacetCount {
        slug: EMERGING.to_string(),
        name: index.emerging.clone(),
        count: count(&Filter::Emerging),
    });
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Lang, SectionKind};

    fn doc(slug: &str, title: &str, areas: &str, text: &str) -> SearchDoc {
        SearchDoc {
            slug: slug.into(),
            section: if slug == "ai" {
                SectionKind::Emerging
            } else {
                SectionKind::Core
            },
            focus_areas: areas
                .split(", ")
                .filter(|a| !a.is_empty())
                .map(|a| a.to_lowercase().replace(' ', "-"))
                .collect(),
            icon_alt: String::new(),
            title: Field::new(title, &english()),
            areas: Field::new(areas, &english()),
            text: Field::new(text, &english()),
        }
    }

    fn english() -> WordStemmer {
        WordStemmer::new(Lang::En)
    }

    fn index() -> SearchIndex {
        SearchIndex {
            lang: Lang::En,
            docs: vec![
                doc(
                    "dns",
                    "Domain Name System (DNS)",
                    "Building Trust",
                    "A global database that translates names. It is a naming system.",
                ),
                doc(
                    "dnssec",
                    "DNSSEC",
                    "Improving Technical Security",
                    "Signs the answers of the domain name system so they can be checked.",
                ),
                doc(
                    "privacy",
                    "Privacy",
                    "Building Trust",
                    "Société and people want control over e-mail and data.",
                ),
                doc(
                    "encryption",
                    "Encryption",
                    "Building Trust",
                    "Encryption protects privacy.",
                ),
                doc(
                    "bgp",
                    "Securing Border Gateway Protocol (BGP)",
                    "Improving Technical Security",
                    "Routing between networks.",
                ),
                doc(
                    "governance",
                    "Internet Governance",
                    "Shaping the Internet's Future",
                    "Who decides how the network of networks is run.",
                ),
                doc(
                    "ai",
                    "Artificial Intelligence",
                    "",
                    "Machines that learn, with privacy questions.",
                ),
                doc("dna", "DNA", "", "Not an Internet issue at all."),
            ],
            synonyms: vec![
                Synonym {
                    short: vec!["dns".into()],
                    long: vec!["domain".into(), "name".into(), "system".into()],
                },
                Synonym {
                    short: vec!["bgp".into()],
                    long: vec!["border".into(), "gateway".into(), "protocol".into()],
                },
                Synonym {
                    short: vec!["ai".into()],
                    long: vec!["artificial".into(), "intelligence".into()],
                },
            ],
            focus_areas: vec![
                ("building-trust".into(), "Building Trust".into()),
                (
                    "improving-technical-security".into(),
                    "Improving Technical Security".into(),
                ),
            ],
            emerging: "Emerging issues".into(),
        }
    }

    fn slugs(query: &str) -> Vec<String> {
        search(&index(), query, None)
            .hits
            .into_iter()
            .map(|h| h.slug)
            .collect()
    }

    #[test]
    fn case_accents_and_punctuation_do_not_matter() {
        assert_eq!(slugs("SOCIETE"), ["privacy"]);
        assert_eq!(slugs("e-mail "), ["privacy"]);
        assert_eq!(slugs("email "), ["privacy"]);
        assert_eq!(slugs("privacy!"), slugs("privacy"));
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(slugs("enc")[0], "encryption");
        assert!(slugs("enc ").is_empty(), "a finished word is not a prefix");
    }

    #[test]
    fn typos_are_tolerated_by_word_length() {
        assert_eq!(slugs("privasy ")[0], "privacy");
        assert_eq!(slugs("encyrption ")[0], "encryption");
        assert_eq!(slugs("goverance ")[0], "governance");
        assert!(
            !slugs("dns ").contains(&"dna".to_string()),
            "no typos in short words"
        );
    }

    #[test]
    fn words_of_one_family_match_by_their_stem_below_the_exact_word() {
        // "protection" is in no text; "protects" (encryption) shares its stem.
        assert_eq!(slugs("protection "), ["encryption"]);
        // The exact word first: "network" is in governance's text, "networks" in bgp's.
        assert_eq!(slugs("network "), ["governance", "bgp"]);
        let exact = search(&index(), "networks ", None);
        let marked: Vec<&str> = exact.hits[0]
            .snippet
            .iter()
            .filter(|s| s.mark)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["networks"]);
    }

    #[test]
    fn a_french_index_stems_french_words() {
        let stemmer = WordStemmer::new(Lang::Fr);
        let field = |text: &str| Field::new(text, &stemmer);
        let index = SearchIndex {
            lang: Lang::Fr,
            docs: vec![SearchDoc {
                slug: "community-networks".into(),
                section: SectionKind::Core,
                focus_areas: Vec::new(),
                icon_alt: String::new(),
                title: field("Réseaux communautaires"),
                areas: field(""),
                text: field("Des adresses IP sécurisées."),
            }],
            synonyms: Vec::new(),
            focus_areas: Vec::new(),
            emerging: "Enjeux émergents".into(),
        };
        for query in ["reseau communautaire ", "adresse IP ", "securise "] {
            assert_eq!(search(&index, query, None).hits.len(), 1, "{query}");
        }
    }

    #[test]
    fn the_search_data_carries_texts_and_the_receiver_derives_the_same_terms() {
        let index = index();
        let json = serde_json::to_string(&index).expect("serialises");
        assert!(json.contains(r#""title":"Privacy""#), "{json}");
        assert!(!json.contains("tokens"), "no terms on the wire");
        let received: SearchIndex = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(received, index);
    }

    #[test]
    fn acronyms_and_expansions_are_one_term() {
        let by_acronym = slugs("dns ");
        let by_name = slugs("domain name system ");
        assert_eq!(by_acronym, by_name);
        assert_eq!(by_acronym[..2], ["dns", "dnssec"]);
        assert_eq!(slugs("border gateway protocol")[0], "bgp");
        assert_eq!(slugs("AI ")[0], "ai");
    }

    #[test]
    fn title_beats_focus_area_beats_text() {
        // "privacy": title of privacy, text of encryption and ai.
        assert_eq!(slugs("privacy "), ["privacy", "encryption", "ai"]);
        // "trust": focus area of three, text of none.
        let trust = slugs("trust ");
        assert_eq!(
            trust,
            ["dns", "privacy", "encryption"],
            "ties in listing order"
        );
    }

    #[test]
    fn all_words_beat_some_and_and_falls_back_to_partial() {
        let outcome = search(&index(), "privacy machines", None);
        assert_eq!(outcome.hits[0].slug, "ai");
        assert!(!outcome.partial);
        assert_eq!(outcome.hits.len(), 1, "AND");
        let outcome = search(&index(), "privacy zebra", None);
        assert!(outcome.partial);
        assert_eq!(outcome.hits[0].slug, "privacy");
    }

    #[test]
    fn matches_are_marked_in_titles_and_snippets() {
        let outcome = search(&index(), "domain name system", None);
        let dns = &outcome.hits[0];
        let marked: Vec<&str> = dns
            .title
            .iter()
            .filter(|s| s.mark)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["Domain", "Name", "System", "DNS"]);
        let dnssec = &outcome.hits[1];
        assert!(dnssec.snippet.iter().any(|s| s.mark && s.text == "domain"));
    }

    #[test]
    fn counts_cover_every_filter_before_it_applies() {
        let trust = Filter::FocusArea("building-trust".into());
        let outcome = search(&index(), "privacy ", Some(&trust));
        assert_eq!(
            outcome.hits.len(),
            2,
            "privacy and encryption; ai has no focus area"
        );
        let count = |slug: &str| {
            outcome
                .counts
                .iter()
                .find(|c| c.slug == slug)
                .map(|c| c.count)
        };
        assert_eq!(count("building-trust"), Some(2));
        assert_eq!(count("improving-technical-security"), Some(0));
        assert_eq!(count(EMERGING), Some(1));
        let emerging = search(&index(), "privacy ", Some(&Filter::Emerging));
        assert_eq!(emerging.hits.len(), 1);
    }

    #[test]
    fn no_match_offers_the_closest_issues() {
        let outcome = search(&index(), "dnsex quux", None);
        assert!(outcome.hits.is_empty());
        assert_eq!(outcome.suggestions.len(), 3);
        assert_eq!(outcome.suggestions[0].slug, "dnssec");
    }

    #[test]
    fn an_empty_query_has_no_hits_but_counts_every_issue() {
        let outcome = search(&index(), "  ", None);
        assert!(outcome.hits.is_empty());
        assert!(outcome.suggestions.is_empty());
        let trust = outcome.counts.iter().find(|c| c.slug == "building-trust");
        assert_eq!(trust.map(|c| c.count), Some(3));
    }

    #[test]
    fn odd_input_never_fails() {
        for query in [
            "",
            "   ",
            "\u{0000}\u{0007}",
            "🙂🙂",
            "שלום",
            "a\u{0301}\u{0301}",
            &"x".repeat(10_000),
            "\u{FFFD}",
        ] {
            let outcome = search(&index(), query, None);
            assert!(outcome.query.chars().count() <= 200);
        }
    }
}

//! The closest issues to something that matched nothing: for a search without results and
//! for the 404 page of an unknown issue address.

use super::distance::distance;
use super::fold::query_words;
use super::{SearchDoc, SearchIndex, Suggestion};

/// How many closest issues are offered.
const OFFERED: usize = 3;

/// The three issues whose title words are closest to the query's words (edit distance,
/// relative to word length, summed over the words; ties in listing order).
pub fn closest_issues(index: &SearchIndex, words: &[String]) -> Vec<Suggestion> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut costs: Vec<(u32, usize)> = index
        .docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let names = names(doc);
            let cost = words
                .iter()
                .map(|word| {
                    names
                        .iter()
                        .map(|name| relative(word, name))
                        .min()
                        .unwrap_or(1000)
                })
                .sum();
            (cost, i)
        })
        .collect();
    costs.sort_unstable();
    costs
        .into_iter()
        .take(OFFERED)
        .map(|(_, i)| suggestion(&index.docs[i]))
        .collect()
}

/// Issues whose address or title words are within a few edits of `slug`, closest first:
/// `dnsec` → DNSSEC, DNS.
pub fn closest_slugs(index: &SearchIndex, slug: &str) -> Vec<Suggestion> {
    let wanted = slug.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    let mut close: Vec<(usize, usize)> = index
        .docs
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            let best = std::iter::once(doc.slug.clone())
                .chain(names(doc))
                .map(|name| distance(&wanted, &name))
                .min()?;
            (best <= limit).then_some((best, i))
        })
        .collect();
    close.sort_unstable();
    close
        .into_iter()
        .take(OFFERED)
        .map(|(_, i)| suggestion(&index.docs[i]))
        .collect()
}

/// The words an issue is known by: its title's and its address's.
fn names(doc: &SearchDoc) -> Vec<String> {
    let mut names: Vec<String> = doc
        .title
        .tokens
        .iter()
        .map(|t| t.word().to_string())
        .collect();
    names.extend(query_words(&doc.slug.replace('-', " ")));
    names
}

/// Edit distance per mille of the longer word's length.
fn relative(a: &str, b: &str) -> u32 {
    let longest = a.chars().count().max(b.chars().count()).max(1);
    (distance(a, b) * 1000 / longest) as u32
}

fn suggestion(doc: &SearchDoc) -> Suggestion {
    Suggestion {
        slug: doc.slug.clone(),
        title: doc.title.text.clone(),
    }
}

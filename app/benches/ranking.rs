//! Ranking speed over the real content: every query of a fixed list of 60, each run
//! `ROUNDS` times; prints the median and the 99th percentile of one query's time, per query
//! and over all. A plain harness (no criterion or divan): both report means and medians but
//! not the p99 the budget is written in, and neither is needed for 60 numbers.
//!
//! Then the median time to decode each language's search data into an index, as the
//! browser does once per visit (the terms and stems are derived there).
//!
//! `cargo bench -p app --features ssr --bench ranking`

use std::path::Path;
use std::time::{Duration, Instant};

use app::content::load_catalog;
use app::domain::Lang;
use app::search::{search, SearchIndex};

const ROUNDS: usize = 200;

const QUERIES: &[&str] = &[
    "dns",
    "dnssec",
    "bgp",
    "border gateway protocol",
    "routing security",
    "manrs",
    "ixp",
    "internet exchange point",
    "ipv6",
    "ipv4 addresses",
    "tls",
    "encryption",
    "encyrption",
    "privacy",
    "privasy",
    "identity",
    "trust",
    "building trust",
    "human rights",
    "governance",
    "goverance",
    "internet governance",
    "public policy",
    "economy",
    "development",
    "community networks",
    "connecting the world",
    "women in tech",
    "women",
    "technology",
    "open standards",
    "ietf",
    "artificial intelligence",
    "ai",
    "blockchain",
    "iot",
    "internet of things",
    "security",
    "improving technical security",
    "future",
    "e-mail",
    "societe",
    "enc",
    "pri",
    "gov",
    "a",
    "the internet",
    "network of networks",
    "domain name system",
    "names to addresses",
    "shutdowns",
    "access",
    "affordable access",
    "rural",
    "mobile",
    "standards bodies",
    "dnsex quux",
    "zzzz",
    "🙂",
    "x",
];

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let catalog = match load_catalog(&content) {
        Ok(catalog) => catalog,
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    let index = catalog.search_index();
    let mut all = Vec::with_capacity(QUERIES.len() * ROUNDS);
    let mut slowest = (Duration::ZERO, "");
    for query in QUERIES {
        let mut times: Vec<Duration> = (0..ROUNDS)
            .map(|_| {
                let start = Instant::now();
                let outcome = search(index, query, None);
                let took = start.elapsed();
                std::hint::black_box(outcome);
                took
            })
            .collect();
        times.sort_unstable();
        let median = times[ROUNDS / 2];
        if median > slowest.0 {
            slowest = (median, query);
        }
        all.extend(times);
    }
    all.sort_unstable();
    let at = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    println!("queries: {}, runs each: {ROUNDS}", QUERIES.len());
    println!(
        "per query: median {:?}, p99 {:?}, max {:?}",
        at(0.5),
        at(0.99),
        at(1.0)
    );
    println!("slowest query by median: {:?} ({:?})", slowest.1, slowest.0);

    // What the browser does once per visit: the search data's JSON into an index, the
    // terms and their stems derived from the texts.
    for lang in Lang::ALL {
        let json = match serde_json::to_string(catalog.in_lang(lang).search_index()) {
            Ok(json) => json,
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(1);
            }
        };
        let mut times: Vec<Duration> = (0..50)
            .map(|_| {
                let start = Instant::now();
                let index = serde_json::from_str::<SearchIndex>(&json).map(std::hint::black_box);
                let took = start.elapsed();
                if index.is_err() {
                    eprintln!("the search data does not decode");
                    std::process::exit(1);
                }
                took
            })
            .collect();
        times.sort_unstable();
        println!(
            "decoding the {} search data ({} bytes): median {:?}",
            lang.code(),
            json.len(),
            times[times.len() / 2]
        );
    }
}

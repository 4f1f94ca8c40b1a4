//! Search over HTTP: result pages without JavaScript, filters and counts, the JSON API, the
//! search data the browser downloads, and bad input. In-process, except for request lines
//! no HTTP library would build (over TCP).

mod support;

use app::search::{search, Filter, SearchIndex};
use support::in_process::InProcess;
use support::{main_of, raw_exchange, raw_get, visible_text, TestServer};

#[tokio::test]
async fn a_query_page_shows_ranked_results_with_marks_and_an_announcement() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/?q=bgp").await;
    assert_eq!(status, 200);
    let main = main_of(&html);
    let text = visible_text(main);
    assert!(text.contains("Results for “bgp”"), "{text}");
    assert!(
        text.contains("issues match “bgp”") || text.contains("1 issue matches “bgp”"),
        "{text}"
    );
    let first = main.find("search-result__title").expect("a result");
    let first_title = visible_text(
        &main[first
            ..main[first..]
                .find("</h3>")
                .map_or(main.len(), |e| first + e)],
    );
    assert!(
        first_title.contains("Securing Border Gateway Protocol (BGP)"),
        "{first_title}"
    );
    assert!(main.contains("<mark>BGP</mark>"));
    let listing_tag = main
        .split("<div")
        .find(|tag| tag.contains("explorer__listing"))
        .and_then(|tag| tag.split('>').next())
        .unwrap_or_default();
    assert!(
        listing_tag.contains("hidden"),
        "the listing is hidden: {listing_tag}"
    );
    assert!(html.contains("<title>Search: bgp · Internet Issues Explorer</title>"));
    let (_, plain) = server.get_text("/").await;
    assert!(
        !main_of(&plain).contains("search-results__list"),
        "no results without a query"
    );
}

#[tokio::test]
async fn filters_combine_with_the_query_and_count_per_area() {
    let server = InProcess::new().await;
    let (status, html) = server
        .get_text("/?q=bgp&focus=improving-technical-security")
        .await;
    assert_eq!(status, 200);
    assert!(visible_text(main_of(&html)).contains("Securing Border Gateway Protocol"));
    let (status, json) = server.get_json("/api/issues?q=bgp").await;
    assert_eq!(status, 200);
    assert_eq!(json["search"]["hits"][0]["slug"], "securing-bgp");
    let counts = json["search"]["counts"].as_array().expect("counts");
    assert_eq!(counts.len(), 5, "four focus areas and the emerging issues");
    let security = counts
        .iter()
        .find(|c| c["slug"] == "improving-technical-security")
        .expect("security count");
    assert!(security["count"].as_u64().is_some_and(|n| n >= 1));
    let (status, json) = server
        .get_json("/api/fn/list_issues?q=bgp&focus_area=emerging")
        .await;
    assert_eq!(status, 200);
    assert!(json["search"]["hits"].as_array().is_some_and(Vec::is_empty));
    let (status, html) = server.get_text("/?focus=emerging").await;
    assert_eq!(status, 200);
    let listing = visible_text(main_of(&html));
    assert!(listing.contains("Blockchain") && listing.contains("Artificial Intelligence"));
    assert!(
        !listing.contains("Domain Name System (DNS)"),
        "only the emerging issues"
    );
    assert_eq!(server.get_text("/?q=bgp&focus=atlantis").await.0, 404);
}

#[tokio::test]
async fn no_results_offer_the_closest_issues_and_unknown_issues_too() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/?q=dnsex%20quux").await;
    assert_eq!(status, 200);
    let main = main_of(&html);
    assert!(visible_text(main).contains("No issue matches “dnsex quux”."));
    assert_eq!(main.matches("search-results__suggestions").count(), 1);
    let suggestions = main
        .split("search-results__suggestions")
        .nth(1)
        .unwrap_or_default();
    assert_eq!(
        suggestions
            .split("</ul>")
            .next()
            .unwrap_or_default()
            .matches("<li>")
            .count(),
        3
    );

    let (status, html) = server.get_text("/issues/dnsec").await;
    assert_eq!(status, 404);
    let main = main_of(&html);
    let dnssec = main
        .find("href=\"/issues/dnssec\"")
        .expect("suggests DNSSEC");
    let dns = main.find("href=\"/issues/dns\"").expect("suggests DNS");
    assert!(dnssec < dns, "closest first");
}

#[tokio::test]
async fn odd_and_malformed_queries_never_fail() {
    let server = InProcess::new().await;
    let long = format!("/?q={}", "a".repeat(3000));
    for path in [
        long.as_str(),
        "/?q=%F0%9F%99%82",
        "/?q=%D7%A9%D7%9C%D7%95%D7%9D",
        "/?q=e%CC%81%CC%81",
        "/?q=%E2%80%AEbgp",
        "/?q=",
        "/?q=%00%07",
        "/?q=a&q=b",
    ] {
        let (status, html) = server.get_text(path).await;
        assert_eq!(status, 200, "{}", &path[..path.len().min(40)]);
        let heading = html.split("Results for “").nth(1).unwrap_or_default();
        assert!(
            heading
                .split('”')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                <= 200
        );
    }
}

/// Percent-escapes that decode to no UTF-8, sent as written on a real connection.
#[tokio::test]
async fn undecodable_queries_are_400s() {
    let server = TestServer::start();
    for path in ["/?q=%ZZ", "/?q=%ED%A0%80", "/?q=%", "/api/issues?q=%C3"] {
        let answer = raw_exchange(&server, &raw_get(path)).await;
        assert_eq!(answer.status, 400, "{path}");
    }
    let (status, _) = server.get_text("/?q=%ZZ").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_search_data_ranks_in_the_browser_exactly_as_the_server_does() {
    let server = InProcess::new().await;
    let response = server.get("/api/search-index").await;
    assert_eq!(response.status, 200);
    assert!(
        response.header("etag").is_some_and(|etag| !etag.is_empty()),
        "cacheable"
    );
    let index: SearchIndex =
        serde_json::from_slice(&response.body).expect("the search data parses");
    assert_eq!(index.docs.len(), 26);
    // Stored once, compressed once: the brotli copy is the same JSON, with its own tag.
    let compressed = server
        .get_with("/api/search-index", &[("Accept-Encoding", "br")])
        .await;
    assert_eq!(compressed.header("content-encoding"), Some("br"));
    assert_ne!(compressed.header("etag"), response.header("etag"));
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut &compressed.body[..], &mut unpacked).expect("valid brotli");
    assert_eq!(unpacked, response.body);
    assert!(compressed.body.len() * 3 < response.body.len());
    for (query, focus) in [
        ("bgp", None),
        ("privasy", None),
        ("domain name system", None),
        ("enc", None),
        ("internet of things", Some("connecting-the-world")),
        ("e-mail", None),
        ("trust", Some("building-trust")),
        ("routing security", None),
        ("ai", Some("emerging")),
        ("dnsex quux", None),
    ] {
        let mut url = format!("/api/issues?q={}", query.replace(' ', "%20"));
        if let Some(focus) = focus {
            url.push_str(&format!("&focus_area={focus}"));
        }
        let (status, json) = server.get_json(&url).await;
        assert_eq!(status, 200, "{url}");
        let filter = focus.and_then(|f| Filter::parse(f, &index));
        let local = serde_json::to_value(search(&index, query, filter.as_ref())).expect("json");
        assert_eq!(json["search"], local, "{query}");
    }
}

#[tokio::test]
async fn french_and_spanish_search_data_rank_as_the_server_does_with_stems_and_accents() {
    let server = InProcess::new().await;
    let queries: [(&str, &[&str]); 2] = [
        (
            "fr",
            &[
                "réseau communautaire",
                "reseaux communautaires",
                "securite",
                "sécurisées",
                "adresses IP",
                "systeme de noms de domaine",
                "chiffr",
                "confidentialte",
                "gouvernance internet",
                "zzzz qqqq",
            ],
        ),
        (
            "es",
            &[
                "red comunitaria",
                "redes comunitarias",
                "nino",
                "tecnologias",
                "direccion IP",
                "sistema de nombres de dominio",
                "cifr",
                "privacidd",
                "seguridad del enrutamiento",
                "zzzz qqqq",
            ],
        ),
    ];
    for (lang, queries) in queries {
        let (status, data) = server
            .get_json(&format!("/api/search-index?lang={lang}"))
            .await;
        assert_eq!(status, 200);
        assert!(data
            .get("docs")
            .is_some_and(|docs| docs[0].get("tokens").is_none()));
        let index: SearchIndex = serde_json::from_value(data).expect("the search data parses");
        for query in queries {
            let url = format!("/api/issues?lang={lang}&q={}", encode(query));
            let (status, json) = server.get_json(&url).await;
            assert_eq!(status, 200, "{url}");
            let local = serde_json::to_value(search(&index, query, None)).expect("json");
            assert_eq!(json["search"], local, "{lang}: {query}");
        }
        // Inflected forms find what the written form finds.
        let slugs = |query: &str| -> Vec<String> {
            search(&index, query, None)
                .hits
                .into_iter()
                .map(|hit| hit.slug)
                .collect()
        };
        let (singular, plural) = match lang {
            "fr" => ("réseau communautaire ", "réseaux communautaires "),
            _ => ("red comunitaria ", "redes comunitarias "),
        };
        assert_eq!(slugs(singular)[0], "community-networks", "{lang}");
        assert_eq!(slugs(plural)[0], "community-networks", "{lang}");
    }
}

/// A query as a URL's query value.
fn encode(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

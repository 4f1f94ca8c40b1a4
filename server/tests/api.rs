//! The server functions and the JSON API, in-process.

mod support;

use support::in_process::InProcess;

#[tokio::test]
async fn get_issue_server_function_answers_get_with_json() {
    let server = InProcess::new().await;
    let (status, json) = server.get_json("/api/fn/get_issue?slug=dnssec").await;
    assert_eq!(status, 200);
    assert_eq!(json["slug"], "dnssec");
    assert_eq!(
        json["title"],
        "Domain Name System Security Extensions (DNSSEC)"
    );
    assert!(json["related"].as_array().is_some_and(|r| r.len() >= 3));
    let dns = json["related"]
        .as_array()
        .and_then(|r| r.iter().find(|c| c["slug"] == "dns"))
        .expect("DNSSEC is connected to DNS");
    assert_eq!(dns["relation"], "protects");
    assert_eq!(dns["wording"], "protects");
    assert!(dns["why"].as_str().is_some_and(|w| w.ends_with('.')));
    assert_eq!(json["previous"]["slug"], "dns");
}

#[tokio::test]
async fn get_issue_with_an_unknown_slug_is_a_404_not_a_500() {
    let server = InProcess::new().await;
    let (status, json) = server.get_json("/api/fn/get_issue?slug=nope").await;
    assert_eq!(status, 404);
    assert_eq!(json, serde_json::json!({ "IssueNotFound": "nope" }));
}

#[tokio::test]
async fn get_issue_without_its_argument_is_a_400() {
    let server = InProcess::new().await;
    let (status, body) = server.get_text("/api/fn/get_issue").await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("BadRequest"), "{body}");
}

#[tokio::test]
async fn list_issues_server_function_lists_and_filters() {
    let server = InProcess::new().await;
    let (status, json) = server.get_json("/api/fn/list_issues").await;
    assert_eq!(status, 200);
    let count: usize = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["issues"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(count, 26);

    let (status, json) = server
        .get_json("/api/fn/list_issues?focus_area=connecting-the-world")
        .await;
    assert_eq!(status, 200);
    let core = json["sections"][0]["issues"].as_array().expect("core");
    assert!(core.iter().any(|i| i["slug"] == "ixps"));
    assert!(core.iter().all(|i| i["focus_areas"]
        .as_array()
        .is_some_and(|a| a.iter().any(|f| f == "connecting-the-world"))));

    let (status, _) = server
        .get_json("/api/fn/list_issues?focus_area=atlantis")
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn server_functions_are_get_only() {
    let server = InProcess::new().await;
    let answer = server.post_form("/api/fn/get_issue", "slug=dns").await;
    assert_eq!(answer.status, 405);
}

#[tokio::test]
async fn json_api_lists_issues_and_filters_by_focus_area() {
    let server = InProcess::new().await;
    let (status, json) = server.get_json("/api/issues").await;
    assert_eq!(status, 200);
    assert_eq!(
        json["sections"][1]["issues"][0]["slug"],
        "artificial-intelligence"
    );
    assert_eq!(json["focus_areas"].as_array().map(Vec::len), Some(4));

    let (status, json) = server
        .get_json("/api/issues?focus_area=shaping-the-internets-future")
        .await;
    assert_eq!(status, 200);
    assert_eq!(json["filter"]["slug"], "shaping-the-internets-future");
}

#[tokio::test]
async fn json_api_returns_one_issue() {
    let server = InProcess::new().await;
    let (status, json) = server.get_json("/api/issues/ipv6").await;
    assert_eq!(status, 200);
    assert_eq!(json["title"], "IPv6");
    assert!(json["paragraphs"][0]
        .as_str()
        .is_some_and(|p| p.contains("4.3 billion")));
}

#[tokio::test]
async fn json_api_errors_are_json_with_the_right_status() {
    let server = InProcess::new().await;
    let (status, json) = server.get_json("/api/issues/nope").await;
    assert_eq!(status, 404);
    assert_eq!(json["status"], 404);
    assert_eq!(json["error"], "There is no issue called “nope”.");

    let (status, json) = server.get_json("/api/issues?focus_area=nope").await;
    assert_eq!(status, 404);
    assert_eq!(json["status"], 404);

    let (status, json) = server.get_json("/api/issues?colour=red").await;
    assert_eq!(status, 400);
    assert!(
        json["error"].as_str().is_some_and(|e| e.contains("colour")),
        "{json}"
    );
}

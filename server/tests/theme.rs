//! The theme choice without JavaScript, from the real server over TCP: the form sets a
//! cookie and returns the visitor, the server renders the chosen theme, and the caches and
//! the render store keep themes apart.

mod support;

use reqwest::redirect::Policy;
use support::{header, TestServer};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

fn html_theme(html: &str) -> Option<&str> {
    let tag = &html[html.find("<html")?..];
    let tag = &tag[..tag.find('>')?];
    tag.split("data-theme=\"").nth(1)?.split('"').next()
}

async fn page_with_cookie(
    server: &TestServer,
    path: &str,
    cookie: Option<&str>,
) -> (String, reqwest::Response) {
    let mut request = client().get(server.url(path));
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    let response = request.send().await.expect("response");
    let cache_status = header(&response, "cache-status");
    (cache_status, response)
}

#[tokio::test]
async fn the_server_renders_the_theme_the_cookie_names() {
    let server = TestServer::start();
    for (cookie, expected) in [
        (None, "system"),
        (Some("theme=dark"), "dark"),
        (Some("a=1; theme=light; b=2"), "light"),
        (Some("theme=purple"), "system"),
    ] {
        let (_, response) = page_with_cookie(&server, "/issues/dns", cookie).await;
        assert!(
            header(&response, "vary").contains("Cookie"),
            "{}",
            header(&response, "vary")
        );
        let html = response.text().await.expect("body");
        assert_eq!(html_theme(&html), Some(expected), "{cookie:?}");
        let checked = format!("value=\"{expected}\" checked");
        assert!(
            html.contains(&checked),
            "{cookie:?}: the form shows the current choice"
        );
    }
}

#[tokio::test]
async fn the_render_store_keeps_each_theme_apart() {
    let server = TestServer::start();
    page_with_cookie(&server, "/glossary", Some("theme=dark")).await;
    let (status, response) = page_with_cookie(&server, "/glossary", None).await;
    assert!(
        !status.contains("hit"),
        "a dark page was served to a visitor without a theme"
    );
    assert_eq!(
        html_theme(&response.text().await.expect("body")),
        Some("system")
    );
    let (status, response) = page_with_cookie(&server, "/glossary", Some("theme=dark")).await;
    assert!(status.contains("hit"), "{status}");
    assert_eq!(
        html_theme(&response.text().await.expect("body")),
        Some("dark")
    );
}

#[tokio::test]
async fn the_form_sets_the_cookie_and_returns_to_the_page() {
    let server = TestServer::start();
    let post = |body: &'static str| {
        client()
            .post(server.url("/theme"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let response = post("theme=dark&back=%2Fmap%3Fissue%3Ddns")
        .await
        .expect("response");
    assert_eq!(response.status(), 303);
    assert_eq!(header(&response, "location"), "/map?issue=dns");
    let cookie = header(&response, "set-cookie");
    assert!(
        cookie.starts_with("theme=dark; Path=/; Max-Age=31536000; SameSite=Lax"),
        "{cookie}"
    );

    let response = post("theme=system&back=%2F").await.expect("response");
    assert_eq!(response.status(), 303);
    assert!(
        header(&response, "set-cookie").contains("Max-Age=0"),
        "system clears the cookie"
    );

    for hostile in [
        "theme=dark&back=%2F%2Fevil.example",
        "theme=dark&back=https%3A%2F%2Fevil.example%2F",
    ] {
        let response = post(hostile).await.expect("response");
        assert_eq!(response.status(), 303);
        assert_eq!(
            header(&response, "location"),
            "/",
            "{hostile} must not redirect away"
        );
    }
    for bad in ["theme=purple&back=%2F", "back=%2F", "theme=dark&extra=1"] {
        let response = post(bad).await.expect("response");
        assert_eq!(response.status(), 400, "{bad}");
    }
}

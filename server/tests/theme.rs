//! The theme choice without JavaScript, from the whole app in-process: the form sets a
//! cookie and returns the visitor, the server renders the chosen theme, and the caches and
//! the render store keep themes apart.

mod support;

use support::in_process::{Answer, InProcess};

fn html_theme(html: &str) -> Option<&str> {
    let tag = &html[html.find("<html")?..];
    let tag = &tag[..tag.find('>')?];
    tag.split("data-theme=\"").nth(1)?.split('"').next()
}

async fn page_with_cookie(
    server: &InProcess,
    path: &str,
    cookie: Option<&str>,
) -> (String, Answer) {
    let headers: Vec<(&str, &str)> = cookie.map(|c| ("cookie", c)).into_iter().collect();
    let response = server.get_with(path, &headers).await;
    let cache_status = response
        .header("cache-status")
        .unwrap_or_default()
        .to_string();
    (cache_status, response)
}

#[tokio::test]
async fn the_server_renders_the_theme_the_cookie_names() {
    let server = InProcess::new().await;
    for (cookie, expected) in [
        (None, "system"),
        (Some("theme=dark"), "dark"),
        (Some("a=1; theme=light; b=2"), "light"),
        (Some("theme=purple"), "system"),
    ] {
        let (_, response) = page_with_cookie(&server, "/issues/dns", cookie).await;
        let vary = response.joined("vary");
        assert!(vary.contains("Cookie"), "{vary}");
        let html = response.text();
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
    let server = InProcess::new().await;
    page_with_cookie(&server, "/glossary", Some("theme=dark")).await;
    let (status, response) = page_with_cookie(&server, "/glossary", None).await;
    assert!(
        !status.contains("hit"),
        "a dark page was served to a visitor without a theme"
    );
    assert_eq!(html_theme(&response.text()), Some("system"));
    let (status, response) = page_with_cookie(&server, "/glossary", Some("theme=dark")).await;
    assert!(status.contains("hit"), "{status}");
    assert_eq!(html_theme(&response.text()), Some("dark"));
}

#[tokio::test]
async fn the_form_sets_the_cookie_and_returns_to_the_page() {
    let server = InProcess::new().await;
    let post = |body: &'static str| server.post_form("/theme", body);
    let response = post("theme=dark&back=%2Fmap%3Fissue%3Ddns").await;
    assert_eq!(response.status, 303);
    assert_eq!(
        response.header("location").unwrap_or_default(),
        "/map?issue=dns"
    );
    let cookie = response.header("set-cookie").unwrap_or_default();
    assert!(
        cookie.starts_with("theme=dark; Path=/; Max-Age=31536000; SameSite=Lax"),
        "{cookie}"
    );

    let response = post("theme=system&back=%2F").await;
    assert_eq!(response.status, 303);
    assert!(
        response
            .header("set-cookie")
            .unwrap_or_default()
            .contains("Max-Age=0"),
        "system clears the cookie"
    );

    for hostile in [
        "theme=dark&back=%2F%2Fevil.example",
        "theme=dark&back=https%3A%2F%2Fevil.example%2F",
    ] {
        let response = post(hostile).await;
        assert_eq!(response.status, 303);
        assert_eq!(
            response.header("location").unwrap_or_default(),
            "/",
            "{hostile} must not redirect away"
        );
    }
    for bad in ["theme=purple&back=%2F", "back=%2F", "theme=dark&extra=1"] {
        let response = post(bad).await;
        assert_eq!(response.status, 400, "{bad}");
    }
}

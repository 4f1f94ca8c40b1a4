//! The HTML pages, rendered by the whole app, in-process.

mod support;

use support::in_process::InProcess;
use support::{main_of, visible_text, workspace};

fn slugs_and_titles() -> Vec<(String, String)> {
    let dir = workspace().join("content/issues");
    let mut pairs: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("content/issues")
        .map(|entry| entry.expect("entry").path())
        // English files only: translations are `<slug>.<lang>.md`.
        .filter(|path| {
            !path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .contains('.')
        })
        .map(|path| {
            let slug = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("read");
            let title = text
                .lines()
                .find_map(|line| line.strip_prefix("title = \""))
                .and_then(|rest| rest.strip_suffix('"'))
                .expect("title line")
                .to_string();
            (slug, title)
        })
        .collect();
    pairs.sort();
    pairs
}

#[tokio::test]
async fn home_lists_every_issue_in_the_server_rendered_html() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/").await;
    assert_eq!(status, 200);
    let main = visible_text(main_of(&html));
    let pairs = slugs_and_titles();
    assert_eq!(pairs.len(), 26);
    for (slug, title) in &pairs {
        assert!(main.contains(title.as_str()), "home is missing {title}");
        assert!(
            html.contains(&format!("href=\"/issues/{slug}\"")),
            "home does not link {slug}"
        );
    }
    assert!(main.contains("We have four key focus areas"));
    assert!(main.contains("Emerging issues"));
    assert!(
        html.contains("<title>Internet Issues Explorer</title>"),
        "home title"
    );
    assert!(
        html.contains("<meta name=\"description\""),
        "home description"
    );
    assert!(
        visible_text(&html).contains("Internet Society"),
        "attribution in the footer"
    );
}

#[tokio::test]
async fn every_issue_page_is_complete_without_javascript() {
    let server = InProcess::new().await;
    for (slug, title) in slugs_and_titles() {
        let (status, html) = server.get_text(&format!("/issues/{slug}")).await;
        assert_eq!(status, 200, "/issues/{slug}");
        let main = visible_text(main_of(&html));
        assert!(main.contains(&title), "/issues/{slug} lacks its title");
        assert!(
            main.contains("How it connects"),
            "/issues/{slug} lacks its connections"
        );
        assert!(
            main.contains("Focus areas"),
            "/issues/{slug} lacks focus areas"
        );
        assert!(
            visible_text(&html).contains(&format!("{title} · Internet Issues Explorer")),
            "/issues/{slug} <title>"
        );
        assert!(
            html.contains(&format!("src=\"/icons/{slug}.svg\"")),
            "/issues/{slug} icon"
        );
    }
}

#[tokio::test]
async fn the_dns_page_shows_the_repaired_example_domain() {
    let server = InProcess::new().await;
    let (_, html) = server.get_text("/issues/dns").await;
    assert!(visible_text(&html).contains("(such as example.org) to Internet addresses"));
}

#[tokio::test]
async fn unknown_issues_and_paths_are_real_404s_with_a_way_back() {
    let server = InProcess::new().await;
    for path in [
        "/issues/no-such-issue",
        "/no-such-page",
        "/issues/dns/extra",
        "/issues/DNS",
        "/?focus=nowhere",
    ] {
        let (status, html) = server.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        let main = visible_text(main_of(&html));
        assert!(
            main.contains("not found") || main.contains("There is no"),
            "{path}: {main}"
        );
        // Inside <main>: the header's logo links home on every page anyway.
        assert!(
            main_of(&html).contains("href=\"/\""),
            "{path}: the error itself offers a way home"
        );
    }
}

#[tokio::test]
async fn a_focus_area_filter_narrows_the_listing() {
    let server = InProcess::new().await;
    let (status, html) = server.get_text("/?focus=building-trust").await;
    assert_eq!(status, 200);
    let main = visible_text(main_of(&html));
    assert!(main.contains("Privacy"));
    assert!(
        !main.contains("Internet Exchange Points"),
        "IXPs do not serve Building Trust"
    );
    assert!(html.contains("<title>Building Trust · Internet Issues Explorer</title>"));
}

#[tokio::test]
async fn category_icons_are_served_as_svg() {
    let server = InProcess::new().await;
    for (slug, _) in slugs_and_titles() {
        let response = server.get(&format!("/icons/{slug}.svg")).await;
        assert_eq!(response.status, 200, "{slug}");
        assert_eq!(
            response.header("content-type"),
            Some("image/svg+xml"),
            "{slug}"
        );
        assert!(response.body.starts_with(b"<svg"));
    }
}

/// The page script finds its elements by the constants it was filled from: each page type
/// renders an element for every one of them (and the script names them as rendered).
#[tokio::test]
async fn every_element_the_page_script_looks_up_is_on_every_page_type() {
    use app::components::{SHORTCUTS_DIALOG_ID, SHORTCUT_ATTRIBUTE};
    use app::islands::SEARCH_INPUT_ID;
    use app::MAIN_ID;
    let server = InProcess::new().await;
    let wanted = [
        format!("id=\"{SEARCH_INPUT_ID}\""),
        format!("id=\"{MAIN_ID}\""),
        format!("id=\"{SHORTCUTS_DIALOG_ID}\""),
        format!("{SHORTCUT_ATTRIBUTE}=\"home\""),
        format!("{SHORTCUT_ATTRIBUTE}=\"map\""),
    ];
    for path in [
        "/",
        "/?q=dns",
        "/issues/dns",
        "/map",
        "/glossary",
        "/no-such-page",
    ] {
        let (_, html) = server.get_text(path).await;
        for attribute in &wanted {
            assert!(html.contains(attribute.as_str()), "{path}: no {attribute}");
        }
        assert!(
            html.contains(app::page_script::page_script()),
            "{path}: the page script"
        );
    }
}

/// The tags of `<head>` in order, each named by its element and its `name`, `property`,
/// `rel` or `type` (script and style contents skipped).
fn head_tag_names(html: &str) -> Vec<String> {
    let head = html
        .split_once("<head>")
        .and_then(|(_, rest)| rest.split_once("</head>"))
        .map(|(head, _)| head)
        .unwrap_or_default();
    let mut names = Vec::new();
    let mut rest = head;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
        let (inside, after) = (&tag[..end], &tag[end..]);
        let element: String = inside
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let which = ["name=\"", "property=\"", "rel=\"", "type=\""]
            .iter()
            .find_map(|key| inside.split_once(key))
            .and_then(|(_, value)| value.split_once('"'))
            .map_or("", |(value, _)| value);
        if !element.starts_with('/') {
            names.push(format!("{element} {which}"));
        }
        rest = after;
        if element == "script" || element == "style" {
            let close = format!("</{element}>");
            rest = rest.find(&close).map_or("", |at| &rest[at + close.len()..]);
        }
    }
    names
}

/// The islands router patches `<head>` tag by tag (see `app::workarounds`): every page
/// type, error pages included, must have the same head tags in the same order.
#[tokio::test]
async fn every_page_type_has_the_same_head_tags() {
    let server = InProcess::new().await;
    let (_, home) = server.get_text("/").await;
    let expected = head_tag_names(&home);
    assert!(
        expected.len() > 20,
        "too few head tags to compare: {expected:?}"
    );
    for wanted in [
        "title ",
        "meta description",
        "link canonical",
        "meta robots",
    ] {
        assert!(expected.iter().any(|name| name == wanted), "{wanted}");
    }
    for path in [
        "/?focus=building-trust",
        "/?focus=emerging",
        "/?q=privacy",
        "/?q=zzzzqqq",
        "/issues/dns",
        "/issues/ai",
        "/map",
        "/map?issue=dns&focus=building-trust",
        "/glossary",
        "/issues/no-such-issue",
        "/?focus=no-such-area",
        "/map?issue=nowhere",
        "/map?focus=nowhere",
        "/no-such-page",
    ] {
        let (_, html) = server.get_text(path).await;
        assert_eq!(head_tag_names(&html), expected, "{path}");
    }
}

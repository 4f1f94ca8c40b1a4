//! The explorer in English, French and Spanish: every page type under `/fr/` and `/es/`
//! with its language, alternates, canonical address and structured data; prefixes that are
//! no language are 404s; the API and the search data per language; and no English
//! interface string on a French or Spanish page.

mod support;

use std::collections::BTreeMap;

use serde_json::Value;
use support::in_process::InProcess;
use support::{json_ld, workspace};

const BASE: &str = "https://issues.example.org";

/// One of each page type, as an English path.
const PAGES: [&str; 6] = [
    "/",
    "/?focus=building-trust",
    "/map",
    "/glossary",
    "/changes",
    "/issues/dns",
];

fn localized(lang: &str, path: &str) -> String {
    match lang {
        "en" => path.to_string(),
        _ => format!("/{lang}{path}"),
    }
}

/// The `href` of the `<link>` with these attributes.
fn link_href<'a>(html: &'a str, attributes: &str) -> Option<&'a str> {
    let at = html.find(attributes)?;
    let start = html[..at].rfind("<link")?;
    let tag = &html[start..start + html[start..].find('>')?];
    tag.split("href=\"").nth(1)?.split('"').next()
}

#[tokio::test]
async fn every_page_type_is_served_in_each_language_with_its_alternates() {
    let server = InProcess::with_public_base(BASE).await;
    for lang in ["en", "fr", "es"] {
        for page in PAGES {
            let path = localized(lang, page);
            let (status, html) = server.get_text(&path).await;
            assert_eq!(status, 200, "{path}");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{path}: <html lang>"
            );
            // Every hreflang link is absolute, the feed's too (a relative one is invalid).
            for tag in html.split("<link ").skip(1) {
                let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
                if tag.contains("hreflang=") {
                    let href = tag.split("href=\"").nth(1).unwrap_or_default();
                    assert!(
                        href.starts_with(BASE),
                        "{path}: relative hreflang link {tag}"
                    );
                }
            }
            let english = page.split('?').next().unwrap_or(page);
            // A filtered listing's canonical address is the listing with its filter.
            let canonical_path = localized(lang, page);
            assert_eq!(
                link_href(&html, "rel=\"canonical\""),
                Some(format!("{BASE}{canonical_path}").as_str()),
                "{path}: canonical"
            );
            for (hreflang, other) in [
                ("en", "en"),
                ("fr", "fr"),
                ("es", "es"),
                ("x-default", "en"),
            ] {
                let expected = format!("{BASE}{}", localized(other, page));
                assert_eq!(
                    // The page's alternates, not the feed's link (English, with a title).
                    link_href(
                        &html,
                        &format!("hreflang=\"{hreflang}\" rel=\"alternate\">")
                    ),
                    Some(expected.as_str()),
                    "{path}: alternate {hreflang}"
                );
            }
            let og_locale = match lang {
                "en" => "en_GB",
                "fr" => "fr_FR",
                _ => "es_ES",
            };
            assert!(
                html.contains(&format!(
                    "<meta property=\"og:locale\" content=\"{og_locale}\""
                )),
                "{path}: og:locale"
            );
            // The switcher: this page in each language, each link in its own language.
            for (code, name) in [("en", "English"), ("fr", "Français"), ("es", "Español")] {
                let link = format!(
                    "href=\"{}\" hreflang=\"{code}\" lang=\"{code}\"",
                    localized(code, page).replace('&', "&amp;")
                );
                assert!(
                    html.contains(&link),
                    "{path}: switcher link to {code} ({link})"
                );
                assert!(html.contains(&format!(">{name}</a>")), "{path}: {name}");
            }
            if english == "/issues/dns" || page == "/" {
                let data = json_ld(&html);
                let in_language: Vec<&str> = data
                    .iter()
                    .flat_map(|block| match block {
                        Value::Array(items) => items.iter().collect::<Vec<_>>(),
                        other => vec![other],
                    })
                    .filter_map(|item| item["inLanguage"].as_str())
                    .collect();
                assert_eq!(in_language, [lang], "{path}: JSON-LD inLanguage");
            }
        }
    }
}

#[tokio::test]
async fn links_between_pages_stay_in_the_page_s_language() {
    let server = InProcess::new().await;
    let (_, html) = server.get_text("/fr/issues/tls").await;
    for link in [
        "href=\"/fr/issues/encryption\"",
        "href=\"/fr/glossary#tls\"",
        "href=\"/fr/map?issue=tls\"",
        "href=\"/fr/\"",
    ] {
        assert!(html.contains(link), "{link}");
    }
    // Site-relative links are all French, but for the switcher's and the English page's.
    for href in html.split("href=\"/").skip(1) {
        let target = &href[..href.find('"').unwrap_or(0)];
        let allowed = [
            "fr",
            "es/",
            "issues/tls",
            "pkg/",
            "favicon",
            "feed.xml",
            "icons/",
            "share/",
        ];
        assert!(
            allowed.iter().any(|prefix| target.starts_with(prefix)),
            "an English link on a French page: /{target}"
        );
    }
}

#[tokio::test]
async fn forms_and_current_links_keep_the_page_s_language() {
    let server = InProcess::new().await;
    let (_, html) = server.get_text("/fr/map?issue=dns").await;
    // The theme form sends the visitor back to this page, in French.
    assert!(
        html.contains("name=\"back\" value=\"/fr/map?issue=dns\"")
            || html.contains("value=\"/fr/map?issue=dns\" name=\"back\""),
        "theme form's way back"
    );
    // The header marks the page it is on.
    assert!(html.contains("href=\"/fr/map\" data-shortcut=\"map\" aria-current=\"page\""));
    let (_, english) = server.get_text("/map").await;
    assert!(english.contains("href=\"/map\" data-shortcut=\"map\" aria-current=\"page\""));
    // An editor's note citing another page names it in French.
    let (_, ipv6) = server.get_text("/fr/issues/ipv6").await;
    let notes = ipv6
        .split("class=\"editor-notes\"")
        .nth(1)
        .and_then(|rest| rest.split("</aside>").next())
        .expect("the page's editor's notes");
    assert!(notes.contains("Connecter le monde"), "{notes}");
    assert!(
        !notes.contains("Connecting the World"),
        "an English title in a French note"
    );
}

#[tokio::test]
async fn the_words_on_french_and_spanish_pages_are_theirs() {
    let server = InProcess::new().await;
    let (_, french) = server.get_text("/fr/issues/dns").await;
    assert!(french.contains("Système de noms de domaine (DNS)"));
    assert!(french.contains("386,9\u{a0}millions") || french.contains("386,9 millions"));
    assert!(french.contains("31 décembre 2025"), "dates in French");
    assert!(french.contains("Traduction par ce site du texte de l’Internet Society"));
    assert!(
        french.contains("<blockquote lang=\"en\""),
        "the original one click away"
    );
    let (_, spanish) = server.get_text("/es/issues/artificial-intelligence").await;
    // The Internet Society's own Spanish words, quoted with their address.
    assert!(spanish.contains("La Inteligencia artificial es una tecnología"));
    assert!(spanish.contains(
        "href=\"https://www.internetsociety.org/es/issues/categorias-pasadas/inteligencia-artificial-ia\""
    ));
    assert!(
        !spanish.contains("Traducción de este sitio"),
        "not labelled a translation"
    );
    let (_, home) = server.get_text("/es/").await;
    assert!(home.contains("Temas emergentes") || home.contains("emergentes"));
}

#[tokio::test]
async fn counts_take_each_language_s_plural_rules() {
    let server = InProcess::new().await;
    // "dnssec" leaves some focus areas with no result: French says "0 enjeu" (CLDR: 0 and 1
    // are singular), English "0 issues", Spanish "0 temas".
    for (lang, zero, one) in [
        ("fr", " enjeu", " enjeu"),
        ("en", " issues", " issue"),
        ("es", " temas", " tema"),
    ] {
        let (status, html) = server.get_text(&localized(lang, "/?q=dnssec")).await;
        assert_eq!(status, 200);
        let noun_after = |count: &str| {
            let marker = format!("</span>{count}<span class=\"visually-hidden\">");
            let at = html.find(&marker).map(|at| at + marker.len());
            at.and_then(|at| {
                html[at..]
                    .split_once("</span>")
                    .map(|(noun, _)| noun.to_string())
            })
        };
        assert_eq!(noun_after("0").as_deref(), Some(zero), "{lang}");
        assert_eq!(noun_after("1").as_deref(), Some(one), "{lang}");
    }
}

#[tokio::test]
async fn prefixes_that_are_no_language_and_unknown_pages_are_404s() {
    let server = InProcess::new().await;
    for path in [
        "/de/",
        "/FR/",
        "/en/issues/dns",
        "/fr/api/issues",
        "/fr/feed.xml",
        "/frissues/dns",
    ] {
        let (status, _) = server.get_text(path).await;
        assert_eq!(status, 404, "{path}");
    }
    // A trailing slash is no other address: it leads to the page, in its language.
    for (path, target) in [
        ("/map/", "/map"),
        ("/fr/map/?issue=dns", "/fr/map?issue=dns"),
        ("/es/issues/dns/", "/es/issues/dns"),
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status, 308, "{path}");
        assert_eq!(response.header("location"), Some(target), "{path}");
        assert!(
            response.header("x-content-type-options") == Some("nosniff"),
            "{path}: the security headers too"
        );
    }
    for (path, lang) in [("/fr/issues/", "fr"), ("/es/map//", "es")] {
        let (status, html) = server.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
        assert!(
            html.contains("class=\"error-page\""),
            "{path}: the 404 page"
        );
    }
    let (status, html) = server.get_text("/fr/issues/dnss").await;
    assert_eq!(status, 404);
    assert!(html.contains("<html lang=\"fr\""));
    // The closest issues, in French and at their French addresses.
    assert!(
        html.contains("href=\"/fr/issues/dnssec\""),
        "suggestions in French"
    );
    assert!(html.contains("Extensions de sécurité du DNS"));
}

#[tokio::test]
async fn the_api_and_the_search_data_take_the_language() {
    let server = InProcess::new().await;
    let (status, issue) = server.get_json("/api/issues/dns?lang=es").await;
    assert_eq!(status, 200);
    assert_eq!(issue["title"], "Sistema de nombres de dominio (DNS)");
    let (status, english) = server.get_json("/api/issues/dns").await;
    assert_eq!(status, 200);
    assert_eq!(english["title"], "Domain Name System (DNS)");
    let (status, index) = server.get_json("/api/search-index?lang=fr").await;
    assert_eq!(status, 200);
    assert!(index.to_string().contains("Chiffrement"));
    // The browser's address for the same data, one a static export can hold as a file.
    let (status, by_path) = server.get_json("/api/search-index/fr").await;
    assert_eq!(status, 200);
    assert_eq!(by_path, index);
    for path in [
        "/api/search-index/de",
        "/api/search-index/FR",
        "/api/search-index/",
    ] {
        let (status, error) = server.get_json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(error["status"], 404, "{path}: a JSON error");
    }
    let (_, error) = server.get_json("/api/search-index/de").await;
    let message = error["error"].as_str().unwrap_or_default();
    assert!(
        message.contains("“de”") && message.contains("en, fr and es"),
        "{message}"
    );
    let (status, _) = server.get_json("/api/search-index/fr?lang=es").await;
    assert_eq!(status, 400, "the address names the language already");
    for path in [
        "/api/issues?lang=de",
        "/api/glossary?lang=FR",
        "/api/search-index?lang=",
    ] {
        let (status, error) = server.get_json(path).await;
        assert_eq!(status, 400, "{path}");
        let message = error["error"].as_str().unwrap_or_default();
        assert!(message.contains("en, fr, es"), "{path}: {message}");
    }
}

/// Every interface string of `locales/<lang>.json`, by dotted key.
fn interface_strings(lang: &str) -> BTreeMap<String, String> {
    let path = workspace().join(format!("app/locales/{lang}.json"));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("locale")).expect("locale JSON");
    let mut strings = BTreeMap::new();
    fn walk(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, value, out);
                }
            }
            Value::String(text) => {
                out.insert(prefix.to_string(), text.clone());
            }
            _ => {}
        }
    }
    walk("", &json, &mut strings);
    strings
}

/// What a reader meets on a page: its text and the attributes read aloud or shown, with
/// scripts left out and so are elements marked `lang="en"` (English on purpose: document
/// titles, the Internet Society's original words).
fn reader_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut skipping: Vec<String> = Vec::new();
    while let Some(open) = rest.find('<') {
        if skipping.is_empty() {
            out.push_str(&rest[..open]);
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            if skipping.last() == Some(&name) {
                skipping.pop();
            }
            continue;
        }
        let void =
            tag.ends_with('/') || ["meta", "link", "img", "input", "br"].contains(&name.as_str());
        if !skipping.is_empty() {
            if skipping.last() == Some(&name) && !void {
                skipping.push(name);
            }
            continue;
        }
        if name == "script" || name == "style" || tag.contains(" lang=\"en\"") {
            if let Some(end) = (name == "script" || name == "style")
                .then(|| rest.find(&format!("</{name}>")))
                .flatten()
            {
                rest = &rest[end..];
            } else if !void {
                skipping.push(name);
            }
            continue;
        }
        for attribute in [
            "aria-label=\"",
            "placeholder=\"",
            "alt=\"",
            "title=\"",
            "content=\"",
        ] {
            if let Some(value) = tag
                .split(attribute)
                .nth(1)
                .and_then(|v| v.split('"').next())
            {
                out.push(' ');
                out.push_str(value);
                out.push(' ');
            }
        }
    }
    out.replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

#[tokio::test]
async fn no_english_interface_string_appears_on_a_french_or_spanish_page() {
    let server = InProcess::new().await;
    let english = interface_strings("en");
    for lang in ["fr", "es"] {
        let translated = interface_strings(lang);
        // The words of each English string, cut at its placeholders; those a language
        // writes the same way ("Site", a colon) are no sign of English.
        let pieces: Vec<(&str, String)> = english
            .iter()
            .filter(|(key, text)| translated.get(*key) != Some(*text))
            .flat_map(|(key, text)| {
                text.split("{{")
                    .map(|piece| piece.split("}}").last().unwrap_or(piece).trim().to_string())
                    .filter(|piece| piece.len() >= 6 && piece.contains(' '))
                    .map(move |piece| (key.as_str(), piece))
            })
            .collect();
        assert!(pieces.len() > 80, "{} pieces", pieces.len());
        let mut paths: Vec<String> = PAGES.iter().map(|page| localized(lang, page)).collect();
        paths.push(localized(lang, "/?q=dns"));
        paths.push(localized(lang, "/?q=zzzz"));
        paths.push(localized(lang, "/issues/nope"));
        paths.push(localized(lang, "/issues/tls"));
        for path in paths {
            let (_, html) = server.get_text(&path).await;
            let text = reader_text(&html);
            for (key, piece) in &pieces {
                assert!(
                    !text.contains(piece.as_str()),
                    "{path}: English “{piece}” ({key}) on a {lang} page"
                );
            }
        }
    }
}

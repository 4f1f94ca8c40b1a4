//! The whole app called in-process (`server::app` with `tower::ServiceExt::oneshot`): no
//! process, no port, no TCP. For tests of HTTP semantics (status, headers, bodies, caching);
//! what needs real connections starts the binary ([`super::TestServer`]).

use std::path::Path;
use std::sync::Arc;

use axum::body::{to_bytes, Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use server::config::Config;
use tower::ServiceExt;

/// Written while an app is built, read while a request is answered, across all the tests
/// of a binary. Building an app renders it once to list its routes (leptos_router's
/// `RouteList::generate`), and for that while leptos_server sets a flag for the whole
/// process (`IS_SUPPRESSING_RESOURCE_LOAD`, `leptos_server/src/resource.rs`) that makes
/// every resource created meanwhile wait for ever: a page another test rendered at that
/// moment never answered (seen twice in about ten suite runs, 408 after the timeout). The
/// server builds its one app before it listens, so it cannot meet this.
static APP_BUILDS: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

pub struct InProcess {
    router: Router,
}

/// One answer: status, every header, the body as sent (not decoded).
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    /// A header's value (the first, if repeated).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as text (every body these tests read is UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8(self.body.to_vec()).expect("a UTF-8 body")
    }

    /// Every value of a header that may repeat, joined as one list (RFC 9110 §5.3).
    pub fn joined(&self, name: &str) -> String {
        self.headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl InProcess {
    /// The real content, static files from `public/` (what cargo-leptos copies).
    pub async fn new() -> Self {
        Self::with_site_root(&super::workspace().join("public")).await
    }

    /// The real content, static files from `site_root`.
    pub async fn with_site_root(site_root: &Path) -> Self {
        Self::configured(&super::workspace().join("content"), site_root, |_| {}).await
    }

    /// The real content and static files, reached at `base` (`PUBLIC_BASE_URL`).
    pub async fn with_public_base(base: &str) -> Self {
        Self::with_content_and_base(&super::workspace().join("content"), base).await
    }

    /// The content of `content`, static files from `public/`, reached at `base`.
    pub async fn with_content_and_base(content: &Path, base: &str) -> Self {
        let site_root = super::workspace().join("public");
        Self::configured(content, &site_root, |config| {
            config.public_base_url = base.parse().expect("a valid base URL");
        })
        .await
    }

    /// The app as `configure` leaves the defaults for `content` and `site_root`.
    pub async fn configured(
        content: &Path,
        site_root: &Path,
        configure: impl FnOnce(&mut Config),
    ) -> Self {
        let catalog = app::content::load_catalog(content).expect("the content loads");
        let mut config = Config::with_defaults(
            content.to_path_buf(),
            site_root.to_str().expect("utf-8 path"),
        );
        configure(&mut config);
        let _no_render_meanwhile = APP_BUILDS.write().await;
        Self {
            router: server::app(&config, Arc::new(catalog)),
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[]).await
    }

    /// `GET path`: status and body as text.
    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let answer = self.get(path).await;
        (answer.status.as_u16(), answer.text())
    }

    /// `GET path`: status and body as JSON.
    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let answer = self.get(path).await;
        let json = serde_json::from_slice(&answer.body)
            .unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
        (answer.status.as_u16(), json)
    }

    /// `GET path` with `headers`.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        self.request("GET", path, headers).await
    }

    /// `method path` with `headers` and no body.
    pub async fn request(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("a valid request"))
            .await
    }

    /// `POST path` with a form body.
    pub async fn post_form(&self, path: &str, body: &str) -> Answer {
        let request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body.to_owned()))
            .expect("a valid request");
        self.send(request).await
    }

    pub async fn send(&self, request: Request<Body>) -> Answer {
        let _no_app_built_meanwhile = APP_BUILDS.read().await;
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .unwrap_or_else(|never| match never {});
        let (parts, body) = response.into_parts();
        let body = to_bytes(body, 64 << 20).await.expect("the body");
        Answer {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }
}

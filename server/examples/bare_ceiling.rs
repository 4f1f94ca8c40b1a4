//! The framework's ceiling on this machine, for BENCHMARKS.md §2 and §12: axum and hyper
//! serving one fixed page from memory with no middleware at all. `cargo run --release -p
//! server --example bare_ceiling -- <file> [addr] [content-encoding]`, then wrk against it
//! (`bench/stored-vs-bare.sh` does both).

use axum::body::Bytes;
use axum::http::header::{CONTENT_ENCODING, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::IntoResponse;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let page = Bytes::from(std::fs::read(
        args.next().unwrap_or_else(|| "index.html".into()),
    )?);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:3230".into());
    let encoding = args
        .next()
        .map(HeaderValue::try_from)
        .transpose()
        .map_err(std::io::Error::other)?;
    let app = axum::Router::new().fallback(get(move || {
        let page = page.clone();
        let encoding = encoding.clone();
        async move {
            let mut response = ([(CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
            if let Some(encoding) = encoding {
                response.headers_mut().insert(CONTENT_ENCODING, encoding);
            }
            response
        }
    }));
    axum::serve(tokio::net::TcpListener::bind(addr).await?, app).await
}

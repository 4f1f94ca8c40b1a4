//! The framework's ceiling on this machine, for BENCHMARKS.md §2: axum and hyper serving one
//! fixed page from memory with no middleware at all. `cargo run --release -p server
//! --example bare_ceiling -- <file> [addr]`, then wrk against it.

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let page = Bytes::from(std::fs::read(
        args.next().unwrap_or_else(|| "index.html".into()),
    )?);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:3230".into());
    let app = axum::Router::new().fallback(get(move || {
        let page = page.clone();
        async move { ([(CONTENT_TYPE, "text/html; charset=utf-8")], page) }
    }));
    axum::serve(tokio::net::TcpListener::bind(addr).await?, app).await
}

//! `server healthcheck`: a probe for container images without a shell or HTTP client.

use std::process::ExitCode;
use std::time::Duration;

use crate::config::Config;

/// `server healthcheck`: asks the server configured by this environment for `/healthz` on
/// the loopback address and exits 0 on `200`, 1 otherwise. The container image's
/// HEALTHCHECK, in an image with no shell or HTTP client.
pub fn healthcheck() -> ExitCode {
    use std::io::{Read, Write};
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};

    let timeout = Duration::from_secs(2);
    let configured = match Config::from_env() {
        Ok(config) => config.leptos.site_addr,
        Err(error) => {
            eprintln!("unhealthy: invalid configuration: {error}");
            return ExitCode::FAILURE;
        }
    };
    let ip = match configured.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let address = SocketAddr::new(ip, configured.port());
    let answer = TcpStream::connect_timeout(&address, timeout).and_then(|mut stream| {
        stream.set_read_timeout(Some(timeout))?;
        stream.set_write_timeout(Some(timeout))?;
        stream.write_all(
            format!("GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )?;
        let mut answer = Vec::new();
        stream.take(4096).read_to_end(&mut answer)?;
        Ok(answer)
    });
    match answer {
        Ok(answer) if answer.starts_with(b"HTTP/1.1 200 ") => ExitCode::SUCCESS,
        Ok(answer) => {
            let line = String::from_utf8_lossy(&answer);
            eprintln!(
                "unhealthy: {address}/healthz answered {:?}",
                line.lines().next().unwrap_or_default()
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("unhealthy: {address}/healthz: {error}");
            ExitCode::FAILURE
        }
    }
}

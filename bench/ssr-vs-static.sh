#!/usr/bin/env bash
# Stored pages against static file servers, on the same bytes, in one run: 64 connections
# for DURATION seconds (default 20) per row.
#   (a) this server's pages (`/`, `/issues/dns`, `/map`), from its render store;
#   (b) the same server's static file handler (tower-http ServeDir, same middleware) serving
#       byte-identical saved copies;
#   (c) Debian's nginx-light (2 workers, access log off, sendfile) serving the same copies,
#       uncompressed and, with the brotli_static module, from pre-compressed `.br` copies.
# Prints the rows and the ratios (a)/(c). Installs nginx-light and the module if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
duration="${DURATION:-20}"
nginx_port="${NGINX_PORT:-3210}"

if ! command -v nginx >/dev/null || [ ! -f /usr/share/nginx/modules-available/mod-http-brotli-static.conf ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    nginx-light libnginx-mod-http-brotli-static >/dev/null
fi

saved=target/site/bench-static
work=$(mktemp -d)
mkdir -p "$saved" "$work/www"
start_server
# Copies of what the server sends: identity bytes, and its stored brotli bytes.
for page in home:/ dns:/issues/dns map:/map; do
  name=${page%%:*} path=${page#*:}
  curl -fsS "$bench_base$path" -o "$saved/$name.html"
  curl -fsS -H 'Accept-Encoding: br' "$bench_base$path" -o "$work/www/$name.html.br"
  cp "$saved/$name.html" "$work/www/$name.html"
done
chmod -R a+rX "$work"
cat >"$work/nginx.conf" <<CONF
include /etc/nginx/modules-enabled/*.conf;
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    brotli_static on;
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill "$server_pid" "$nginx_pid" 2>/dev/null || true; rm -rf "$saved" "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/home.html" 2>/dev/null && break
  sleep 0.05
done
# The copies must be the same bytes nginx serves.
cmp <(curl -fsS "http://127.0.0.1:$nginx_port/dns.html") "$saved/dns.html"
curl -fsS -D - -o /dev/null -H 'Accept-Encoding: br' "http://127.0.0.1:$nginx_port/dns.html" \
  | grep -qi '^content-encoding: br' || { echo "nginx does not serve the .br copy" >&2; exit 1; }

nginx_base="http://127.0.0.1:$nginx_port"
echo "| what | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
rows=$(
  for encoding in identity br; do
    ENCODING=$encoding LABEL="(a) / $encoding" wrk_row 64 "$duration" /
    ENCODING=$encoding LABEL="(a) /issues/dns $encoding" wrk_row 64 "$duration" /issues/dns
    ENCODING=$encoding LABEL="(a) /map $encoding" wrk_row 64 "$duration" /map
    ENCODING=$encoding BASE=$nginx_base LABEL="(c) nginx home.html $encoding" wrk_row 64 "$duration" /home.html
    ENCODING=$encoding BASE=$nginx_base LABEL="(c) nginx dns.html $encoding" wrk_row 64 "$duration" /dns.html
    ENCODING=$encoding BASE=$nginx_base LABEL="(c) nginx map.html $encoding" wrk_row 64 "$duration" /map.html
  done
  LABEL="(b) ServeDir home.html br" wrk_row 64 "$duration" /bench-static/home.html
  LABEL="(b) ServeDir dns.html br" wrk_row 64 "$duration" /bench-static/dns.html
)
echo "$rows"
awk -F'|' '{ rps[NR] = $3 } END {
  printf "\nratio (a)/(c) without compression: / %.2f, /issues/dns %.2f, /map %.2f\n", rps[1] / rps[4], rps[2] / rps[5], rps[3] / rps[6];
  printf "ratio (a)/(c) with brotli (nginx: brotli_static): / %.2f, /issues/dns %.2f, /map %.2f\n", rps[7] / rps[10], rps[8] / rps[11], rps[9] / rps[12] }' <<<"$rows"

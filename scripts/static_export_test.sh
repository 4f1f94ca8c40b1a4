#!/usr/bin/env bash
# The static export, served by a plain static file server: writes the site with
# `target/release/server export`, turns its `_headers` file into an nginx configuration
# (every header as written, so a wrong CSP shows up as a violation in the browser), serves
# it with Debian's nginx-light and runs the Playwright "static" project against it.
# Usage: scripts/static_export_test.sh   (after scripts/build_release.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${STATIC_PORT:-3220}"
out=target/static-export
work=$(mktemp -d)
command -v nginx >/dev/null || {
  echo "nginx is missing: scripts/setup.sh --browser installs nginx-light" >&2
  exit 2
}
if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
  echo "something already answers on 127.0.0.1:$port; stop it or set STATIC_PORT" >&2
  exit 1
fi

rm -rf "$out"
env -i PATH="$PATH" RUST_LOG=warn target/release/server export "$out"
chmod -R a+rX "$out" "$work"
root=$(cd "$out" && pwd)

# _headers → one exact `location` per path (its headers, `always`, so the 404 page gets
# them too), `/pkg/*` → a prefix location; a content-type becomes the location's type.
python3 - "$root" "$port" "$work" >"$work/nginx.conf" <<'PY'
import sys
root, port, work = sys.argv[1:4]
blocks, current = {}, None
for line in open(f"{root}/_headers", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    if not line.startswith(" "):
        current = line.strip()
        blocks[current] = []
    else:
        name, value = line.strip().split(": ", 1)
        blocks[current].append((name, value))

def directives(headers):
    out = []
    for name, value in headers:
        if name == "content-type":
            out.append(f"default_type {value.split(';')[0]};")
        else:
            out.append(f"add_header {name} \"{value}\" always;")
    return "\n      ".join(out)

locations = []
for path, headers in blocks.items():
    if path.endswith("/*"):
        prefix = path[:-1]
        locations.append(f"location {prefix} {{\n      {directives(headers)}\n      brotli_static on;\n      gzip_static on;\n    }}")
    elif path == "/404.html":
        locations.append(f"location = /404.html {{\n      internal;\n      {directives(headers)}\n    }}")
    else:
        # A folder's page is its index.html (`/` and `/fr/`), as static hosts serve it.
        target = path + "index.html" if path.endswith("/") else path
        locations.append(f"location = {path} {{\n      {directives(headers)}\n      try_files {target} {target}.html =404;\n    }}")
print(f"""include /etc/nginx/modules-enabled/*.conf;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path {work}/body;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    error_page 404 /404.html;
    {chr(10).join('    ' + l for l in locations).strip()}
    location / {{
      try_files $uri $uri.html =404;
    }}
  }}
}}""")
PY

nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/error.log" >&2; exit 1; }
  sleep 0.05
done
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test --project static)

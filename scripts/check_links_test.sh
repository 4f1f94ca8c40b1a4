#!/usr/bin/env bash
# Tests scripts/check_links.py against a local web server (CI has no internet): the listing
# names every cited address with its file:line, and --online reports the one that answers
# 404 and exits 1, while one that answers 200 passes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
mkdir -p "$dir/www" "$dir/content/issues"
echo ok > "$dir/www/here.html"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/www" >/dev/null 2>&1 &
server_pid=$!
cat > "$dir/content/issues/sample.md" <<TOML
+++
title = "Sample"

[[facts]]
figure = "1"
source_url = "http://127.0.0.1:$port/here.html"

[[reading]]
title = "Gone"
url = "http://127.0.0.1:$port/gone.html"
+++
Body.
TOML
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/here.html" 2>/dev/null && break; sleep 0.1; done

listing=$(CONTENT_DIR="$dir/content" scripts/check_links.py)
grep -q "sample.md:6: source_url http://127.0.0.1:$port/here.html" <<<"$listing" || { echo "listing lacks the fact: $listing" >&2; exit 1; }
grep -q "sample.md:10: url http://127.0.0.1:$port/gone.html" <<<"$listing" || { echo "listing lacks the reading: $listing" >&2; exit 1; }

if online=$(CONTENT_DIR="$dir/content" scripts/check_links.py --online); then
  echo "check_links.py --online passed although one address answers 404: $online" >&2
  exit 1
fi
grep -q "gone.html: HTTP 404" <<<"$online" || { echo "the 404 is not named: $online" >&2; exit 1; }
if grep -q "here.html" <<<"$online"; then echo "the answering address was reported: $online" >&2; exit 1; fi
echo "check_links.py: listing and --online behave ($(grep -c . <<<"$listing") lines)"

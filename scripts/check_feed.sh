#!/usr/bin/env bash
# The Atom feed of changes (/feed.xml) read by a real feed parser: Python's feedparser
# (PyPI), which flags any feed that is not well-formed ("bozo"). Every entry must have a
# title, a link to its issue page, an id, a date and a summary, and the feed one entry per
# change listed on /changes.
#
# Usage: scripts/check_feed.sh BASE_URL
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDPARSER_VERSION=6.0.14
VENV="${FEED_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/internet-issues-explorer/feed-venv}"
base="${1:?usage: scripts/check_feed.sh BASE_URL}"
source scripts/lib/venv.sh
ensure_venv "$VENV" "feedparser==$FEEDPARSER_VERSION"

"$VENV/bin/python" - "$base" <<'PY'
import re
import sys
import urllib.request

import feedparser

base = sys.argv[1]
with urllib.request.urlopen(f"{base}/feed.xml") as response:
    assert response.headers["Content-Type"].startswith("application/atom+xml"), response.headers["Content-Type"]
    body = response.read()
feed = feedparser.parse(body)
if feed.bozo:
    sys.exit(f"feed.xml is not well-formed: {feed.bozo_exception}")
assert feed.version == "atom10", feed.version
assert feed.feed.get("title") and feed.feed.get("updated"), feed.feed
with urllib.request.urlopen(f"{base}/changes") as response:
    changes = response.read().decode()
listed = len(re.findall(r"<li><a href=\"/issues/", changes))
assert len(feed.entries) == listed, f"{len(feed.entries)} entries, {listed} changes on /changes"
ids = set()
for entry in feed.entries:
    for key in ("title", "link", "id", "updated", "summary"):
        assert entry.get(key), f"an entry without {key}: {entry}"
    assert "/issues/" in entry.link, entry.link
    ids.add(entry.id)
assert len(ids) == len(feed.entries), "entry ids are not unique"
dates = [entry.updated for entry in feed.entries]
assert dates == sorted(dates, reverse=True), "entries are not newest first"
print(f"feed.xml: well-formed Atom, {len(feed.entries)} entries, one per change on /changes")
PY

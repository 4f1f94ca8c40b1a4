#!/usr/bin/env python3
"""First-load bundle budget.

Loads `/`, an issue page, `/map`, `/fr/` and `/es/issues/dns` (or the paths given) from a running release server,
finds every script, stylesheet and WASM module each page loads (linked, inline, or imported by a linked script), compresses each with `brotli -q 11`, and fails when the sum
exceeds the budget in bench/bundle-budget-bytes. Sizes are deterministic, so this runs in the
test suite. Usage: scripts/bundle_budget.py [BASE_URL [PATH...]]   (default http://127.0.0.1:3100)
"""

import gzip
import pathlib
import re
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUDGET_FILE = ROOT / "bench" / "bundle-budget-bytes"


class AssetFinder(HTMLParser):
    """Collects the URLs of linked assets and the text of inline scripts."""

    def __init__(self):
        super().__init__()
        self.linked = []
        self.inline = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "modulepreload" in rel or ("preload" in rel and attrs.get("as") in ("fetch", "script", "style"))):
            self.linked.append(attrs["href"])
        elif tag == "script" and attrs.get("type") != "application/ld+json":
            # JSON-LD is data for search engines, not code the browser runs.
            if attrs.get("src"):
                self.linked.append(attrs["src"])
            else:
                self._in_script = True
                self.inline.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline[-1] += data


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def brotli_size(data):
    return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


PAGES = ["/", "/issues/dns", "/map", "/fr/", "/es/issues/dns"]


def first_load(base, page):
    """The rows (name, bytes) of everything `page` loads first, inline scripts included."""
    finder = AssetFinder()
    finder.feed(fetch(base + page).decode("utf-8"))
    if not finder.linked:
        sys.exit(f"bundle-budget: `{page}` links no assets; is this the release server?")
    rows = []
    pending = list(dict.fromkeys(finder.linked))
    seen = set()
    while pending:
        href = pending.pop(0)
        if href in seen:
            continue
        seen.add(href)
        data = fetch(base + href if href.startswith("/") else href)
        rows.append((href, data))
        # Modules a script imports statically load with it (the WASM-split loader does).
        if href.endswith(".js"):
            folder = href.rsplit("/", 1)[0]
            for imported in re.findall(rb'from\s*"\./([^"]+\.js)"', data):
                pending.append(f"{folder}/{imported.decode()}")
    inline = "".join(finder.inline).encode("utf-8")
    rows.append((f"inline scripts ({len(finder.inline)})", inline))
    return rows


def main():
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3100").rstrip("/")
    pages = sys.argv[2:] or PAGES
    budget = int(BUDGET_FILE.read_text().strip())
    over = []
    for page in pages:
        total = 0
        print(f"\nFirst load of {page}\n\n| asset | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|")
        for name, data in first_load(base, page):
            size = brotli_size(data)
            total += size
            print(f"| {name} | {len(data)} | {len(gzip.compress(data, 9))} | {size} |")
        print(f"| **total** | | | **{total}** |")
        print(f"bundle-budget: {page}: {total} of {budget} bytes (brotli)")
        if total > budget:
            over.append(f"{page} ({total})")
    if over:
        sys.exit(f"bundle-budget: FAILED: over the budget of {budget} bytes: {', '.join(over)}")
    print(f"bundle-budget: ok, every page within {budget} bytes (brotli)")


if __name__ == "__main__":
    main()

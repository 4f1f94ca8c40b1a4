#!/usr/bin/env python3
"""Every address the content cites, and (with --online) whether each still answers.

The form of the addresses (https, no copy hosts, no tracking parameters) is checked by the
content loader itself, at every start and in the test suite. This script adds what needs the
network, which CI machines here do not have:

    scripts/check_links.py            # list every cited address with its file:line
    scripts/check_links.py --online   # request each; exit 1 if any does not answer 2xx/3xx

It reads `source_url`, `seen_in`, `[[reading]]` url and editor's-note sources from
content/issues/*.md (CONTENT_DIR overrides the folder).
"""
import concurrent.futures
import os
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

FIELDS = ("source_url", "seen_in", "url")
USER_AGENT = "internet-issues-explorer link check (+https://github.com/)"


def cited(content: Path):
    """(file:line, field, url) for every cited address, in file order."""
    for path in sorted((content / "issues").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        parts = text.split("+++\n")
        if len(parts) < 3:
            raise SystemExit(f"{path}: no front matter (run server --check-content)")
        data = tomllib.loads(parts[1])
        entries = data.get("facts", []) + data.get("reading", []) + data.get("editor_notes", [])
        for entry in entries:
            for field in FIELDS:
                url = entry.get(field)
                if url:
                    line = next(
                        (n for n, l in enumerate(text.splitlines(), 1) if url in l and field in l),
                        0,
                    )
                    yield f"{path}:{line}", field, url


def answers(url: str) -> str | None:
    """None when the address answers 2xx/3xx, otherwise why not."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                if response.status < 400:
                    return None
                problem = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            # Some servers refuse HEAD; try GET before calling it broken.
            problem = f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"unreachable: {error}"
    return problem


def main() -> int:
    content = Path(os.environ.get("CONTENT_DIR", Path(__file__).resolve().parent.parent / "content"))
    links = list(cited(content))
    if "--online" not in sys.argv[1:]:
        for place, field, url in links:
            print(f"{place}: {field} {url}")
        print(f"{len(links)} cited addresses ({len({u for _, _, u in links})} distinct); "
              "run with --online to check that they answer")
        return 0
    distinct = sorted({url for _, _, url in links})
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        verdicts = dict(zip(distinct, pool.map(answers, distinct)))
    broken = [(place, field, url, verdicts[url]) for place, field, url in links if verdicts[url]]
    for place, field, url, why in broken:
        print(f"{place}: {field} {url}: {why}")
    print(f"{len(distinct)} addresses checked, {len({b[2] for b in broken})} did not answer")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# HTTP lint: REDbot (PyPI `redbot`, by the editor of the HTTP caching RFCs) over every kind
# of response the server gives, against a running server. REDbot makes its own follow-up
# requests (conditional, range, negotiated), so it checks 304s, 206s and Vary as well.
#
# Usage: scripts/http_lint.sh BASE_URL [SITE_ROOT]   (SITE_ROOT: default target/site, for
# the asset names)
#
# Fails on any BAD or WARN note that scripts/http_lint_allow.txt does not list (note id, a
# path glob and the reason). REDbot goes to a virtualenv under ~/.cache (HTTP_LINT_VENV
# overrides), installed once from PyPI; later runs need no network.
set -euo pipefail
cd "$(dirname "$0")/.."

REDBOT_VERSION=2.7.1
VENV="${HTTP_LINT_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/internet-issues-explorer/redbot-venv}"
base="${1:?usage: scripts/http_lint.sh BASE_URL [SITE_ROOT]}"
site_root="${2:-target/site}"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

source scripts/lib/venv.sh
ensure_venv "$VENV" "redbot==$REDBOT_VERSION"

# The app's own built asset of each kind, by its fingerprinted name.
asset() {
  find "$site_root/pkg" -maxdepth 1 -name "explorer.*.$1" | sort | head -1 | sed "s|^$site_root||"
}
paths=(
  /issues/dns
  "/?q=domain+names"
  "/?focus=connecting-the-world"
  /map
  "/map?relation=protects"
  /glossary
  /changes
  /issues/no-such-issue
  /api/issues
  "/api/issues?focus_area=building-trust"
  "/api/issues?q=dns"
  /api/issues/dns
  /api/issues/no-such-issue
  /api/glossary
  /api/search-index
  "/api/fn/get_issue?slug=dns"
  /sitemap.xml
  /robots.txt
  /feed.xml
  /share/dns.png
  /icons/dns.svg
  "$(asset js)"
  "$(asset css)"
  "$(asset wasm)"
)

step "REDbot $REDBOT_VERSION over ${#paths[@]} responses at $base"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
i=0
for path in "${paths[@]}"; do
  [ -n "$path" ] || { echo "no built asset under $site_root/pkg" >&2; exit 1; }
  i=$((i + 1))
  printf '%s\n' "$path" >"$out/$i.path"
  "$VENV/bin/redbot" -o har "$base$path" >"$out/$i.har"
done

"$VENV/bin/python" - "$out" scripts/http_lint_allow.txt <<'PY'
import fnmatch
import json
import pathlib
import sys

out, allow_file = pathlib.Path(sys.argv[1]), sys.argv[2]
allowed = []
for number, line in enumerate(open(allow_file, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    parts = line.split(None, 2)
    if len(parts) < 3:
        sys.exit(f"{allow_file}:{number}: expected NOTE_ID PATH_GLOB REASON")
    allowed.append({"note": parts[0], "glob": parts[1], "reason": parts[2], "used": False})


def notes(items):
    for note in items:
        yield note
        yield from notes(note.get("subnotes", []))


failures, seen = [], 0
for har_file in sorted(out.glob("*.har"), key=lambda p: int(p.stem)):
    path = (out / f"{har_file.stem}.path").read_text().strip()
    har = json.loads(har_file.read_text())
    if "_red_error" in har["log"]:
        failures.append(f"{path}: REDbot could not check it: {har['log']['_red_error']}")
        continue
    for entry in har["log"]["entries"]:
        status = entry["response"]["status"]
        for note in notes(entry.get("_red_messages", [])):
            seen += 1
            if note["level"] not in ("BAD", "WARN"):
                continue
            rule = next(
                (a for a in allowed if a["note"] == note["note_id"] and fnmatch.fnmatchcase(path, a["glob"])),
                None,
            )
            label = f"{note['level']} {note['note_id']} on {path} ({status}): {note['summary']}"
            if rule:
                rule["used"] = True
                print(f"allowed  {label}  [{rule['reason']}]")
            else:
                failures.append(label)
for rule in allowed:
    if not rule["used"]:
        print(f"note: the allowance {rule['note']} {rule['glob']} was not needed")
for failure in failures:
    print(f"FAIL {failure}")
print(f"{seen} notes read; {len(failures)} not allowed")
sys.exit(1 if failures else 0)
PY

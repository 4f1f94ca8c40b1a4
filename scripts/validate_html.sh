#!/usr/bin/env bash
# Fetches every kind of page from a running explorer and checks the HTML with the Nu Html
# Checker (vnu.jar from end2end/'s vnu-jar devDependency, run by the system's Java, which
# scripts/setup.sh --browser installs). Prints each error and exits 1 if there is any.
#
# Usage: scripts/validate_html.sh BASE_URL        e.g. scripts/validate_html.sh http://127.0.0.1:3100
#   VNU_JAR=path/to/vnu.jar   another vnu.jar (default end2end/node_modules/vnu-jar/build/dist/vnu.jar)
#   HTML_OUT_DIR=dir          keep the fetched pages there (default: a temporary folder, removed)
#
# Pages: / , /?focus=<first focus area> , /?focus=emerging , /?q=dns , every /issues/<slug>
# from /api/issues (editor's notes, connections, histories), /map , /map?issue=dns ,
# /map?relation=protects&issue=dns , /glossary , /changes , / with the cookie theme=dark, and
# /issues/no-such-issue (must answer 404; its body is checked too); then the same in French
# and Spanish under /fr/ and /es/.
set -euo pipefail
cd "$(dirname "$0")/.."

base="${1:?usage: scripts/validate_html.sh BASE_URL}"
base="${base%/}"
vnu_jar="${VNU_JAR:-end2end/node_modules/vnu-jar/build/dist/vnu.jar}"

command -v java >/dev/null || { echo "java is missing: scripts/setup.sh --browser installs it" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing: apt-get install -y python3" >&2; exit 2; }
[ -f "$vnu_jar" ] || { echo "$vnu_jar is missing: run npm ci in end2end/" >&2; exit 2; }

if [ -n "${HTML_OUT_DIR:-}" ]; then
  out="$HTML_OUT_DIR"
  mkdir -p "$out"
  rm -f "$out"/*.html
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

failed=0
# fetch NAME PATH EXPECTED_STATUS [curl options...]: saves the body as $out/NAME.html.
fetch() {
  local name=$1 path=$2 want=$3
  shift 3
  local got
  got=$(curl -sS --max-time 20 -o "$out/$name.html" -w '%{http_code} %{content_type}' "$@" "$base$path")
  if [ "${got%% *}" != "$want" ] || [[ "${got#* }" != text/html* ]]; then
    echo "$path: expected $want text/html, got $got" >&2
    failed=1
  fi
}

api=$(curl -fsS --max-time 20 "$base/api/issues")
# Line 1: the first focus area's slug; then one issue slug a line.
mapfile -t slugs < <(python3 -c '
import json, sys
index = json.load(sys.stdin)
print(index["focus_areas"][0]["slug"])
for section in index["sections"]:
    for issue in section["issues"]:
        print(issue["slug"])
' <<<"$api")
focus="${slugs[0]}"
issues=("${slugs[@]:1}")
[ "${#issues[@]}" -gt 0 ] || { echo "/api/issues listed no issues" >&2; exit 1; }

fetch home / 200
fetch home-dark / 200 -H 'Cookie: theme=dark'
fetch home-focus "/?focus=$focus" 200
fetch home-focus-emerging "/?focus=emerging" 200
fetch home-search "/?q=dns" 200
for slug in "${issues[@]}"; do
  fetch "issue-$slug" "/issues/$slug" 200
done
fetch map /map 200
fetch map-issue "/map?issue=dns" 200
fetch map-relation "/map?relation=protects&issue=dns" 200
fetch glossary /glossary 200
fetch changes /changes 200
fetch not-found /issues/no-such-issue 404
# The same page types in French and Spanish (their translated content, the switcher, the
# "translation of the Internet Society's words" blocks, the French 404).
for lang in fr es; do
  fetch "$lang-home" "/$lang/" 200
  fetch "$lang-home-focus" "/$lang/?focus=$focus" 200
  fetch "$lang-home-search" "/$lang/?q=securite" 200
  for slug in "${issues[@]}"; do
    fetch "$lang-issue-$slug" "/$lang/issues/$slug" 200
  done
  fetch "$lang-map" "/$lang/map" 200
  fetch "$lang-map-issue" "/$lang/map?issue=dns" 200
  fetch "$lang-glossary" "/$lang/glossary" 200
  fetch "$lang-changes" "/$lang/changes" 200
  fetch "$lang-not-found" "/$lang/issues/no-such-issue" 404
done

count=$(find "$out" -maxdepth 1 -name '*.html' | wc -l)
echo "checking $count pages from $base with vnu $(java -jar "$vnu_jar" --version)"
# One JVM for all the pages. vnu exits 1 when it reports an error.
if ! java -jar "$vnu_jar" --errors-only --format gnu "$out"/*.html 2>"$out/vnu.txt"; then
  failed=1
fi
if [ -s "$out/vnu.txt" ]; then
  # "file:/tmp/x/home.html":1.2-1.5: error: …  →  home.html:1.2-1.5: error: …
  sed -E 's|^"file:[^"]*/([^/"]+)":|\1:|' "$out/vnu.txt" >"$out/errors.txt"
  cat "$out/errors.txt"
  echo "vnu: $(grep -c ': error:' "$out/errors.txt" || true) errors in" \
    "$(grep ': error:' "$out/errors.txt" | cut -d: -f1 | sort -u | wc -l) of $count pages" >&2
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "HTML validation failed" >&2
  exit 1
fi
echo "all $count pages are valid HTML"

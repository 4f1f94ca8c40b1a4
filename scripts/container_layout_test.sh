#!/usr/bin/env bash
# The image's start command, outside a container: the image cannot be built on a machine
# without registry access, so this checks what can be checked without it, following the
# Containerfile itself rather than a copy of its settings.
# Usage: scripts/container_layout_test.sh   (after `scripts/build_release.sh`)
#
# 1. The build stage's steps after `cargo leptos build`, run on the host in a temp dir with
#    the build stage's paths (/src, /out) moved under it: the copies out of target/, `strip`,
#    `server --check-content` and the brotli/gzip pre-compression with its mtime touch.
#    A stand-in `cargo` provides what a fresh build would leave in target/site: its pkg/
#    (without the server's own .br/.gz copies) and what public/ puts there, nothing else.
# 2. The runtime stage's COPYs into <tmp>/ as root filesystem (<tmp>/app/bin, site, ...),
#    then everything made read-only (chmod -R a-w), like `--read-only` and root-owned files.
# 3. Its ENTRYPOINT in its WORKDIR with `env -i`, PATH, exactly its ENV (/app rewritten to
#    <tmp>/app, LEPTOS_SITE_ADDR to 127.0.0.1:<free port from 3450>) and PUBLIC_BASE_URL,
#    as its USER (setpriv, when run as root).
# 4. Its HEALTHCHECK command, with its --timeout, until healthy within its --start-period:
#    today `server healthcheck`; a busybox copied from the tools stage would run as the host's
#    busybox if installed (or $BUSYBOX), else as a stand-in that turns `wget` into curl.
# 5. /healthz, /readyz (26 issues), / and every /pkg/ asset it links (fingerprints from
#    hash.txt; brotli bytes equal to the build stage's .br copy), /issues/dns.
# 6. STOPSIGNAL: the server must exit 0 within 10 s, having logged no warning or error and
#    written nothing under <tmp>/app.
# Needs python3 (to parse the Containerfile), curl, brotli, gzip, strip. Exits non-zero on
# any failure; always removes its temp dir.
# shellcheck disable=SC2154 # most variables come from the parsed Containerfile (sourced)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
CONTAINERFILE="${CONTAINERFILE:-Containerfile}"
BUSYBOX="${BUSYBOX:-$(command -v busybox || true)}"
SHUTDOWN_LIMIT_SECS=10
started=$(date +%s%N)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
ok() { echo "ok   $*"; }
tmp=
server_pid=
running() { # a child that exited stays a zombie until waited for, and kill -0 still finds it
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || echo gone)
  [ "$state" != Z ] && [ "$state" != gone ]
}
fail() {
  echo "FAIL $*" >&2
  for log in server.stdout server.stderr; do
    if [ -n "$tmp" ] && [ -s "$tmp/$log" ]; then
      echo "---- last lines of the server's ${log#server.}:" >&2
      tail -n 20 "$tmp/$log" >&2
    fi
  done
  exit 1
}
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$tmp" ] && [ -d "$tmp" ]; then
    chmod -R u+w "$tmp" 2>/dev/null || true
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for file in target/release/server target/release/hash.txt target/site/pkg "$CONTAINERFILE"; do
  [ -e "$file" ] || fail "$file is missing: run scripts/build_release.sh first"
done
for tool in python3 curl brotli gzip strip ss; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install ${tool/ss/iproute2})"
done

port="${LAYOUT_TEST_PORT:-}"
if [ -z "$port" ]; then
  for candidate in $(seq 3450 3469); do
    if [ -z "$(ss -Hltn "sport = :$candidate")" ]; then port=$candidate; break; fi
  done
  [ -n "$port" ] || fail "no free port in 3450-3469 (set LAYOUT_TEST_PORT)"
elif [ -n "$(ss -Hltn "sport = :$port")" ]; then
  fail "port $port is in use"
fi

tmp=$(mktemp -d /tmp/container-layout.XXXXXX)
chmod 755 "$tmp" # the server's user must reach <tmp>/app

# ---------------------------------------------------------------------------------------------
step "reading $CONTAINERFILE"
python3 - "$CONTAINERFILE" "$tmp" "$port" >"$tmp/containerfile.sh" <<'PY' || fail "cannot use $CONTAINERFILE (above)"
import json
import posixpath
import re
import shlex
import sys

containerfile, root, port = sys.argv[1:]
build_root = root + "/build-stage"


def fail(message):
    print(f"{containerfile}: {message}", file=sys.stderr)
    sys.exit(1)


# Logical instructions: comment lines dropped (also inside continuations), `\` joins lines.
instructions, pending = [], ""
with open(containerfile) as f:
    for line in f.read().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1]
            continue
        instructions.append(pending + line)
        pending = ""
stages = []
for text in instructions:
    keyword, _, rest = text.strip().partition(" ")
    keyword, rest = keyword.upper(), rest.strip()
    if keyword == "FROM":
        words = [w for w in rest.split() if not w.startswith("--")]
        name = words[2] if len(words) == 3 and words[1].lower() == "as" else None
        stages.append({"name": name, "instructions": []})
    elif stages:
        stages[-1]["instructions"].append((keyword, rest))
if not stages:
    fail("no FROM")
by_name = {s["name"]: s for s in stages if s["name"]}
runtime = stages[-1]


def exec_form(keyword, rest):
    if not rest.startswith("["):
        # The runtime image (distroless) has no /bin/sh to run a shell form.
        fail(f"{keyword} {rest!r} is in shell form: the runtime image has no /bin/sh")
    return json.loads(rest)


def duration(text):
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        fail(f"cannot read the duration {text!r}")
    return sum(float(n) * units[u] for n, u in parts)


env, workdir, user, stopsignal = [], "/", "0", "SIGTERM"
entrypoint, cmd, healthcheck, copies, exposed = [], [], None, [], []
hc = {"timeout": 30.0, "start-period": 0.0, "interval": 30.0, "retries": 3}
for keyword, rest in runtime["instructions"]:
    if keyword == "ENV":
        words = shlex.split(rest)
        pairs = [w.partition("=") for w in words] if "=" in words[0] else [(words[0], "=", rest.split(None, 1)[1])]
        for name, sep, value in pairs:
            if not sep:
                fail(f"ENV {rest!r}: cannot read {name!r}")
            if "$" in value:
                fail(f"ENV {name}={value!r} uses a variable, which this test does not expand")
            env = [(n, v) for n, v in env if n != name] + [(name, value)]
    elif keyword == "WORKDIR":
        workdir = posixpath.normpath(posixpath.join(workdir, rest))
    elif keyword == "USER":
        user = rest
    elif keyword == "STOPSIGNAL":
        stopsignal = rest
    elif keyword == "EXPOSE":
        exposed += [p.split("/")[0] for p in rest.split()]
    elif keyword == "ENTRYPOINT":
        entrypoint, cmd = exec_form(keyword, rest), []
    elif keyword == "CMD":
        cmd = exec_form(keyword, rest)
    elif keyword == "HEALTHCHECK":
        while rest.startswith("--"):
            option, rest = rest.split(None, 1)
            name, _, value = option[2:].partition("=")
            if name not in hc:
                fail(f"HEALTHCHECK option --{name} is unknown to this test")
            hc[name] = int(value) if name == "retries" else duration(value)
        if not rest.upper().startswith("CMD "):
            fail(f"HEALTHCHECK {rest!r}: expected CMD")
        healthcheck = exec_form("HEALTHCHECK CMD", rest[4:].strip())
    elif keyword == "COPY":
        words = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
        origin = None
        while words[0].startswith("--"):
            option = words.pop(0)
            if not option.startswith("--from="):
                fail(f"COPY option {option} is not mirrored by this test")
            origin = option[len("--from="):]
        dest = posixpath.join(workdir, words[-1])
        for source in words[:-1]:
            copies.append((origin, source, dest))
    elif keyword in ("LABEL", "ARG"):
        pass
    else:
        fail(f"the runtime stage's {keyword} is not mirrored by this test")
if not entrypoint + cmd:
    fail("the runtime stage has no ENTRYPOINT or CMD")
if healthcheck is None:
    fail("the runtime stage has no HEALTHCHECK")
names = dict(env)
if "LEPTOS_SITE_ADDR" not in names:
    fail("no ENV LEPTOS_SITE_ADDR: the server would listen on 127.0.0.1:3000, unreachable from outside")
image_port = names["LEPTOS_SITE_ADDR"].rpartition(":")[2]
if exposed and image_port not in exposed:
    fail(f"EXPOSE {' '.join(exposed)} does not include LEPTOS_SITE_ADDR's port {image_port}")


def mover(prefixes, to):
    """Moves absolute paths under any of `prefixes` to under `to`, inside any text."""
    prefixes = sorted({p.rstrip("/") for p in prefixes if p.rstrip("/")}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, prefixes)) + r")(?![\w.-])")
    return lambda text: pattern.sub(lambda m: to + m.group(1), text)


# The runtime stage's root filesystem is <tmp>: every COPY destination and the WORKDIR.
to_root = mover([d for _, _, d in copies] + [workdir], root)
# The build stage's paths (its WORKDIR, /src, and where the runtime copies from, /out) move
# under <tmp>/build-stage; the build stage's RUN steps after the cargo build run there.
build_copies = [(s, d) for o, s, d in copies if o == "build"]
for origin, source, _ in copies:
    if origin not in ("build", "tools"):
        fail(f"COPY --from={origin} {source}: this test mirrors only the build and tools stages")
    if origin == "tools" and source != "/bin/busybox":
        fail(f"COPY --from=tools {source}: this test mirrors only busybox from the tools stage")
build = by_name.get("build")
if build_copies and build is None:
    fail("the runtime stage copies from a stage `build` that does not exist")
build_workdir, build_runs = "/", []
for keyword, rest in build["instructions"] if build else []:
    if keyword == "WORKDIR":
        build_workdir = posixpath.normpath(posixpath.join(build_workdir, rest))
    elif keyword == "RUN":
        while rest.startswith("--"):
            rest = rest.split(None, 1)[1]
        if rest.startswith("["):
            fail("the build stage has an exec-form RUN, which this test does not run")
        build_runs.append(rest)
tops = {"/" + s.strip("/").split("/")[0] for s, _ in build_copies} | {build_workdir}
to_build = mover(tops, build_root)

env_out = []
for name, value in env:
    value = to_root(value)
    if name == "LEPTOS_SITE_ADDR":
        value = f"127.0.0.1:{port}"
    if name != "PUBLIC_BASE_URL":
        env_out.append(f"{name}={value}")
env_out += [
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",  # distroless's
    f"PUBLIC_BASE_URL=http://127.0.0.1:{port}",
]


def array(name, items):
    print(f"{name}=(" + " ".join(shlex.quote(str(i)) for i in items) + ")")


def var(name, value):
    print(f"{name}={shlex.quote(str(value))}")


array("image_env", [f"{n}={v}" for n, v in env])
array("run_env", env_out)
var("image_port", image_port)
var("workdir", workdir)
var("workdir_host", to_root(workdir))
var("user", user)
var("stopsignal", stopsignal)
array("entry_image", entrypoint + cmd)
array("entry", [to_root(a) for a in entrypoint + cmd])
array("healthcheck_image", healthcheck)
array("healthcheck", [to_root(a) for a in healthcheck])
var("hc_timeout", hc["timeout"])
var("hc_start_period", hc["start-period"])
var("build_dir", to_build(build_workdir))
array("build_runs_image", build_runs)
array("build_runs", [to_build(r) for r in build_runs])
array("copy_from", [o for o, _, _ in copies])
array("copy_image", [f"{s} {d}" for _, s, d in copies])
array("copy_src", [to_build(s) if o == "build" else s for o, s, _ in copies])
array("copy_dest", [to_root(d) for _, _, d in copies])
PY
# shellcheck source=/dev/null
source "$tmp/containerfile.sh"
ok "runtime stage: ${#copy_image[@]} COPYs, WORKDIR $workdir, USER $user, ENTRYPOINT ${entry_image[*]}"
ok "ENV ${image_env[*]}"

# ---------------------------------------------------------------------------------------------
step "build stage: its ${#build_runs[@]} RUN steps in $build_dir (/src), /out under $tmp/build-stage"
# What `cargo leptos build --release --split` leaves in the (cache-mounted) target/: the
# binary and hash.txt, and target/site as a fresh build writes it.
mkdir -p "$build_dir/target/release" "$tmp/fakebin"
ln -s "$repo/target/release/server" "$repo/target/release/hash.txt" "$build_dir/target/release/"
cp -a "$repo/content" "$build_dir/content"
mkdir -p "$build_dir/scripts"
cp -a "$repo/scripts/build_release.sh" "$repo/scripts/toolchains.sh" "$build_dir/scripts/"
cat >"$tmp/fakebin/cargo" <<SH
#!/bin/sh
# Stand-in for the build: target/site as a fresh \`cargo leptos build\` leaves it.
[ "\$*" = "leptos build --release --split --lib-cargo-args=-Zbuild-std=std,panic_abort" ] \\
  || { echo "unexpected: cargo \$*" >&2; exit 1; }
[ -n "\$RUSTUP_TOOLCHAIN" ] || { echo "the release build names no toolchain" >&2; exit 1; }
mkdir -p target/site/pkg
find "$repo/target/site/pkg" -maxdepth 1 -type f ! -name '*.br' ! -name '*.gz' ! -name '*.partial' \\
  -exec cp -a {} target/site/pkg/ \;
for entry in "$repo"/public/*; do cp -a "$repo/target/site/\${entry##*/}" target/site/; done
SH
chmod +x "$tmp/fakebin/cargo"
for i in "${!build_runs[@]}"; do
  run=${build_runs[$i]}
  summary=$(printf '%s' "${build_runs_image[$i]}" | tr -s ' ' | cut -c1-80)
  if ! (cd "$build_dir" && PATH="$tmp/fakebin:$PATH" sh -ec "$run") >"$tmp/build.log" 2>&1; then
    cat "$tmp/build.log" >&2
    fail "build stage RUN failed: $summary..."
  fi
  ok "RUN $summary..."
done

# ---------------------------------------------------------------------------------------------
step "runtime stage's files under $tmp"
for i in "${!copy_image[@]}"; do
  src=${copy_src[$i]} dest=${copy_dest[$i]}
  if [ "${copy_from[$i]}" = tools ]; then
    mkdir -p "$(dirname "$dest")"
    if [ -n "$BUSYBOX" ]; then
      cp "$BUSYBOX" "$dest"
      ok "COPY --from=tools ${copy_image[$i]}: $BUSYBOX ($("$BUSYBOX" | head -n1 | cut -d' ' -f1-2))"
    else
      cat >"$dest" <<'SH'
#!/bin/sh
# Stand-in for busybox (not installed): `sh` is /bin/sh, `wget [-q] -O FILE URL` is curl.
applet=$1; shift
case $applet in
  sh) exec /bin/sh "$@" ;;
  wget)
    out=-
    while [ $# -gt 1 ]; do
      case $1 in -q) ;; -O) out=$2; shift ;; *) echo "stand-in wget: unknown option $1" >&2; exit 2 ;; esac
      shift
    done
    exec curl -fsS -o "$out" "$1" ;;
  *) echo "stand-in busybox: unknown applet $applet" >&2; exit 2 ;;
esac
SH
      chmod 755 "$dest"
      ok "COPY --from=tools ${copy_image[$i]}: busybox is not installed, a stand-in runs \`wget\` as curl"
    fi
    continue
  fi
  [ -e "$src" ] || fail "COPY --from=build ${copy_image[$i]}: the build stage made no $src"
  if [ -d "$src" ]; then
    mkdir -p "$dest"
    cp -a "$src/." "$dest"
  else
    mkdir -p "$(dirname "$dest")"
    cp -a "$src" "$dest"
  fi
  ok "COPY --from=build ${copy_image[$i]}: $(find "$dest" -type f | wc -l) files"
done
[ -x "${entry[0]}" ] || fail "ENTRYPOINT ${entry_image[0]} is not an executable file in the image"
chmod -R a-w "$tmp/${workdir#/}"
snapshot() { (cd "$tmp" && find "${workdir#/}" -printf '%p %y %s %T@ %m\n' | sort); }
snapshot >"$tmp/before.txt"
ok "$workdir made read-only: $(wc -l <"$tmp/before.txt") entries"

# ---------------------------------------------------------------------------------------------
as_user=()
if [ "$(id -u)" = 0 ]; then
  uid=${user%%:*} gid=${user#*:}
  [[ $uid =~ ^[0-9]+$ && $gid =~ ^[0-9]+$ ]] || fail "USER $user is not numeric uid:gid"
  as_user=(setpriv "--reuid=$uid" "--regid=$gid" --clear-groups --)
  who="uid $uid, gid $gid"
else
  who="$(id -un) (not root: cannot switch to USER $user)"
fi
step "starting ${entry_image[*]} in $workdir as $who on 127.0.0.1:$port (image: $image_port)"
launched=$(date +%s%N)
(cd "$workdir_host" && exec "${as_user[@]}" env -i "${run_env[@]}" "${entry[@]}") \
  >"$tmp/server.stdout" 2>"$tmp/server.stderr" &
server_pid=$!

# Docker ignores failed checks during --start-period; the server must be healthy by its end.
hc_deadline=$(($(date +%s%N) + ${hc_start_period%.*} * 1000000000))
until (cd "$workdir_host" && exec timeout "$hc_timeout" "${as_user[@]}" env -i "${run_env[@]}" \
  "${healthcheck[@]}") >"$tmp/healthcheck.log" 2>&1; do
  running "$server_pid" || { wait "$server_pid" || true; fail "the server exited at start-up"; }
  if [ "$(date +%s%N)" -gt "$hc_deadline" ]; then
    cat "$tmp/healthcheck.log" >&2
    fail "HEALTHCHECK still failing after the start period (${hc_start_period}s)"
  fi
  sleep 0.1
done
ok "HEALTHCHECK ${healthcheck_image[*]}: healthy $((($(date +%s%N) - launched) / 1000000)) ms after start"
grep -q "listening on http://127.0.0.1:$port" "$tmp/server.stdout" ||
  fail "the start-up log does not say it listens on 127.0.0.1:$port"

# ---------------------------------------------------------------------------------------------
base="http://127.0.0.1:$port"
fetch() { # fetch PATH [curl options...]: sets $status; body in $tmp/body, headers in $tmp/headers
  status=$(curl -sS --max-time 10 -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' "${@:2}" "$base$1") ||
    fail "GET $1: no answer"
}
header() { tr -d '\r' <"$tmp/headers" | awk -v name="$1" 'tolower($1) == tolower(name) ":" { $1 = ""; sub(/^ /, ""); print }'; }

fetch /healthz
[ "$status" = 200 ] || fail "GET /healthz: $status"
ok "GET /healthz: 200 $(cat "$tmp/body")"
fetch /readyz
[ "$status" = 200 ] || fail "GET /readyz: $status"
issues=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("issues"))' "$tmp/body")
[ "$issues" = 26 ] || fail "GET /readyz: $issues issues, expected 26: $(cat "$tmp/body")"
ok "GET /readyz: 200 $(cat "$tmp/body")"
fetch /
[ "$status" = 200 ] || fail "GET /: $status"
grep -q "href=\"http://127.0.0.1:$port/\"" "$tmp/body" || fail "GET /: no canonical link from PUBLIC_BASE_URL"
mapfile -t assets < <(grep -oE '/pkg/[A-Za-z0-9_.-]+\.(js|wasm|css)' "$tmp/body" | sort -u)
ok "GET /: 200, canonical $base/, links ${#assets[@]} /pkg/ assets"
for kind in js wasm css; do
  fingerprint=$(awk -v kind="$kind:" '$1 == kind { print $2 }' "$(dirname "${entry[0]}")/hash.txt")
  [ -n "$fingerprint" ] || fail "hash.txt beside the binary has no $kind fingerprint"
  printf '%s\n' "${assets[@]}" | grep -qF ".$fingerprint.$kind" ||
    fail "GET /: links no $kind asset with hash.txt's fingerprint $fingerprint"
done
for asset in "${assets[@]}"; do
  [ -f "$tmp/${workdir#/}/site$asset.br" ] || fail "the image has no $asset.br: the build stage made none"
  fetch "$asset" -H 'Accept-Encoding: br'
  [ "$status" = 200 ] || fail "GET $asset: $status"
  [ "$(header content-encoding)" = br ] || fail "GET $asset (Accept-Encoding: br): content-encoding '$(header content-encoding)'"
  cmp -s "$tmp/body" "$tmp/${workdir#/}/site$asset.br" ||
    fail "GET $asset: the brotli body is not the build stage's pre-compressed copy"
  ok "GET $asset: 200, br, the build stage's .br ($(wc -c <"$tmp/body") bytes), $(header cache-control)"
done
fetch /issues/dns
[ "$status" = 200 ] || fail "GET /issues/dns: $status"
ok "GET /issues/dns: 200 ($(wc -c <"$tmp/body") bytes)"

# ---------------------------------------------------------------------------------------------
step "STOPSIGNAL $stopsignal"
stopping=$(date +%s%N)
kill -s "${stopsignal#SIG}" "$server_pid"
for _ in $(seq $((SHUTDOWN_LIMIT_SECS * 20))); do
  running "$server_pid" || break
  sleep 0.05
done
if running "$server_pid"; then
  fail "still running ${SHUTDOWN_LIMIT_SECS} s after $stopsignal"
fi
code=0
wait "$server_pid" || code=$?
server_pid=
stop_ms=$((($(date +%s%N) - stopping) / 1000000))
[ "$code" = 0 ] || fail "exit status $code after $stopsignal"
ok "exited 0, $stop_ms ms after $stopsignal"

snapshot >"$tmp/after.txt"
if ! diff -u "$tmp/before.txt" "$tmp/after.txt" >"$tmp/changed.txt"; then
  cat "$tmp/changed.txt" >&2
  fail "the server changed files under $workdir"
fi
ok "nothing written under $workdir"
if [ -n "${uid:-}" ]; then
  # --read-only would also stop writes outside /app: look where a process may write anyway.
  written=$(find /tmp /var/tmp /dev/shm -xdev -user "$uid" -newer "$tmp/before.txt" 2>/dev/null | head -n 5)
  [ -z "$written" ] || fail "the server (uid $uid) wrote outside $workdir: $written"
fi
if [ -s "$tmp/server.stderr" ]; then fail "the server wrote to stderr"; fi
if grep -qE 'pre-compressed assets|could not pre-compress' "$tmp/server.stdout"; then
  fail "the server found the build stage's .br/.gz copies missing or older than the assets and tried to rewrite them"
fi
if grep -vE '^[0-9T:.Z-]+ +(INFO|DEBUG|TRACE) ' "$tmp/server.stdout" >"$tmp/unexpected.txt"; then
  cat "$tmp/unexpected.txt" >&2
  fail "the server logged warnings, errors or other lines (above)"
fi
for expected in 'shutting down' 'stopped'; do
  grep -q "$expected" "$tmp/server.stdout" || fail "the log does not say '$expected'"
done
ok "log: $(wc -l <"$tmp/server.stdout") lines, all INFO or below (RUST_LOG from ENV), stderr empty"
step "container layout test passed in $((($(date +%s%N) - started) / 1000000)) ms"

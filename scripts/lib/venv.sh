# Sourced by the checkers that run Python tools from PyPI (scripts/http_lint.sh,
# scripts/validate_deploy.sh).
#
# ensure_venv DIR "PACKAGE==VERSION ...": a virtualenv in DIR holding exactly these packages,
# created and filled once from PyPI; later calls check a stamp file and return at once.
ensure_venv() {
  local venv=$1 wanted=$2
  if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.installed" 2>/dev/null)" = "$wanted" ]; then
    return 0
  fi
  printf '\033[1m==> installing %s into %s\033[0m\n' "$wanted" "$venv"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    # Debian's python3 has no venv module (ensurepip) until python3-venv is installed.
    rm -rf "$venv"
    printf '\033[1m==> apt-get install python3-venv\033[0m\n'
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    /usr/bin/python3 -m venv "$venv"
  fi
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip install -q --disable-pip-version-check $wanted
  echo "$wanted" >"$venv/.installed"
}

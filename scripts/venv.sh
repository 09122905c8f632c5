#!/usr/bin/env bash
# Creates .venv from a Python whose sqlite3 can load extensions (SpatiaLite), and installs the
# project from constraints.txt. Skips the install when nothing it depends on has changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=${1:-}

can_load_extensions() {
  "$1" - <<'PY' 2>/dev/null
import sqlite3, sys
connection = sqlite3.connect(":memory:")
connection.enable_load_extension(True)
connection.load_extension("mod_spatialite")
sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)
PY
}

if [ ! -x .venv/bin/python ] || ! can_load_extensions .venv/bin/python; then
  base=""
  for candidate in "${PYTHON:-}" /usr/bin/python3.11 /usr/bin/python3; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && can_load_extensions "$candidate" && { base=$candidate; break; }
  done
  if [ -z "$base" ]; then
    echo "No Python 3.11 here can load SQLite extensions, which SpatiaLite needs." >&2
    echo "Install Debian's python3 (apt-get install python3 python3-venv libsqlite3-mod-spatialite)," >&2
    echo "or set PYTHON=/path/to/python3.11 built with loadable sqlite extensions." >&2
    exit 1
  fi
  rm -rf .venv
  echo "Creating .venv from $base"
  "$base" -m venv .venv
fi

spec=".${extras:+[$extras]}"
stamp=".venv/.installed-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)${extras:+-$extras}"
if [ ! -e "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip 2> >(grep -v "^WARNING: Location" >&2)
  .venv/bin/python -m pip install -q -c constraints.txt -e "$spec" 2> >(grep -vE "^WARNING: Location|BuildBackendWarning|^ *!!|^ *\*+$|Please be careful|name as your package|with strategy|^ *$" >&2)
  touch "$stamp"
fi

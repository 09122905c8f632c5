#!/usr/bin/env bash
# Brings the catalogues under locale/ up to date with the strings marked in the code: the server's
# (domain django: Python and templates) and the browser modules' (domain djangojs: static/shared,
# static/web, static/embed). New strings arrive untranslated, changed ones fuzzy: translate them in
# locale/<language>/LC_MESSAGES/*.po (tests/i18n fails until every one is). Run from the project root.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
languages=()
for dir in locale/*/; do languages+=(-l "$(basename "$dir")"); done
ignore=(--ignore=.venv --ignore=data --ignore=tests --ignore=scripts --ignore=node_modules --ignore='*/vendor/*'
        --ignore=static/api)
export DEBUG=1
"${PYTHON:-.venv/bin/python}" manage.py makemessages "${languages[@]}" --no-obsolete --no-location "${ignore[@]}" -d django
"${PYTHON:-.venv/bin/python}" manage.py makemessages "${languages[@]}" --no-obsolete --no-location "${ignore[@]}" -d djangojs

#!/usr/bin/env bash
# Regenerate the Qt translation sources from ui/*.py (existing translations are kept) and compile
# them to .qm. Edit resources/i18n/reviewer_vi.ts with pyside6-linguist, then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
for lang in vi en; do
  "$BIN/pyside6-lupdate" -no-obsolete -source-language en -target-language "$lang" ui/*.py \
    -ts "resources/i18n/reviewer_$lang.ts"
  "$BIN/pyside6-lrelease" -silent "resources/i18n/reviewer_$lang.ts" -qm "resources/i18n/reviewer_$lang.qm"
done

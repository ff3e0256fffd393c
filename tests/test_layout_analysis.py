"""The analysis package's layout, held by a test: the pure core (what a worker or a child process
imports) loads no case store, and nothing in the engine imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "reviewer"
# Run where the ranges run (a Dask worker, a child process): they get plain data and return it.
CORE = ("core", "frames", "options", "states", "payload_check")
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def _imports(path: Path) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_analysis_core_imports_no_store():
    for name in CORE:
        found = [n for n in _imports(ENGINE / "analysis" / f"{name}.py") if "store" in n.split(".")]
        assert found == [], f"reviewer/analysis/{name}.py imports {found}"


def test_loading_the_core_loads_no_store():
    """What a worker imports, imported in a fresh interpreter: no case store comes with it."""
    code = (
        "import sys, reviewer.cluster.tasks, reviewer.analysis.core, reviewer.analysis.frames;"
        "print(sorted(m for m in sys.modules if m.startswith('reviewer.store')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_engine_imports_no_qt():
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imports(path) if n.split(".")[0] in QT)
        for path in ENGINE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}

"""The application's doors into the engine, and the size of its files (issue 21).

ui/ reaches reviewer/ only through reviewer.session (the case side: open, decide, flags,
export, verify, merge, record) and reviewer.analysis (make_analyzer/open_executor), so that the
engine can be reorganised behind two modules without touching the window.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
DOORS = {"reviewer.session", "reviewer.analysis"}
# No exceptions today. An entry here needs a reason next to it (e.g. a module that must be
# imported for its side effect before Qt starts).
ALLOWED: dict[str, set[str]] = {}
MAX_LINES = 500


def _engine_imports(path: Path) -> list[tuple[int, str]]:
    """Every `reviewer...` module a file imports, at any depth (lazy imports in functions too),
    plus importlib.import_module("reviewer...") calls with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "reviewer":  # `from reviewer import store` imports reviewer.store
                found += [(node.lineno, f"reviewer.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return [(n, m) for n, m in found if m == "reviewer" or m.startswith("reviewer.")]


def test_ui_reaches_the_engine_only_through_its_doors():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        allowed = DOORS | ALLOWED.get(path.name, set())
        offenders += [
            f"{path.relative_to(ROOT)}:{line} imports {module}"
            for line, module in _engine_imports(path)
            if module not in allowed  # a door's inside (reviewer.analysis.runner) is not a door
        ]
    assert offenders == []


def test_no_ui_file_over_the_limit():
    long = {
        str(p.relative_to(ROOT)): n
        for p in sorted(UI.rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}

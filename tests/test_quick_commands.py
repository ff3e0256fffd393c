"""Quick commands stay quick: `reviewer --version`, `flags` and `review` load no model runtime,
no media library and not the evidence exporter (each a noticeable part of a second).

numpy is not on the list: sqlite_utils, which the case store uses, imports it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = (
    "av",
    "cv2",
    "ctranslate2",
    "faster_whisper",
    "onnxruntime",
    "reviewer.speech",
    "reviewer.evidence.export",
    "reviewer.vision",
)

PROBE = """
import json, sys
from reviewer import cli
try:
    code = cli.main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _loaded(*argv: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "argv",
    [
        ("--version",),
        ("flags", "--case", "no such case folder"),
        ("review", "--case", "x", "--flag", "1", "--decision", "confirm", "--officer", "a"),
    ],
)
def test_quick_commands_load_nothing_heavy(argv):
    assert _loaded(*argv) == []

"""Merge and the cluster path carry identifiers: derived from the shared text they are
recomputed; relevance marks travel with an audit entry naming the copy."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_identifiers_case import _text_case  # noqa: E402

from reviewer.cli import main  # noqa: E402
from reviewer.identifiers.index import find  # noqa: E402
from reviewer.identifiers.store import case_identifiers  # noqa: E402
from reviewer.store import open_case  # noqa: E402


def test_merge_brings_the_other_copys_relevance_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here, copy = tmp_path / "here", tmp_path / "copy"
    _text_case(here, ["Zalo 0938.456.127", "STK Vietcombank 1012345678"])
    shutil.copytree(here, copy)
    assert main(["identifiers", "mark", "--case", str(copy), "--value", "1012345678",
                 "--officer", "Cán bộ B"]) == 0  # fmt: skip
    assert main(["merge", "--case", str(here), "--from", str(copy), "--officer", "Cán bộ A"]) == 0
    with open_case(here) as case:
        listed = {i["value"]: i for i in case_identifiers(case)}
        assert listed["1012345678"]["relevant"] is True
        assert listed["+84938456127"]["relevant"] is False
        payloads = [
            json.loads(p)
            for (p,) in case.conn.execute(
                "SELECT payload FROM audit WHERE action = 'identifier.mark'"
            )
        ]
        assert payloads and payloads[-1]["merged_from"] == case.case_id
    # Merging again changes nothing more; the merged case is in the workstation index.
    capsys.readouterr()
    main(["merge", "--case", str(here), "--from", str(copy)])
    assert "relevance marks" not in capsys.readouterr().out
    assert [c["folder"] for c in find("1012345678")["cases"]] == [str(here.resolve())]

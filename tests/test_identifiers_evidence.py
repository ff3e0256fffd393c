"""Only identifiers in decided flags, or marked relevant, leave the case (bystanders' data)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_identifiers_case import _text_case  # noqa: E402

from reviewer.evidence.identifiers_section import (  # noqa: E402
    exportable_identifiers,
    with_identifiers,
)
from reviewer.identifiers.store import mark_relevant, refresh_identifiers  # noqa: E402
from reviewer.store import open_case  # noqa: E402


def test_export_keeps_flagged_and_relevant_identifiers_only(tmp_path: Path) -> None:
    # Lines at 0, 10, 20 and 30 s; a confirmed flag over 8-16 s covers the second line only.
    _text_case(
        tmp_path / "C",
        ["bình luận: 0912 345 678", "STK Vietcombank 1012345678", "nạp 200k", "keo88 . club"],
    )
    with open_case(tmp_path / "C") as case:
        with case.transaction() as conn:
            conn.execute(
                "INSERT INTO flag (media_id, start_s, end_s, category, score, source, status)"
                " VALUES (1, 8, 16, 'gambling', 0.9, 'ocr', 'confirmed')"
            )
            conn.execute(
                "INSERT INTO flag (media_id, start_s, end_s, category, score, source, status)"
                " VALUES (1, 28, 36, 'gambling', 0.9, 'ocr', 'rejected')"
            )
        refresh_identifiers(case)
        mark_relevant(case, "200k", "Cán bộ A")
        got = exportable_identifiers(case, case.flags())
        assert {(i["kind"], i["value"]): i["flags"] for i in got} == {
            ("bank_account", "1012345678"): [1],
            ("money", "200000 VND"): [],
        }  # the bystander's phone and the rejected flag's link stay in the case
        page = with_identifiers(b"<html><body><h1>x</h1></body></html>", got).decode()
    assert "Thông tin định danh" in page and "Vietcombank 1012345678" in page
    assert page.index("Thông tin định danh") < page.index("</body>")
    assert "0912" not in page

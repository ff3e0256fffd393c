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


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    import shutil
    import subprocess

    import pytest

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def test_pdf_report_has_the_identifiers_table(tmp_path: Path) -> None:
    from reviewer.evidence.report import ReportData, render_pdf

    _text_case(tmp_path / "C", ["bình luận: 0912 345 678", "STK Vietcombank 1012345678"])
    with open_case(tmp_path / "C") as case:
        with case.transaction() as conn:
            conn.execute(
                "INSERT INTO flag (media_id, start_s, end_s, category, score, source, status)"
                " VALUES (1, 8, 16, 'fraud', 0.9, 'ocr', 'confirmed')"
            )
        got = exportable_identifiers(case, case.flags())
    data = ReportData("EVP-1", "c1", "C", "2026-12-06T22:00:00+00:00", "reviewer 1", "A",
                      "Cán bộ A", "ws", "k", "f", [], [])  # fmt: skip
    text = _pdf_text(render_pdf(data, got), tmp_path)
    assert "Thông tin định danh (1)" in text
    assert "Vietcombank 1012345678 (VCB)" in text and "Tài khoản ngân hàng" in text
    assert "live.mp4 · 0:00:10 · chữ trên màn hình" in text and "#1" in text
    assert "0912" not in text  # the bystander's phone, in no decided flag, stays in the case
    # Without identifiers (an older caller), the report has no such table.
    assert "Thông tin định danh" not in _pdf_text(render_pdf(data), tmp_path)

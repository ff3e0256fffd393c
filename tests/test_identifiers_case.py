"""Identifiers in a case and across cases: `reviewer analyze` of screenshots (real OCR, real QR),
`reviewer identifiers`, `reviewer find` from another folder, the index (rebuild, moved, deleted),
relevance marks in the audit log, idempotent re-derivation."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.identifier_set import Shot, render  # noqa: E402
from reviewer.cli import main  # noqa: E402
from reviewer.identifiers import index  # noqa: E402
from reviewer.identifiers.store import case_identifiers, refresh_identifiers  # noqa: E402
from reviewer.identifiers.vietqr import encode_vietqr  # noqa: E402
from reviewer.store import open_case  # noqa: E402
from reviewer.store.case import utc_now  # noqa: E402

USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _text_case(folder: Path, lines: list[str], name: str = "live.mp4") -> str:
    """A case whose stored on-screen text holds `lines` (as OCR would have saved them)."""
    with open_case(folder, officer="Cán bộ A") as case:
        media_id = case.add_media(
            {
                "sha256": (name * 64)[:64],
                "size_bytes": 1,
                "kind": "video",
                "path": name,
                "original_name": name,
                "ingested_utc": utc_now(),
                "status": "analyzed",
            }
        )
        with case.transaction() as conn:
            for i, line in enumerate(lines):
                conn.execute(
                    "INSERT INTO frame_text (media_id, start_s, end_s, text, confidence)"
                    " VALUES (?, ?, ?, ?, 0.95)",
                    (media_id, 10.0 * i, 10.0 * i + 4, line),
                )
        return case.case_id


def test_analyze_screenshots_then_identifiers_and_find(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    text = Shot(
        "s1",
        [
            "Zalo: 0938.456.127",
            "STK: 19035678901234 Techcombank",
            "Vào keo88 . club nạp 200k",
            "Tele: @keo88vip",
            "Email: hotro88@gmail.com",
            "USDT TRC20:",
            USDT,
            "12,5k người xem 12:30",
        ],
    )
    qr = Shot("s2", ["Quét mã chuyển khoản"], qr_payload=encode_vietqr("970436", "1012345678"))
    for shot in (text, qr):
        render(shot).save(shots / f"{shot.name}.png")
    case_dir = tmp_path / "C"
    main(["analyze", str(shots / "s1.png"), str(shots / "s2.png"), "--case", str(case_dir)])
    got = _json(capsys, ["identifiers", "--case", str(case_dir), "--json"])["identifiers"]
    by_kind = {(i["kind"], i["value"]): i for i in got}
    assert ("phone", "+84938456127") in by_kind
    assert by_kind[("bank_account", "19035678901234")]["bank"] == "TCB"
    vietqr = by_kind[("bank_account", "1012345678")]
    assert vietqr["bank"] == "VCB" and vietqr["occurrences"][0]["source"] == "qr"
    assert vietqr["occurrences"][0]["start_s"] is None  # a screenshot
    for key in [("url", "keo88.club"), ("handle", "telegram/keo88vip"),
                ("email", "hotro88@gmail.com"), ("wallet", USDT), ("money", "200000 VND")]:  # fmt: skip
        assert key in by_kind, (key, sorted(by_kind))
    assert not [i for i in got if i["kind"] == "phone" and i["value"] != "+84938456127"]
    # Idempotent: asking again derives again and does not duplicate rows.
    again = _json(capsys, ["identifiers", "--case", str(case_dir), "--json"])["identifiers"]
    assert [len(i["occurrences"]) for i in again] == [len(i["occurrences"]) for i in got]
    # Analysed cases join the workstation index: find the account from another working folder.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    found = _json(capsys, ["find", "1903 5678 9012 34", "--json"])
    assert [c["folder"] for c in found["cases"]] == [str(case_dir.resolve())]
    assert found["cases"][0]["occurrences"][0]["media"] == "s1.png"
    phone = _json(capsys, ["find", "+84 938 456 127", "--json"])
    assert len(phone["cases"]) == 1
    handle = _json(capsys, ["find", "@keo88vip", "--json"])  # any platform's keo88vip
    assert handle["cases"][0]["occurrences"][0]["value"] == "telegram/keo88vip"
    assert main(["find", "@keo88_ip"]) == 1  # "_" is a character, not a wildcard


def test_index_rebuild_moved_and_deleted_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "A", tmp_path / "B"
    _text_case(a, ["Zalo 0938.456.127", "STK Vietcombank 1012345678"])
    _text_case(b, ["liên hệ 0938 456 127"], "other.mp4")
    assert main(["index", "add", str(a), str(b)]) == 0
    found = _json(capsys, ["find", "0938456127", "--json"])
    assert sorted(c["folder"] for c in found["cases"]) == [str(a.resolve()), str(b.resolve())]
    # Moved: the old folder no longer holds the case; added from its new place, same case id.
    moved = tmp_path / "moved" / "A"
    moved.parent.mkdir()
    shutil.move(a, moved)
    found = _json(capsys, ["find", "0938456127", "--json"])
    assert [c["folder"] for c in found["cases"]] == [str(b.resolve())]
    assert len(found["missing_cases"]) == 1
    assert main(["index", "add", str(moved)]) == 0
    found = _json(capsys, ["find", "1012345678", "--json"])
    assert [c["folder"] for c in found["cases"]] == [str(moved.resolve())]
    # Deleted: rebuild drops it; the index is rebuilt from the cases, never the only copy.
    shutil.rmtree(b)
    result = _json(capsys, ["index", "rebuild", "--json"])
    assert [d["folder"] for d in result["dropped"]] == [str(b.resolve())]
    index.index_path().unlink()
    _json(capsys, ["index", "rebuild", str(moved), "--json"])
    found = _json(capsys, ["find", "0938456127", "--json"])
    assert [c["folder"] for c in found["cases"]] == [str(moved.resolve())]


def test_mark_relevant_is_audited_and_survives_rederivation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _text_case(tmp_path / "C", ["Zalo 0938.456.127", "nạp 200k"])
    args = ["identifiers", "mark", "--case", str(tmp_path / "C"), "--value", "0938 456 127"]
    assert main([*args, "--officer", "Cán bộ B"]) == 0
    with open_case(tmp_path / "C") as case:
        refresh_identifiers(case)
        listed = {i["value"]: i for i in case_identifiers(case)}
        assert listed["+84938456127"]["relevant"] is True
        assert listed["200000 VND"]["relevant"] is False
        entry = case.conn.execute(
            "SELECT officer, payload FROM audit WHERE action = 'identifier.mark'"
        ).fetchone()
        assert entry[0] == "Cán bộ B" and "+84938456127" in entry[1]
        assert case.verify_audit().entries >= 3  # the chain still verifies (raises if not)
    assert main(["identifiers", "mark", "--case", str(tmp_path / "C"), "--value", "0999"]) == 1


def test_identifiers_of_speech_carry_their_flags(tmp_path: Path) -> None:
    _text_case(tmp_path / "C", ["nothing here"])
    with open_case(tmp_path / "C") as case:
        with case.transaction() as conn:
            conn.execute(
                "INSERT INTO segment (media_id, start_s, end_s, text, engine)"
                " VALUES (1, 30, 36, 'chuyển khoản vào số không chín ba tám bốn năm sáu một hai"
                " bảy nhận thưởng', NULL)"
            )
            conn.execute(
                "INSERT INTO flag (media_id, start_s, end_s, category, score, source)"
                " VALUES (1, 28, 40, 'scam', 0.9, 'speech')"
            )
        refresh_identifiers(case)
        (phone,) = case_identifiers(case, "phone")
    assert phone["value"] == "+84938456127"
    assert phone["occurrences"][0]["source"] == "speech"
    assert phone["flags"] == [1]


def test_qr_payload_wins_over_a_misread_account_on_the_same_screenshot(tmp_path: Path) -> None:
    from reviewer.identifiers.qr import identifiers_in_qr_text
    from reviewer.identifiers.store import save_qr_identifiers

    _text_case(tmp_path / "C", ["STK Vietcombank 1012345678"])  # the OCR read 8 as 6
    with open_case(tmp_path / "C") as case:
        save_qr_identifiers(case, 1, identifiers_in_qr_text(encode_vietqr("970436", "1012345878")))
        refresh_identifiers(case)
        (acct,) = case_identifiers(case, "bank_account")
    assert acct["value"] == "1012345878" and acct["bank"] == "VCB"
    ocr = next(o for o in acct["occurrences"] if o["source"] == "ocr")
    assert ocr["details"]["ocr_value"] == "1012345678"

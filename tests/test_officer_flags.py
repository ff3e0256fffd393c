"""Officer-made flags and span edits: CLI, audit payloads, re-detection, export."""

from __future__ import annotations

import json
import subprocess

import pytest
from test_evidence_fixtures import OFFICER, make_case, make_signer

from conftest import reviewer_cmd
from reviewer.detections import MediaDetector, load_text_scorer
from reviewer.evidence import export_case
from reviewer.flagging import rebuild_flags
from reviewer.store import open_case
from reviewer.store.findings import add_detections, replace_text_detections
from reviewer.store.officer_flags import add_officer_flag, edit_flag, remove_officer_flag


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*reviewer_cmd(), *args], capture_output=True, text=True, timeout=120)


def _audit(case_dir, action: str) -> list[dict]:
    with open_case(case_dir, create=False) as case:
        rows = case.conn.execute(
            "SELECT officer, payload FROM audit WHERE action = ? ORDER BY seq", (action,)
        ).fetchall()
    return [{"officer": o, **json.loads(p)} for o, p in rows]


@pytest.fixture
def case_dir(tmp_path):
    folder, ids = make_case(tmp_path / "case", tmp_path / "media")
    return folder


def test_cli_add_and_edit_with_audit(case_dir):
    added = _cli(
        "flag", "add", "--case", str(case_dir), "--media", "1", "--start", "29.5", "--end",
        "33", "--category", "fraud", "--note", "giá nói miệng", "--officer", "cb-042", "--json",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    flag = json.loads(added.stdout)
    assert flag["source"] == "officer" and flag["status"] == "confirmed"
    assert flag["added_by_officer"] is True and flag["reviewer"] == "cb-042"
    assert (flag["start_s"], flag["end_s"], flag["note"]) == (29.5, 33.0, "giá nói miệng")
    assert "Chuyển khoản trước" in flag["text"]  # the transcript excerpt of the span
    (entry,) = _audit(case_dir, "flag.add")
    assert entry["officer"] == "cb-042"
    assert entry["flag_id"] == flag["id"] and entry["category"] == "fraud"
    assert entry["start_s"] == 29.5 and entry["note"] == "giá nói miệng"
    assert len(entry["media_sha256"]) == 64 and entry["status"] == "confirmed"

    edited = _cli(
        "flag", "edit", "--case", str(case_dir), "--flag", str(flag["id"]), "--start", "28",
        "--category", "gambling", "--officer", "cb-043", "--json",
    )  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    after = json.loads(edited.stdout)
    assert (after["start_s"], after["end_s"], after["category"]) == (28.0, 33.0, "gambling")
    assert after["edited_by"] == "cb-043" and after["play_from_s"] == 25.0
    (entry,) = _audit(case_dir, "flag.edit")
    assert entry["old"] == {"start_s": 29.5, "end_s": 33.0, "category": "fraud"}
    assert entry["new"] == {"start_s": 28.0, "end_s": 33.0, "category": "gambling"}
    assert entry["officer"] == "cb-043"
    assert _cli("audit", "--case", str(case_dir)).returncode == 0


def test_cli_refusals(case_dir):
    base = ["flag", "add", "--case", str(case_dir), "--officer", "cb-042"]
    # A screenshot takes no times; a recording needs them; categories come from the lexicons.
    shot = _cli(*base, "--media", "2", "--start", "1", "--end", "2", "--category", "fraud")
    assert shot.returncode == 2 and "screenshot has no times" in shot.stderr
    ok = _cli(*base, "--media", "2", "--category", "fraud", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["start_s"] is None
    listed = _cli("flags", "--case", str(case_dir))  # untimed flags print too
    assert listed.returncode == 0 and "fraud (1.00, officer)" in listed.stdout
    assert _cli(*base, "--media", "1", "--category", "fraud").returncode == 2
    backwards = _cli(*base, "--media", "1", "--start", "9", "--end", "3", "--category", "fraud")
    assert backwards.returncode == 2 and "end after it starts" in backwards.stderr
    bad = _cli(*base, "--media", "1", "--start", "1", "--end", "3", "--category", "weather")
    assert bad.returncode == 2 and "Unknown category" in bad.stderr
    missing = _cli(*base, "--media", "9", "--start", "1", "--end", "3", "--category", "fraud")
    assert missing.returncode == 1 and "no media #9" in missing.stderr


def _det(media_id, start, end, category, score=0.8, text="nhà cái"):
    return {
        "media_id": media_id,
        "start_s": start,
        "end_s": end,
        "source": "speech",
        "category": category,
        "score": score,
        "matched": ["nhà cái"],
        "text": text,
        "model_id": "m",
        "model_sha256": "a" * 64,
    }


def test_redetection_leaves_officer_and_edited_flags(tmp_path):
    folder, ids = make_case(tmp_path / "case", tmp_path / "media")
    with open_case(folder, officer="cb-042") as case:
        mine = add_officer_flag(case, 1, 60.0, 64.0, "gambling", "nói giá", categories=None)
        add_detections(case, [_det(1, 40, 42, "fraud"), _det(1, 61, 62, "gambling")])
        rebuild_flags(case, 1)
        machine = next(f for f in case.flags([1]) if f["start_s"] == 40)
        edited = edit_flag(case, machine["id"], start_s=39.0, end_s=45.0)
        assert edited["status"] == "pending" and edited["edited_utc"]
        before = {f["id"]: f for f in case.flags([1])}
        # The gambling hit inside the officer's flag made no second flag.
        assert [f["source"] for f in before.values() if f["start_s"] == 61] == []
        # Re-detection: the same detections replaced afresh, stricter thresholds, rebuilt.
        replace_text_detections(case, 1, [_det(1, 40, 42, "fraud"), _det(1, 61, 62, "gambling")])
        rebuild_flags(case, 1, thresholds={"fraud": 0.99, "gambling": 0.99})
        after = {f["id"]: f for f in case.flags([1])}
        for fid in (mine["id"], machine["id"], ids["confirmed"], ids["rejected"]):
            keep = ("start_s", "end_s", "category", "status", "text")
            assert {k: after[fid][k] for k in keep} == {k: before[fid][k] for k in keep}
        assert ids["pending"] not in after  # an untouched pending flag did follow the thresholds
        assert case.detections(flag_id=machine["id"])  # the edited flag keeps its evidence
        # The re-detection analysis runs (real lexicons and text model over the transcript).
        MediaDetector(case, 1, load_text_scorer(), {}, "vi").complete()
        again = {f["id"]: f for f in case.flags([1])}
        for fid in (mine["id"], machine["id"], ids["confirmed"], ids["rejected"]):
            keep = ("start_s", "end_s", "category", "status", "text", "source")
            assert {k: again[fid][k] for k in keep} == {k: before[fid][k] for k in keep}
        # "nhà cái ... cờ bạc" at 11-14 s is inside the confirmed gambling flag: no second flag.
        assert [f["id"] for f in again.values() if f["category"] == "gambling"] == [
            ids["confirmed"],
            mine["id"],
        ]
        # Undo of an add removes only officer flags.
        remove_officer_flag(case, mine["id"])
        assert mine["id"] not in {f["id"] for f in case.flags()}
        with pytest.raises(Exception, match="reject it instead"):
            remove_officer_flag(case, machine["id"])


def test_export_of_an_officer_flag(tmp_path):
    folder, ids = make_case(tmp_path / "case", tmp_path / "media")
    with open_case(folder, officer=OFFICER) as case:
        mine = add_officer_flag(case, 1, 30.0, 33.0, "fraud", "lừa chuyển khoản")
    usb = tmp_path / "usb"
    usb.mkdir()
    pkg = export_case(folder, usb, make_signer()).path
    data = json.loads((pkg / "data" / "case" / "case.json").read_text(encoding="utf-8"))
    entry = next(f for f in data["flags"] if f["flag_id"] == mine["id"])
    assert entry["added_by_officer"] is True and entry["source"] == "officer"
    others = [f for f in data["flags"] if f["flag_id"] != mine["id"]]
    assert others and not any(f["added_by_officer"] for f in others)
    assert entry["clip"] and (pkg / entry["clip"]["file"]).stat().st_size > 1000
    assert entry["stills"]
    report = (pkg / "data" / "report" / "report.html").read_text(encoding="utf-8")
    assert report.count("added by the officer") >= 1
    assert "Chuyển khoản trước" in entry["text"]

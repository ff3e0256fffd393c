"""Officers correct the transcript: stored beside the machine text, audit-logged, re-detected,
shown marked in transcripts and reports, merged between copies, offered to learning."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from test_evidence_fixtures import OFFICER, make_case

from conftest import reviewer_cmd
from reviewer.corrections import correct_and_redetect, correction_marks
from reviewer.errors import CaseError, UsageError
from reviewer.learn.decisions import read_case
from reviewer.merge.engine import merge_case
from reviewer.store import open_case
from reviewer.transcript import render

GARBLED = "Anh em vào nhạc ai bên kia chơi nhé"  # what the recogniser heard
SAID = "Anh em vào nhà cái bên kia chơi nhé"  # what the officer hears


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*reviewer_cmd(), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def case_dir(tmp_path):
    folder, _ids = make_case(tmp_path / "case", tmp_path / "media")
    with open_case(folder, officer=OFFICER, create=False) as case:
        case.save_speech_chunk(
            1,
            [
                {"start_s": 40.0, "end_s": 43.0, "text": GARBLED},
                {"start_s": 60.0, "end_s": 63.0, "text": "Vào chơi tài xỉu đi anh em"},
            ],
            75.0,
        )
    return folder


def _segment_id(folder, text: str) -> int:
    with open_case(folder, create=False) as case:
        return next(s["id"] for s in case.segments() if s["text"] == text)


def test_cli_edit_stores_beside_machine_text_and_raises_the_flag(case_dir):
    seg = _segment_id(case_dir, GARBLED)
    with open_case(case_dir, create=False) as case:
        assert not any(f["start_s"] == 40.0 for f in case.flags())  # the recogniser's text: none
    out = _cli(
        "transcript", "edit", "--case", str(case_dir), "--segment", str(seg), "--text", SAID,
        "--officer", "cb-042", "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["segment"]["text"] == SAID and result["segment"]["machine_text"] == GARBLED
    assert result["segment"]["corrected_by"] == "cb-042"
    (flag,) = result["flags"]
    assert flag["category"] == "gambling" and flag["status"] == "pending"
    assert "nhà cái" in flag["matched"] and flag["text"] == SAID
    with open_case(case_dir, create=False) as case:
        stored = case.conn.execute("SELECT text FROM segment WHERE id = ?", (seg,)).fetchone()
        assert stored[0] == GARBLED  # never replaced
        payload = json.loads(
            case.conn.execute(
                "SELECT payload FROM audit WHERE action = 'segment.correct'"
            ).fetchone()[0]
        )
        assert payload["segment_id"] == seg and payload["old"] == GARBLED
        assert payload["new"] == SAID and len(payload["media_sha256"]) == 64
        case.verify_audit()
        assert correction_marks(case)[flag["id"]]["officer"] == "cb-042"
    flags = json.loads(_cli("flags", "--case", str(case_dir), "--json").stdout)["flags"]
    mine = next(f for f in flags if f["id"] == flag["id"])
    assert mine["from_correction"]["segment_id"] == seg
    text = _cli("flags", "--case", str(case_dir)).stdout
    assert "corrected by cb-042" in text
    txt = _cli("transcript", "--case", str(case_dir), "--media", "1").stdout
    line = next(x for x in txt.splitlines() if SAID in x)
    assert "✎" in line and GARBLED in line and "cb-042" in line and f"#{seg} " in line


def test_correcting_away_drops_a_pending_flag_but_never_a_decided_one(case_dir):
    seg = _segment_id(case_dir, "Vào chơi tài xỉu đi anh em")
    with open_case(case_dir, officer=OFFICER, create=False) as case:
        from reviewer.corrections import redetect_segment

        flags, _ = redetect_segment(case, seg)  # the machine text's own flag
        assert [f["category"] for f in flags] == ["gambling"]
        result = correct_and_redetect(case, seg, "Hôm nay trời đẹp quá", "cb-042")
        assert result.flags == [] and result.removed == 1
        # A decided flag keeps its evidence whatever the text becomes.
        result = correct_and_redetect(case, seg, "Vào chơi tài xỉu đi anh em nhé", "cb-042")
        (flag,) = result.flags
        case.decide_flag(flag["id"], "confirmed", "cb-042")
        again = correct_and_redetect(case, seg, "Hôm nay trời đẹp quá nhé", "cb-042")
        assert case.get_flag(flag["id"])["status"] == "confirmed" and again.removed == 0
        history = case.conn.execute(
            "SELECT count(*) FROM segment_correction WHERE segment_id = ?", (seg,)
        ).fetchone()[0]
        assert history == 3


def test_refusals(case_dir):
    seg = _segment_id(case_dir, GARBLED)
    empty = _cli(
        "transcript", "edit", "--case", str(case_dir), "--segment", str(seg), "--text", "  ",
        "--officer", "cb-042",
    )  # fmt: skip
    assert empty.returncode == 2 and "empty" in empty.stderr
    missing = _cli(
        "transcript", "edit", "--case", str(case_dir), "--segment", "999", "--text", "x",
        "--officer", "cb-042",
    )  # fmt: skip
    assert missing.returncode == 1 and "no transcript segment 999" in missing.stderr
    with open_case(case_dir, create=False) as case:
        with pytest.raises(UsageError):
            correct_and_redetect(case, seg, "", "cb-042")
        with pytest.raises(CaseError):
            correct_and_redetect(case, 999, "x", "cb-042")


def test_transcript_formats_mark_the_officer_text(case_dir):
    seg = _segment_id(case_dir, GARBLED)
    with open_case(case_dir, create=False) as case:
        correct_and_redetect(case, seg, SAID, "cb-042")
        segments = case.transcript_segments(1)
    srt = render(segments, "srt")
    assert f"✎ {SAID}" in srt and GARBLED not in srt
    data = json.loads(render(segments, "json"))
    row = next(s for s in data if s["id"] == seg)
    assert (row["text"], row["machine_text"], row["corrected"]) == (SAID, GARBLED, True)


def test_learning_reads_the_corrected_text(case_dir):
    seg = _segment_id(case_dir, GARBLED)
    with open_case(case_dir, create=False) as case:
        (flag,) = correct_and_redetect(case, seg, SAID, "cb-042").flags
        case.decide_flag(flag["id"], "confirmed", "cb-042")
        decisions = read_case(case)
    mine = next(d for d in decisions.decisions if d.flag_id == flag["id"])
    assert mine.label == "confirmed" and mine.text == SAID
    assert decisions.unit_text[("seg", seg)] == SAID
    assert mine.corrected is True


def test_merge_brings_a_correction_from_the_other_copy(case_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(case_dir, copy)
    seg = _segment_id(case_dir, GARBLED)
    with open_case(copy, officer="cb-043", create=False) as other:
        correct_and_redetect(other, seg, SAID, "cb-043")
    with open_case(case_dir, officer=OFFICER, create=False) as case:
        report = merge_case(case, copy)
        assert [o.kind for o in report.outcomes] == ["applied"], report.summary_lines()
        (row,) = [s for s in case.segments() if s["id"] == seg]
        assert row["text"] == SAID and row["corrected_by"] == "cb-043"
        assert any(f["start_s"] == 40.0 and f["category"] == "gambling" for f in case.flags())
        case.verify_audit()
        again = merge_case(case, copy)  # the same change is never applied twice
        assert not again.of("applied")


def test_merge_keeps_both_when_corrected_differently(case_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(case_dir, copy)
    seg = _segment_id(case_dir, GARBLED)
    with open_case(copy, officer="cb-043", create=False) as other:
        correct_and_redetect(other, seg, SAID, "cb-043")
    with open_case(case_dir, officer=OFFICER, create=False) as case:
        correct_and_redetect(case, seg, "Anh em vào nhà cái bên kìa chơi nhé", OFFICER)
        report = merge_case(case, copy)
        (outcome,) = report.outcomes
        assert outcome.kind == "conflict" and SAID in outcome.text
        (row,) = [s for s in case.segments() if s["id"] == seg]
        assert row["text"] == "Anh em vào nhà cái bên kìa chơi nhé"  # this copy's text stays


def test_export_carries_both_texts_and_the_mark(case_dir, tmp_path):
    from test_evidence_fixtures import make_signer

    from reviewer.evidence import export_case

    seg = _segment_id(case_dir, GARBLED)
    with open_case(case_dir, create=False) as case:
        (flag,) = correct_and_redetect(case, seg, SAID, "cb-042").flags
        case.decide_flag(flag["id"], "confirmed", "cb-042")
    usb = tmp_path / "usb"
    usb.mkdir()
    pkg = export_case(case_dir, usb, make_signer()).path
    data = json.loads((pkg / "data" / "case" / "case.json").read_text(encoding="utf-8"))
    entry = next(f for f in data["flags"] if f["flag_id"] == flag["id"])
    assert entry["from_correction"]["officer"] == "cb-042" and entry["text"] == SAID
    (txt,) = (pkg / "data" / "transcripts").glob("m001-*.txt")
    line = next(x for x in txt.read_text(encoding="utf-8").splitlines() if SAID in x)
    assert "✎" in line and GARBLED in line
    (as_json,) = (pkg / "data" / "transcripts").glob("m001-*.json")
    row = next(s for s in json.loads(as_json.read_text(encoding="utf-8")) if s["id"] == seg)
    assert row["machine_text"] == GARBLED and row["corrected_by"] == "cb-042"


def test_an_unintelligible_stretch_the_officer_heard_is_detected(tmp_path):
    """The marker itself raises nothing; what the officer writes for it is detected."""
    folder, _ids = make_case(tmp_path / "case", tmp_path / "media")
    marker = "[không nghe rõ / unintelligible]"
    with open_case(folder, officer=OFFICER, create=False) as case:
        case.save_speech_chunk(
            1, [{"start_s": 30.0, "end_s": 34.0, "text": marker, "unintelligible": True}], 75.0
        )
        seg = next(s["id"] for s in case.segments() if s["text"] == marker)
        from reviewer.corrections import redetect_segment

        assert redetect_segment(case, seg)[0] == []
        result = correct_and_redetect(case, seg, "Vào nhà cái bên kia chơi tài xỉu nhé", "cb-042")
        assert [f["category"] for f in result.flags] == ["gambling"]

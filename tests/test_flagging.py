"""Detections merge into flags; thresholds and re-analysis touch pending flags only."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import reviewer_cmd
from reviewer.flagging import LEAD_IN_S, MERGE_GAP_S, group_detections, rebuild_flags
from reviewer.ingest import ingest_file
from reviewer.store import open_case
from reviewer.store.findings import add_detections


def _det(media_id, start, end, category="gambling", score=0.8, source="speech", text="x"):
    return {
        "media_id": media_id,
        "start_s": start,
        "end_s": end,
        "source": source,
        "category": category,
        "score": score,
        "matched": [f"term-{start}"],
        "text": text,
        "model_id": "m",
        "model_sha256": "a" * 64,
    }


@pytest.fixture
def case_with_media(tmp_path, media_dir):
    case = open_case(tmp_path / "case", officer="tester")
    media_id = ingest_file(case, media_dir / "english.m4a").media_id
    yield case, media_id
    case.close()


def test_close_detections_merge_and_far_ones_do_not():
    dets = [
        {**_det(1, 10, 12), "id": 1},
        {**_det(1, 12 + MERGE_GAP_S - 1, 20), "id": 2},
        {**_det(1, 20 + MERGE_GAP_S + 5, 40), "id": 3},
        {**_det(1, 11, 12, category="fraud"), "id": 4},
        # The same category at the same time in the chat: another person's act, its own flag.
        {**_det(1, 11, 12, source="ocr"), "id": 5},
    ]
    groups = group_detections(dets)
    ids = sorted(sorted(d["id"] for d in g) for g in groups)
    assert ids == [[1, 2], [3], [4], [5]]


def test_flags_do_not_depend_on_the_order_detections_were_saved(tmp_path, media_dir):
    """With two engines, each one's detections are saved when its thread gets there; the flags
    (best text, models in order, score) must be the same whichever came first."""
    heard = [
        {**_det(0, 5, 6, text="nhà cái uy tín", score=0.7), "engine": "whisper", "model_id": "w"},
        {**_det(0, 5, 6, text="nhà cái uy tính", score=0.7), "engine": "vietasr", "model_id": "v"},
        {**_det(0, 5, 6, category="fraud", text="chuyển khoản"), "engine": "vietasr"},
    ]
    models_of = {
        "speech:whisper": [{"name": "whisper", "sha256": "1" * 64}],
        "speech:vietasr": [{"name": "vietasr", "sha256": "2" * 64}],
    }
    seen = []
    for name, order in (("a", heard), ("b", heard[::-1])):
        with open_case(tmp_path / name, officer="t") as case:
            media_id = ingest_file(case, media_dir / "english.m4a").media_id
            add_detections(case, [{**d, "media_id": media_id} for d in order])
            rebuild_flags(case, media_id, models_of=models_of)
            seen.append(
                [
                    (f["category"], f["text"], f["score"], [m["name"] for m in f["models"]])
                    for f in case.flags()
                ]
            )
    assert seen[0] == seen[1]
    assert [category for category, *_ in seen[0]] == ["fraud", "gambling"]


def test_flag_has_lead_in_provenance_and_combined_score(case_with_media):
    case, media_id = case_with_media
    add_detections(
        case, [_det(media_id, 10, 12, score=0.6), _det(media_id, 14, 15, score=0.6, text="y")]
    )
    add_detections(case, [_det(media_id, 14, 15, score=0.3, text="weak")])  # under threshold
    rebuild_flags(case, media_id, models_of={"speech": [{"name": "asr", "sha256": "b" * 64}]})
    (flag,) = case.flags()
    assert (flag["start_s"], flag["end_s"]) == (10, 15)
    assert flag["play_from_s"] == pytest.approx(10 - LEAD_IN_S)
    assert flag["score"] > 0.6  # two sightings are surer than one
    assert flag["matched"] == ["term-10", "term-14"]
    assert {m["name"] for m in flag["models"]} == {"asr", "m"}
    linked = case.detections(flag_id=flag["id"])
    assert len(linked) == 2 and all(d["score"] >= 0.5 for d in linked)


def test_rethreshold_updates_pending_only_and_keeps_ids(case_with_media):
    case, media_id = case_with_media
    add_detections(
        case,
        [
            _det(media_id, 10, 12, score=0.55),
            _det(media_id, 100, 102, score=0.55, category="fraud"),
            _det(media_id, 200, 202, score=0.9, category="insult"),
        ],
    )
    rebuild_flags(case, media_id)
    flags = {f["category"]: f for f in case.flags()}
    assert set(flags) == {"gambling", "fraud", "insult"}
    case.decide_flag(flags["fraud"]["id"], "confirmed", note="seen it")

    # Stricter thresholds: the pending gambling flag goes, the decided fraud flag stays as it
    # was, the insult flag lives on under the same id.
    rebuild_flags(case, media_id, thresholds={"gambling": 0.7, "fraud": 0.7, "insult": 0.7})
    after = {f["category"]: f for f in case.flags()}
    assert set(after) == {"fraud", "insult"}
    assert after["fraud"]["status"] == "confirmed" and after["fraud"]["note"] == "seen it"
    assert after["insult"]["id"] == flags["insult"]["id"]
    assert len(case.detections(flag_id=after["fraud"]["id"])) == 1

    # A new detection next to the decided flag does not raise a second flag for it.
    add_detections(case, [_det(media_id, 103, 104, score=0.95, category="fraud")])
    rebuild_flags(case, media_id)
    assert [f["category"] for f in case.flags()].count("fraud") == 1


def test_review_cli_records_decision_in_audit(tmp_path, case_with_media):
    case, media_id = case_with_media
    add_detections(case, [_det(media_id, 10, 12)])
    rebuild_flags(case, media_id)
    flag_id = case.flags()[0]["id"]
    folder = case.folder
    case.close()

    def review(*extra):
        return subprocess.run(
            [*reviewer_cmd(), "review", "--case", str(folder), "--flag", str(flag_id), *extra],
            capture_output=True,
            text=True,
        )

    done = review("--decision", "confirm", "--note", "Cờ bạc rõ ràng", "--officer", "cb-042")
    assert done.returncode == 0, done.stderr
    assert review("--decision", "maybe", "--officer", "x").returncode == 2
    missing = subprocess.run(
        [*reviewer_cmd(), "review", "--case", str(folder), "--flag", "999"]
        + ["--decision", "reject", "--officer", "x"],
        capture_output=True,
        text=True,
    )
    assert missing.returncode != 0 and "no flag 999" in missing.stderr

    with open_case(folder) as again:
        flag = again.get_flag(flag_id)
        assert (flag["status"], flag["reviewer"], flag["note"]) == (
            "confirmed",
            "cb-042",
            "Cờ bạc rõ ràng",
        )
        rows = again.conn.execute(
            "SELECT officer, action, payload FROM audit WHERE action = 'flag.decide'"
        ).fetchall()
        assert len(rows) == 1 and rows[0][0] == "cb-042"
        assert json.loads(rows[0][2])["to"] == "confirmed"
        assert again.verify_audit().entries == 3  # create, ingest, decision


def test_speech_segment_is_classified_sentence_by_sentence():
    from reviewer.detections import sentences

    words = [
        {"start": 0.0, "end": 1.0, "word": " Hello"},
        {"start": 1.0, "end": 2.0, "word": " there."},
        {"start": 2.5, "end": 3.0, "word": " We"},
        {"start": 3.0, "end": 4.0, "word": " sell"},
        {"start": 4.0, "end": 5.0, "word": " data!"},
    ]
    seg = {"id": 7, "start_s": 0.0, "end_s": 5.0, "text": "Hello there. We sell data!"}
    first, second = sentences({**seg, "words": words})
    assert (first["text"], first["start_s"], first["end_s"]) == ("Hello there.", 0.0, 2.0)
    assert (second["text"], second["start_s"], second["id"]) == ("We sell data!", 2.5, 7)
    assert second["end_s"] == 5.0  # the whole sentence, to the segment's end


def test_chat_lines_are_moments_when_they_appear():
    # Two profanity lines 30 s apart, each staying on screen to the end of the recording.
    dets = [
        {**_det(1, 24.0, 75.0, category="profanity", source="ocr", text="a"), "id": 1},
        {**_det(1, 58.0, 75.0, category="profanity", source="ocr", text="b"), "id": 2},
    ]
    groups = group_detections(dets)
    assert sorted(sorted(d["id"] for d in g) for g in groups) == [[1], [2]]

"""Analysis to flags: speech (fake engine), on-screen text in video and screenshots (real OCR)."""

from __future__ import annotations

import threading

import cv2
import pytest

import reviewer.analysis.frames as frames
from conftest import FakeEngine
from reviewer.errors import Cancelled
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.store import open_case
from testkit.synth import render_lines, write_clip

GAMBLING = "nạp 100k tặng 200k vào nhà cái cá độ bóng đá"
CHAT = [
    (0.0, "lan_fan99: Chào chị Lan ạ!"),
    (3.0, "bet88: Nạp 100k tặng 200k, vào nhà cái"),
    (6.0, "minhtuan: Hôm nay nấu món gì vậy chị?"),
]
CLIP_S = 12


class ViolatingEngine(FakeEngine):
    """The fake engine, saying a gambling offer in every loud second."""

    def transcribe(self, audio, options):
        for seg in super().transcribe(audio, options):
            yield {**seg, "text": GAMBLING}


@pytest.fixture(scope="module")
def chat_clip(tmp_path_factory):
    """A 12 s chat overlay: lines appear one after another and stay (as chat does)."""
    path = tmp_path_factory.mktemp("video") / "trò chuyện trực tiếp.mp4"
    fps = 5
    frames = []
    for i in range(CLIP_S * fps):
        t = i / fps
        shown = [text for start, text in CHAT if start <= t]
        frames.append(render_lines(shown, style="chat_bubble", size=(640, 360), font_px=22)[0])
    write_clip(str(path), frames, fps=fps)
    return path


def _analyzer(case, engine=None, **options):
    engine = engine or ViolatingEngine()
    return Analyzer(case, AnalysisOptions(**options), engine_factory=lambda m, d: engine)


def test_speech_flags_appear_while_running_with_words_and_lead_in(tmp_path, media_dir):
    seen_during_run = []
    with open_case(tmp_path / "case", officer="t") as case:

        def watch(event):
            if event.stage == "speech":
                seen_during_run.append(len(case.flags()))

        analyzer = _analyzer(case, chunk_s=4.0)
        analyzer.on_progress = watch
        result = analyzer.run([media_dir / "english.m4a"])
        assert result.all_ok
        flags = case.flags()
    assert max(seen_during_run) >= 1  # flags show up before the file is finished
    assert {f["category"] for f in flags} == {"gambling"}
    for flag in flags:
        assert flag["source"] == "speech" and flag["score"] >= 0.5
        assert "nhà cái" in flag["matched"]
        assert flag["play_from_s"] == pytest.approx(max(0.0, flag["start_s"] - 3.0))
        assert {m["name"] for m in flag["models"]} >= {"fake-engine"}


def test_video_text_is_read_once_per_line_and_flagged(tmp_path, chat_clip):
    with open_case(tmp_path / "case", officer="t") as case:
        result = _analyzer(case, ocr_every_s=1.0).run([chat_clip])
        assert result.all_ok, result.outcomes
        texts = case.frame_texts()
        flags = case.flags()
        dets = case.detections()
    # One timed item per chat line, first seen within a second of its appearance.
    assert len(texts) == len(CHAT), [t["text"] for t in texts]
    for (start, text), item in zip(CHAT, sorted(texts, key=lambda t: t["start_s"]), strict=True):
        assert item["start_s"] == pytest.approx(start, abs=1.01)
        assert item["end_s"] >= CLIP_S - 1.5
        assert item["text"].split(":")[0] == text.split(":")[0]
    gambling = [f for f in flags if f["category"] == "gambling"]
    assert len(gambling) == 1 and gambling[0]["source"] == "ocr"
    assert gambling[0]["start_s"] == pytest.approx(3.0, abs=1.01)
    assert {m["name"] for m in gambling[0]["models"]} >= {"PP-OCRv6_det_small", "trueocr-vi-r01"}
    ocr_det = [d for d in dets if d["flag_id"] == gambling[0]["id"]][0]
    assert ocr_det["box"] and ocr_det["frame_text_id"]
    assert not [f for f in flags if f["category"] != "gambling"]  # greetings are benign


def test_cancelled_video_resumes_without_duplicate_text(tmp_path, chat_clip, monkeypatch):
    monkeypatch.setattr(frames, "VISION_CHUNK_S", 4.0)
    monkeypatch.setattr(frames, "OCR_EPOCH_S", 8.0)
    cancel = threading.Event()
    with open_case(tmp_path / "case", officer="t") as case:
        analyzer = _analyzer(case, ocr_every_s=1.0)
        analyzer.cancel = cancel

        def stop_midway(event):
            if event.stage == "ocr" and event.fraction > 0.5:
                cancel.set()

        analyzer.on_progress = stop_midway
        with pytest.raises(Cancelled):
            analyzer.run([chat_clip])
        media = case.list_media()[0]
        assert 0 < media["vision_done_s"] < CLIP_S and not media["vision_done"]

        rerun = _analyzer(case, ocr_every_s=1.0).run([chat_clip])
        assert rerun.all_ok
        texts = case.frame_texts()
    assert len(texts) == len(CHAT), [(t["text"], t["start_s"], t["end_s"]) for t in texts]
    assert all(t["end_s"] >= CLIP_S - 1.5 for t in texts)  # stretches joined across the stop


def test_screenshot_text_and_image_score(tmp_path):
    image, _ = render_lines(
        ["dl_vn: Bán data khách hàng 0912 345 678", "Giảm giá 20% nồi inox hôm nay"],
        style="light_on_dark",
        size=(720, 1280),
        font_px=30,
    )
    shot = tmp_path / "ảnh chụp màn hình 1.png"
    cv2.imwrite(str(shot), image)
    with open_case(tmp_path / "case", officer="t") as case:
        assert _analyzer(case).run([shot]).all_ok
        media = case.list_media()[0]
        flags = case.flags()
        texts = case.frame_texts()
    assert media["kind"] == "image" and media["duration_s"] is None
    assert len(texts) == 2 and all(t["start_s"] is None for t in texts)
    assert [(f["category"], f["source"], f["start_s"]) for f in flags] == [
        ("personal_data", "ocr", None)
    ]


def test_reanalysis_with_new_thresholds_updates_pending_flags_only(tmp_path, chat_clip):
    with open_case(tmp_path / "case", officer="t") as case:
        assert _analyzer(case, ocr_every_s=1.0).run([chat_clip]).all_ok
        (flag,) = case.flags()
        case.decide_flag(flag["id"], "confirmed", note="rõ ràng")
        # Re-analysis with other thresholds: gambling's is now above the decided flag's score.
        again = _analyzer(case, ocr_every_s=1.0, thresholds={"gambling": 0.99, "fraud": 0.01})
        assert again.run([chat_clip]).all_ok
        after = {f["id"]: f for f in case.flags()}
        assert after[flag["id"]]["status"] == "confirmed"
        assert after[flag["id"]]["note"] == "rõ ràng"
        assert after[flag["id"]]["score"] == flag["score"]
        # The decided flag stays as decided; anything else is pending.
        assert all(f["status"] == "pending" for i, f in after.items() if i != flag["id"])
        assert len(case.frame_texts()) == len(CHAT)  # vision was not re-run

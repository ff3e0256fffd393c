"""Pictures analysed beside speech: same results as one after the other, a cancel or a failure
in either stage leaves the media resumable, and a resumed run reads exactly what an unbroken
one does (fake speech engine, real OCR, the bundled demo recording)."""

from __future__ import annotations

import threading

import pytest

import reviewer.analysis.frames as frames
import reviewer.pipeline as pipeline
from conftest import FakeEngine
from reviewer.errors import Cancelled, MediaError
from reviewer.paths import demo_recording
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.store import open_case


def _rows(case) -> tuple[list, list]:
    media = case.list_media()[0]
    texts = [(t["start_s"], t["end_s"], t["box"], t["text"]) for t in case.frame_texts(media["id"])]
    segments = [(s["start_s"], s["end_s"], s["text"]) for s in case.segments(media["id"])]
    return sorted(texts), sorted(segments)


def _run(folder, cancel=None, on_progress=None, **options):
    with open_case(folder, officer="t") as case:
        analyzer = Analyzer(
            case,
            AnalysisOptions(language="vi", speech_bias="none", **options),
            on_progress,
            cancel,
            engine_factory=lambda m, d: FakeEngine(),
        )
        result = analyzer.run([demo_recording()])
        return result, _rows(case), case.list_media()[0]


@pytest.fixture(scope="module", autouse=True)
def short_stretches():
    """Several saved stretches in the 75 s demo (resume points, cache resets)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frames, "VISION_CHUNK_S", 20.0)
        patch.setattr(frames, "OCR_EPOCH_S", 40.0)  # a resume at 20 s replays 0-20 s
        yield


@pytest.fixture(scope="module")
def unbroken(tmp_path_factory):
    """The demo analysed once, pictures beside speech, never interrupted."""
    result, rows, media = _run(tmp_path_factory.mktemp("unbroken") / "case")
    assert result.all_ok and media["status"] == "analyzed"
    return rows


def test_overlap_reads_what_one_after_the_other_does(tmp_path, unbroken):
    stages: dict[str, set[str]] = {}

    def watch(event):
        stages.setdefault(event.stage, set()).add(threading.current_thread().name)

    result, rows, _ = _run(tmp_path / "case", on_progress=watch, overlap_stages=False)
    assert result.all_ok
    assert rows == unbroken  # same on-screen text items and segments, item for item
    assert stages["ocr"] == {threading.current_thread().name}


def test_pictures_run_in_their_own_thread(tmp_path):
    stages: dict[str, set[str]] = {}

    def watch(event):
        stages.setdefault(event.stage, set()).add(threading.current_thread().name)

    result, (texts, segments), _ = _run(tmp_path / "case", on_progress=watch)
    assert result.all_ok and texts and segments
    assert stages["ocr"] == {"reviewer-vision"}
    assert "reviewer-vision" not in stages["speech"]


def test_cancel_during_overlap_resumes_exactly(tmp_path, unbroken):
    cancel = threading.Event()

    def stop_after_first_stretch(event):
        if event.stage == "ocr" and event.fraction * 75 > 30:
            cancel.set()

    with pytest.raises(Cancelled):
        _run(tmp_path / "case", cancel, stop_after_first_stretch)
    with open_case(tmp_path / "case", officer="t") as case:
        media = case.list_media()[0]
        assert media["status"] == "pending" and not media["vision_done"]
        assert 20.0 <= media["vision_done_s"] < 75
    result, rows, media = _run(tmp_path / "case")
    assert result.all_ok and media["status"] == "analyzed"
    assert rows == unbroken  # no item doubled, lost, or read differently after the resume


def test_failure_in_the_picture_thread_fails_the_file_not_the_batch(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise MediaError("the video stream is damaged at 12.0 s")

    monkeypatch.setattr(pipeline, "FrameStretches", broken)
    result, (_, segments), media = _run(tmp_path / "case")
    assert not result.all_ok
    assert result.outcomes[0].error == "the video stream is damaged at 12.0 s"
    assert media["status"] == "failed" and segments  # speech finished and was kept


def test_speech_failure_stops_the_picture_thread(tmp_path):
    seen = threading.Event()

    class Failing(FakeEngine):
        def transcribe(self, audio, options):
            seen.wait(30)  # pictures have started
            raise MediaError("audio stream unreadable")
            yield  # a generator, like the real engine

    def watch(event):
        if event.stage == "ocr" and event.fraction > 0:
            seen.set()

    with open_case(tmp_path / "case", officer="t") as case:
        analyzer = Analyzer(
            case,
            AnalysisOptions(language="vi", speech_bias="none"),
            watch,
            engine_factory=lambda m, d: Failing(),
        )
        result = analyzer.run([demo_recording()])
        media = case.list_media()[0]
    assert result.outcomes[0].error == "audio stream unreadable"
    assert media["status"] == "failed" and not media["vision_done"]
    assert all(t.name != "reviewer-vision" for t in threading.enumerate())

"""Nothing heard is silently lost (invariant 10), with engines that loop or hear nothing: loops
are recognised, the stretch is retried, and what stays a loop is stored as a visible
unintelligible segment that detection skips."""

from __future__ import annotations

import numpy as np
import pytest

import speech_clips
from conftest import FakeEngine
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.speech import SpeechOptions
from reviewer.speech.audio import SAMPLE_RATE, AudioReader
from reviewer.speech.coverage import (
    MIN_MISSING_S,
    UNINTELLIGIBLE_TEXT,
    heard,
    is_loop,
    uncovered,
    voiced_spans,
)
from reviewer.store import open_case

LOOP = "nhà cái nhà cái nhà cái nhà cái nhà cái nhà cái"  # a gambling term, looped


@pytest.fixture(scope="module")
def two_sentences(tmp_path_factory: pytest.TempPathFactory):
    """Two spoken Vietnamese sentences with silence around them (espeak-ng), as float audio."""
    path = tmp_path_factory.mktemp("coverage") / "hai câu.wav"
    timings = speech_clips.make_clip(
        [
            1.0,
            ("vi", "Xin chào các bạn, hôm nay chúng ta nấu phở bò."),
            2.0,
            ("vi", "Các bạn nhớ theo dõi kênh của mình nhé."),
            1.0,
        ],
        path,
    )
    return path, np.concatenate(list(AudioReader(path))), timings


@pytest.mark.parametrize(
    "text",
    [
        "Đừng tìm tìm tìm tìm tìm tìm tìm tìm tìm t",
        "tìm tìm tìm tìm",
        LOOP,
        "ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha",
    ],
)
def test_loops_are_recognised(text):
    assert is_loop(text)


@pytest.mark.parametrize(
    "text",
    [
        "Anh chỉ muốn được nhìn nhận như là một huấn luyện viên.",
        # A sentence said twice is speech, not a loop (the real voices in a row).
        "Chúng ta có thể áp dụng logic tương tự. Chúng ta có thể áp dụng logic tương tự.",
        "từ từ thôi các bạn",
        "nhanh lên nhanh lên nhanh lên",
        "Nạp 100k tặng 200k, vào nhà cái uy tín",
    ],
)
def test_speech_is_not_a_loop(text):
    assert not is_loop(text)


def test_uncovered_voiced_time():
    voiced = [(1.0, 4.0), (6.0, 6.5), (8.0, 12.0)]
    assert uncovered(voiced, [], 0.0, 20.0) == [(1.0, 4.0), (8.0, 12.0)]  # 0.5 s is only an edge
    assert uncovered(voiced, [(0.5, 4.5), (7.5, 10.0)], 0.0, 20.0) == [(10.0, 12.0)]
    assert uncovered(voiced, [], 9.0, 20.0) == [(9.0, 12.0)]


class LoopingEngine(FakeEngine):
    """First pass: one loop over everything; retries loop `loops` times, then say `says`."""

    def __init__(self, loops: int, says: str = "câu nghe lại được") -> None:
        super().__init__()
        self.loops = loops
        self.says = says
        self.retries: list[tuple[float, int]] = []

    retry_attempts = 2

    def transcribe(self, audio, options):
        yield _segment(0.0, audio.size / SAMPLE_RATE, LOOP)

    def retry(self, audio, options, attempt):
        self.retries.append((round(audio.size / SAMPLE_RATE, 2), attempt))
        text = LOOP if len(self.retries) <= self.loops else self.says
        yield _segment(0.0, audio.size / SAMPLE_RATE, text)


def _segment(start: float, end: float, text: str) -> dict:
    return {
        "start_s": start,
        "end_s": end,
        "text": text,
        "language": "vi",
        "confidence": 0.5,
        "no_speech_prob": 0.1,
        "words": [],
    }


def _missing(voiced, segments):
    covered = [(s["start_s"] - 0.5, s["end_s"] + 0.5) for s in segments]
    return uncovered(voiced, covered, 0.0, float("inf"))


def test_loop_is_retried_and_the_retry_kept(two_sentences):
    _, audio, timings = two_sentences
    engine = LoopingEngine(loops=1)
    segments = list(heard(engine, audio, SpeechOptions()))
    voiced = voiced_spans(audio)
    assert len(voiced) >= 2, voiced  # VAD hears both sentences
    assert not any(is_loop(s["text"]) for s in segments)
    assert [s["text"] for s in segments] == ["câu nghe lại được"] * len(voiced)
    # Each stretch alone: the first sentence looped once more (attempt 0), then attempt 1 spoke.
    assert [a for _, a in engine.retries] == [0, 1] + [0] * (len(voiced) - 1)
    assert max(length for length, _ in engine.retries) < 6.0
    assert _missing(voiced, segments) == []
    starts = [s["start_s"] for s in segments]
    assert starts == sorted(starts)
    assert abs(segments[0]["start_s"] - timings[0]["start_s"]) < 0.6


def test_what_stays_a_loop_is_marked_unintelligible_and_never_flagged(two_sentences, tmp_path):
    path, audio, _ = two_sentences
    engine = LoopingEngine(loops=10**6)
    with open_case(tmp_path / "case", officer="test") as case:
        result = Analyzer(
            case, AnalysisOptions(vision=False), engine_factory=lambda n, d: engine
        ).run([path])
        segments = case.transcript_segments(result.media_ids[0])
        flags = case.flags()
        detections = case.detections(media_id=result.media_ids[0])
    assert segments, "voiced speech must never end as nothing"
    assert {s["text"] for s in segments} == {UNINTELLIGIBLE_TEXT}
    assert all(s["unintelligible"] == 1 for s in segments)
    assert not any("nhà cái" in s["text"] for s in segments)
    assert flags == [] and detections == []
    assert _missing(voiced_spans(audio), segments) == []
    # Retried whole, then in halves (a shorter window) before it was marked.
    assert len(engine.retries) > 2 * len(voiced_spans(audio))


def test_an_engine_that_hears_nothing_still_leaves_a_mark(two_sentences):
    _, audio, _ = two_sentences

    class Deaf(FakeEngine):
        def transcribe(self, audio, options):
            return iter(())

    segments = list(heard(Deaf(), audio, SpeechOptions()))
    voiced = voiced_spans(audio)
    assert sum(b - a for a, b in voiced) >= 2 * MIN_MISSING_S
    assert segments and all(s["text"] == UNINTELLIGIBLE_TEXT for s in segments)
    assert _missing(voiced, segments) == []

"""Chunks decoded side by side (an engine's `lanes`) give the very steps one lane gives."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from reviewer.errors import Cancelled
from reviewer.speech import SpeechOptions, load_named
from reviewer.speech.audio import SAMPLE_RATE
from reviewer.speech.chunking import AudioChunk, FoundChunks, speech_steps
from reviewer.speech.whisper import cpu_lanes

pytestmark = pytest.mark.timeout(300)


def _steps(chunks, engine, options, cancel=None):
    return [
        (step.pieces, step.done_until) for step in speech_steps(chunks, engine, options, cancel)
    ]


def test_whisper_two_lanes_give_the_one_lane_transcript(media_dir):
    whisper = load_named("faster-whisper-base", "cpu")
    assert whisper.lanes == cpu_lanes()
    # Short chunks, so a 20-second clip makes several, each ending in a pause.
    chunks = list(FoundChunks(media_dir / "english.m4a", 0.0, 6.0))
    assert len(chunks) >= 3
    options = SpeechOptions(language="en")
    whisper.lanes = 2
    side_by_side = _steps(chunks, whisper, options)
    whisper.lanes = 1
    one_at_a_time = _steps(chunks, whisper, options)
    assert side_by_side == one_at_a_time
    assert sum(len(pieces) for pieces, _ in side_by_side) >= 3


class SlowEngine:
    """One segment per chunk, after a pause; records how many chunks were decoded at once."""

    kind = "fake"
    name = "slow-fake"
    lanes = 2

    def __init__(self, fail_at: int | None = None, segments: int = 1) -> None:
        self.fail_at = fail_at
        self.per_chunk = segments
        self.busy = 0
        self.most_at_once = 0
        self.lock = threading.Lock()

    def transcribe(self, audio, options):
        with self.lock:
            self.busy += 1
            self.most_at_once = max(self.most_at_once, self.busy)
        try:
            number = round(float(audio[0]) * 1000)
            for k in range(self.per_chunk):
                time.sleep(0.3)
                if number == self.fail_at:
                    raise RuntimeError("decoder broke")
                yield {"start_s": k / 10, "end_s": 1.0, "text": f"chunk {number}", "words": []}
        finally:
            with self.lock:
                self.busy -= 1


def _chunks(n: int) -> list[AudioChunk]:
    # Silent to VAD, so `heard` adds no retries: one segment per chunk, named by its level.
    return [AudioChunk(2.0 * i, np.full(2 * SAMPLE_RATE, i / 1000, np.float32)) for i in range(n)]


def test_lanes_keep_file_order_and_run_chunks_at_once():
    engine = SlowEngine()
    steps = _steps(_chunks(5), engine, SpeechOptions())
    texts = [p["text"] for pieces, _ in steps for p in pieces]
    assert texts == [f"chunk {i}" for i in range(5)]
    ends = [done for _, done in steps]
    assert ends == sorted(ends) and ends[-1] == 10.0
    assert engine.most_at_once == 2


def test_a_chunk_that_fails_ahead_raises_in_its_turn():
    engine = SlowEngine(fail_at=2)
    seen = []
    with pytest.raises(RuntimeError, match="decoder broke"):
        for step in speech_steps(_chunks(5), engine, SpeechOptions()):
            seen += [p["text"] for p in step.pieces]
    assert seen == ["chunk 0", "chunk 1"]


def test_cancel_stops_the_chunks_decoded_ahead():
    # Many segments a chunk: the chunk being read must stop too, not only those ahead of it.
    engine = SlowEngine(segments=20)
    cancel = threading.Event()
    steps = speech_steps(_chunks(6), engine, SpeechOptions(), cancel)
    next(steps)
    cancel.set()
    with pytest.raises(Cancelled):
        list(steps)
    time.sleep(0.5)
    assert engine.busy == 0
    assert not [t for t in threading.enumerate() if t.name == "speech-chunk"]

"""The same chunk gives the same transcript whatever the process decoded before (real Whisper):
CTranslate2 seeds a worker thread's sampling generator once, so each chunk gets fresh threads."""

from __future__ import annotations

import pytest

from reviewer.speech import SpeechOptions, load_named
from reviewer.speech.chunking import FoundChunks

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def whisper():
    return load_named("faster-whisper-base", "cpu")


def _audio(path):
    return next(iter(FoundChunks(path, 0.0, 300.0))).audio


def test_sampled_decoding_repeats_after_a_fresh_decoder(whisper, media_dir):
    audio = _audio(media_dir / "tiếng việt có dấu.mp3")
    options = SpeechOptions(language="vi")
    sampled = len(whisper.RETRY_TEMPERATURES) - 1  # the retry that samples (temperature > 0)
    runs = []
    for _ in range(3):
        whisper._fresh_decoder()
        runs.append([s["text"] for s in whisper.retry(audio, options, sampled)])
        list(whisper.retry(audio, options, sampled))  # history the next run must not see
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_each_chunk_starts_with_a_fresh_decoder(whisper, media_dir, monkeypatch):
    audio = _audio(media_dir / "english.m4a")
    fresh = []
    original = type(whisper)._fresh_decoder
    monkeypatch.setattr(
        type(whisper), "_fresh_decoder", lambda self: (fresh.append(1), original(self))
    )
    first = [s["text"] for s in whisper.transcribe(audio, SpeechOptions(language="en"))]
    second = [s["text"] for s in whisper.transcribe(audio, SpeechOptions(language="en"))]
    assert fresh == [1, 1] and first == second and first

"""viet-asr: a Vietnamese-trained streaming Conformer-CTC (int8, embedded in its native library).

It returns text only, and `transcribe(file)` keeps just the last four finished segments, so it is
fed one voice-activity region (at most MAX_SEGMENT_S) at a time through a streaming session. The
session's growing partial text tells when each word was heard: that gives every word an
approximate time (about ±0.3 s) for flag spans and transcript sync.

The weights' licence is not stated (the package says Apache-2.0; its repository's LICENSE
excludes the models): the engine is opt-in and never bundled by default (DESIGN.md, invariant 9).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ..errors import ModelError, ModelHashMismatch
from ..hashing import sha256_file
from .audio import SAMPLE_RATE
from .engine import EngineNotInstalled, SpeechOptions
from .voice import speech_regions

ENGINE_NAME = "vietasr-conformer-ctc"
PACKAGE = "viet-asr"
INSTALL_HINT = (
    "The Vietnamese recogniser is not installed. Install it with "
    "`pip install 'livestream-reviewer[vietasr]'` (or `make setup`, which does), or choose "
    "--speech-engine whisper. Its weights' licence is not stated: see README, 'Speech engines'."
)
STEP = 5120  # 0.32 s: the model's own streaming step, so word times cost nothing extra
# Silence fed before a region that follows other sound: on the real-voice long form WER went
# 0.118 -> 0.056; before a region at the very start of the audio it hurt (0.067 -> 0.135 on the
# six isolated clips), so it is only added there (bench/eval_real_voices.py).
LEAD_PAD_S = 0.5
PAD_AFTER_S = 1.0
LOG_QUIET = 5


def native_library() -> Path:
    """The native library that embeds the model, without loading it."""
    spec = importlib.util.find_spec("vietasr")
    if spec is None or not spec.submodule_search_locations:
        raise EngineNotInstalled(INSTALL_HINT)
    folder = Path(next(iter(spec.submodule_search_locations))) / "_native"
    name = {"win32": "vietasr.dll", "darwin": "libvietasr.dylib"}.get(sys.platform, "libvietasr.so")
    path = folder / name
    if not path.is_file():
        raise EngineNotInstalled(f"{INSTALL_HINT} (missing {path})")
    return path


class VietAsrEngine:
    """Vietnamese only; one thread inside the library; text plus approximate word times."""

    kind = "vietasr"
    device = "cpu"
    compute_type = "int8"
    warning: str | None = None

    def __init__(self, expected_sha256: str | None) -> None:
        library = native_library()
        actual = sha256_file(library)
        if expected_sha256 and actual != expected_sha256:
            raise ModelHashMismatch(
                f"{library.name} (the viet-asr model) has SHA-256 {actual}, not the recorded "
                f"{expected_sha256}: reinstall viet-asr 0.1.0.dev11 with `make setup`."
            )
        self.name = ENGINE_NAME
        self.sha256 = actual
        self.library = library
        try:
            from vietasr import Pipeline
            from vietasr.ffi import native
        except (ImportError, OSError) as exc:
            raise EngineNotInstalled(f"{INSTALL_HINT} ({exc})") from exc
        native.lib.vietasr_set_log_level(LOG_QUIET)
        try:
            self.pipeline = Pipeline.preset("transcribe")
        except RuntimeError as exc:
            raise ModelError(f"Cannot load the Vietnamese recogniser: {exc}") from exc

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        # Same s16 rounding as the decoder produced, so the same file gives the same text.
        pcm = np.clip(np.round(audio * 32768.0), -32768, 32767).astype(np.int16)
        pad = np.zeros(int(LEAD_PAD_S * SAMPLE_RATE), dtype=np.int16)
        for start, end in speech_regions(audio):
            region, offset = pcm[start:end], start / SAMPLE_RATE
            if offset >= PAD_AFTER_S:
                region, offset = np.concatenate([pad, region]), offset - LEAD_PAD_S
            segment = self._region(region, offset)
            if segment is not None:
                yield segment

    retry_attempts = 1

    def retry(self, audio: np.ndarray, options: SpeechOptions, attempt: int) -> Iterator[dict]:
        """A stretch the first pass gave no text for, fed alone (coverage.heard)."""
        pcm = np.clip(np.round(audio * 32768.0), -32768, 32767).astype(np.int16)
        segment = self._region(pcm, 0.0)
        if segment is not None:
            yield segment

    def _region(self, pcm: np.ndarray, offset_s: float) -> dict | None:
        heard_at: list[float] = []  # when the partial text first had i+1 words
        with self.pipeline.stream(SAMPLE_RATE) as session:
            for i in range(0, pcm.size, STEP):
                session.accept(np.ascontiguousarray(pcm[i : i + STEP]))
                count = len(session.partial().text.split())
                fed = min(i + STEP, pcm.size) / SAMPLE_RATE
                heard_at += [fed] * (count - len(heard_at))
            text = " ".join(session.final().text.split())
        if not text:
            return None
        end_s = pcm.size / SAMPLE_RATE
        words = []
        previous = 0.0
        lead = _leading_silence(pcm)
        for index, word in enumerate(text.split()):
            heard = heard_at[index] if index < len(heard_at) else end_s
            heard = max(heard, previous, lead)
            words.append(
                {
                    "start": round(offset_s + max(previous, lead), 3),
                    "end": round(offset_s + heard, 3),
                    "word": (" " if index else "") + word,
                    "probability": None,
                }
            )
            previous = heard
        return {
            "start_s": offset_s + lead,
            "end_s": offset_s + end_s,
            "text": text,
            "language": "vi",
            "confidence": None,
            "no_speech_prob": None,
            "words": words,
        }


def _leading_silence(pcm: np.ndarray) -> float:
    """Seconds of exact zeros (our own padding) before the region's sound."""
    nonzero = np.flatnonzero(pcm)
    return float(nonzero[0]) / SAMPLE_RATE if nonzero.size else 0.0

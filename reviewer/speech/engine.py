"""What every speech engine offers: options, the engine interface, and the shape of a segment."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Protocol

import numpy as np

from ..errors import ModelError
from ..settings import ENGINE_CHOICES

__all__ = ["ENGINE_CHOICES"]  # re-exported: the choice is a setting, the engines live here

# Audio handed to an engine at once. Each chunk starts Whisper cold (no previous text), which on
# hard audio triggers slow temperature fallbacks; 5 minutes keeps those rare and the buffer at
# ~19 MB. Segments are saved as they come, so a crash loses at most one segment's work.
CHUNK_S = 300.0
# A segment an officer can read and the transcript pane can follow during playback.
MAX_SEGMENT_S = 15.0
RANDOM_SEED = 20261128


class EngineNotInstalled(ModelError):
    """The chosen speech engine's package is not installed on this workstation."""


@dataclass
class SpeechOptions:
    language: str | None = "vi"  # None = detect per chunk
    beam_size: int = 5
    word_timestamps: bool = True
    initial_prompt: str | None = None
    hotwords: str | None = None
    # Whisper's running context across segments. Off: on the real-voice long form it made
    # Whisper repeat and drop sentences (WER 0.365 with, 0.281 without, 3.6x slower with;
    # bench/eval_real_voices.py). Isolated sentences are the same either way.
    condition_on_previous_text: bool = False

    def as_record(self) -> dict:
        """The decoding settings, recorded with the transcript and in the audit log."""
        return asdict(self)


class SpeechEngine(Protocol):
    kind: str  # whisper | vietasr
    name: str  # the model's name, stored with every segment
    sha256: str  # the model's identity hash
    device: str
    compute_type: str
    warning: str | None

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        """Yield segments {start_s, end_s, text, language, confidence, no_speech_prob, words}
        with times relative to the start of `audio`, only from stretches with speech."""
        ...

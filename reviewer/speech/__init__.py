"""Speech to text: the engine interface, one module per engine (whisper, vietasr), readable
segments, voice activity, chunked and resumable transcription, and Whisper biasing.

Kept light to import: engines load their libraries only when created.
"""

from .chunking import transcribe_media
from .engine import (
    CHUNK_S,
    ENGINE_CHOICES,
    MAX_SEGMENT_S,
    EngineNotInstalled,
    SpeechEngine,
    SpeechOptions,
)
from .loader import (
    VIETASR_MODEL,
    engine_names,
    engines_for,
    load_engine,
    load_named,
    load_vietasr,
)

__all__ = [
    "CHUNK_S",
    "ENGINE_CHOICES",
    "MAX_SEGMENT_S",
    "EngineNotInstalled",
    "SpeechEngine",
    "SpeechOptions",
    "VIETASR_MODEL",
    "engine_names",
    "engines_for",
    "load_engine",
    "load_named",
    "load_vietasr",
    "transcribe_media",
]

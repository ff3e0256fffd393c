"""Chunked, resumable transcription of a media file with any engine."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import Cancelled
from .audio import SAMPLE_RATE, AudioReader
from .engine import CHUNK_S, SpeechEngine, SpeechOptions
from .readable import split_segment

MIN_GAP_S = 0.3


def find_cut(audio: np.ndarray, min_keep: int) -> int:
    """Where to end a chunk: in the last pause of the buffer, so no word is split in two."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    regions = get_speech_timestamps(
        audio, VadOptions(min_silence_duration_ms=int(MIN_GAP_S * 1000), speech_pad_ms=0)
    )
    if not regions:
        return audio.size
    tail_gap = audio.size - regions[-1]["end"]
    if tail_gap >= MIN_GAP_S * SAMPLE_RATE:
        return regions[-1]["end"] + tail_gap // 2
    for left, right in zip(reversed(regions[:-1]), reversed(regions[1:]), strict=True):
        cut = (left["end"] + right["start"]) // 2
        if cut >= min_keep:
            return cut
    return audio.size  # continuous speech: a hard cut is the only option


@dataclass
class SpeechProgress:
    done_s: float
    segments_saved: int


def _cancelled() -> Cancelled:
    return Cancelled("Analysis cancelled; saved work is kept and a re-run resumes.")


def transcribe_media(
    path: Path,
    engine: SpeechEngine,
    options: SpeechOptions,
    start_s: float,
    save_chunk: Callable[[list[dict], float], None],
    on_progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
    chunk_s: float = CHUNK_S,
) -> str | None:
    """Transcribe from `start_s` to the end, saving each chunk with its resume point.

    Each segment is saved as soon as the engine yields it (cut into readable pieces), with its
    end as the resume point; the end of a chunk (trailing silence included) is saved when the
    chunk finishes. Every segment names its engine. Returns a warning when the audio broke off
    early. Raises Cancelled between segments; a re-run starts again from the last saved point.
    """
    chunk = int(chunk_s * SAMPLE_RATE)
    reader = AudioReader(path, start_s=start_s, block_s=min(30.0, chunk_s))
    offset = start_s
    buffer = np.zeros(0, dtype=np.float32)

    def run(audio: np.ndarray, done_until: float) -> None:
        for seg in engine.transcribe(audio, options):
            if cancel is not None and cancel.is_set():
                raise _cancelled()
            seg["start_s"] += offset
            seg["end_s"] += offset
            for word in seg["words"]:
                word["start"] += offset
                word["end"] += offset
            pieces = [{**p, "engine": engine.name} for p in split_segment(seg)]
            save_chunk(pieces, min(seg["end_s"], done_until))
            if on_progress:
                on_progress(seg["end_s"])
        save_chunk([], done_until)
        if on_progress:
            on_progress(done_until)

    for block in reader:
        if cancel is not None and cancel.is_set():
            raise _cancelled()
        buffer = np.concatenate([buffer, block]) if buffer.size else block
        while buffer.size >= chunk:
            cut = find_cut(buffer, min_keep=chunk // 2)
            run(buffer[:cut], offset + cut / SAMPLE_RATE)
            offset += cut / SAMPLE_RATE
            buffer = buffer[cut:]
    if buffer.size:
        run(buffer, offset + buffer.size / SAMPLE_RATE)
    return reader.error

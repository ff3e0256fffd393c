"""Chunked transcription of a media file with any engine: the one loop that both the local
pipeline (saving as it goes, resumable) and a cluster range (reviewer.analysis.core.py) run.

Audio is cut into chunks of about CHUNK_S, each ending in a pause (found by VAD), so no word
is split in two. A chunk's segments are shifted to file time and cut into readable pieces that
name their engine.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import Cancelled
from .audio import SAMPLE_RATE, AudioReader
from .coverage import heard
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


@dataclass(frozen=True)
class AudioChunk:
    start_s: float
    audio: np.ndarray

    @property
    def end_s(self) -> float:
        return self.start_s + self.audio.size / SAMPLE_RATE


@dataclass(frozen=True)
class SpeechStep:
    """Pieces heard (possibly none) and how far the audio is done once they are kept."""

    pieces: list[dict]
    done_until: float


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


class FoundChunks:
    """Chunks from `start_s` to the end, each cut where find_cut puts it."""

    def __init__(
        self,
        path: Path,
        start_s: float = 0.0,
        chunk_s: float = CHUNK_S,
        cancel: threading.Event | None = None,
    ) -> None:
        self.start_s = start_s
        self.chunk = int(chunk_s * SAMPLE_RATE)
        self.cancel = cancel
        # No seek on resume either: the audio is then exactly an unbroken run's (AudioReader).
        self.reader = AudioReader(path, start_s=start_s, block_s=min(30.0, chunk_s), seek=False)

    @property
    def error(self) -> str | None:
        """Why the audio broke off early, once iterated; None when it was read to the end."""
        return self.reader.error

    def __iter__(self) -> Iterator[AudioChunk]:
        offset = self.start_s
        buffer = np.zeros(0, dtype=np.float32)
        for block in self.reader:
            _check(self.cancel)
            buffer = np.concatenate([buffer, block]) if buffer.size else block
            while buffer.size >= self.chunk:
                cut = find_cut(buffer, min_keep=self.chunk // 2)
                yield AudioChunk(offset, buffer[:cut])
                offset += cut / SAMPLE_RATE
                buffer = buffer[cut:]
        if buffer.size:
            yield AudioChunk(offset, buffer)


class PlannedChunks:
    """The chunks between consecutive `cuts` (as FoundChunks found them from the start of the
    file), decoded without a seek so that they are sample-identical to FoundChunks' (see
    AudioReader's `seek`)."""

    def __init__(
        self, path: Path, cuts: tuple[float, ...], cancel: threading.Event | None = None
    ) -> None:
        self.cuts = cuts
        self.cancel = cancel
        self.reader = AudioReader(path, start_s=cuts[0], block_s=30.0, seek=False)

    @property
    def error(self) -> str | None:
        return self.reader.error

    def __iter__(self) -> Iterator[AudioChunk]:
        first = int(round(self.cuts[0] * SAMPLE_RATE))
        blocks = iter(self.reader)
        buffer = np.zeros(0, dtype=np.float32)
        taken = 0  # samples already handed out
        for start, end in zip(self.cuts[:-1], self.cuts[1:], strict=True):
            _check(self.cancel)
            wanted = int(round(end * SAMPLE_RATE)) - first - taken
            while buffer.size < wanted:
                block = next(blocks, None)
                if block is None:
                    break
                buffer = np.concatenate([buffer, block]) if buffer.size else block
            yield AudioChunk(start, buffer[:wanted].astype(np.float32, copy=False))
            buffer = buffer[wanted:]
            taken += wanted


def speech_steps(
    chunks: Iterable[AudioChunk],
    engine: SpeechEngine,
    options: SpeechOptions,
    cancel: threading.Event | None = None,
) -> Iterator[SpeechStep]:
    """Each segment as the engine yields it (readable pieces in file time, done up to its end),
    then the end of its chunk (trailing silence included). Loops are dropped and voiced stretches
    without text retried or marked unintelligible (coverage.heard)."""
    for chunk in chunks:
        done_until = chunk.end_s
        for seg in heard(engine, chunk.audio, options):
            _check(cancel)
            seg["start_s"] += chunk.start_s
            seg["end_s"] += chunk.start_s
            for word in seg["words"]:
                word["start"] += chunk.start_s
                word["end"] += chunk.start_s
            pieces = [{**p, "engine": engine.name} for p in split_segment(seg)]
            yield SpeechStep(pieces, min(seg["end_s"], done_until))
        yield SpeechStep([], done_until)


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
    """Transcribe from `start_s` to the end, saving each segment with its resume point.

    Each segment is saved as soon as the engine yields it, with its end as the resume point; the
    end of a chunk is saved when the chunk finishes. Returns a warning when the audio broke off
    early. Raises Cancelled between segments; a re-run starts again from the last saved point.
    """
    chunks = FoundChunks(path, start_s, chunk_s, cancel)
    for step in speech_steps(chunks, engine, options, cancel):
        save_chunk(step.pieces, step.done_until)
        if on_progress:
            on_progress(step.pieces[-1]["end_s"] if step.pieces else step.done_until)
    return chunks.error

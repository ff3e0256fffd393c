"""Chunked transcription of a media file with any engine: the one loop that both the local
pipeline (saving as it goes, resumable) and a cluster range (reviewer.analysis.core.py) run.

Audio is cut into chunks of about CHUNK_S, each ending in a pause (found by VAD), so no word
is split in two. A chunk's segments are shifted to file time and cut into readable pieces that
name their engine.
"""

from __future__ import annotations

import queue
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


def _shifted(seg: dict, chunk: AudioChunk, engine: SpeechEngine) -> list[dict]:
    """A chunk's segment in file time, cut into readable pieces that name their engine."""
    seg["start_s"] += chunk.start_s
    seg["end_s"] += chunk.start_s
    for word in seg["words"]:
        word["start"] += chunk.start_s
        word["end"] += chunk.start_s
    return [{**p, "engine": engine.name} for p in split_segment(seg)]


class _Heard(threading.Thread):
    """One chunk heard in a thread of its own; its segments wait in a queue until the chunks
    before it have been read (segments leave in file order)."""

    def __init__(self, chunk: AudioChunk, engine: SpeechEngine, options: SpeechOptions) -> None:
        super().__init__(name="speech-chunk", daemon=True)
        self.chunk, self.engine, self.options = chunk, engine, options
        self.stop = threading.Event()
        self.out: queue.Queue = queue.Queue()
        self.start()

    def run(self) -> None:
        try:
            for seg in heard(self.engine, self.chunk.audio, self.options):
                if self.stop.is_set():
                    break
                self.out.put(seg)
        except BaseException as exc:  # raised in the reading thread, in its turn
            self.out.put(exc)
        finally:
            release = getattr(self.engine, "release", None)
            if release is not None:
                release()  # the decoder goes with its thread, not at interpreter exit
        self.out.put(None)

    def segments(self, cancel: threading.Event | None) -> Iterator[dict]:
        while True:
            try:
                item = self.out.get(timeout=0.2)
            except queue.Empty:
                _check(cancel)
                continue
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


def _heard_in_order(
    chunks: Iterable[AudioChunk],
    engine: SpeechEngine,
    options: SpeechOptions,
    lanes: int,
    cancel: threading.Event | None,
) -> Iterator[tuple[AudioChunk, Iterator[dict]]]:
    """Each chunk with its segments, `lanes` chunks decoded at once (lanes 1: in this thread)."""
    if lanes <= 1:
        for chunk in chunks:
            yield chunk, heard(engine, chunk.audio, options)
        return
    source = iter(chunks)
    running: list[_Heard] = []  # the chunk being read first, then those decoded ahead
    try:
        while True:
            while len(running) < lanes and (chunk := next(source, None)) is not None:
                running.append(_Heard(chunk, engine, options))
            if not running:
                return
            yield running[0].chunk, running[0].segments(cancel)
            running.pop(0)  # read to its end
    finally:
        for left in running:
            left.stop.set()
        for left in running:
            left.join()  # a stopped chunk ends at its next segment


def speech_steps(
    chunks: Iterable[AudioChunk],
    engine: SpeechEngine,
    options: SpeechOptions,
    cancel: threading.Event | None = None,
) -> Iterator[SpeechStep]:
    """Each segment as the engine yields it (readable pieces in file time, done up to its end),
    then the end of its chunk (trailing silence included). Loops are dropped and voiced stretches
    without text retried or marked unintelligible (coverage.heard).

    An engine with `lanes` > 1 decodes that many chunks at once, each in a thread of its own
    (a chunk's transcript is a function of its audio alone, so the steps are the same either
    way); the segments still come chunk by chunk, in file order."""
    lanes = max(1, getattr(engine, "lanes", 1))
    for chunk, segments in _heard_in_order(chunks, engine, options, lanes, cancel):
        for seg in segments:
            _check(cancel)
            yield SpeechStep(_shifted(seg, chunk, engine), min(seg["end_s"], chunk.end_s))
        yield SpeechStep([], chunk.end_s)


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

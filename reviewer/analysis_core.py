"""The analysis of one file, or one time range of it, as a pure function:

    plan_ranges(file, media, options)                      -> [TimeRange, ...]
    analyze_range(file, sha256, time range, options, models) -> payload (plain JSON data)

Nothing here knows the case store: the payload carries speech segments, on-screen text items and
image detections, the models (with hashes) that made them and the machine that ran them. A Dask
worker and the local workstation call the same two functions, so a cluster run cannot drift from
a local one; only the workstation writes the case (reviewer/cluster/store.py).

Ranges follow the local pipeline's own boundaries, so that splitting a file changes nothing:
speech is cut where transcribe_media cuts its chunks (in pauses, found by VAD; planning decodes
the audio once and runs only the VAD), pictures where analyze_video_frames saves its stretches
(every VISION_CHUNK_S). A range groups whole chunks and whole stretches.
"""

from __future__ import annotations

import math
import os
import platform
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .errors import MediaChanged, MediaError
from .hashing import sha256_file
from .native_heap import map_big_blocks_apart
from .speech import CHUNK_S, SpeechEngine, SpeechOptions, load_engine, transcribe_media
from .speech.audio import SAMPLE_RATE, AudioReader
from .speech.readable import split_segment
from .vision import TextTracker, VisionError, load_image
from .vision.frames import FrameSampler
from .vision.incremental import IncrementalOcr
from .vision_stage import NSFW_FLOOR, OCR_EVERY_S, VISION_CHUNK_S, VisionModels, _item, _obscene

PAYLOAD_FORMAT = "reviewer-range-payload/1"
#: Length of one range: several workers share a long recording, each range a few minutes.
RANGE_S = 300.0


@dataclass(frozen=True)
class CoreOptions:
    """Everything that changes what the analysis of a range produces (nothing else may)."""

    language: str | None = "vi"
    speech_model: str = "faster-whisper-base"
    beam_size: int = 5
    word_timestamps: bool = True
    initial_prompt: str | None = None
    hotwords: str | None = None  # resolved by the workstation (lexicon biasing)
    vision: bool = True
    ocr_every_s: float = OCR_EVERY_S
    chunk_s: float = CHUNK_S
    range_s: float = RANGE_S

    def speech(self) -> SpeechOptions:
        return SpeechOptions(
            language=self.language,
            beam_size=self.beam_size,
            word_timestamps=self.word_timestamps,
            initial_prompt=self.initial_prompt,
            hotwords=self.hotwords,
        )


@dataclass(frozen=True)
class TimeRange:
    index: int
    #: Speech chunk boundaries (start, ..., end); empty when the range has no speech to do.
    speech_cuts: tuple[float, ...] = ()
    #: [start, end) of the sampled frames; end None = to the end of the video; None = no frames.
    vision: tuple[float, float | None] | None = None
    image: bool = False  # a still image: OCR and image score of the whole picture
    duration_s: float | None = None  # of the whole file: text items end no later

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TimeRange:
        vision = tuple(data["vision"]) if data.get("vision") is not None else None
        return cls(
            data["index"],
            tuple(data["speech_cuts"]),
            vision,
            bool(data.get("image")),
            data.get("duration_s"),
        )


class CoreModels:
    """The models of one process, loaded once on first need; each load checks the hashes."""

    def __init__(
        self,
        speech_model: str,
        device: str = "auto",
        engine_factory: Callable[[str, str], SpeechEngine] = load_engine,
    ) -> None:
        map_big_blocks_apart()  # a worker process analyses hours of video too
        self.speech_model = speech_model
        self.device = device
        self.engine_factory = engine_factory
        self._engine: SpeechEngine | None = None
        self._vision: VisionModels | None = None
        self._lock = threading.Lock()  # a worker may run several ranges at once

    def engine(self) -> SpeechEngine:
        with self._lock:
            if self._engine is None:
                self._engine = self.engine_factory(self.speech_model, self.device)
            return self._engine

    def vision(self) -> VisionModels:
        with self._lock:
            if self._vision is None:
                # onnxruntime's CUDA build is optional; the OCR models are small enough for a CPU.
                self._vision = VisionModels.load("cpu")
            return self._vision


class _CutsOnly:
    """A speech engine that hears nothing: transcribe_media with it yields only chunk ends."""

    name, sha256, device, compute_type = "cuts-only", "", "cpu", "none"

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        return iter(())


def speech_cuts(path: Path, chunk_s: float) -> tuple[list[float], str | None]:
    """Where the local pipeline cuts the audio into chunks: [0, end1, end2, ..., end]."""
    ends: list[float] = []
    warning = transcribe_media(
        path,
        _CutsOnly(),
        SpeechOptions(),
        0.0,
        lambda segs, until: ends.append(until),
        chunk_s=chunk_s,
    )
    return ([0.0, *ends] if ends else []), warning


def plan_ranges(path: Path, media: dict[str, Any], options: CoreOptions) -> list[TimeRange]:
    """The ranges of one file (`media`: kind, duration_s, has_audio as the probe found them)."""
    kind = media.get("kind")
    if kind == "image":
        return [TimeRange(0, image=options.vision)]
    cuts = speech_cuts(path, options.chunk_s)[0] if media.get("has_audio") else []
    duration = float(media.get("duration_s") or (cuts[-1] if cuts else 0.0))
    step = max(1, round(options.range_s / VISION_CHUNK_S)) * VISION_CHUNK_S
    # A tail under a second (container rounding) joins the last range instead of making one.
    count = max(1, math.ceil((duration - 1.0) / step))
    ranges: list[TimeRange] = []
    for k in range(count):
        lo, hi = k * step, ((k + 1) * step if k < count - 1 else math.inf)
        # Whole chunks: each belongs to the range its start falls in.
        starts = [i for i in range(len(cuts) - 1) if lo <= cuts[i] < hi]
        own = tuple(cuts[starts[0] : starts[-1] + 2]) if starts else ()
        vision = (lo, hi if k < count - 1 else None) if kind == "video" and options.vision else None
        if own or vision:  # a long chunk may leave a range of an audio file with nothing to do
            ranges.append(TimeRange(len(ranges), own, vision, duration_s=media.get("duration_s")))
    return ranges


class ChunkReader:
    """The audio of each chunk between consecutive cuts, decoded in one pass from the first cut:
    the only seek is there (after a seek FFmpeg's AAC decoder is not sample-identical to an
    uninterrupted decode). Sample-exact as the local pipeline slices its buffer."""

    def __init__(self, path: Path, cuts: tuple[float, ...]) -> None:
        self.cuts = cuts
        self.reader = AudioReader(path, start_s=cuts[0], block_s=30.0)

    @property
    def error(self) -> str | None:
        return self.reader.error

    def __iter__(self) -> Iterator[tuple[float, np.ndarray]]:
        first = int(round(self.cuts[0] * SAMPLE_RATE))
        blocks = iter(self.reader)
        buffer = np.zeros(0, dtype=np.float32)
        taken = 0  # samples already handed out
        for start, end in zip(self.cuts[:-1], self.cuts[1:], strict=True):
            wanted = int(round(end * SAMPLE_RATE)) - first - taken
            while buffer.size < wanted:
                block = next(blocks, None)
                if block is None:
                    break
                buffer = np.concatenate([buffer, block]) if buffer.size else block
            yield start, buffer[:wanted].astype(np.float32, copy=False)
            buffer = buffer[wanted:]
            taken += wanted


def _speech(path: Path, cuts: tuple[float, ...], options: CoreOptions, engine: SpeechEngine):
    segments = []
    chunks = ChunkReader(path, cuts)
    for start, audio in chunks:
        for seg in engine.transcribe(audio, options.speech()):
            seg["start_s"] += start
            seg["end_s"] += start
            for word in seg["words"]:
                word["start"] += start
                word["end"] += start
            # As transcribe_media stores them: readable pieces naming their engine.
            segments += [{**p, "engine": engine.name} for p in split_segment(seg)]
    return segments, [chunks.error] if chunks.error else []


def _frames(
    path: Path,
    span: tuple[float, float | None],
    every_s: float,
    duration_s: float | None,
    models: VisionModels,
):
    """Sampled frames of [start, end): stretches of VISION_CHUNK_S, each with its text items and
    image detections, cut exactly where analyze_video_frames saves them."""
    start, end = span
    sampler = FrameSampler(path, every_s=every_s, start_s=start)
    tracker = TextTracker()
    # As analyze_video_frames reads: changed regions and new line crops, afresh each stretch.
    reader = IncrementalOcr(models.ocr)
    stretches: list[dict[str, Any]] = []
    items: list[dict] = []
    detections: list[dict] = []
    lines: list = []
    score = 0.0
    chunk_end = start + VISION_CHUNK_S
    last_t = start

    def flush(until: float) -> None:
        items.extend(_item(t, every_s, duration_s) for t in tracker.flush())
        stretches.append({"until": until, "items": list(items), "detections": list(detections)})
        items.clear()
        detections.clear()

    try:
        for frame in sampler:
            if end is not None and frame.t_s >= end:
                break
            if frame.t_s >= chunk_end:
                flush(chunk_end)
                while frame.t_s >= chunk_end:
                    chunk_end += VISION_CHUNK_S
                reader.reset()
            read = reader.read(frame.image)
            lines = read.lines
            if read.picture_changed:
                score = models.nsfw.score(frame.image)
                if score >= NSFW_FLOOR:
                    t = round(frame.t_s, 3)
                    detections.append(
                        _obscene(0, models, score, t, t + every_s, f"frame {t:.1f} s")
                    )
            elif detections and score >= NSFW_FLOOR:
                detections[-1]["end_s"] = round(frame.t_s + every_s, 3)
            items.extend(_item(t, every_s, duration_s) for t in tracker.feed(frame.t_s, lines))
            last_t = frame.t_s
        else:
            end = None  # the video ended inside this range
    except VisionError as exc:
        raise MediaError(str(exc)) from exc
    flush(end if end is not None else (math.floor(last_t / every_s) + 1) * every_s)
    report = sampler.report
    return stretches, (list(report.notes) if report.truncated else [])


def _image(path: Path, models: VisionModels) -> list[dict[str, Any]]:
    try:
        image = load_image(path)
        lines = models.ocr.read(image)
        score = models.nsfw.score(image)
    except VisionError as exc:
        raise MediaError(str(exc)) from exc
    items = [
        {
            "start_s": None,
            "end_s": None,
            "box": list(x.box),
            "text": x.text,
            "confidence": x.confidence,
        }
        for x in lines
    ]
    detections = [_obscene(0, models, score, None, None, "image")] if score >= NSFW_FLOOR else []
    return [{"until": 0.0, "items": items, "detections": detections}]


def worker_info() -> dict[str, Any]:
    """Which machine and which software made a payload (named in the case's audit log)."""
    versions = {"reviewer": __version__, "python": platform.python_version()}
    for name in ("ctranslate2", "faster_whisper", "onnxruntime", "av"):
        try:
            versions[name] = __import__(name).__version__
        except Exception:  # a missing optional library is not a reason to fail the range
            versions[name] = None
    return {"host": socket.gethostname(), "pid": os.getpid(), "versions": versions}


@dataclass
class _Timer:
    began: float = field(default_factory=time.monotonic)

    def seconds(self) -> float:
        return round(time.monotonic() - self.began, 3)


def analyze_range(
    path: Path, sha256: str, rng: TimeRange, options: CoreOptions, models: CoreModels
) -> dict[str, Any]:
    """Speech, on-screen text and image scores of one range of one file, as plain data.

    Refuses (MediaChanged) a file whose SHA-256 is not the one the case recorded at ingest.
    """
    timer = _Timer()
    found = sha256_file(path)
    if found != sha256:
        raise MediaChanged(
            f"{path} is not the file the case ingested (SHA-256 {found[:12]}…, expected "
            f"{sha256[:12]}…): check the shared folder; nothing was analysed."
        )
    payload: dict[str, Any] = {
        "format": PAYLOAD_FORMAT,
        "sha256": sha256,
        "range": rng.as_json(),
        "segments": [],
        "speech_done_s": rng.speech_cuts[-1] if rng.speech_cuts else None,
        "vision": [],
        "models": {"speech": None, "ocr": [], "image": None},
        "warnings": [],
    }
    if rng.speech_cuts:
        engine = models.engine()
        payload["segments"], warnings = _speech(path, rng.speech_cuts, options, engine)
        payload["warnings"] += warnings
        payload["models"]["speech"] = {
            "name": engine.name,
            "sha256": engine.sha256,
            "device": engine.device,
            "compute_type": engine.compute_type,
            "warning": getattr(engine, "warning", None),
        }
    if rng.vision is not None or rng.image:
        vision = models.vision()
        if rng.image:
            payload["vision"] = _image(path, vision)
        else:
            payload["vision"], notes = _frames(
                path, rng.vision, options.ocr_every_s, rng.duration_s, vision
            )
            payload["warnings"] += notes
        payload["models"]["ocr"] = vision.ocr_provenance()
        nsfw = vision.nsfw.model
        payload["models"]["image"] = {"name": nsfw.name, "sha256": nsfw.sha256}
    payload["worker"] = worker_info()
    payload["elapsed_s"] = timer.seconds()
    return payload

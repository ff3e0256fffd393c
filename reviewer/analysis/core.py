"""The analysis of one file, or one time range of it, as a pure function:

    plan_ranges(file, media, options)                      -> [TimeRange, ...]
    analyze_range(file, sha256, time range, options, models) -> payload (plain JSON data)

Nothing here knows the case store: the payload carries speech segments, on-screen text items and
image detections, the models (with hashes) that made them and the machine that ran them. A Dask
worker and the local workstation call the same two functions, so a cluster run cannot drift from
a local one; only the workstation writes the case (reviewer/analysis/save.py).

Ranges follow the local pipeline's own boundaries, so that splitting a file changes nothing:
speech is cut where transcribe_media cuts its chunks (in pauses, found by VAD; planning decodes
the audio once and runs only the VAD), pictures where analyze_video_frames saves its stretches
(every VISION_CHUNK_S). A range groups whole chunks and whole stretches; one that starts between
two OCR_EPOCH_S points replays the frames from the last one, as a resumed local run does.
"""

from __future__ import annotations

import math
import os
import platform
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import MediaChanged, ModelError
from ..hashing import sha256_file
from ..native_heap import map_big_blocks_apart
from ..speech import CHUNK_S, SpeechEngine, SpeechOptions, load_named
from ..speech.chunking import FoundChunks, PlannedChunks, speech_steps
from ..speech.loader import decoding_for, pass_settings
from .frames import OCR_EVERY_S, VisionModels
from .picture_lane import PictureLane, RangePictures, picture_spans

PAYLOAD_FORMAT = "reviewer-range-payload/2"
#: Length of one range: several workers share a long recording, each range a few minutes.
RANGE_S = 300.0


@dataclass(frozen=True)
class CoreOptions:
    """Everything that changes what the analysis of a range produces (nothing else may)."""

    language: str | None = "vi"
    speech_model: str = "faster-whisper-base"
    # The speech models to run, in order, the last one read (speech.loader.engine_names);
    # empty: speech_model alone.
    speech_engines: tuple[str, ...] = ()
    beam_size: int = 5
    word_timestamps: bool = True
    initial_prompt: str | None = None
    hotwords: str | None = None  # resolved by the workstation (lexicon biasing)
    condition_on_previous_text: bool = False
    vision: bool = True
    ocr_every_s: float = OCR_EVERY_S
    ocr_incremental: bool = True
    chunk_s: float = CHUNK_S
    range_s: float = RANGE_S
    # The range's sentence vectors in the payload (range_vectors.py): for cluster workers.
    sentence_vectors: bool = False

    def engine_names(self) -> tuple[str, ...]:
        return self.speech_engines or (self.speech_model,)

    def speech(self) -> SpeechOptions:
        return SpeechOptions(
            language=self.language,
            beam_size=self.beam_size,
            word_timestamps=self.word_timestamps,
            initial_prompt=self.initial_prompt,
            hotwords=self.hotwords,
            condition_on_previous_text=self.condition_on_previous_text,
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
    """The models of one process, loaded once on first need and kept across runs; each load
    checks the hashes. A model that failed to load fails again at once, with the same reason.

    `vision_threads`: ONNX Runtime threads per picture model (None: all cores; the workstation
    gives pictures their share beside speech). `overlap`: analyze_range runs a range's pictures
    in a second thread beside its speech."""

    def __init__(
        self,
        speech_model: str,
        device: str = "auto",
        engine_factory: Callable[[str, str], SpeechEngine] = load_named,
        vision_threads: int | None = None,
        overlap: bool = False,
    ) -> None:
        map_big_blocks_apart()  # a worker process analyses hours of video too
        self.speech_model = speech_model
        self.device = device
        self.engine_factory = engine_factory
        self.vision_threads = vision_threads
        # The pictures of a range in a thread beside its speech (both cores busy): for a process
        # that runs one range at a time (the workstation's child), not a Dask worker's threads.
        self.overlap = overlap
        self._engines: dict[str, SpeechEngine] = {}
        self._errors: dict[str, ModelError] = {}
        self._vision: VisionModels | None = None
        self._lock = threading.Lock()  # a worker may run several ranges at once
        # A range's pictures go on to the next range's while its speech finishes (one range at
        # a time: picture_lane.py says why); a Dask worker's threads run ranges side by side.
        self.lane = PictureLane(self) if overlap else None

    def engine(self, name: str | None = None) -> SpeechEngine:
        """A speech model by name (default: this process's Whisper model)."""
        name = name or self.speech_model
        with self._lock:
            if name in self._errors:
                raise self._errors[name]
            if name not in self._engines:
                try:
                    self._engines[name] = self.engine_factory(name, self.device)
                except ModelError as exc:
                    self._errors[name] = exc
                    raise
            return self._engines[name]

    def engines(self) -> list[SpeechEngine]:
        """The speech models loaded so far."""
        return list(self._engines.values())

    def vision(self) -> VisionModels:
        with self._lock:
            if self._vision is None:
                # onnxruntime's CUDA build is optional; the OCR models are small enough for a CPU.
                self._vision = VisionModels.load("cpu", self.vision_threads)
            return self._vision


def speech_cuts(path: Path, chunk_s: float) -> tuple[list[float], str | None]:
    """Where the local pipeline cuts the audio into chunks: [0, end1, end2, ..., end]."""
    chunks = FoundChunks(path, 0.0, chunk_s)
    ends = [chunk.end_s for chunk in chunks]
    return ([0.0, *ends] if ends else []), chunks.error


def plan_ranges(path: Path, media: dict[str, Any], options: CoreOptions) -> list[TimeRange]:
    """The ranges of one file (`media`: kind, duration_s, has_audio as the probe found them)."""
    kind = media.get("kind")
    if kind == "image":
        return [TimeRange(0, image=options.vision)]
    cuts = speech_cuts(path, options.chunk_s)[0] if media.get("has_audio") else []
    duration = float(media.get("duration_s") or (cuts[-1] if cuts else 0.0))
    ranges: list[TimeRange] = []
    for span in picture_spans(duration, options.range_s):
        lo, hi = span[0], math.inf if span[1] is None else span[1]
        # Whole chunks: each belongs to the range its start falls in.
        starts = [i for i in range(len(cuts) - 1) if lo <= cuts[i] < hi]
        own = tuple(cuts[starts[0] : starts[-1] + 2]) if starts else ()
        vision = span if kind == "video" and options.vision else None
        if own or vision:  # a long chunk may leave a range of an audio file with nothing to do
            ranges.append(TimeRange(len(ranges), own, vision, duration_s=media.get("duration_s")))
    return ranges


#: progress(stage, seconds of the recording done): "speech" per engine pass, "ocr" per frame.
RangeProgress = Callable[[str, float], None]


def _engine_pass(
    chunks: list,
    name: str,
    options: CoreOptions,
    models: CoreModels,
    progress: RangeProgress | None = None,
    stop: threading.Event | None = None,
) -> tuple[list[dict], dict[str, Any]]:
    """One engine over the range's chunks: its segments, and the engine with its decoding."""
    engine = models.engine(name)
    decoding = decoding_for(engine, options.speech())
    segments: list[dict] = []
    for step in speech_steps(chunks, engine, decoding, stop):
        segments += step.pieces
        if progress is not None:
            progress("speech", step.done_until)
    record = {
        "name": engine.name,
        "kind": engine.kind,
        "sha256": engine.sha256,
        "device": engine.device,
        "compute_type": engine.compute_type,
        "settings": pass_settings(engine, decoding),
        "warning": getattr(engine, "warning", None),
    }
    return segments, record


def _speech(
    path: Path,
    cuts: tuple[float, ...],
    options: CoreOptions,
    models: CoreModels,
    progress: RangeProgress | None = None,
) -> tuple[list[dict], list[dict[str, Any]], list[str]]:
    """Every chosen engine over the range's chunks (decoded once): their segments, each naming
    its engine, and the engines with the decoding each ran (as local speech passes record)."""
    reader = PlannedChunks(path, cuts)
    chunks = list(reader)
    names = options.engine_names()
    if len(names) == 2 and models.overlap:
        # `both`, one range at a time: viet-asr beside Whisper (as the local pipeline runs
        # them), so the slower sets the pace, not their sum. Each pass is a function of the
        # audio alone, and the payload lists them in the same order either way.
        stop = threading.Event()
        second: dict[str, Any] = {}

        def run_second() -> None:
            try:
                second["out"] = _engine_pass(chunks, names[1], options, models, None, stop)
            except BaseException as exc:  # raised in the range's thread below
                second["error"] = exc

        beside = threading.Thread(target=run_second, name="range-speech-2", daemon=True)
        beside.start()
        try:
            passes = [_engine_pass(chunks, names[0], options, models, progress)]
        except BaseException:
            stop.set()
            beside.join()
            raise
        beside.join()
        if "error" in second:
            raise second["error"]
        passes.append(second["out"])
    else:
        passes = [_engine_pass(chunks, name, options, models, progress) for name in names]
    segments = [seg for found, _ in passes for seg in found]
    engines = [record for _, record in passes]
    return segments, engines, [reader.error] if reader.error else []


def worker_info() -> dict[str, Any]:
    """Which machine and which software made a payload (named in the case's audit log)."""
    versions = {"reviewer": __version__, "python": platform.python_version()}
    for name in ("ctranslate2", "faster_whisper", "onnxruntime", "av"):
        try:
            versions[name] = __import__(name).__version__
        except Exception:  # a missing optional library is not a reason to fail the range
            versions[name] = None
    return {"host": socket.gethostname(), "pid": os.getpid(), "versions": versions}


_digests: dict[tuple[str, int, int], str] = {}
_digests_lock = threading.Lock()


def _digest(path: Path) -> str:
    """The file's SHA-256, hashed once per process while its size and time stay the same: a
    long recording has dozens of ranges, and hashing gigabytes for each would cost minutes."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    with _digests_lock:
        if key in _digests:
            return _digests[key]
    digest = sha256_file(path)
    with _digests_lock:
        if len(_digests) > 256:
            _digests.clear()
        _digests[key] = digest
    return digest


def _sentence_vectors(payload: dict[str, Any], language: str | None) -> dict[str, Any] | None:
    """The range's texts embedded here; a worker without the engine leaves them to the
    workstation (with a warning) rather than failing the range."""
    from ..text.meaning import range_vectors
    from ..text.meaning.engine import MeaningEngineError, shared_engine

    try:
        engine = shared_engine()
    except MeaningEngineError as exc:
        payload["warnings"].append(f"Sentence vectors left to the workstation: {exc}")
        return None
    return range_vectors.compute(engine, payload["segments"], payload["vision"], language)


@dataclass
class _Timer:
    began: float = field(default_factory=time.monotonic)

    def seconds(self) -> float:
        return round(time.monotonic() - self.began, 3)


def analyze_range(
    path: Path,
    sha256: str,
    rng: TimeRange,
    options: CoreOptions,
    models: CoreModels,
    progress: RangeProgress | None = None,
) -> dict[str, Any]:
    """Speech, on-screen text and image scores of one range of one file, as plain data;
    `progress` hears how far each stage has got (it may be called from two threads).

    Refuses (MediaChanged) a file whose SHA-256 is not the one the case recorded at ingest.
    """
    timer = _Timer()
    found = _digest(path)
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
        # speech: the engines that ran, in order, the last one read (empty: no speech here)
        "models": {"speech": [], "ocr": [], "image": None},
        "warnings": [],
    }
    wanted = rng.vision is not None or rng.image
    if wanted and models.lane is not None:
        # beside speech, in its own thread: CTranslate2 and ORT release the GIL
        pictures = models.lane.take(path, rng, options, progress)
    else:
        pictures = RangePictures.of(path, rng, options, models, progress)
    if rng.speech_cuts:
        try:
            payload["segments"], payload["models"]["speech"], warnings = _speech(
                path, rng.speech_cuts, options, models, progress
            )
        except BaseException:
            pictures.stop.set()  # the picture thread stops at its next frame
            pictures.join(reraise=False)
            raise
        payload["warnings"] += warnings
    if wanted:
        payload["vision"], notes, payload["models"]["ocr"], payload["models"]["image"] = (
            pictures.result()
        )
        payload["warnings"] += notes
    if options.sentence_vectors:
        payload["sentence_vectors"] = _sentence_vectors(payload, options.language)
    payload["worker"] = worker_info()
    payload["elapsed_s"] = timer.seconds()
    return payload

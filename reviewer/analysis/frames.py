"""The picture side of analysis: on-screen text and obscene-image scores of videos and images,
as plain data (no case store: a worker runs this too; reviewer/analysis/save.py writes it).

Video is read in stretches of VISION_CHUNK_S: each stretch's text items, image detections and
resume point are saved together, so a killed run loses at most one stretch.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Cancelled, MediaError
from ..identifiers.frame_watch import FrameWatch, picture_records
from ..vision import NsfwClassifier, OcrEngine, TextTracker, VisionError, load_image
from ..vision.dedupe import (
    DEFAULT_MAX_DISTANCE,
    TimedText,
    normalise,
    same_column,
    text_distance,
)
from ..vision.frames import FrameSampler
from ..vision.incremental import IncrementalOcr

VISION_CHUNK_S = 60.0
# The incremental reader (changed regions, line cache) starts afresh at each multiple of this
# many seconds of the file. A read that starts elsewhere (a resume, a cluster range) first
# replays the frames from the last such multiple through the reader only, so its state, and so
# every line read, is the unbroken run's. Longer: fewer whole-frame reads (each re-reads every
# visible chat line) but a longer replay on resume. A multiple of VISION_CHUNK_S; RANGE_S (the
# cluster's range) is one of it, so ranges replay nothing.
OCR_EPOCH_S = 300.0
# Sampling interval: chat lines stay up for several seconds; see bench/bench_throughput.py.
OCR_EVERY_S = 2.0
NSFW_FLOOR = 0.2  # open_nsfw below this is "safe" by its authors' reading: not worth storing


@dataclass
class VisionModels:
    ocr: OcrEngine
    nsfw: NsfwClassifier

    @classmethod
    def load(cls, device: str = "cpu", threads: int | None = None) -> VisionModels:
        """``threads``: ONNX Runtime threads per model (None: all cores)."""
        return cls(
            OcrEngine(device=device, threads=threads),
            NsfwClassifier(device=device, threads=threads),
        )

    def ocr_provenance(self) -> list[dict[str, str]]:
        """The OCR models in use, stored on the media for each flag's chain of models."""
        return [{"name": m.name, "sha256": m.sha256} for m in self.ocr.model_ids()]


def _item(text: TimedText, every_s: float, duration_s: float | None) -> dict:
    end = text.last_s + every_s  # on screen until the next sample, as far as we know
    return {
        "start_s": round(text.first_s, 3),
        "end_s": round(min(end, duration_s) if duration_s else end, 3),
        "box": list(text.box),
        "text": text.text,
        "confidence": text.confidence,
    }


def same_line(a: dict, b: dict) -> bool:
    """A line read at the start of a stretch continues a stored item: the same text in the same
    column. Not the same height: the stored box is where the line was first seen, and a chat
    line scrolls up many lines in a minute (the demo's lines moved 9 lines and came back as
    second flags)."""
    return same_column(tuple(a["box"]), tuple(b["box"])) and (
        text_distance(normalise(a["text"]), normalise(b["text"]), DEFAULT_MAX_DISTANCE)
        <= DEFAULT_MAX_DISTANCE
    )


def _obscene(media_id: int, models: VisionModels, score: float, start, end, text: str) -> dict:
    return {
        "media_id": media_id,
        "start_s": start,
        "end_s": end,
        "source": "image",
        "category": "obscene",
        "score": round(score, 4),
        "matched": [f"open_nsfw {score:.2f}"],
        "text": text,
        "model_id": models.nsfw.model.name,
        "model_sha256": models.nsfw.model.sha256,
    }


@dataclass
class Stretch:
    """One stretch of sampled frames: its text items and image detections, done until `until`;
    the QR codes and keyframe picture hashes of its changed pictures (identifiers/frame_watch)."""

    until: float
    items: list[dict]
    detections: list[dict]
    codes: list[dict] = field(default_factory=list)
    keyframes: list[dict] = field(default_factory=list)


class FrameStretches:
    """The sampled frames of [start_s, end_s) read into stretches of VISION_CHUNK_S: the one
    loop that both the local pipeline (saving each stretch) and a cluster range
    (reviewer/analysis/core.py) run. `end_s` None: to the end of the video.

    `incremental`: read only changed regions and new line crops (vision/incremental.py); False
    reads the whole of every changed frame. Its state starts afresh at each OCR_EPOCH_S, and a
    read from anywhere else replays from there first: same file, same text.
    """

    def __init__(
        self,
        path: Path,
        models: VisionModels,
        start_s: float = 0.0,
        end_s: float | None = None,
        every_s: float = OCR_EVERY_S,
        duration_s: float | None = None,
        incremental: bool = True,
        media_id: int = 0,
        cancel: threading.Event | None = None,
        on_frame: Callable[[float], None] | None = None,
        pictures: bool = True,
    ) -> None:
        self.path, self.models = path, models
        self.start_s, self.end_s, self.every_s = start_s, end_s, every_s
        self.duration_s, self.incremental, self.media_id = duration_s, incremental, media_id
        self.cancel, self.on_frame = cancel, on_frame
        self.warning: str | None = None  # set once iterated: the video broke off early
        # QR codes and picture hashes of changed frames (False: text and image scores only)
        self.watch = FrameWatch(every_s, duration_s) if pictures else None

    def _item(self, text: TimedText) -> dict:
        return _item(text, self.every_s, self.duration_s)

    def __iter__(self) -> Iterator[Stretch]:
        models, every_s, end = self.models, self.every_s, self.end_s
        reader = IncrementalOcr(models.ocr) if self.incremental else None
        epoch_end = (math.floor(self.start_s / OCR_EPOCH_S + 1e-9) + 1) * OCR_EPOCH_S
        replay_from = epoch_end - OCR_EPOCH_S if reader is not None else self.start_s
        sampler = FrameSampler(self.path, every_s=every_s, start_s=replay_from)
        tracker = TextTracker()
        chunk_end = self.start_s + VISION_CHUNK_S
        lines: list = []
        score = 0.0
        items: list[dict] = []
        detections: list[dict] = []
        last_t = self.start_s
        fresh = True  # the first frame of a stretch

        def stretch(until: float) -> Stretch:
            items.extend(self._item(t) for t in tracker.flush())
            codes, keyframes = self.watch.flush() if self.watch else ([], [])
            done = Stretch(until, list(items), list(detections), codes, keyframes)
            items.clear()
            detections.clear()
            return done

        try:
            for frame in sampler:
                if self.cancel is not None and self.cancel.is_set():
                    raise Cancelled()
                if end is not None and frame.t_s >= end:
                    break
                if reader is not None and frame.t_s >= epoch_end - 1e-6:
                    reader.reset()
                    while frame.t_s >= epoch_end - 1e-6:
                        epoch_end += OCR_EPOCH_S
                if reader is not None and frame.t_s < self.start_s - 1e-6:
                    reader.read(frame.image)  # replay: the reader's state, nothing kept
                    continue
                if frame.t_s >= chunk_end:
                    yield stretch(chunk_end)
                    while frame.t_s >= chunk_end:
                        chunk_end += VISION_CHUNK_S
                    fresh = True
                if reader is not None:
                    read = reader.read(frame.image)
                    # The picture is scored again at the start of each stretch: an obscene one
                    # that stays up is detected in every stretch, resumed or not.
                    lines, picture_changed = read.lines, read.picture_changed or fresh
                    fresh = False
                elif frame.changed:  # the first frame always counts as changed
                    lines, picture_changed = models.ocr.read(frame.image), True
                else:
                    picture_changed = False
                if picture_changed:
                    score = models.nsfw.score(frame.image)
                    if score >= NSFW_FLOOR:
                        t = round(frame.t_s, 3)
                        detections.append(
                            _obscene(
                                self.media_id, models, score, t, t + every_s, f"frame {t:.1f} s"
                            )
                        )
                elif detections and score >= NSFW_FLOOR:  # same picture, still up
                    detections[-1]["end_s"] = round(frame.t_s + every_s, 3)
                if self.watch is not None:
                    self.watch.frame(frame.t_s, frame.image, frame.changed or picture_changed)
                items.extend(self._item(t) for t in tracker.feed(frame.t_s, lines))
                last_t = frame.t_s
                if self.on_frame:
                    self.on_frame(frame.t_s)
            else:
                end = None  # the video ended inside [start_s, end_s)
        except VisionError as exc:
            raise MediaError(str(exc)) from exc
        yield stretch(end if end is not None else (math.floor(last_t / every_s) + 1) * every_s)
        report = sampler.report
        self.warning = "; ".join(report.notes) if report.truncated else None


def read_image(path: Path, models: VisionModels, media_id: int = 0) -> Stretch:
    """A screenshot or photo: all its text (no time) and its obscene-image score."""
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
            "box": list(line.box),
            "text": line.text,
            "confidence": line.confidence,
        }
        for line in lines
    ]
    detections = (
        [_obscene(media_id, models, score, None, None, "image")] if score >= NSFW_FLOOR else []
    )
    try:  # QR codes and the picture hash: a by-product, never a reason to fail the picture
        codes, keyframes = picture_records(image[..., ::-1])
    except Exception:
        codes, keyframes = [], []
    return Stretch(0.0, items, detections, codes, keyframes)

"""OCR of a stream of frames that reads only what is new.

For each sampled frame: find the rectangles whose strokes changed (``regions.py``: a camera
moving behind the chat does not count); lines of the last frame outside them are kept as they
were; the text detector runs on the changed rectangles only (on the whole frame when most of it
changed, and every ``FULL_EVERY_SAMPLES`` samples as a safety net for text too faint for the
stroke test); each line crop found there is recognised unless the same crop was read before
(``line_cache.py``). The result is the frame's lines, as a whole-frame read would give them,
plus whether the *picture* (not only text) changed, which is when the image classifier needs to
look again.

All state counts samples since ``reset()``, which the caller does at fixed points of the file:
a read resumed there gives what an unbroken one did.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reviewer.vision.line_cache import LineCache
from reviewer.vision.ocr import OcrEngine, OcrLine, as_bgr, crop_line
from reviewer.vision.recognise import LineReading
from reviewer.vision.regions import RegionTracker, grow, merge_rects, overlap, union
from reviewer.vision.text_boxes import Box, DetectedLine, reading_order, suppress_duplicates

# A line cut by a region's edge: grow the region by this many line heights and read again.
_GROW_LINE_HEIGHTS = 8
# The whole frame goes through the detector at least every this many samples (60 s at the
# default 2 s sampling): low-contrast text the stroke test cannot see is found within a minute.
FULL_EVERY_SAMPLES = 30
# A picture that keeps moving (a camera) is looked at again every this many samples; a change
# of more than PICTURE_CUT of the frame outside text (a new scene) is looked at at once.
PICTURE_EVERY_SAMPLES = 3
PICTURE_CUT = 0.25


@dataclass(frozen=True)
class FrameRead:
    lines: list[OcrLine]
    changed: bool  # any text region was read again
    picture_changed: bool  # something other than text lines changed: classify the image again


class IncrementalOcr:
    """Stateful reader of consecutive frames of one video; ``reset()`` at fixed points of the
    file, so that a read from there on depends on nothing before them."""

    def __init__(self, engine: OcrEngine, regions: RegionTracker | None = None) -> None:
        self.engine = engine
        self.regions = regions or RegionTracker()
        self.cache: LineCache[LineReading] = LineCache()
        self._lines: list[OcrLine] = []
        self.crops_recognised = 0
        self._since_full = 0  # samples since the whole frame was detected
        self._since_picture = 0  # samples since the picture was last looked at

    def reset(self) -> None:
        """Forget everything: the next frame is read whole, as after a resume."""
        self.regions.reset()
        self.cache.clear()
        self._lines = []
        self._since_full = self._since_picture = 0

    def read(self, image: np.ndarray) -> FrameRead:
        bgr = as_bgr(image)
        changes = self.regions.changes(bgr)
        self._since_full += 1
        self._since_picture += 1
        full = changes.full or self._since_full >= FULL_EVERY_SAMPLES
        if not full and not changes.rects:
            picture_changed = self._picture_changed(changes.mask, bgr, [], [])
            return FrameRead(self._lines, False, picture_changed)
        if full:
            self.regions.accept_all()
            detected = self.engine.detector.detect(bgr)
            kept: list[OcrLine] = []
            self._since_full = self._since_picture = 0
            picture_changed = True
        else:
            rects = self._regions_with_lines(list(changes.rects), bgr.shape)
            detected, rects = self._detect_in(bgr, rects)
            kept = [line for line in self._lines if not any(overlap(line.box, r) for r in rects)]
            self.regions.accept(bgr, rects)
            picture_changed = self._picture_changed(changes.mask, bgr, kept, detected)
        new = self._recognise(bgr, detected)
        lines = sorted(kept + new, key=lambda line: (line.box[1], line.box[0]))
        self._lines = reading_order(lines)
        return FrameRead(self._lines, True, picture_changed)

    def _regions_with_lines(self, rects: list[Box], shape: tuple[int, ...]) -> list[Box]:
        """Changed rectangles grown to hold every old line they touch, so a line that changed
        in one word is read whole again."""
        height, width = shape[:2]
        pad = self.regions.pad_px
        while True:
            grown = []
            for rect in rects:
                for line in self._lines:
                    if overlap(line.box, rect):
                        rect = union(rect, grow(line.box, pad, width, height))
                grown.append(rect)
            grown = merge_rects(grown)
            if grown == rects:
                return grown
            rects = grown

    def _detect_in(self, bgr: np.ndarray, rects: list[Box]) -> tuple[list[DetectedLine], list[Box]]:
        """Lines in the rectangles; a rectangle whose edge cuts a line is grown and read again."""
        height, width = bgr.shape[:2]
        detector = self.engine.detector
        scale = detector.frame_scale(width, height)
        found: list[DetectedLine] = []
        done: list[Box] = []
        for rect in rects:
            lines = detector.detect_region(bgr, rect, scale)
            cut = [line for line in lines if _cut_by(line.box, rect, width, height)]
            if cut:
                for x0, y0, x1, y1 in (line.box for line in cut):
                    reach = _GROW_LINE_HEIGHTS * (y1 - y0)
                    wider = (max(0, x0 - reach), max(0, 2 * y0 - y1), x1 + reach, 2 * y1 - y0)
                    rect = union(rect, grow(wider, 0, width, height))
                lines = detector.detect_region(bgr, rect, scale)
            found.extend(lines)
            done.append(rect)
        # Regions grown into each other may both hold a line: keep one of each.
        return suppress_duplicates(found), done

    def _recognise(self, bgr: np.ndarray, detected: list[DetectedLine]) -> list[OcrLine]:
        crops = [crop_line(bgr, line) for line in detected]
        readings: list[LineReading | None] = [self.cache.get(crop) for crop in crops]
        missing = [i for i, reading in enumerate(readings) if reading is None]
        if missing:
            fresh = self.engine.recogniser.read([crops[i] for i in missing])
            self.crops_recognised += len(missing)
            for i, reading in zip(missing, fresh, strict=True):
                readings[i] = reading
                self.cache.put(crops[i], reading)
        minimum = self.engine.min_confidence
        return [
            OcrLine(line.box, r.text, round(r.confidence, 4), r.variant)
            for line, r in zip(detected, readings, strict=True)
            if r is not None and r.text and r.confidence >= minimum
        ]

    def _picture_changed(
        self,
        mask: np.ndarray | None,
        bgr: np.ndarray,
        kept: list[OcrLine],
        detected: list[DetectedLine],
    ) -> bool:
        """Changed cells outside every text line (old or new) count as a new picture; one that
        keeps moving is looked at every PICTURE_EVERY_SAMPLES samples."""
        if mask is None:
            self._since_picture = 0
            return True
        text = np.zeros_like(mask)
        sy, sx = bgr.shape[0] / mask.shape[0], bgr.shape[1] / mask.shape[1]
        for x0, y0, x1, y1 in [line.box for line in self._lines] + [d.box for d in detected]:
            cx0, cy0 = int(x0 / sx) - 1, int(y0 / sy) - 1
            text[
                max(0, cy0) : int(np.ceil(y1 / sy)) + 1, max(0, cx0) : int(np.ceil(x1 / sx)) + 1
            ] = True
        outside = np.count_nonzero(mask & ~text) / mask.size
        if outside <= self.regions.threshold:
            return False
        if outside <= PICTURE_CUT and self._since_picture < PICTURE_EVERY_SAMPLES:
            return False
        self._since_picture = 0
        self.regions.accept_picture()
        return True


def _cut_by(box: Box, rect: Box, width: int, height: int) -> bool:
    """The line reaches an edge of ``rect`` that is not an edge of the image."""
    return (
        (box[0] <= rect[0] + 1 and rect[0] > 0)
        or (box[1] <= rect[1] + 1 and rect[1] > 0)
        or (box[2] >= rect[2] - 1 and rect[2] < width)
        or (box[3] >= rect[3] - 1 and rect[3] < height)
    )

"""Which parts of the picture changed since they were last read: rectangles, not a yes/no.

A chat overlay that scrolls changes a third of the frame at every sample while the rest stays
put; reading only the changed rectangles costs a fraction of a whole-frame read. Cells are the
same as in ``change.py`` (a 320-wide grayscale thumbnail, 4x4 pixels of a 720p frame). Each
cell is compared with its *reference*: the value it had when its area was last read, so a slow
fade still adds up to a change, and a change too small to count is not forgotten.

Text is looked for where the *strokes* changed, not the raw pixels: behind a live stream's chat
the camera never stands still (light drifts, the streamer moves, the sensor adds grain), and a
raw pixel difference then calls the whole frame changed at every sample. Overlay text is drawn
in high-contrast strokes; a cell's stroke energy is the mean of its pixels' local contrast
(3x3 max minus min) above ``STROKE_FLOOR``, which a smooth gradient, a lighting change or
camera grain after compression never reach. A new, changed or removed line changes its cells'
stroke energy by far more than ``CELL_DELTA``; a drifting background changes none. Moving
objects with hard edges (the streamer) do change strokes: only the rectangles around them are
read again. The raw pixel difference is still kept, for "did the picture change" (the image
classifier looks again).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from reviewer.vision.change import CELL_DELTA, DEFAULT_CHANGE_THRESHOLD, THUMB_WIDTH
from reviewer.vision.text_boxes import Box

# Above this share of the frame in changed rectangles, one whole-frame read is cheaper than
# many region reads (each region pays padding and a fixed cost per network run).
FULL_FRAME_FRACTION = 0.5
# Context around changed cells, in image pixels: the text detector needs some background
# around a line to see its edges, and a changed word needs its unchanged neighbours.
PAD_PX = 16
# Regions smaller than this (image pixels) are grown: the detector works on 32-pixel blocks.
MIN_SIDE_PX = 64
# Local contrast (0-255) below which a pixel is no stroke, and the most a stroke counts
# above it. Camera grain after H.264 stays under ~15 (99th percentile) and a drifting gradient
# under ~4; 14-20 px overlay text on its box reaches ~220 (bench/chat_stream.py backgrounds
# noise, gradient, scene). Capped, a stroke counts the same whatever its contrast: a short edge
# of a box over a drifting picture changes its contrast at every sample, text does not. Not
# rescaled: compression noise on a faint edge must stay noise.
STROKE_FLOOR = 40
STROKE_CAP = 96
# Long straight edges (box borders, a table's edge) are no text: a contrast that stays high
# along this many pixels of the stroke map, across or down, is taken out. Letters are shorter
# and a text line has gaps between them.
LINE_PX = 25
# The stroke map is made at twice the thumbnail's width (2x2 pixels a cell): fine enough for
# 12 px text strokes, and the downscale averages camera grain away.
_STROKE_SCALE = 2
_KERNEL = np.ones((3, 3), np.uint8)
_ACROSS = np.ones((1, LINE_PX), np.uint8)
_DOWN = np.ones((LINE_PX, 1), np.uint8)


def thumbnails(image: np.ndarray, width: int = THUMB_WIDTH) -> tuple[np.ndarray, np.ndarray]:
    """(gray, stroke energy) thumbnails of a BGR or gray uint8 image, int16 0-255, same cells
    as ``change.thumbnail``."""
    h, w = image.shape[:2]
    size = (width, max(1, round(h * width / max(1, w))))
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    fine = (size[0] * _STROKE_SCALE, size[1] * _STROKE_SCALE)
    half = cv2.resize(gray, fine, interpolation=cv2.INTER_AREA) if fine[0] < w else gray
    contrast = cv2.morphologyEx(half, cv2.MORPH_GRADIENT, _KERNEL)
    lines = cv2.max(
        cv2.morphologyEx(contrast, cv2.MORPH_OPEN, _ACROSS),
        cv2.morphologyEx(contrast, cv2.MORPH_OPEN, _DOWN),
    )
    strokes = cv2.subtract(contrast, lines)
    strokes = cv2.min(cv2.subtract(strokes, STROKE_FLOOR), STROKE_CAP)
    small = [cv2.resize(a, size, interpolation=cv2.INTER_AREA) for a in (gray, strokes)]
    return small[0].astype(np.int16), small[1].astype(np.int16)


@dataclass(frozen=True)
class Changes:
    """What changed in one frame: nothing, everything (``full``), or ``rects``."""

    full: bool
    rects: tuple[Box, ...]
    fraction: float  # share of cells whose strokes changed
    mask: np.ndarray | None = None  # cells whose pixels changed (thumbnail grid), None when full

    @property
    def any(self) -> bool:
        return self.full or bool(self.rects)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def merge_rects(rects: list[Box]) -> list[Box]:
    """Overlapping rectangles joined until none overlap (a region is read once)."""
    merged = list(rects)
    changed = True
    while changed:
        changed = False
        out: list[Box] = []
        for rect in merged:
            for i, other in enumerate(out):
                if overlap(rect, other):
                    out[i] = union(rect, other)
                    changed = True
                    break
            else:
                out.append(rect)
        merged = out
    return sorted(merged, key=lambda r: (r[1], r[0]))


def grow(rect: Box, pad: int, width: int, height: int, min_side: int = MIN_SIDE_PX) -> Box:
    """``rect`` padded by ``pad`` pixels and to at least ``min_side``, inside the image."""
    x0, y0, x1, y1 = rect[0] - pad, rect[1] - pad, rect[2] + pad, rect[3] + pad
    for lo, hi, limit, axis in ((x0, x1, width, 0), (y0, y1, height, 1)):
        short = min_side - (hi - lo)
        if short > 0:
            lo, hi = lo - short // 2, hi + short - short // 2
        lo, hi = max(0, lo), min(limit, hi)
        if axis == 0:
            x0, x1 = lo, hi
        else:
            y0, y1 = lo, hi
    return (x0, y0, x1, y1)


class RegionTracker:
    """Stateful: ``changes(image)`` gives the rectangles whose strokes differ from the
    reference; ``reset()`` forgets the reference (the next frame is read whole)."""

    def __init__(
        self,
        threshold: float = DEFAULT_CHANGE_THRESHOLD,
        full_frame_fraction: float = FULL_FRAME_FRACTION,
        pad_px: int = PAD_PX,
    ) -> None:
        self.threshold = threshold
        self.full_frame_fraction = full_frame_fraction
        self.pad_px = pad_px
        # References (gray, strokes) and the last frame's thumbnails, for accept().
        self._reference: tuple[np.ndarray, np.ndarray] | None = None
        self._thumb: tuple[np.ndarray, np.ndarray] | None = None

    def reset(self) -> None:
        self._reference = self._thumb = None

    def cell_size(self, image: np.ndarray) -> tuple[float, float]:
        """Image pixels per thumbnail cell (x, y)."""
        if self._reference is None:
            return 1.0, 1.0
        th, tw = self._reference[0].shape
        return image.shape[1] / tw, image.shape[0] / th

    def changes(self, image: np.ndarray) -> Changes:
        gray, strokes = self._thumb = thumbnails(image)
        reference = self._reference
        if reference is None or reference[0].shape != gray.shape:
            self._reference = (gray.copy(), strokes.copy())
            return Changes(True, (), 1.0)
        pixels = np.abs(gray - reference[0]) > CELL_DELTA
        mask = np.abs(strokes - reference[1]) > CELL_DELTA
        count = int(np.count_nonzero(mask))
        fraction = count / mask.size
        if count == 0 or fraction <= self.threshold:
            return Changes(False, (), fraction, pixels)
        height, width = image.shape[:2]
        sx, sy = width / mask.shape[1], height / mask.shape[0]
        # Join cells of one word or line (gaps between letters, unchanged letters).
        joined = cv2.dilate(mask.astype(np.uint8), np.ones((3, 5), np.uint8))
        n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
        rects = []
        for x, y, w, h, _area in stats[1:n]:
            cell_box = (int(x * sx), int(y * sy), int(np.ceil((x + w) * sx)), int((y + h) * sy))
            rects.append(grow(cell_box, self.pad_px, width, height))
        rects = merge_rects(rects)
        covered = sum((r[2] - r[0]) * (r[3] - r[1]) for r in rects)
        if covered > self.full_frame_fraction * width * height:
            self.accept_all()
            return Changes(True, (), fraction)
        return Changes(False, tuple(rects), fraction, pixels)

    def accept_all(self) -> None:
        """The whole of the last frame given to ``changes`` was read."""
        if self._thumb is not None:
            self._reference = (self._thumb[0].copy(), self._thumb[1].copy())

    def accept_picture(self) -> None:
        """The picture of the last frame was looked at: its pixels become the reference."""
        if self._reference is not None and self._thumb is not None:
            self._reference[0][:] = self._thumb[0]

    def accept(self, image: np.ndarray, rects: list[Box]) -> None:
        """The areas of ``rects`` of the last frame given to ``changes`` were read: they
        become the reference (the rest keeps its old reference, changes there add up)."""
        thumb = self._thumb
        if self._reference is None or thumb is None:
            return
        sx, sy = self.cell_size(image)
        for x0, y0, x1, y1 in rects:
            cx0, cy0 = int(x0 / sx), int(y0 / sy)
            cx1, cy1 = int(np.ceil(x1 / sx)), int(np.ceil(y1 / sy))
            for ref, now in zip(self._reference, thumb, strict=True):
                ref[cy0:cy1, cx0:cx1] = now[cy0:cy1, cx0:cx1]

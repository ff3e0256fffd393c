"""Which parts of the picture changed since they were last read: rectangles, not a yes/no.

A chat overlay that scrolls changes a third of the frame at every sample while the rest stays
put; reading only the changed rectangles costs a fraction of a whole-frame read. Cells are the
same as in ``change.py`` (a 320-wide grayscale thumbnail, 4x4 pixels of a 720p frame). Each
cell is compared with its *reference*: the value it had when its area was last read, so a slow
fade still adds up to a change, and a change too small to count is not forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from reviewer.vision.change import CELL_DELTA, DEFAULT_CHANGE_THRESHOLD, thumbnail
from reviewer.vision.detect import Box

# Above this share of the frame in changed rectangles, one whole-frame read is cheaper than
# many region reads (each region pays padding and a fixed cost per network run).
FULL_FRAME_FRACTION = 0.5
# Context around changed cells, in image pixels: the text detector needs some background
# around a line to see its edges, and a changed word needs its unchanged neighbours.
PAD_PX = 16
# Regions smaller than this (image pixels) are grown: the detector works on 32-pixel blocks.
MIN_SIDE_PX = 64


@dataclass(frozen=True)
class Changes:
    """What changed in one frame: nothing, everything (``full``), or ``rects``."""

    full: bool
    rects: tuple[Box, ...]
    fraction: float  # share of cells that changed
    mask: np.ndarray | None = None  # changed cells (thumbnail grid), None when full

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
    """Stateful: ``changes(image)`` gives the rectangles that differ from the reference;
    ``reset()`` forgets the reference (the next frame is read whole)."""

    def __init__(
        self,
        threshold: float = DEFAULT_CHANGE_THRESHOLD,
        full_frame_fraction: float = FULL_FRAME_FRACTION,
        pad_px: int = PAD_PX,
    ) -> None:
        self.threshold = threshold
        self.full_frame_fraction = full_frame_fraction
        self.pad_px = pad_px
        self._reference: np.ndarray | None = None
        self._thumb: np.ndarray | None = None  # the last frame's, for accept()

    def reset(self) -> None:
        self._reference = self._thumb = None

    def cell_size(self, image: np.ndarray) -> tuple[float, float]:
        """Image pixels per thumbnail cell (x, y)."""
        if self._reference is None:
            return 1.0, 1.0
        th, tw = self._reference.shape
        return image.shape[1] / tw, image.shape[0] / th

    def changes(self, image: np.ndarray) -> Changes:
        thumb = self._thumb = thumbnail(image)
        reference = self._reference
        if reference is None or reference.shape != thumb.shape:
            self._reference = thumb
            return Changes(True, (), 1.0)
        mask = np.abs(thumb - reference) > CELL_DELTA
        count = int(np.count_nonzero(mask))
        fraction = count / mask.size
        if count == 0 or fraction <= self.threshold:
            return Changes(False, (), fraction, mask)
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
            self._reference = thumb
            return Changes(True, (), fraction)
        return Changes(False, tuple(rects), fraction, mask)

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
            self._reference[cy0:cy1, cx0:cx1] = thumb[cy0:cy1, cx0:cx1]

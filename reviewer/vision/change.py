"""A cheap "did the picture change?" test, so frames that look like the last one OCR'd are
not OCR'd again.

Each frame is shrunk to a small grayscale thumbnail (area averaging also removes most
compression noise); a frame counts as changed when enough thumbnail cells differ from the
*reference* (the last frame that counted as changed). Comparing with the reference rather
than with the previous frame keeps a slow fade or a line typed letter by letter from
slipping under the threshold one small step at a time.
"""

from __future__ import annotations

import cv2
import numpy as np

# 320 px wide: a cell is 4x4 pixels of a 720p frame, so one new word of 16 px chat text
# covers dozens of cells while compression noise averages out within each cell.
THUMB_WIDTH = 320
# A cell differs when its mean gray value moved by more than this (0-255). H.264 noise on
# a still picture stays below ~4 after 4x4 averaging; a text stroke moves a cell by 30+.
CELL_DELTA = 12
# Fraction of cells that must differ: 0.1% of 320x180 is 58 cells, about one short word.
DEFAULT_CHANGE_THRESHOLD = 0.001


def thumbnail(image: np.ndarray, width: int = THUMB_WIDTH) -> np.ndarray:
    """Small int16 grayscale copy of a BGR or gray uint8 image."""
    h, w = image.shape[:2]
    height = max(1, round(h * width / max(1, w)))
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return cv2.resize(gray, (width, height), interpolation=cv2.INTER_AREA).astype(np.int16)


def changed_fraction(a: np.ndarray, b: np.ndarray, cell_delta: int = CELL_DELTA) -> float:
    """Fraction of thumbnail cells whose gray value differs by more than ``cell_delta``."""
    if a.shape != b.shape:
        return 1.0
    return float(np.count_nonzero(np.abs(a - b) > cell_delta)) / a.size


class ChangeDetector:
    """Stateful: ``update(image)`` says whether ``image`` differs from the reference."""

    def __init__(self, threshold: float = DEFAULT_CHANGE_THRESHOLD) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError("change threshold is a fraction between 0 and 1")
        self.threshold = threshold
        self._reference: np.ndarray | None = None
        self.last_fraction = 1.0

    def update(self, image: np.ndarray) -> bool:
        thumb = thumbnail(image)
        if self._reference is None:
            self._reference, self.last_fraction = thumb, 1.0
            return True
        self.last_fraction = changed_fraction(thumb, self._reference)
        # threshold 0 means "every frame counts as changed" (change detection off).
        if self.threshold == 0.0 or self.last_fraction > self.threshold:
            self._reference = thumb
            return True
        return False

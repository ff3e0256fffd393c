"""Readings of line crops already recognised, so a chat line that scrolls is read once.

A line that moves up the chat panel has the same pixels at a new place, give or take video
compression noise and a pixel or two of detector box jitter. A crop matches a cached one when,
at the best alignment within a few pixels, no pixel differs by more than ``MAX_PIXEL_DIFF``
gray levels: one different letter, digit or tone mark moves some pixel by far more than
compression noise does, so "0912 345 678" never takes the reading of "0912 345 679".

Only crops with a plain ground are cached (chat panels, banners, captions in a box: trueocr's
polarity test is sure of them). Over live video a moved line has a new background anyway, and
there one changed letter can differ from the old one by less than compression noise does, so
those crops are always read afresh.

The cache is bounded (least recently used entries go first) and the caller clears it at fixed
points of the file (analysis/frames.OCR_EPOCH_S) and replays frames from there when it starts
elsewhere, so a resumed run reads exactly what an unbroken one did.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

import cv2
import numpy as np

from reviewer.vision.recognise import is_ambiguous

# Alignment search: the detector's boxes of the same line differ by a few pixels (up to ~5 in
# height and width between two places on the panel, measured on bench/chat_stream.py).
SHIFT_X, SHIFT_Y = 5, 4
# Largest gray difference of any pixel at the best alignment. The same line re-encoded at
# another place stays under ~70 on H.264 CRF 30 (bench/chat_stream.py); one changed
# character, digit, tone mark or full stop moves some pixel by 150 or more on the plain grounds
# that are cached, at 14 to 20 px text (tests/test_vision_regions.py).
MAX_PIXEL_DIFF = 80
MAX_ENTRIES = 2048

T = TypeVar("T")


def _gray(crop: np.ndarray) -> np.ndarray:
    return crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)


def pixel_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Largest pixel difference of all of ``a`` against ``b`` at their best alignment
    (``b`` widened by its own edge pixels so ``a`` may sit a few pixels off)."""
    wide = cv2.copyMakeBorder(b, SHIFT_Y, SHIFT_Y, SHIFT_X, SHIFT_X, cv2.BORDER_REPLICATE)
    if a.shape[0] > wide.shape[0] or a.shape[1] > wide.shape[1]:
        return float("inf")
    scores = cv2.matchTemplate(wide, a, cv2.TM_SQDIFF)
    _, _, (x, y), _ = cv2.minMaxLoc(scores)
    window = wide[y : y + a.shape[0], x : x + a.shape[1]]
    return float(cv2.absdiff(a, window).max())


def crops_match(a: np.ndarray, b: np.ndarray, max_pixel_diff: int = MAX_PIXEL_DIFF) -> bool:
    """True when gray crops ``a`` and ``b`` show the same pixels up to a small shift. Both
    ways round: ink that only one of them has, anywhere, makes them differ."""
    if abs(a.shape[0] - b.shape[0]) > 2 * SHIFT_Y or abs(a.shape[1] - b.shape[1]) > 2 * SHIFT_X:
        return False
    return pixel_difference(a, b) <= max_pixel_diff and pixel_difference(b, a) <= max_pixel_diff


class LineCache(Generic[T]):
    """Maps line crops (BGR or gray uint8) to a reading of any type."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[int, tuple[np.ndarray, T]] = OrderedDict()
        self._next = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()

    def get(self, crop: np.ndarray) -> T | None:
        gray = _gray(crop)
        if is_ambiguous(gray):
            self.misses += 1
            return None
        for key, (cached, reading) in reversed(self._entries.items()):
            if crops_match(gray, cached):
                self._entries.move_to_end(key)
                self.hits += 1
                return reading
        self.misses += 1
        return None

    def put(self, crop: np.ndarray, reading: T) -> None:
        gray = _gray(crop)
        if is_ambiguous(gray):
            return  # over video: never reused, see above
        self._entries[self._next] = (np.ascontiguousarray(gray), reading)
        self._next += 1
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

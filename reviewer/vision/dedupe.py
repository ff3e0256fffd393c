"""Merging the same on-screen line across consecutive sampled frames into one timed item.

OCR of a line that stays on screen varies a little from frame to frame (a tone mark here,
a comma there), and chat overlays scroll lines upward as new messages arrive. Two readings
are the same line when their texts are within a normalised edit distance (default 0.2)
and their boxes overlap horizontally and lie within a few line heights vertically. An item
closes when it has not been seen for ``max_gap_s``; one missed detection in between does
not split it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.vision.ocr import OcrLine
from reviewer.vision.text_boxes import Box

DEFAULT_MAX_DISTANCE = 0.2
# With 1 s sampling a line survives one frame where it was not detected.
DEFAULT_MAX_GAP_S = 2.5
# A chat line scrolls up one line per new message; a few messages per sample interval.
DEFAULT_MAX_SHIFT_LINES = 6.0


@dataclass(frozen=True)
class TimedText:
    text: str  # the reading seen most often (ties: the most confident one)
    first_s: float
    last_s: float
    box: Box  # where it was first seen
    confidence: float  # the best confidence among its readings
    sightings: int = 1


def normalise(text: str) -> str:
    """NFC, case-folded, single spaces: what 'the same text' is compared on."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; with ``limit`` it stops early and returns limit + 1 once the
    distance is known to exceed it (only a band of width 2*limit+1 is computed)."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if limit is None:
        limit = len(a)
    if len(a) - len(b) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    big = limit + 1
    for i, ca in enumerate(a, 1):
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        current = [i if i <= limit else big] + [big] * len(b)
        for j in range(lo, hi + 1):
            cost = 0 if ca == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if min(current[lo - 1 : hi + 1]) > limit:
            return big
        previous = current
    return min(previous[len(b)], big)


def text_distance(a: str, b: str, limit: float = 1.0) -> float:
    """Edit distance divided by the longer length (0 = equal, 1 = nothing in common)."""
    longest = max(len(a), len(b))
    if longest == 0:
        return 0.0
    return edit_distance(a, b, int(limit * longest)) / longest


def same_column(a: Box, b: Box) -> bool:
    """Horizontal overlap of at least half the narrower box."""
    overlap = min(a[2], b[2]) - max(a[0], b[0])
    narrower = min(a[2] - a[0], b[2] - b[0])
    return narrower > 0 and overlap >= 0.5 * narrower


def boxes_near(a: Box, b: Box, max_shift_lines: float = DEFAULT_MAX_SHIFT_LINES) -> bool:
    """Same column (horizontal overlap at least half the narrower box) and a vertical move
    of at most ``max_shift_lines`` line heights."""
    if not same_column(a, b):
        return False
    line_h = max(1, min(a[3] - a[1], b[3] - b[1]))
    shift = abs((a[1] + a[3]) - (b[1] + b[3])) / 2
    return shift <= max_shift_lines * line_h


@dataclass
class _Track:
    key: str
    first_s: float
    last_s: float
    first_box: Box
    box: Box
    readings: Counter[str] = field(default_factory=Counter)
    best: dict[str, float] = field(default_factory=dict)
    sightings: int = 0

    def add(self, t_s: float, line: OcrLine) -> None:
        self.last_s, self.box, self.key = t_s, line.box, normalise(line.text)
        self.readings[line.text] += 1
        self.best[line.text] = max(self.best.get(line.text, 0.0), line.confidence)
        self.sightings += 1

    def result(self) -> TimedText:
        text = max(self.readings, key=lambda t: (self.readings[t], self.best[t]))
        return TimedText(
            text=text,
            first_s=self.first_s,
            last_s=self.last_s,
            box=self.first_box,
            confidence=max(self.best.values()),
            sightings=self.sightings,
        )


class TextTracker:
    """Feed it each sampled frame's lines in time order; it yields finished items.

    ``feed`` returns the items that closed (not seen for more than ``max_gap_s``), so a
    caller can store them as it goes; ``flush`` closes the rest at the end.
    """

    def __init__(
        self,
        max_distance: float = DEFAULT_MAX_DISTANCE,
        max_gap_s: float = DEFAULT_MAX_GAP_S,
        max_shift_lines: float = DEFAULT_MAX_SHIFT_LINES,
    ) -> None:
        self.max_distance = max_distance
        self.max_gap_s = max_gap_s
        self.max_shift_lines = max_shift_lines
        self._open: list[_Track] = []

    def feed(self, t_s: float, lines: Sequence[OcrLine]) -> list[TimedText]:
        closed = self._close_before(t_s - self.max_gap_s)
        candidates: list[tuple[float, float, int, int]] = []
        keys = [normalise(line.text) for line in lines]
        for li, (line, key) in enumerate(zip(lines, keys, strict=True)):
            for ti, track in enumerate(self._open):
                if track.last_s >= t_s or not boxes_near(line.box, track.box, self.max_shift_lines):
                    continue
                distance = text_distance(key, track.key, self.max_distance)
                if distance <= self.max_distance:
                    shift = abs(line.box[1] - track.box[1])
                    candidates.append((distance, shift, li, ti))
        # Greedy best-first assignment: each line and each track is used at most once.
        used_lines: set[int] = set()
        used_tracks: set[int] = set()
        for _, _, li, ti in sorted(candidates):
            if li in used_lines or ti in used_tracks:
                continue
            used_lines.add(li)
            used_tracks.add(ti)
            self._open[ti].add(t_s, lines[li])
        for li, line in enumerate(lines):
            if li not in used_lines and keys[li]:
                track = _Track(keys[li], t_s, t_s, line.box, line.box)
                track.add(t_s, line)
                self._open.append(track)
        return closed

    def flush(self) -> list[TimedText]:
        closed = [track.result() for track in self._open]
        self._open = []
        return sorted(closed, key=lambda item: (item.first_s, item.box[1]))

    def _close_before(self, limit_s: float) -> list[TimedText]:
        keep, closed = [], []
        for track in self._open:
            (closed if track.last_s < limit_s else keep).append(track)
        self._open = keep
        return sorted((t.result() for t in closed), key=lambda i: (i.first_s, i.box[1]))


def merge_lines(
    frames: Iterable[tuple[float, Sequence[OcrLine]]], **options: float
) -> list[TimedText]:
    """All items of a whole sequence of (time, lines) at once, ordered by first sighting."""
    tracker = TextTracker(**options)
    items: list[TimedText] = []
    for t_s, lines in frames:
        items.extend(tracker.feed(t_s, lines))
    items.extend(tracker.flush())
    return sorted(items, key=lambda item: (item.first_s, item.box[1]))

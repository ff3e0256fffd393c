"""Lane data and row layout for the timeline: items sorted for fast visible-range lookups,
overlapping items packed in rows, and the bars of the on-screen text lane."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF

MAX_ITEM_S = 600.0  # longest item assumed when searching what is visible


def pack_rows(items: list[dict], pad_s: float, max_rows: int) -> list[int]:
    """Row of each item (sorted by start) so that items in one row never overlap in time;
    past max_rows, the row that frees up first takes it."""
    ends: list[float] = []
    rows: list[int] = []
    for item in items:
        start = item.get("start_s") or 0.0
        end = max(item.get("end_s") or start, start + pad_s)
        row = -1
        for r, e in enumerate(ends):
            if e <= start:
                row = r
                break
        if row < 0:
            if len(ends) < max_rows:
                ends.append(end)
                rows.append(len(ends) - 1)
                continue
            row = ends.index(min(ends))
        ends[row] = max(ends[row], end)
        rows.append(row)
    return rows


class Lane:
    def __init__(self, items: list[dict]) -> None:
        self.items = sorted(items, key=lambda r: r.get("start_s") or 0.0)
        self.starts = [r.get("start_s") or 0.0 for r in self.items]
        # Arrays for drawing: laying out thousands of items in Python per zoom was the cold cost.
        self.start_arr = np.asarray(self.starts, dtype=float)
        self.end_arr = np.asarray(
            [r.get("end_s") or r.get("start_s") or 0.0 for r in self.items], dtype=float
        )

    def span_indices(self, t0: float, t1: float) -> tuple[int, int]:
        return bisect_left(self.starts, t0 - MAX_ITEM_S), bisect_right(self.starts, t1)

    def visible(self, t0: float, t1: float) -> list[dict]:
        lo = bisect_left(self.starts, t0 - MAX_ITEM_S)
        hi = bisect_right(self.starts, t1)
        return [r for r in self.items[lo:hi] if (r.get("end_s") or r.get("start_s") or 0) >= t0]


def text_bars(
    lane: Lane,
    rows: list[int],
    lo: int,
    hi: int,
    t0: float,
    x_of: Callable[[float], float],
    top: float,
    row_h: float,
) -> list[tuple[QRectF, bool]]:
    """Each on-screen line its own bar, a pixel apart from its neighbour in the row, with a
    start tick (True); bars too narrow to tell apart at this zoom join the previous one."""
    out: list[tuple[QRectF, bool]] = []
    last: dict[int, QRectF] = {}
    for i in range(lo, hi):
        end = float(lane.end_arr[i])
        if end < t0:
            continue
        row = rows[i] if i < len(rows) else 0
        x0, x1 = x_of(float(lane.start_arr[i])), x_of(end)
        prev = last.get(row)
        if prev is not None and x0 <= prev.right() + 1.0 and x1 - x0 < 4.0:
            prev.setRight(max(prev.right(), x1 - 1.0))
            continue
        if prev is not None:
            x0 = max(x0, prev.right() + 1.0)
        x1 = max(x0 + 2.0, x1 - 1.0)
        y = top + row * row_h
        bar = QRectF(x0, y, x1 - x0, row_h - 1)
        out.append((bar, False))
        out.append((QRectF(x0, y, min(4.0, x1 - x0), row_h - 1), True))
        last[row] = bar
    return out

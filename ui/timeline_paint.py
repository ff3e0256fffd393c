"""Painting for the timeline that needs only numbers: the time ruler, runs of speech segments
merged per pixel, and the audio waveform. TimelineWidget calls these from paintEvent."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter

from .i18n import category_label, clock, source_label, status_label
from .timeline_lanes import Lane

LABEL_W = 124
RULER_H = 18
TICK_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)
SPEECH_COLOR = "#4dabf7"


def paint_ruler(
    p: QPainter, x_of: Callable[[float], float], px_per_s: float, t0: float, t1: float, pen: QColor
) -> None:
    step = next((s for s in TICK_STEPS if s * px_per_s >= 70), TICK_STEPS[-1])
    first = int(t0 // step) * step
    p.setPen(pen)
    t = first
    while t <= t1:
        x = x_of(t)
        if x >= LABEL_W:
            p.drawLine(QPointF(x, RULER_H - 5), QPointF(x, RULER_H))
            p.drawText(QPointF(x + 2, RULER_H - 6), clock(t))
        t += step


def run_rects(
    lane: QRectF, items: Lane, t0: float, t1: float, view_start: float, scale: float
) -> list[tuple[QRectF, QColor]]:
    """Adjacent items closer than a pixel become one rectangle: 5,000 segments over 4 hours
    paint as a few hundred runs. Worked out with numpy over the visible slice."""
    color = QColor(SPEECH_COLOR)
    lo, hi = items.span_indices(t0, t1)
    starts, ends = items.start_arr[lo:hi], items.end_arr[lo:hi]
    keep = ends >= t0
    starts, ends = starts[keep], ends[keep]
    if not starts.size:
        return []
    x0 = LABEL_W + (starts - view_start) * scale
    x1 = np.maximum(x0 + 1.5, LABEL_W + (ends - view_start) * scale)
    reach = np.maximum.accumulate(x1)
    breaks = np.flatnonzero(x0[1:] > reach[:-1] + 1) + 1
    top, height = lane.top() + 2, lane.height() - 4
    out = []
    for first, last in zip(
        np.r_[0, breaks].tolist(), (np.r_[breaks, x0.size] - 1).tolist(), strict=True
    ):
        left = float(x0[first])
        out.append((QRectF(left, top, float(reach[last]) - left, height), color))
    return out


def paint_wave(
    p: QPainter,
    lane: QRectF,
    wave: np.ndarray | None,
    rate: float,
    t0: float,
    t1: float,
    width: int,
    x_of: Callable[[float], float],
) -> None:
    if wave is None or not len(wave):
        return
    i0 = int(t0 * rate)
    i1 = max(i0 + 1, min(len(wave), int(t1 * rate) + 1))
    chunk = wave[i0:i1]
    if not len(chunk):
        return
    # One vertical line per pixel column: the loudest bin under it.
    edges = np.linspace(0, len(chunk), num=min(width, len(chunk)) + 1).astype(int)
    peaks = np.maximum.reduceat(chunk, edges[:-1]) if len(edges) > 1 else chunk
    scale = float(max(1e-3, wave.max()))
    mid = lane.center().y()
    p.setPen(QColor("#748ffc"))
    span = x_of(t0 + len(chunk) / rate) - x_of(i0 / rate)
    for k, value in enumerate(peaks):
        x = x_of(i0 / rate) + k * span / max(1, len(peaks))
        h = float(value) / scale * (lane.height() / 2 - 1)
        p.drawLine(QPointF(x, mid - h), QPointF(x, mid + h))


def flag_reason(flag: dict) -> str:
    """Why the moment was flagged, in one tooltip."""
    matched = ", ".join(flag.get("matched") or []) or "-"
    return QCoreApplication.translate(
        "TimelineWidget",
        "<b>{category}</b> ({status})<br>{start}–{end} · {source} · score {score:.2f}"
        "<br>Matched: {matched}<br><i>{text}</i>",
    ).format(
        category=category_label(flag["category"]),
        status=status_label(flag["status"]),
        start=clock(flag.get("start_s")),
        end=clock(flag.get("end_s")),
        source=source_label(flag["source"]),
        score=flag["score"],
        matched=matched,
        text=(flag.get("text") or "")[:200],
    )

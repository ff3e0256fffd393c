"""The whole recording at a glance: custom-painted lanes of flags, speech, on-screen text and
the audio waveform, with zoom, pan, click-to-seek and hover for the reason of a flag."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .colors import category_color, status_color
from .i18n import category_short, clock
from .timeline_lanes import Lane, pack_rows, text_bars
from .timeline_paint import LABEL_W, RULER_H, flag_reason, paint_ruler, paint_wave, run_rects

FLAG_ROW_H = 22  # one row of flags; overlapping flags stack in more rows
MAX_FLAG_ROWS = 6
FLAG_STRIP = 5  # the status stripe at the top of a flag
SPEECH_H = 16
TEXT_H = 42  # on-screen lines shown at the same time stack in thin rows inside this
MAX_TEXT_ROWS = 8
WAVE_H = 36
GAP = 4
EDGE_PX = 5  # how near a flag's edge the pointer must be to drag it
MIN_FLAG_S = 0.2
MIN_VISIBLE = 0.006  # of the recording: flags closer than this stack, as they would touch


class TimelineWidget(QWidget):
    seek_requested = Signal(float)
    flag_clicked = Signal(int)
    flag_span_edited = Signal(int, float, float)  # flag id, new start, new end (on release)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.duration = 1.0
        self.view_start = 0.0
        self.view_span = 1.0
        self.playhead = 0.0
        self.selected_flag: int | None = None
        self._flags = Lane([])
        self._flag_rows: dict[int, int] = {}
        self._rows_key: tuple = ()
        self._segments = Lane([])
        self._texts = Lane([])
        self._text_rows: list[int] = []
        self.flag_row_count = 1
        self.text_row_count = 1
        self._wave: np.ndarray | None = None
        self._wave_rate = 4.0
        self._relayout()
        self._drag_x: float | None = None
        self._dragged = False
        self._edge: tuple[dict, str, float, float] | None = None  # flag, side, start, end
        self.paint_count = 0
        self._version = 0
        self._cache_key: tuple = ()
        self._cache: list[tuple[QRectF, QColor | Qt.BrushStyle]] = []
        self._labels: list[tuple[QRectF, str, QColor]] = []

    def _flag_h(self) -> int:
        return FLAG_ROW_H * getattr(self, "flag_row_count", 1)

    def _text_h(self) -> int:
        return TEXT_H

    def _text_row_h(self) -> float:
        return max(3.0, (TEXT_H - 4) / max(1, self.text_row_count))

    def _total_height(self) -> int:
        return RULER_H + self._flag_h() + SPEECH_H + self._text_h() + WAVE_H + GAP * 5

    def _relayout(self) -> None:
        self.setFixedHeight(self._total_height())

    # -- data -------------------------------------------------------------------------------
    def set_media(self, duration_s: float | None) -> None:
        self.duration = max(1.0, float(duration_s or 0.0))
        self.view_start, self.view_span = 0.0, self.duration
        self._wave = None
        self._assign_flag_rows()
        self.update()

    def set_flags(self, flags: list[dict]) -> None:
        self._flags = Lane(flags)
        self._assign_flag_rows()
        self._version += 1
        self.update()

    def _assign_flag_rows(self) -> None:
        # A decision changes a status, not a span: keep the rows (and the officer's bearings).
        key = (
            self.duration,
            [(f["id"], f.get("start_s"), f.get("end_s")) for f in self._flags.items],
        )
        if key == self._rows_key:
            return
        self._rows_key = key
        rows = pack_rows(self._flags.items, self.duration * MIN_VISIBLE, MAX_FLAG_ROWS)
        self._flag_rows = {f["id"]: r for f, r in zip(self._flags.items, rows, strict=True)}
        count = max(rows, default=0) + 1
        if count != self.flag_row_count:
            self.flag_row_count = count
            self._relayout()

    def _x_of(self) -> Callable[[float], float]:
        """_x with the view fixed: laying out thousands of items calls it in a loop."""
        start, scale = self.view_start, self._plot_w() / self.view_span
        return lambda seconds: LABEL_W + (seconds - start) * scale

    def flag_rect(
        self,
        flag: dict,
        lane_top: float | None = None,
        x_of: Callable[[float], float] | None = None,
    ) -> QRectF:
        """Where a flag is drawn (its row of the flag lane, its time span)."""
        if lane_top is None:
            lane_top = self._lanes()["flags"].top()
        x = x_of or self._x
        x0 = x(flag.get("start_s") or 0.0)
        x1 = max(x0 + 4, x(flag.get("end_s") or flag.get("start_s") or 0.0))
        top = lane_top + self._flag_rows.get(flag["id"], 0) * FLAG_ROW_H
        return QRectF(x0, top, x1 - x0, FLAG_ROW_H - 2)

    def set_segments(self, segments: list[dict]) -> None:
        self._segments = Lane(segments)
        self._version += 1
        self.update()

    def set_texts(self, texts: list[dict]) -> None:
        self._texts = Lane(texts)
        # Lines on screen together stack; one line's run of frames stays one item.
        self._text_rows = pack_rows(self._texts.items, 0.0, MAX_TEXT_ROWS)
        self.text_row_count = max(self._text_rows, default=0) + 1
        self._version += 1
        self.update()

    def set_waveform(self, peaks: np.ndarray | None, bins_per_s: float) -> None:
        self._wave, self._wave_rate = peaks, bins_per_s
        self._version += 1
        self.update()

    def set_playhead(self, seconds: float) -> None:
        old = self._x(self.playhead)
        self.playhead = seconds
        if not self.view_start <= seconds <= self.view_start + self.view_span:
            # Keep the playhead in view while playing a zoomed-in timeline.
            self.view_start = self._clamp_start(seconds - self.view_span * 0.1)
            self.update()
            return
        new = self._x(seconds)
        self.update(int(min(old, new)) - 2, 0, int(abs(new - old)) + 5, self.height())

    def select_flag(self, flag_id: int | None) -> None:
        self.selected_flag = flag_id
        self.update()

    def show_span(self, start_s: float, end_s: float) -> None:
        """Bring a span into view without changing the zoom unless it does not fit."""
        if end_s - start_s > self.view_span:
            self.view_span = min(self.duration, (end_s - start_s) * 1.5)
        if start_s < self.view_start or end_s > self.view_start + self.view_span:
            self.view_start = self._clamp_start(start_s - self.view_span * 0.25)
        self.update()

    # -- zoom and pan -------------------------------------------------------------------------
    def zoom(self, factor: float, around_s: float | None = None) -> None:
        around = self.playhead if around_s is None else around_s
        frac = (around - self.view_start) / self.view_span if self.view_span else 0.5
        self.view_span = min(self.duration, max(2.0, self.view_span / factor))
        self.view_start = self._clamp_start(around - frac * self.view_span)
        self.update()

    def zoom_fit(self) -> None:
        self.view_start, self.view_span = 0.0, self.duration
        self.update()

    def pan(self, seconds: float) -> None:
        self.view_start = self._clamp_start(self.view_start + seconds)
        self.update()

    def _clamp_start(self, start: float) -> float:
        return max(0.0, min(start, self.duration - self.view_span))

    # -- geometry -----------------------------------------------------------------------------
    def _plot_w(self) -> float:
        return max(1.0, self.width() - LABEL_W - 4)

    def _x(self, seconds: float) -> float:
        return LABEL_W + (seconds - self.view_start) / self.view_span * self._plot_w()

    def _t(self, x: float) -> float:
        t = self.view_start + (x - LABEL_W) / self._plot_w() * self.view_span
        return max(0.0, min(self.duration, t))

    def _lanes(self) -> dict[str, QRectF]:
        w = self.width()
        y = RULER_H + GAP
        out = {}
        for name, h in (
            ("flags", self._flag_h()),
            ("speech", SPEECH_H),
            ("text", self._text_h()),
            ("wave", WAVE_H),
        ):
            out[name] = QRectF(LABEL_W, y, w - LABEL_W - 4, h)
            y += h + GAP
        return out

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_count += 1
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        t0, t1 = self.view_start, self.view_start + self.view_span
        lanes = self._lanes()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        names = {
            "flags": self.tr("Flags"),
            "speech": self.tr("Speech"),
            "text": self.tr("On-screen text"),
            "wave": self.tr("Audio"),
        }
        p.setPen(self.palette().text().color())
        for key, rect in lanes.items():
            p.fillRect(rect, self.palette().alternateBase())
            p.drawText(
                QRectF(4, rect.top(), LABEL_W - 8, min(rect.height(), 22)),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                names[key],
            )
        paint_ruler(
            p, self._x, self._plot_w() / self.view_span, t0, t1, self.palette().mid().color()
        )
        p.setClipRect(QRectF(LABEL_W, 0, self._plot_w(), self.height()))
        key = (self.view_start, self.view_span, self.width(), self._version)
        if key != self._cache_key:
            # Rectangles are worked out once per view: repaints while playing only draw them.
            self._cache_key, self._cache, self._labels = key, [], []
            self._cache += run_rects(
                lanes["speech"],
                self._segments,
                t0,
                t1,
                self.view_start,
                self._plot_w() / self.view_span,
            )
            self._text_items(lanes["text"], t0, t1, QColor("#8ce99a"))
            self._flag_rects(lanes["flags"], t0, t1)
        for rect, fill in self._cache:
            p.fillRect(rect, fill)
        for rect, text, color in self._labels:
            p.setPen(color)
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        paint_wave(
            p, lanes["wave"], self._wave, self._wave_rate, t0, t1, int(self._plot_w()), self._x
        )
        self._paint_selected(p, lanes["flags"])
        x = self._x(self.playhead)
        p.setPen(QPen(QColor("#e03131"), 2))
        p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        p.end()

    def _text_row_of(self, item: dict) -> int:
        for i, other in enumerate(self._texts.items):
            if other is item:
                return self._text_rows[i] if i < len(self._text_rows) else 0
        return 0

    def _text_items(self, lane: QRectF, t0: float, t1: float, color: QColor) -> None:
        lo, hi = self._texts.span_indices(t0, t1)
        bars = text_bars(
            self._texts,
            self._text_rows,
            lo,
            hi,
            t0,
            self._x_of(),
            lane.top() + 2,
            self._text_row_h(),
        )
        # A darker start: when each line appeared shows even under long static text.
        start_color = QColor("#2b8a3e")
        self._cache += [(rect, start_color if tick else color) for rect, tick in bars]

    def _flag_rects(self, lane: QRectF, t0: float, t1: float) -> None:
        seen: set[tuple] = set()
        colors: dict[tuple[str, str], QColor] = {}
        metrics = self.fontMetrics()
        elided: dict[tuple[str, int], str] = {}
        x_of = self._x_of()
        for flag in self._flags.visible(t0, t1):
            rect = self.flag_rect(flag, lane.top(), x_of)
            x0, x1 = rect.left(), rect.right()
            status = flag["status"]
            # Flags that land on the same pixels of one row look the same: draw them once.
            pixel_key = (int(x0), int(x1), int(rect.top()), flag["category"], status)
            if pixel_key in seen:
                continue
            seen.add(pixel_key)
            color = colors.get((flag["category"], status))
            if color is None:
                color = category_color(flag["category"])
                if status == "rejected":
                    color.setAlpha(80)  # rejected moments fade but stay visible
                colors[(flag["category"], status)] = color
            body = QRectF(x0, rect.top() + FLAG_STRIP, x1 - x0, rect.height() - FLAG_STRIP)
            self._cache.append((body, color))
            if status == "unsure":
                self._cache.append((body, QColor(255, 255, 255, 90)))
                self._cache.append((body, Qt.BrushStyle.BDiagPattern))
            if status != "pending":
                self._cache.append(
                    (QRectF(x0, rect.top(), x1 - x0, FLAG_STRIP - 1), status_color(status))
                )
            if body.width() > 24:  # the short name, cut to the bar (full name on hover)
                fit = (flag["category"], int(body.width()))
                label = elided.get(fit)
                if label is None:
                    label = elided[fit] = metrics.elidedText(
                        category_short(flag["category"]), Qt.TextElideMode.ElideRight, fit[1] - 5
                    )
                ink = QColor("#222") if status == "rejected" else QColor("white")
                self._labels.append((body.adjusted(3, 0, -2, 0), label, ink))

    def _paint_selected(self, p: QPainter, lane: QRectF) -> None:
        flag = next((f for f in self._flags.items if f["id"] == self.selected_flag), None)
        if flag is None:
            return
        rect = self.flag_rect(flag)
        p.setPen(QPen(self.palette().text().color(), 2))
        p.drawRect(rect.adjusted(-1, 0, 1, 0))

    # -- interaction --------------------------------------------------------------------------
    def flag_at(self, x: float, y: float) -> dict | None:
        if not self._lanes()["flags"].contains(QPointF(x, y)):
            return None
        t = self._t(x)
        tol = 3 * self.view_span / self._plot_w()
        row = self._row_at(y)
        best = fallback = None
        for flag in self._flags.visible(t - tol, t + tol):
            start = flag.get("start_s") or 0.0
            end = flag.get("end_s") or start
            if start - tol <= t <= end + tol:
                fallback = flag
                if self._flag_rows.get(flag["id"], 0) == row:
                    best = flag
        return best or fallback

    def _row_at(self, y: float) -> int:
        return int((y - self._lanes()["flags"].top()) // FLAG_ROW_H)

    def _item_at(self, x: float, y: float) -> tuple[str, dict] | None:
        lanes = self._lanes()
        t = self._t(x)
        tol = 2 * self.view_span / self._plot_w()
        for key, lane in (("speech", self._segments), ("text", self._texts)):
            if lanes[key].contains(QPointF(x, y)):
                row = int((y - lanes[key].top() - 2) // self._text_row_h())
                found = None
                for item in lane.visible(t - tol, t + tol):
                    if (item.get("start_s") or 0) - tol <= t <= (item.get("end_s") or 0) + tol:
                        if key == "speech" or self._text_row_of(item) == row:
                            return key, item
                        found = found or (key, item)
                if found:
                    return found
        return None

    def edge_at(self, x: float, y: float) -> tuple[dict, str] | None:
        """The timed flag whose start or end edge is under the pointer, and which edge."""
        if not self._lanes()["flags"].contains(QPointF(x, y)):
            return None
        tol = EDGE_PX * self.view_span / self._plot_w()
        t = self._t(x)
        best: tuple[float, dict, str] | None = None
        row = self._row_at(y)
        for flag in self._flags.visible(t - tol, t + tol):
            if flag.get("start_s") is None:
                continue
            # The flag in the row under the pointer wins over one in another row.
            other_row = 0 if self._flag_rows.get(flag["id"], 0) == row else 1
            for side in ("start", "end"):
                gap = abs(self._x(flag[f"{side}_s"] or 0.0) - x) + other_row * EDGE_PX * 2
                if gap <= EDGE_PX * (1 + 2 * other_row) and (best is None or gap < best[0]):
                    best = (gap, flag, side)
        return (best[1], best[2]) if best else None

    def _drag_edge(self, x: float) -> None:
        flag, side, start, end = self._edge
        t = self._t(x)
        if side == "start":
            start = min(t, end - MIN_FLAG_S)
        else:
            end = max(t, start + MIN_FLAG_S)
        self._edge = (flag, side, start, end)
        # Shown at once; written to the case (and audit log) when the button is released.
        flag["start_s"], flag["end_s"] = start, end
        self._flags = Lane(self._flags.items)  # rows stay as they are while dragging
        self._version += 1
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag_x = event.position().x()
        self._dragged = False
        hit = self.edge_at(event.position().x(), event.position().y())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            flag, side = hit
            # Drag a copy: the window's rows change only once the case has the new span.
            items = self._flags.items
            copy = dict(flag)
            items[next(i for i, f in enumerate(items) if f is flag)] = copy
            self._edge = (copy, side, copy["start_s"], copy["end_s"] or copy["start_s"])
            self._edge_from = (copy["start_s"], copy["end_s"])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._edge is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._dragged = True
            self._drag_edge(pos.x())
            return
        if self._drag_x is None:
            near = self.edge_at(pos.x(), pos.y()) is not None
            self.setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.ArrowCursor)
        if self._drag_x is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = pos.x() - self._drag_x
            if abs(dx) > 3 or self._dragged:
                # Dragging pans; a plain click seeks.
                self._dragged = True
                self.pan(-dx / self._plot_w() * self.view_span)
                self._drag_x = pos.x()
            return
        self._hover(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._edge is not None:
            flag, side, start, end = self._edge
            self._edge = None
            if self._dragged:
                self._drag_x = None
                if (start, end) != self._edge_from:
                    # Only the dragged edge moves (to 0.01 s); the other keeps its exact value.
                    if side == "start":
                        start = round(start, 2)
                    else:
                        end = round(end, 2)
                    self.flag_span_edited.emit(flag["id"], start, end)
                return
        if self._drag_x is not None and not self._dragged and pos.x() >= LABEL_W:
            flag = self.flag_at(pos.x(), pos.y())
            if flag is not None:
                self.flag_clicked.emit(flag["id"])
            else:
                self.seek_requested.emit(self._t(pos.x()))
        self._drag_x = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25**steps, self._t(event.position().x()))
        else:
            self.pan(-steps * self.view_span * 0.1)
        event.accept()

    def _hover(self, pos: QPointF) -> None:
        flag = self.flag_at(pos.x(), pos.y())
        if flag is not None:
            QToolTip.showText(self.mapToGlobal(pos.toPoint()), flag_reason(flag), self)
            return
        hit = self._item_at(pos.x(), pos.y())
        if hit is not None:
            key, item = hit
            QToolTip.showText(
                self.mapToGlobal(pos.toPoint()),
                f"{clock(item.get('start_s'))}  {item['text']}",
                self,
            )
            return
        QToolTip.hideText()

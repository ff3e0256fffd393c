"""Transcript of the current recording, synced to playback, and search across the whole case."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import CORRECTED_MARK, ReviewerError, correct_and_redetect

from .case_data import CaseData, fold
from .i18n import clock, source_label

_Index = QModelIndex | QPersistentModelIndex
START_ROLE = Qt.ItemDataRole.UserRole + 1


class SegmentModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[dict] = []
        self.starts: list[float] = []
        self.flagged: list[bool] = []
        self.terms: list[str] = []
        self.current_row = -1

    def set_segments(self, segments: list[dict], flags: list[dict]) -> None:
        self.beginResetModel()
        self.segments = segments
        self.starts = [s["start_s"] for s in segments]
        spans = [
            (f.get("start_s") or 0.0, f.get("end_s") or 0.0)
            for f in flags
            if f["source"] == "speech" and f["status"] != "rejected"
        ]
        self.flagged = [
            any(a <= s["end_s"] and s["start_s"] <= b for a, b in spans) for s in segments
        ]
        self.terms = sorted(
            {t for f in flags if f["source"] == "speech" for t in (f.get("matched") or []) if t},
            key=len,
            reverse=True,
        )
        self.current_row = -1
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    # A correction typed in the pane: (row, the officer's text). The pane stores it.
    edit_requested = Signal(int, str)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        seg = self.segments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = f"{CORRECTED_MARK} " if seg.get("corrected") else ""
            return f"{clock(seg['start_s'])}  {mark}{seg['text'].strip()}"
        if role == Qt.ItemDataRole.EditRole:
            return seg["text"].strip()
        unheard = seg.get("unintelligible") and not seg.get("corrected")
        if unheard and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#777777")  # voice heard, no words: listen to it (P) and correct (F2)
        if unheard and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if seg.get("corrected"):
                return QCoreApplication.translate(
                    "TranscriptPane",
                    "Corrected by officer {officer} ({when}).\nThe recogniser heard: {machine}",
                ).format(
                    officer=seg.get("corrected_by") or "?",
                    when=_when(seg.get("corrected_utc")),
                    machine=seg.get("machine_text", ""),
                )
            return QCoreApplication.translate(
                "TranscriptPane", "Double-click or press F2 to correct what was said."
            )
        if role == START_ROLE:
            return seg["start_s"]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The editor's text goes to the pane, which stores it off the UI thread; the row
        changes when the stored correction comes back."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = " ".join(str(value or "").split())
        if text and text != self.segments[index.row()]["text"].strip():
            self.edit_requested.emit(index.row(), text)
        return False

    def replace(self, segment: dict) -> int:
        """Show a segment as now stored (its correction); returns its row or -1."""
        for row, seg in enumerate(self.segments):
            if seg.get("id") == segment.get("id"):
                self.segments[row] = segment  # the case's cached list too: search sees it
                self.dataChanged.emit(self.index(row), self.index(row))
                return row
        return -1

    def row_at(self, seconds: float) -> int:
        row = bisect_right(self.starts, seconds) - 1
        if 0 <= row < len(self.segments) and seconds <= self.segments[row]["end_s"] + 0.5:
            return row
        return -1

    def set_current(self, row: int) -> bool:
        if row == self.current_row:
            return False
        old, self.current_row = self.current_row, row
        for r in (old, row):
            if 0 <= r < len(self.segments):
                self.dataChanged.emit(self.index(r), self.index(r))
        return True


def _when(utc: str | None) -> str:
    if not utc:
        return "?"
    try:  # the record keeps UTC; the officer reads local time
        return datetime.fromisoformat(utc).astimezone().strftime("%d/%m/%Y %H:%M")
    except (ValueError, TypeError):
        return utc


class CorrectionJob(QThread):
    """Stores one correction and detects on it with the thread's own case connection (a case
    connection belongs to one thread; the text model takes a moment to load)."""

    finished_ok = Signal(object)  # reviewer.corrections.CorrectionResult
    failed = Signal(str)

    def __init__(self, folder, officer: str, segment_id: int, text: str, parent=None) -> None:
        super().__init__(parent)
        self.folder, self.officer, self.segment_id, self.text = folder, officer, segment_id, text

    def run(self) -> None:
        try:
            result = correct_and_redetect(self.folder, self.officer, self.segment_id, self.text)
        except ReviewerError as exc:
            self.failed.emit(str(exc))
            return
        self.finished_ok.emit(result)


_RUNNING: set[CorrectionJob] = set()


class SegmentDelegate(QStyledItemDelegate):
    """Plain rows are drawn with drawText (fast for thousands); flagged rows highlight the
    matched words with a rich-text document."""

    def __init__(self, model: SegmentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = max(
            100, option.rect.width() or (self.parent().viewport().width() if self.parent() else 300)
        )
        text = index.data()
        rect = option.fontMetrics.boundingRect(
            0, 0, width - 12, 10_000, Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, rect.height() + 8)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row = index.row()
        rect = option.rect
        if row == self.model.current_row:
            p.fillRect(rect, QColor("#fff3bf"))
        elif option.state & QStyle.StateFlag.State_Selected:
            p.fillRect(rect, option.palette.highlight())
        elif self.model.flagged[row]:
            p.fillRect(rect, QColor("#ffe3e3"))
        text = index.data()
        inner = rect.adjusted(6, 4, -6, -4)
        if self.model.flagged[row] and self.model.terms:
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(0)
            doc.setTextWidth(inner.width())
            doc.setHtml(highlight_html(text, self.model.terms))
            p.save()
            p.translate(inner.topLeft())
            doc.drawContents(p, QRectF(0, 0, inner.width(), inner.height()))
            p.restore()
            return
        pen = index.data(Qt.ItemDataRole.ForegroundRole)
        if pen is None:
            pen = QColor("#000") if row == self.model.current_row else option.palette.text().color()
        font = index.data(Qt.ItemDataRole.FontRole)
        p.save()
        p.setPen(pen)
        if font is not None:
            p.setFont(font)
        p.drawText(inner, Qt.TextFlag.TextWordWrap, text)
        p.restore()


def highlight_html(text: str, terms: list[str]) -> str:
    """Matched terms in bold red; found without tones, so 'co bac' marks 'cờ bạc'."""
    folded = fold(text)
    marks = [False] * len(text)
    if len(folded) == len(text):  # folding kept positions: safe to map back
        for term in terms:
            needle = fold(term)
            if not needle:
                continue
            for m in re.finditer(re.escape(needle), folded):
                for i in range(m.start(), m.end()):
                    marks[i] = True
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        chunk = html.escape(text[i:j])
        out.append(f'<b style="color:#c92a2a">{chunk}</b>' if marks[i] else chunk)
        i = j
    return "".join(out)


class TranscriptPane(QWidget):
    seek_requested = Signal(float)
    hit_chosen = Signal(int, float)  # media id, seconds
    #: an officer's correction is stored and detected on (segment id): flags may have changed
    corrected = Signal(int)
    correction_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: CaseData | None = None
        self.model = SegmentModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(SegmentDelegate(self.model, self.view))
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Officers correct what the recogniser garbled: double-click or F2 edits the row.
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.model.edit_requested.connect(self.correct_row)
        # Batched layout: a 5,000-segment transcript opens without measuring every row first.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.clicked.connect(lambda idx: self.seek_requested.emit(idx.data(START_ROLE)))
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self.run_search)
        self.search_box.textChanged.connect(lambda t: None if t else self.results.clear())
        self.results = QListWidget(self)
        self.results.itemActivated.connect(self._hit_activated)
        self.results.itemClicked.connect(self._hit_activated)
        self.results_label = QLabel(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.empty_label)
        tl.addWidget(self.view, 1)
        bottom = QWidget(self)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.search_box)
        bl.addWidget(self.results_label)
        bl.addWidget(self.results, 1)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.retranslate()

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search all transcripts and on-screen text (Ctrl+F)")
        )
        self.empty_label.setText(self.tr("No speech transcribed in this recording yet."))
        self.results_label.setText("")

    def set_segments(self, segments: list[dict], flags: list[dict]) -> None:
        self.model.set_segments(segments, flags)
        self.empty_label.setVisible(not segments)

    def correct_row(self, row: int, text: str) -> None:
        """Store the officer's text for a row (beside the machine text, audit-logged) and
        detect on it, off the UI thread; the row shows it once stored."""
        if self.data is None or not 0 <= row < len(self.model.segments):
            return
        segment = self.model.segments[row]
        if segment.get("id") is None:
            return
        # Unparented and held until it ends: closing the window must not destroy a running
        # thread (the correction is one short transaction; it completes).
        job = CorrectionJob(self.data.folder, self.data.case.officer, segment["id"], text)
        job.finished_ok.connect(self._correction_stored)
        job.failed.connect(self._correction_refused)
        job.finished.connect(lambda j=job: _RUNNING.discard(j))
        _RUNNING.add(job)
        job.start()

    def _correction_stored(self, result: object) -> None:
        segment = result.segment  # type: ignore[attr-defined]
        self.model.replace(segment)
        self.corrected.emit(segment["id"])

    def _correction_refused(self, message: str) -> None:
        QMessageBox.warning(
            self,
            QCoreApplication.translate("TranscriptPane", "The correction was not saved"),
            message,
        )
        self.correction_failed.emit(message)

    def wait_for_corrections(self, ms: int = 30000) -> None:
        for job in list(_RUNNING):
            job.wait(ms)

    def sync(self, seconds: float) -> None:
        """Highlight the segment under the playhead and keep it in view."""
        row = self.model.row_at(seconds)
        if self.model.set_current(row) and row >= 0:
            self.view.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.EnsureVisible)

    def run_search(self) -> None:
        self.results.clear()
        if self.data is None:
            return
        hits = self.data.search(self.search_box.text())
        names = {m["id"]: m["original_name"] for m in self.data.media}
        for hit in hits:
            item = QListWidgetItem(
                f"{names.get(hit.media_id, hit.media_id)} · {clock(hit.start_s)} · "
                f"{source_label(hit.source)}: {hit.text.strip()}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (hit.media_id, hit.start_s))
            self.results.addItem(item)
        self.results_label.setText(self.tr("{n} found").format(n=len(hits)))

    def _hit_activated(self, item: QListWidgetItem) -> None:
        media_id, start = item.data(Qt.ItemDataRole.UserRole)
        self.hit_chosen.emit(media_id, start)

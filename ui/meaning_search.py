"""Search the case by words and meaning (speech sentences and on-screen lines); Enter plays it.

The search itself is the engine's (reviewer.text.meaning.search), run off the UI thread on its own
connection to the case: a case analysed before sentence vectors existed gets them on first search,
which takes a while, with progress shown.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reviewer.session import ReviewerError, meaning_search

from .i18n import clock, source_label

MOMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(object)


class _SearchTask(QRunnable):
    def __init__(self, relay: _Relay, folder: Path, query: str) -> None:
        super().__init__()
        self.relay, self.folder, self.query = relay, folder, query

    def run(self) -> None:
        try:
            hits = meaning_search(self.folder, self.query, progress=self.relay.progress.emit)
            result: object = hits
        except ReviewerError as exc:
            result = exc
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.relay.done.emit(result)


class MeaningSearch(QWidget):
    """A search box and its ranked moments; `moment_chosen(media_id, seconds)` on Enter."""

    moment_chosen = Signal(int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.results = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.box.returnPressed.connect(self.run_search)
        self.results.itemActivated.connect(self._activate)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.box.setPlaceholderText(self.tr("Search words or meaning, e.g. bán tài khoản"))

    def set_case(self, folder: Path | None) -> None:
        self.folder = folder
        self.results.clear()
        self.status.clear()

    def run_search(self) -> None:
        query = self.box.text().strip()
        if self.folder is None or not query:
            return
        self.status.setText(self.tr("Searching…"))
        self.pool.start(_SearchTask(self._relay, self.folder, query))

    def _on_progress(self, done: int, total: int) -> None:
        self.status.setText(
            self.tr("Preparing this case for search: {done}/{total} lines").format(
                done=done, total=total
            )
        )

    def _on_done(self, result: object) -> None:
        self.results.clear()
        if isinstance(result, Exception):
            self.status.setText(str(result))
            return
        hits = list(result)  # type: ignore[arg-type]
        self.status.setText(self.tr("{n} moments").format(n=len(hits)))
        for hit in hits:
            when = clock(hit.start_s) if hit.start_s is not None else "–"
            item = QListWidgetItem(
                f"{hit.score:.2f}  {hit.media_name}  {when}  [{source_label(hit.source)}]  "
                f"{hit.text}"
            )
            item.setData(MOMENT_ROLE, (hit.media_id, float(hit.start_s or 0.0)))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        media_id, seconds = item.data(MOMENT_ROLE)
        self.moment_chosen.emit(int(media_id), float(seconds))

    def wait(self, ms: int = 30000) -> bool:
        return self.pool.waitForDone(ms)

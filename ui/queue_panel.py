"""The analysis queue: per file its stage, progress, time left, a cancel button, and why it failed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import clock, stage_label

COL_FILE, COL_STAGE, COL_PROGRESS, COL_ETA, COL_RESULT, COL_CANCEL = range(6)
FINAL = {"analyzed", "failed", "cancelled"}


class QueuePanel(QWidget):
    cancel_requested = Signal(int)  # job id
    cancel_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_FILE, 220)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.Stretch)
        self.rows: dict[int, int] = {}
        self.states: dict[int, str] = {}
        self.summary = QLabel(self)
        self.cancel_all = QPushButton(self)
        self.cancel_all.clicked.connect(self.cancel_all_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.cancel_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Stage"),
                self.tr("Progress"),
                self.tr("Time left"),
                self.tr("Result"),
                "",
            ]
        )
        self.cancel_all.setText(self.tr("Cancel all"))
        for row in range(self.table.rowCount()):
            button = self.table.cellWidget(row, COL_CANCEL)
            if isinstance(button, QPushButton):
                button.setText(self.tr("Cancel"))
        self._update_summary()

    def add_job(self, job_id: int, path: Path) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.rows[job_id] = row
        self.states[job_id] = "queued"
        item = QTableWidgetItem(path.name)
        item.setToolTip(str(path))
        self.table.setItem(row, COL_FILE, item)
        self.table.setItem(row, COL_STAGE, QTableWidgetItem(stage_label("queued")))
        bar = QProgressBar(self)
        bar.setRange(0, 1000)
        bar.setValue(0)
        bar.setTextVisible(True)
        self.table.setCellWidget(row, COL_PROGRESS, bar)
        self.table.setItem(row, COL_ETA, QTableWidgetItem("--:--"))
        self.table.setItem(row, COL_RESULT, QTableWidgetItem(""))
        button = QPushButton(self.tr("Cancel"), self)
        button.clicked.connect(lambda: self.cancel_requested.emit(job_id))
        self.table.setCellWidget(row, COL_CANCEL, button)
        self._update_summary()

    def progress(
        self, job_id: int, stage: str, fraction: float, eta_s: float | None, message: str
    ) -> None:
        row = self.rows.get(job_id)
        if row is None:
            return
        self.states[job_id] = stage
        self.table.item(row, COL_STAGE).setText(stage_label(stage))
        bar = self.table.cellWidget(row, COL_PROGRESS)
        if isinstance(bar, QProgressBar):
            bar.setValue(int(fraction * 1000))
            bar.setFormat(f"{stage_label(stage)} {fraction * 100:.0f}%")
        self.table.item(row, COL_ETA).setText(clock(eta_s) if eta_s is not None else "--:--")
        if message:
            self.table.item(row, COL_RESULT).setText(message)
        self._update_summary()

    def finish(self, job_id: int, status: str, reason: str) -> None:
        row = self.rows.get(job_id)
        if row is None:
            return
        self.states[job_id] = status
        labels = {
            "analyzed": self.tr("analysed"),
            "failed": self.tr("failed"),
            "cancelled": self.tr("cancelled (saved work kept; add again to resume)"),
        }
        text = labels.get(status, status) + (f": {reason}" if reason else "")
        result = self.table.item(row, COL_RESULT)
        result.setText(text)
        result.setToolTip(text)
        if status == "failed":
            result.setForeground(Qt.GlobalColor.red)
        self.table.item(row, COL_STAGE).setText(
            stage_label("done" if status == "analyzed" else status)
        )
        self.table.item(row, COL_ETA).setText("")
        bar = self.table.cellWidget(row, COL_PROGRESS)
        if isinstance(bar, QProgressBar):
            bar.setValue(1000 if status == "analyzed" else bar.value())
            bar.setFormat(stage_label("done" if status == "analyzed" else status))
        button = self.table.cellWidget(row, COL_CANCEL)
        if button is not None:
            button.setEnabled(False)
        self._update_summary()

    def active_count(self) -> int:
        return sum(1 for s in self.states.values() if s not in FINAL)

    def _update_summary(self) -> None:
        total = len(self.states)
        active = self.active_count()
        failed = sum(1 for s in self.states.values() if s == "failed")
        self.summary.setText(
            self.tr("{active} running or queued, {done} finished, {failed} failed").format(
                active=active, done=total - active, failed=failed
            )
        )
        self.cancel_all.setEnabled(active > 0)

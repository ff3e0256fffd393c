""" "Merge a reviewed copy…": what another officer's copy of the case would change, shown before
anything is written; the merge runs only when the officer accepts it (reviewer.session.merge_copy).

Both the dry run and the merge read two audit logs and may take a while on a large case, so
they run in a worker thread with its own Case (a connection belongs to one thread); a
window-modal busy dialog keeps the officer's decisions from landing during the write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import MergeReport, ReviewerError, local_time, merge_copy

from .i18n import status_label


class MergeDialog(QDialog):
    """The summary of a dry-run merge; accepting it means "write this"."""

    def __init__(self, report: MergeReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge a reviewed copy"))
        self.resize(760, 420)
        self.heading = QLabel(self.tr("Copy: {folder}").format(folder=report.other), self)
        self.heading.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.items = QListWidget(self)
        for line in self._lines(report):
            self.items.addItem(line)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if report.changes:
            self.counts.setText(
                self.tr(
                    "{applied} changes to apply, {conflicts} conflicts for a senior officer, "
                    "{same} already equal, {skipped} cannot be applied. Nothing is written "
                    "until you press Merge."
                ).format(
                    applied=len(report.of("applied")),
                    conflicts=len(report.of("conflict")),
                    same=len(report.of("same")),
                    skipped=len(report.of("skipped")),
                )
            )
        else:
            self.counts.setText(self.tr("Nothing to merge: this case already holds that work."))
            self.merge_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.buttons)

    def _lines(self, report: MergeReport) -> list[str]:
        lines = []
        for o in report.of("conflict"):
            here, other = o.sides["here"], o.sides["other"]
            lines.append(
                self.tr(
                    "Conflict, flag {id}: {a} chose {x} here ({when_a}); {b} chose {y} in the "
                    "copy ({when_b}). It stays unsure for a senior officer."
                ).format(
                    id=o.flag_id,
                    a=here["officer"],
                    x=status_label(here["status"]),
                    when_a=local_time(here["utc"]),
                    b=other["officer"],
                    y=status_label(other["status"]),
                    when_b=local_time(other["utc"]),
                )
            )
        for o in report.of("applied"):
            lines.append(
                self.tr("Flag {id}: {action} by {officer} ({when})").format(
                    id=o.flag_id,
                    action=o.entry.action,
                    officer=o.entry.officer,
                    when=local_time(o.entry.utc),
                )
            )
        lines += [self.tr("Cannot apply: {why}").format(why=o.text) for o in report.of("skipped")]
        return lines


class MergeTask(QThread):
    """One dry run (write=False) or merge (write=True) with the thread's own Case."""

    done = Signal(object, bool)  # MergeReport, written
    failed = Signal(str)

    def __init__(
        self, folder: Path, officer: str | None, other: Path, write: bool, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.folder, self.officer, self.other, self.write = folder, officer, other, write

    def run(self) -> None:
        try:
            report, written = merge_copy(self.folder, self.officer, self.other, write=self.write)
        except ReviewerError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a thread must report, never die silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.done.emit(report, written)


class MergeRunner(QObject):
    """Ask for the copy, dry-run it in a worker, show the summary, merge on acceptance.

    `finished(written)` is emitted once per `start` that got as far as a worker (True when
    something was written); `busy` says whether a worker is running.
    """

    finished = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.task: MergeTask | None = None
        self.progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, folder: Path, officer: str | None, other: Path | None = None) -> bool:
        """Begin with the dry run; False when nothing was started (no copy chosen, or busy)."""
        if self.busy:
            return False
        if other is None:
            chosen = QFileDialog.getExistingDirectory(
                self.parent_widget,
                self.tr("Choose the folder of the reviewed copy of this case"),
            )
            if not chosen:
                return False
            other = Path(chosen)
        self._run(folder, officer, other, write=False)
        return True

    def _run(self, folder: Path, officer: str | None, other: Path, write: bool) -> None:
        self._show_progress(
            self.tr("Merging the reviewed copy…")
            if write
            else self.tr("Reading the reviewed copy and this case…")
        )
        task = MergeTask(folder, officer, other, write, self)
        task.done.connect(self._written if write else self._previewed)
        task.failed.connect(self._failed)
        self.task = task
        task.start()

    def _show_progress(self, text: str) -> None:
        if self.progress is None:
            box = QProgressDialog(self.parent_widget)
            box.setObjectName("mergeProgress")
            box.setWindowTitle(self.tr("Merge a reviewed copy"))
            box.setRange(0, 0)  # busy: the merge is one transaction, it cannot stop midway
            box.setCancelButton(None)
            box.setMinimumDuration(300)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress = box
        self.progress.setLabelText(text)
        self.progress.show()

    def _end_task(self) -> None:
        if self.task is not None:
            self.task.wait()
            self.task.deleteLater()
            self.task = None
        if self.progress is not None:
            self.progress.hide()

    def _previewed(self, report: MergeReport, _written: bool) -> None:
        task = self.task
        assert task is not None
        folder, officer, other = task.folder, task.officer, task.other
        self._end_task()
        dialog = MergeDialog(report, self.parent_widget)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self._run(folder, officer, other, write=True)
        else:
            self.finished.emit(False)

    def _written(self, _report: MergeReport, written: bool) -> None:
        self._end_task()
        self.finished.emit(written)

    def _failed(self, reason: str) -> None:
        self._end_task()
        QMessageBox.warning(self.parent_widget, self.tr("Merge refused"), reason)
        self.finished.emit(False)

    def shutdown(self) -> None:
        """Wait for a running worker (the window is closing): a merge is never cut midway."""
        if self.task is not None:
            self.task.wait()

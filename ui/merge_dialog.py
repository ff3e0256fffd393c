""" "Merge a reviewed copy…": what another officer's copy of the case would change, shown before
anything is written; the merge runs only when the officer accepts it (reviewer.merge.engine).

The merge reads two SQLite audit logs and writes one transaction: milliseconds for a case of
thousands of decisions, so it runs on the UI thread like a decision does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.identifiers.merge_marks import merge_identifier_marks
from reviewer.merge.engine import MergeReport, merge_case
from reviewer.store import Case
from reviewer.timefmt import local_time

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


def merge_reviewed_copy(parent: QWidget, case: Case, folder: Path | None = None) -> bool:
    """Ask for the copy (unless given), show what it would change, merge on acceptance.

    Returns True when something was written.
    """
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            parent, parent.tr("Choose the folder of the reviewed copy of this case")
        )
        if not chosen:
            return False
        folder = Path(chosen)
    try:
        preview = merge_case(case, folder, write=False)
        dialog = MergeDialog(preview, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        written = merge_case(case, folder, write=True).written
        merge_identifier_marks(case, folder)  # identifiers: recomputed; relevance marks carried
        return written
    except ReviewerError as exc:
        QMessageBox.warning(parent, parent.tr("Merge refused"), str(exc))
        return False

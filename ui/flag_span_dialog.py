"""Add a flag the analysis missed, or type a flag's times and category: one small dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from .i18n import categories, category_label

DEFAULT_SPAN_S = 5.0


class FlagSpanDialog(QDialog):
    """Times (not for screenshots), category and, when adding, a note."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        start_s: float | None,
        end_s: float | None,
        duration_s: float | None,
        category: str | None = None,
        adding: bool = True,
        known: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a flag") if adding else self.tr("Edit the flag"))
        form = QFormLayout(self)
        self.timed = start_s is not None
        limit = float(duration_s or 24 * 3600)
        self.start = QDoubleSpinBox(self)
        self.end = QDoubleSpinBox(self)
        for spin, value in ((self.start, start_s), (self.end, end_s)):
            spin.setDecimals(1)
            spin.setRange(0.0, limit)
            spin.setSingleStep(0.5)
            spin.setSuffix(" s")
            spin.setValue(float(value or 0.0))
        if self.timed:
            form.addRow(self.tr("Start"), self.start)
            form.addRow(self.tr("End"), self.end)
        self.category = QComboBox(self)
        for cat in dict.fromkeys([*(known or categories()), *([category] if category else [])]):
            self.category.addItem(f"{category_label(cat)} ({cat})", cat)
        if category:
            self.category.setCurrentIndex(self.category.findData(category))
        form.addRow(self.tr("Category"), self.category)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What the officer saw or heard"))
        if adding:
            form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[float | None, float | None, str, str | None]:
        start = self.start.value() if self.timed else None
        end = self.end.value() if self.timed else None
        return start, end, self.category.currentData(), self.note.text().strip() or None

"""The recordings and screenshots of the case, with their analysis status."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from .i18n import clock

MEDIA_ROLE = Qt.ItemDataRole.UserRole


class MediaList(QListWidget):
    media_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentItemChanged.connect(self._changed)
        self._quiet = False

    def _kind(self, kind: str | None) -> str:
        return {
            "video": self.tr("video"),
            "audio": self.tr("audio"),
            "image": self.tr("screenshot"),
        }.get(kind or "", self.tr("unreadable"))

    def _status(self, status: str) -> str:
        return {
            "pending": self.tr("waiting"),
            "analyzing": self.tr("analysing"),
            "analyzed": self.tr("analysed"),
            "failed": self.tr("failed"),
        }.get(status, status)

    def set_media(
        self, media: list[dict], flag_counts: dict[int, int], current: int | None
    ) -> None:
        self._quiet = True
        self.clear()
        for m in media:
            duration = f" · {clock(m['duration_s'])}" if m.get("duration_s") else ""
            n = flag_counts.get(m["id"], 0)
            flags = self.tr("{n} flags").format(n=n)
            item = QListWidgetItem(
                f"{m['original_name']}\n{self._kind(m.get('kind'))}{duration} · "
                f"{self._status(m['status'])} · {flags}"
            )
            item.setData(MEDIA_ROLE, m["id"])
            tip = m["path"]
            if m.get("error"):
                tip += "\n" + m["error"]
                item.setForeground(QColor("#c92a2a"))
            if m.get("warning"):
                tip += "\n" + m["warning"]
            item.setToolTip(tip)
            self.addItem(item)
            if m["id"] == current:
                self.setCurrentItem(item)
        self._quiet = False

    def _changed(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if item is not None and not self._quiet:
            self.media_chosen.emit(item.data(MEDIA_ROLE))

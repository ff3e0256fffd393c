"""The flags of the case as a table, filterable by category, status, source and score."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .colors import category_color, status_color
from .i18n import categories, category_label, category_short, clock, source_label, status_label

COLUMNS = ("time", "media", "category", "score", "source", "status", "text")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_COLUMN_W = {"media": 220}  # long file names elide; the full name is the tooltip
_Index = QModelIndex | QPersistentModelIndex


class FlagTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.media_names: dict[int, str] = {}
        self._row_of: dict[int, int] = {}

    def set_flags(self, flags: list[dict], media_names: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows = list(flags)
        self.media_names = media_names
        self._row_of = {f["id"]: i for i, f in enumerate(self.rows)}
        self.endResetModel()

    def update_flag(self, flag: dict) -> None:
        row = self._row_of.get(flag["id"])
        if row is None:
            return
        self.rows[row] = flag
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "time": self.tr("Time"),
            "media": self.tr("File"),
            "category": self.tr("Category"),
            "score": self.tr("Score"),
            "source": self.tr("Source"),
            "status": self.tr("Status"),
            "text": self.tr("Text / note"),
        }[COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        flag = self.rows[index.row()]
        col = COLUMNS[index.column()]
        if role == ID_ROLE:
            return flag["id"]
        if role == SORT_ROLE:
            return {
                "time": (flag["media_id"], flag.get("start_s") or 0.0),
                "media": self.media_names.get(flag["media_id"], ""),
                "category": flag["category"],
                "score": flag["score"],
                "source": flag["source"],
                "status": flag["status"],
                "text": flag.get("text") or "",
            }[col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "time":
                return clock(flag.get("start_s"))
            if col == "media":
                return self.media_names.get(flag["media_id"], str(flag["media_id"]))
            if col == "category":
                return category_short(flag["category"])  # the full name is the tooltip
            if col == "score":
                return f"{flag['score']:.2f}"
            if col == "source":
                return source_label(flag["source"])
            if col == "status":
                return status_label(flag["status"])
            text = " ".join((flag.get("text") or "").split())[:160]
            return f"✎ {flag['note']} — {text}" if flag.get("note") else text
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "category":
                return QBrush(category_color(flag["category"]))
            if col == "status":
                return QBrush(status_color(flag["status"]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "category":
                return category_label(flag["category"])
            if col == "media":
                return self.media_names.get(flag["media_id"], "")
            if col == "text":
                return flag.get("text") or ""
        return None


class FlagFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = ""
        self.status = ""
        self.source = ""
        self.min_score = 0.0
        self.setSortRole(SORT_ROLE)

    def set_filter(self, category: str, status: str, source: str, min_score: float) -> None:
        self.beginFilterChange()
        self.category, self.status, self.source, self.min_score = (
            category,
            status,
            source,
            min_score,
        )
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        flag = self.sourceModel().rows[row]
        return (
            (not self.category or flag["category"] == self.category)
            and (not self.status or flag["status"] == self.status)
            and (not self.source or flag["source"] == self.source)
            and flag["score"] >= self.min_score - 1e-9
        )

    def lessThan(self, left: _Index, right: _Index) -> bool:
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)


class FlagListPanel(QWidget):
    """Filter bar over the flag table; emits the id of the flag the officer moves to."""

    flag_selected = Signal(int)
    flag_activated = Signal(int)  # double-click or Enter: play it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FlagTableModel(self)
        self.proxy = FlagFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setResizeContentsPrecision(60)  # fit columns from a sample of rows: fast on 1,000s
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda idx: self.flag_activated.emit(idx.data(ID_ROLE)))

        self.category_box = QComboBox(self)
        self.status_box = QComboBox(self)
        self.source_box = QComboBox(self)
        self.score_box = QDoubleSpinBox(self)
        self.score_box.setRange(0.0, 1.0)
        self.score_box.setSingleStep(0.05)
        self.score_box.setDecimals(2)
        self.count_label = QLabel(self)
        self.score_label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.category_box, self.status_box, self.source_box):
            bar.addWidget(w)
            w.currentIndexChanged.connect(self._apply_filter)
        bar.addWidget(self.score_label)
        bar.addWidget(self.score_box)
        self.score_box.valueChanged.connect(self._apply_filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        def fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for value, label in items:
                box.addItem(label, value)
            found = box.findData(current)
            box.setCurrentIndex(max(0, found))
            box.blockSignals(False)

        known = categories()
        extra = sorted({f["category"] for f in self.model.rows} - set(known))
        fill(
            self.category_box,
            [("", self.tr("All categories"))] + [(c, category_label(c)) for c in known + extra],
        )
        fill(
            self.status_box,
            [("", self.tr("All statuses"))]
            + [(s, status_label(s)) for s in ("pending", "confirmed", "rejected", "unsure")],
        )
        fill(
            self.source_box,
            [("", self.tr("All sources"))]
            + [(s, source_label(s)) for s in ("speech", "ocr", "image", "officer")],
        )
        self.score_label.setText(self.tr("Score ≥"))
        self.category_box.setToolTip(self.tr("Show one category"))
        self.status_box.setToolTip(self.tr("Show one status"))
        self.source_box.setToolTip(self.tr("Show one source"))
        self.score_box.setToolTip(self.tr("Hide flags scored below this"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_count()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column but the text wide enough for its header and its (short) values."""
        for col, name in enumerate(COLUMNS[:-1]):
            self.view.resizeColumnToContents(col)
            cap = MAX_COLUMN_W.get(name)
            if cap and self.view.columnWidth(col) > cap:
                self.view.setColumnWidth(col, cap)

    def _apply_filter(self) -> None:
        self.proxy.set_filter(
            self.category_box.currentData() or "",
            self.status_box.currentData() or "",
            self.source_box.currentData() or "",
            self.score_box.value(),
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        pending = sum(1 for f in self.model.rows if f["status"] == "pending")
        self.count_label.setText(
            self.tr("{shown} of {total} shown · {pending} to review").format(
                shown=shown, total=total, pending=pending
            )
        )

    # -- data and selection -----------------------------------------------------------------
    def set_flags(self, flags: list[dict], media_names: dict[int, str]) -> None:
        keep = self.current_flag_id()
        was_empty = not self.model.rows
        self.model.set_flags(flags, media_names)
        if len({f["category"] for f in flags} - set(categories())):
            self.retranslate()
        self._update_count()
        if was_empty and flags:
            self.fit_columns()  # once per case: later refreshes keep the officer's widths
        if keep is not None:
            self.select_flag(keep, emit=False)

    def update_flag(self, flag: dict) -> None:
        self.model.update_flag(flag)
        self._update_count()

    def current_flag_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def clear(self) -> None:
        """Another case: no rows, and the columns fit the next case's flags."""
        self.model.set_flags([], {})
        self._update_count()

    def clear_selection(self) -> None:
        self._quiet = True
        self.view.selectionModel().clearSelection()
        self.view.setCurrentIndex(QModelIndex())
        self._quiet = False

    def select_flag(self, flag_id: int, emit: bool = True) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == flag_id:
                self._select_row(row, emit)
                return True
        return False

    def _select_row(self, row: int, emit: bool = True) -> None:
        self._quiet = not emit
        self.view.setCurrentIndex(self.proxy.index(row, 0))
        self.view.scrollTo(self.proxy.index(row, 0))
        self._quiet = False

    def move(self, step: int) -> int | None:
        """Next (+1) or previous (-1) flag in the list as shown; returns its id."""
        rows = self.proxy.rowCount()
        if not rows:
            return None
        current = self.view.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else rows - 1)
        row = max(0, min(rows - 1, row))
        self._select_row(row)
        return self.current_flag_id()

    def visible_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    _quiet = False

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.flag_selected.emit(current.data(ID_ROLE))

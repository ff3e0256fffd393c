"""The Identifiers panel: phones, accounts, QR payments, links, handles... of the open case,
grouped by kind; a click plays the moment; each shows in how many other cases it was seen, and
those cases open from here. Reading and indexing live in reviewer.identifiers."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.session import IDENTIFIER_KINDS as KINDS
from reviewer.session import (
    Case,
    ReviewerError,
    case_identifiers,
    index_open_case,
    other_cases_count,
    refresh_identifiers,
)
from reviewer.session import find_identifier as find

MOMENT_ROLE = Qt.ItemDataRole.UserRole
CASE_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(seconds)
    return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}"


class IdentifiersPanel(QWidget):
    moment_chosen = Signal(int, float)  # media id, seconds
    case_chosen = Signal(str)  # folder of another case

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.items: list[dict] = []
        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.itemClicked.connect(self._on_click)
        self.tree.itemExpanded.connect(self._on_expand)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def kind_label(self, kind: str) -> str:
        labels = {
            "phone": self.tr("Phone numbers"),
            "bank_account": self.tr("Bank accounts"),
            "qr": self.tr("QR codes"),
            "url": self.tr("Links"),
            "handle": self.tr("Social accounts"),
            "email": self.tr("E-mail addresses"),
            "wallet": self.tr("Crypto wallets"),
            "money": self.tr("Amounts"),
        }
        return labels.get(kind, kind)

    def source_label(self, source: str) -> str:
        return {
            "ocr": self.tr("on screen"),
            "qr": self.tr("QR code"),
            "speech": self.tr("speech"),
        }.get(source, source)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Identifier"), self.tr("Where"), self.tr("Flags")])
        self._fill()

    def set_case(self, case: Case | None) -> None:
        self.case = case
        self.reload()
        if case is not None:
            try:  # a case opened here joins the workstation index ("seen in other cases")
                index_open_case(case)
            except (OSError, sqlite3.Error) as exc:
                self.summary.setText(str(exc))

    def reload(self) -> None:
        """Re-read the case's identifiers (derived from its stored text; cheap and idempotent)."""
        self.items = []
        if self.case is not None:
            try:
                refresh_identifiers(self.case, read_pictures=False)
                self.items = case_identifiers(self.case)
            except ReviewerError as exc:
                self.summary.setText(str(exc))
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        if self.case is None:
            self.summary.setText(self.tr("No case open."))
            return
        self.summary.setText(
            self.tr("{n} identifiers in this case").format(n=len(self.items))
            if self.items
            else self.tr("No phone numbers, accounts or links found yet.")
        )
        by_kind: dict[str, list[dict]] = {}
        for ident in self.items:
            by_kind.setdefault(ident["kind"], []).append(ident)
        for kind in KINDS:
            group = by_kind.get(kind)
            if not group:
                continue
            top = QTreeWidgetItem([f"{self.kind_label(kind)} ({len(group)})", "", ""])
            self.tree.addTopLevelItem(top)
            for ident in group:
                top.addChild(self._identifier_item(ident))
            top.setExpanded(True)
        self._fit_columns()

    def _fit_columns(self) -> None:
        for column in (0, 1):  # the moments' text and places show whole once expanded
            self.tree.resizeColumnToContents(column)

    def _identifier_item(self, ident: dict) -> QTreeWidgetItem:
        text = ident["display"] + (f" [{ident['bank']}]" if ident.get("bank") else "")
        if ident["relevant"]:
            text += " ★"
        others = other_cases_count(ident["kind"], ident["value"], self.case.case_id)
        seen = self.tr("seen in {n} other cases").format(n=others) if others else ""
        flags = ", ".join(f"#{n}" for n in ident["flags"])
        item = QTreeWidgetItem([text, seen, flags])
        first = ident["occurrences"][0]
        item.setData(0, MOMENT_ROLE, (first["media_id"], first["start_s"] or 0.0))
        for occ in ident["occurrences"]:
            where = f"{occ['media'] or ''} {_clock(occ['start_s'])}".strip()
            child = QTreeWidgetItem(
                [occ["raw"][:80], f"{where} · {self.source_label(occ['source'])}", ""]
            )
            child.setData(0, MOMENT_ROLE, (occ["media_id"], occ["start_s"] or 0.0))
            item.addChild(child)
        if others:
            holder = QTreeWidgetItem([self.tr("Other cases…"), "", ""])
            holder.setData(0, VALUE_ROLE, ident["value"])
            holder.addChild(QTreeWidgetItem(["", "", ""]))  # filled when expanded
            item.addChild(holder)
        return item

    def _on_expand(self, item: QTreeWidgetItem) -> None:
        value = item.data(0, VALUE_ROLE)
        if not value or self.case is None:
            self._fit_columns()
            return
        item.takeChildren()
        for other in find(value)["cases"]:
            if other["case_id"] == self.case.case_id:
                continue
            child = QTreeWidgetItem([other["folder"], self.tr("open this case"), ""])
            child.setData(0, CASE_ROLE, other["folder"])
            item.addChild(child)
        self._fit_columns()

    def _on_click(self, item: QTreeWidgetItem, _column: int) -> None:
        folder = item.data(0, CASE_ROLE)
        if folder:
            self.case_chosen.emit(folder)
            return
        moment = item.data(0, MOMENT_ROLE)
        if moment:
            self.moment_chosen.emit(int(moment[0]), float(moment[1]))

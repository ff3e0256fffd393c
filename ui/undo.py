"""Decisions as undoable commands. Undo is itself a decision (back to the previous status,
including "pending"), so it is committed and audit-logged like any other."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reviewer.session import ReviewerError

from .i18n import status_label

Apply = Callable[[int, str, str | None], bool]


class DecideCommand(QUndoCommand):
    def __init__(
        self,
        apply: Apply,
        flag: dict,
        decision: str,
        note: str | None,
    ) -> None:
        super().__init__()
        self.apply = apply
        self.flag_id = flag["id"]
        self.before = (flag["status"], flag.get("note") or "")
        self.after = (decision, note if note is not None else (flag.get("note") or ""))
        self.setText(
            QCoreApplication.translate("DecideCommand", "flag {id}: {status}").format(
                id=self.flag_id, status=status_label(decision)
            )
        )

    def redo(self) -> None:
        if not self.apply(self.flag_id, *self.after):
            self.setObsolete(True)  # not saved: nothing to undo

    def undo(self) -> None:
        self.apply(self.flag_id, *self.before)


def safe_apply(
    decide: Callable[[int, str, str | None], dict], report: Callable[[str], None]
) -> Apply:
    """Wrap Case-level decide so a refused decision is reported instead of raising in Qt."""

    def apply(flag_id: int, status: str, note: str | None) -> bool:
        try:
            decide(flag_id, status, note)
        except ReviewerError as exc:
            report(str(exc))
            return False
        return True

    return apply


class AddFlagCommand(QUndoCommand):
    """An officer-made flag; undo removes it (audit-logged as flag.remove), redo adds it again."""

    def __init__(self, add: Callable[[], dict | None], remove: Callable[[int], bool]) -> None:
        super().__init__()
        self.add, self.remove = add, remove
        self.flag_id: int | None = None
        self.setText(QCoreApplication.translate("DecideCommand", "add a flag"))

    def redo(self) -> None:
        flag = self.add()
        if flag is None:
            self.setObsolete(True)
            return
        self.flag_id = flag["id"]

    def undo(self) -> None:
        if self.flag_id is not None:
            self.remove(self.flag_id)


class EditFlagCommand(QUndoCommand):
    """A new span or category; undo writes the old values back (another audited edit)."""

    def __init__(
        self,
        edit: Callable[[int, float | None, float | None, str], bool],
        flag: dict,
        start_s: float | None,
        end_s: float | None,
        category: str,
    ) -> None:
        super().__init__()
        self.edit = edit
        self.flag_id = flag["id"]
        self.before = (flag["start_s"], flag["end_s"], flag["category"])
        self.after = (start_s, end_s, category)
        self.setText(
            QCoreApplication.translate("DecideCommand", "flag {id}: new span").format(
                id=self.flag_id
            )
        )

    def redo(self) -> None:
        if not self.edit(self.flag_id, *self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        self.edit(self.flag_id, *self.before)

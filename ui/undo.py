"""Decisions as undoable commands. Undo is itself a decision (back to the previous status,
including "pending"), so it is committed and audit-logged like any other."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reviewer.errors import ReviewerError

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

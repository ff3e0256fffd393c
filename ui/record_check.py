"""The record in the application: the passphrase asked once per session, and a case whose record
fails (tables against the audit log, signatures, a roll-back) shown with the reasons.

The check runs in a thread (a case of thousands of entries takes a moment) and reports through
a signal; the engine (through reviewer.session) does all the work.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from reviewer.session import (
    ReviewerError,
    check_record,
    has_officer_key,
    session_key,
    unlock_session,
)

MAX_SHOWN = 20


class RecordCheck(QObject):
    """Checks an opened case in the background; `failed` carries (folder, reasons)."""

    failed = Signal(str, list)
    passed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.box: QMessageBox | None = None
        self.declined: set[str] = set()  # officers who chose not to unlock this session
        self.failed.connect(self._show)

    def check(self, folder: Path) -> threading.Thread:
        thread = threading.Thread(target=self._run, args=(str(folder),), daemon=True)
        thread.start()
        return thread

    def _run(self, folder: str) -> None:
        try:
            report = check_record(folder)
            if report.ok:
                self.passed.emit(folder)
            else:
                self.failed.emit(folder, list(report.failures))
        except ReviewerError as exc:
            self._emit_failed(folder, [str(exc)])
        except RuntimeError:  # the window closed meanwhile: nobody to tell
            pass
        except Exception as exc:  # noqa: BLE001 - a thread must report, never die silently
            self._emit_failed(folder, [f"{type(exc).__name__}: {exc}"])

    def _emit_failed(self, folder: str, reasons: list) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.failed.emit(folder, reasons)

    def _show(self, folder: str, reasons: list) -> None:
        shown = reasons[:MAX_SHOWN]
        if len(reasons) > MAX_SHOWN:
            shown.append(self.tr("… and {n} more").format(n=len(reasons) - MAX_SHOWN))
        box = QMessageBox(self.parent_widget)
        box.setObjectName("recordCheckBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The record of this case fails"))
        box.setText(
            self.tr(
                "The tables, signatures or audit chain of this case disagree with its audit "
                "log. You can read it, but it will not be exported or merged until this is "
                "resolved.\n\n{case}"
            ).format(case=folder)
        )
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(reasons))
        self.box = box
        box.open()  # not modal to the application: the officer can still read the case

    def unlock_once(self, officer: str) -> bool:
        """Ask the officer's passphrase once per session; True when their key signs from now."""
        if not officer or session_key(officer) is not None:
            return bool(officer)
        if officer in self.declined or not has_officer_key(officer):
            return False
        while True:
            text, ok = QInputDialog.getText(
                self.parent_widget,
                self.tr("Unlock your signing key"),
                self.tr(
                    "Passphrase of the key of officer {officer}. It is asked once per session; "
                    "every decision is then signed with your key."
                ).format(officer=officer),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                self.declined.add(officer)  # decisions are then signed by the workstation only
                return False
            try:
                unlock_session(officer, text)
                return True
            except ReviewerError as exc:
                QMessageBox.warning(self.parent_widget, self.tr("Wrong passphrase"), str(exc))

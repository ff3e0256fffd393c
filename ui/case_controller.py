"""The case side of the window: new, open, recent and demo cases, files dropped or added,
and the evidence actions (export, verify, merge a reviewed copy). Wired by MainWindow."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from reviewer.session import (
    ReviewerError,
    demo_case_dir,
    demo_recording,
)

from . import case_dialogs
from .case_data import CaseData
from .export_dialog import ExportDialog
from .ui_settings import save_ui_settings
from .verify_dialog import VerifyDialog

if TYPE_CHECKING:
    from .main_window import MainWindow


class CaseController(QObject):
    """Opening and closing cases and the case-wide actions; the window's state stays on it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def fill_recent_menu(self) -> None:
        self.w.recent_menu.clear()
        for folder in self.w.ui_settings.recent_cases:
            action = self.w.recent_menu.addAction(folder)
            action.triggered.connect(lambda _=False, f=folder: self.open_case(Path(f)))
        self.w.recent_menu.setEnabled(bool(self.w.ui_settings.recent_cases))

    def open_case(self, folder: Path, create: bool = True) -> bool:
        """Open (or create) a case; the previous one is closed after its analysis is stopped."""
        try:
            data = CaseData(folder, officer=self.w.settings.officer_name(), create=create)
        except ReviewerError as exc:
            QMessageBox.warning(self.w, self.tr("Cannot open the case"), str(exc))
            return False
        self.close_case()
        self.w.data = data
        self.w.transcript.data = data
        self.w.undo_stack.clear()
        self.w.ui_settings.remember_case(folder)
        save_ui_settings(self.w.ui_settings)
        self.fill_recent_menu()
        self.w.current_media_id = None
        self.w.review.clear_flag_selection()
        self.w.review.forget_case()
        self.w.transcript.search_box.clear()
        self.w.transcript.results.clear()
        self.w.transcript.results_label.setText("")
        self.w.media_list.set_media(data.media, self.w.review.flag_counts(), None)
        self.w.flag_panel.clear()
        self.w.review.show_flags()
        if data.media:
            first = next((f["media_id"] for f in data.flags), data.media[0]["id"])
            self.w.review.show_media(first)
        else:
            self.w.review.clear_media()
        self.w.update_title()
        self.w.update_status()
        self.w.learning.set_cases([Path(folder)], self.w.settings.officer_name())
        self.w.identifiers.set_case(data.case)
        self.w.meaning_search.set_case(Path(folder))
        self.w.case_opened.emit(str(folder))
        self.w.record_check.check(Path(folder))
        return True

    def close_case(self) -> None:
        self.w.merger.shutdown()
        if self.w.worker is not None:
            self.w.worker.shutdown()
            self.w.worker = None
        self.w.loader.wait()
        if self.w.data is not None:
            self.w.identifiers.set_case(None)
            self.w.data.close()
            self.w.data = None
            self.w.transcript.data = None

    def open_demo(self, analyse: bool = True) -> bool:
        """The bundled demo case; on first run its recording is analysed with progress shown."""
        if not self.open_case(demo_case_dir()):
            return False
        assert self.w.data is not None
        analysed = any(m["status"] == "analyzed" for m in self.w.data.media)
        demo = demo_recording()
        if analyse and not analysed and demo.is_file():
            self.w.analysis.analyse([demo])
            self.w.bottom_tabs.setCurrentWidget(self.w.queue)
        return True

    def new_case(self) -> None:
        folder = case_dialogs.ask_new_case(self.w)
        if folder:
            self.open_case(folder)

    def open_case_dialog(self) -> None:
        folder = case_dialogs.ask_open_case(self.w)
        if folder is None:
            return
        if not case_dialogs.is_case_folder(folder):
            QMessageBox.warning(
                self.w,
                self.tr("Not a case"),
                self.tr("{folder} holds no case. Use New case to start one there.").format(
                    folder=folder
                ),
            )
            return
        self.open_case(folder, create=False)

    def add_files_dialog(self) -> None:
        if self._need_case():
            files = case_dialogs.ask_files(self.w)
            if files:
                self.w.analysis.analyse(files)

    def add_folder_dialog(self) -> None:
        if self._need_case():
            folder = case_dialogs.ask_folder(self.w)
            if folder:
                self.w.analysis.analyse([folder])

    def _need_case(self) -> bool:
        if self.w.data is None:
            self.new_case()
        return self.w.data is not None

    def export_evidence(self) -> None:
        if self.w.data is None:
            QMessageBox.information(
                self.w, self.tr("Export evidence"), self.tr("Open a case first, then export it.")
            )
            return
        dialog = ExportDialog(self.w.data.folder, self.w.settings.officer_name(), self.w)
        dialog.exec()  # closing waits for a running export to stop: its thread is done here
        dialog.deleteLater()

    def verify_package(self) -> None:
        dialog = VerifyDialog(self.w)
        dialog.exec()
        dialog.deleteLater()

    def merge_copy(self) -> None:
        if self.w.data is None:
            QMessageBox.information(
                self.w, self.tr("Merge a reviewed copy"), self.tr("Open a case first, then merge.")
            )
            return
        self.w.merger.start(self.w.data.folder, self.w.data.case.officer)

    def on_merged(self, written: bool) -> None:
        if written and self.w.data is not None:
            self.w.review.refresh_from_db()

    def handle_drop(self, paths: list[Path]) -> None:
        if len(paths) == 1 and case_dialogs.is_case_folder(paths[0]):
            self.open_case(paths[0], create=False)  # a case folder opens; anything else is added
            return
        if self._need_case():
            self.w.analysis.analyse(paths)

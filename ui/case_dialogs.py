"""Choosing a case folder (new or existing) and files or folders to add."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reviewer.session import DB_NAME

MEDIA_FILTER = "*.mp4 *.mkv *.mov *.avi *.webm *.flv *.ts *.m4a *.mp3 *.wav *.aac *.ogg *.opus *.flac *.png *.jpg *.jpeg *.webp *.bmp"


def ask_new_case(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("CaseDialogs", "New case: choose or create an empty folder"),
    )
    return Path(folder) if folder else None


def ask_open_case(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("CaseDialogs", "Open case: choose its folder")
    )
    return Path(folder) if folder else None


def is_case_folder(folder: Path) -> bool:
    return (folder / DB_NAME).is_file()


def ask_files(parent: QWidget) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("CaseDialogs", "Add recordings and screenshots"),
        "",
        QCoreApplication.translate("CaseDialogs", "Recordings and screenshots")
        + f" ({MEDIA_FILTER});;"
        + QCoreApplication.translate("CaseDialogs", "All files")
        + " (*)",
    )
    return [Path(f) for f in files]


def ask_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("CaseDialogs", "Add a whole folder")
    )
    return Path(folder) if folder else None

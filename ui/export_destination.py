"""The export dialog's line about the chosen destination: free space, file system, and whether
the originals fit (FAT32 cannot hold a file of 4 GiB or more)."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from reviewer.session import FAT32_MAX, FAT_TYPES, filesystem_type

from .evidence_task import AMBER, RED, colored, human_size


class DestinationInfo(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def show_for(self, text: str, originals: dict[int, tuple[str, int]]) -> None:
        """Free space and file system of the folder `text` against the originals to copy
        (media id -> (name, size)); quick calls, so on the UI thread."""
        text = text.strip()
        if not text:
            self.setText(
                self.tr("Choose the USB stick (or a folder on it) to write the package to.")
            )
            return
        folder = Path(text)
        if not folder.is_dir():
            self.setText(
                colored(
                    self.tr("This folder does not exist: plug in the stick or choose another."),
                    RED,
                )
            )
            return
        try:
            free = shutil.disk_usage(folder).free
        except OSError as exc:
            self.setText(colored(str(exc), RED))
            return
        fs = filesystem_type(folder)
        lines = [
            html.escape(
                self.tr("Free space: {free} · file system: {fs}").format(
                    free=human_size(free), fs=fs or self.tr("unknown")
                )
            )
        ]
        needed = sum(size for _, size in originals.values())
        if needed:
            lines.append(
                html.escape(
                    self.tr("The originals of these flags take {size}.").format(
                        size=human_size(needed)
                    )
                )
            )
        if needed > free:
            lines.append(colored(self.tr("Not enough free space on this stick."), RED, True))
        if fs in FAT_TYPES:
            lines.append(
                colored(self.tr("FAT32: it cannot hold files of 4 GiB or more."), AMBER, True)
            )
            for name, size in originals.values():
                if size > FAT32_MAX:
                    lines.append(
                        colored(
                            self.tr(
                                "{name} is {size}: too large for FAT32. Use a stick formatted as exFAT or NTFS."
                            ).format(name=name, size=human_size(size)),
                            RED,
                        )
                    )
        self.setText("<br>".join(lines))

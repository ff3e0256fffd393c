"""What the evidence dialogs share: the worker thread that runs one engine call (export,
verification) with progress and cancel, the progress scale, colours and the stage labels."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal

from reviewer.session import Cancelled, OnProgress, Progress, ReviewerError, WrongPassphrase

PROGRESS_STEPS = 1000
EMIT_EVERY_S = 0.05  # at most ~20 progress updates a second reach the UI thread
RED, GREEN, AMBER = "#c92a2a", "#2b8a3e", "#b35c00"

TaskFn = Callable[[OnProgress, threading.Event], object]


class EvidenceTask(QThread):
    """Runs one engine call (export, verification) with progress and a cancel switch.

    The call gets `on_progress` and a threading.Event; the outcome comes back only through
    signals, which Qt delivers on the UI thread.
    """

    progress = Signal(object)  # Progress
    succeeded = Signal(object)  # whatever the call returned
    failed = Signal(str, str)  # kind (cancelled | passphrase | error), one-line message

    def __init__(self, fn: TaskFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.cancel = threading.Event()
        self._stage = ""
        self._last = 0.0

    def _on_progress(self, event: Progress) -> None:
        # Hashing reports every block; stage changes and the last block always get through.
        now = time.monotonic()
        if (
            event.stage != self._stage
            or event.done >= event.total
            or now - self._last > EMIT_EVERY_S
        ):
            self._stage, self._last = event.stage, now
            self.progress.emit(event)

    def run(self) -> None:
        try:
            result = self.fn(self._on_progress, self.cancel)
        except Cancelled as exc:
            self.failed.emit("cancelled", str(exc))
        except WrongPassphrase as exc:
            self.failed.emit("passphrase", str(exc))
        except ReviewerError as exc:
            self.failed.emit("error", str(exc))
        except OSError as exc:  # a stick pulled out mid-write, a full or read-only disk
            where = f" ({exc.filename})" if exc.filename else ""
            self.failed.emit("error", f"{exc.strerror or exc}{where}")
        except Exception as exc:  # a worker thread must report, never die silently
            self.failed.emit("error", f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)


def human_size(n: int) -> str:
    for unit, scale in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n} B"


def colored(text: str, color: str, bold: bool = False) -> str:
    weight = "font-weight:600;" if bold else ""
    return f"<span style='color:{color};{weight}'>{html.escape(text)}</span>"


# Engine ids to labels; the texts are found by lupdate here and translated when shown.
STAGES = {
    "key": QT_TRANSLATE_NOOP("EvidenceStages", "Opening the signing key"),
    "check": QT_TRANSLATE_NOOP("EvidenceStages", "Checking the case and the destination"),
    "originals": QT_TRANSLATE_NOOP("EvidenceStages", "Copying the originals"),
    "clips": QT_TRANSLATE_NOOP("EvidenceStages", "Cutting clips and stills"),
    "transcripts": QT_TRANSLATE_NOOP("EvidenceStages", "Writing transcripts"),
    "report": QT_TRANSLATE_NOOP("EvidenceStages", "Writing the report"),
    "seal": QT_TRANSLATE_NOOP("EvidenceStages", "Sealing the package"),
    "write": QT_TRANSLATE_NOOP("EvidenceStages", "Finishing on the destination"),
    "verify": QT_TRANSLATE_NOOP("EvidenceStages", "Verifying the package"),
    "done": QT_TRANSLATE_NOOP("EvidenceStages", "Done"),
}
VERIFY_STATUSES = {
    "ok": QT_TRANSLATE_NOOP("EvidenceStages", "intact, signed by a trusted key"),
    "tampered": QT_TRANSLATE_NOOP("EvidenceStages", "TAMPERED"),
    "untrusted": QT_TRANSLATE_NOOP("EvidenceStages", "intact, but the signer is not trusted"),
    "malformed": QT_TRANSLATE_NOOP("EvidenceStages", "not a complete package"),
}


def stage_text(stage: str) -> str:
    text = STAGES.get(stage)
    return QCoreApplication.translate("EvidenceStages", text) if text else stage


def verify_status_text(status: str) -> str:
    text = VERIFY_STATUSES.get(status)
    return QCoreApplication.translate("EvidenceStages", text) if text else status

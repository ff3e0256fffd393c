"""The analysis queue of the window: one AnalysisWorker (reviewer.analysis behind it) per open
case, its progress into the queue panel and the flags re-read as chunks land."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reviewer.session import (
    AnalysisOptions,
    ProgressEvent,
)

from .workers import AnalysisWorker

if TYPE_CHECKING:
    from .main_window import MainWindow

REFRESH_EVERY_S = 1.5  # flags are re-read from the case at most this often during analysis


class AnalysisController(QObject):
    """The window's analysis queue: started on the first file added, stopped with the case."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def analysis_options(self) -> AnalysisOptions:
        options = AnalysisOptions.from_settings(self.w.settings)
        for key, value in self.w.analysis_overrides.items():
            setattr(options, key, value)
        return options

    def analyse(self, paths: list[Path]) -> None:
        if self.w.data is None:
            return
        if self.w.worker is None:
            self.w.worker = AnalysisWorker(
                self.w.data.folder,
                self.analysis_options(),
                officer=self.w.settings.officer_name(),
                engine_factory=self.w.engine_factory,
                parent=self.w,
                cluster=self.w.settings.cluster,
            )
            self.w.worker.progress.connect(self._on_progress)
            self.w.worker.job_finished.connect(self._on_job_finished)
            self.w.worker.engine_warning.connect(self._on_engine_warning)
            # finished, not the worker's own idle signal: by then isRunning() is False.
            self.w.worker.finished.connect(self._on_worker_idle)
        jobs = self.w.worker.enqueue(paths)
        for job in jobs:
            self.w.queue.add_job(job.id, job.path)
        if not jobs:
            self.w.statusBar().showMessage(self.tr("No files found to add."), 5000)
        self.w.update_status()

    def cancel_job(self, job_id: int) -> None:
        if self.w.worker is not None:
            self.w.worker.cancel_job(job_id)

    def cancel_analysis(self) -> None:
        if self.w.worker is not None:
            self.w.worker.cancel_all()

    def _on_progress(self, job_id: int, event: ProgressEvent) -> None:
        self.w.queue.progress(job_id, event.stage, event.fraction, event.eta_s, event.message)
        if (
            event.stage in ("detect", "done", "failed", "skipped")
            or time.monotonic() - self.w.review.last_refresh > REFRESH_EVERY_S
        ):
            self.w.review.refresh_from_db()
        elif not self.w.refresh_timer.isActive():
            self.w.refresh_timer.start(int(REFRESH_EVERY_S * 1000))

    def _on_job_finished(self, job_id: int, status: str, reason: str) -> None:
        self.w.queue.finish(job_id, status, reason)
        self.w.review.refresh_from_db()
        self.w.identifiers.reload()
        self.w.update_status()

    def _on_engine_warning(self, text: str) -> None:
        self.w.warning_label.setText(
            self.tr("Warning: {text}").format(text=self.engine_warning(text))
        )
        self.w.warning_label.setToolTip(text)  # the engine's own words, for a support request

    def engine_warning(self, text: str) -> str:
        """The speech engine's warning (English, from reviewer/) in the window's language."""
        if text.startswith("CUDA was requested"):
            return self.tr(
                "the GPU was chosen in Settings but none can be used here; speech runs on the "
                "processor (CPU), which is slower."
            )
        if text.startswith("GPU could not load the model"):
            return self.tr(
                "the GPU could not load the speech model; speech runs on the processor (CPU), "
                "which is slower."
            )
        return text

    def _on_worker_idle(self) -> None:
        self.w.update_status()
        if self.w.worker is not None and not self.w.worker.busy():
            self.w.analysis_idle.emit()

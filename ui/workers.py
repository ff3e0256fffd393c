"""Work that must never run on the UI thread: analysis, still frames, waveforms.

Each worker opens its own Case (SQLite connections belong to one thread) and talks back only
through Qt signals, which Qt delivers on the UI thread.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage

from reviewer.analysis import Runner, make_analyzer, open_executor
from reviewer.session import (
    AnalysisOptions,
    Cancelled,
    EngineFactory,
    ProgressEvent,
    ReviewerError,
    expand_inputs,
    open_case,
    read_audio,
)

_job_ids = itertools.count(1)


@dataclass
class Job:
    """One file in the analysis queue; each has its own cancel switch."""

    path: Path
    id: int = field(default_factory=lambda: next(_job_ids))
    cancel: threading.Event = field(default_factory=threading.Event)


class AnalysisWorker(QThread):
    """Analyses queued files one by one into the case, in its own thread with its own Case."""

    progress = Signal(int, object)  # job id, ProgressEvent
    job_started = Signal(int)
    job_finished = Signal(int, str, str)  # job id, analyzed|failed|cancelled, reason
    engine_warning = Signal(str)
    idle = Signal()

    def __init__(
        self,
        case_folder: Path,
        options: AnalysisOptions,
        officer: str | None = None,
        engine_factory: EngineFactory | None = None,
        parent: QObject | None = None,
        cluster: str = "",
    ) -> None:
        super().__init__(parent)
        self.case_folder = case_folder
        self.options = options
        self.cluster = cluster  # a Dask scheduler address: files go to its workers
        self.officer = officer
        self.engine_factory = engine_factory
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._stop = threading.Event()
        self.jobs: dict[int, Job] = {}
        # A file queued while the thread was already on its way out starts it again.
        self.finished.connect(self._restart_if_needed)

    def _restart_if_needed(self) -> None:
        if not self._stop.is_set() and not self._queue.empty():
            self.start()

    def busy(self) -> bool:
        return self.isRunning() or not self._queue.empty()

    # -- called from the UI thread --------------------------------------------------------
    def enqueue(self, paths: list[Path]) -> list[Job]:
        """Queue files (folders are expanded now, so each file gets its own row and cancel)."""
        jobs = [Job(p) for p in expand_inputs(paths)]
        for job in jobs:
            self.jobs[job.id] = job
            self._queue.put(job)
        if not self.isRunning():
            self.start()
        return jobs

    def cancel_job(self, job_id: int) -> None:
        job = self.jobs.get(job_id)
        if job:
            job.cancel.set()

    def cancel_all(self) -> None:
        for job in self.jobs.values():
            job.cancel.set()

    def shutdown(self, wait_ms: int = 30000) -> None:
        """Cancel everything and wait for the thread: the current chunk is dropped, the rest kept."""
        self._stop.set()
        self.cancel_all()
        self._queue.put(None)
        self.wait(wait_ms)

    # -- the worker thread -----------------------------------------------------------------
    def run(self) -> None:
        case = open_case(self.case_folder, officer=self.officer)
        # One executor for the whole queue, so that the models load once.
        executor = open_executor(self.options, self.cluster, self.engine_factory)
        try:
            while not self._stop.is_set():
                try:
                    job = self._queue.get(timeout=0.2)
                except queue.Empty:
                    if self._queue.empty():
                        break
                    continue
                if job is None:
                    break
                if job.cancel.is_set():
                    self.job_finished.emit(job.id, "cancelled", "")
                    continue
                analyzer = make_analyzer(
                    case,
                    self.options,
                    executor=executor,
                    on_progress=self._forward(job.id),
                    cancel=job.cancel,  # each file's own cancel switch
                )
                self.job_started.emit(job.id)
                self._run_one(analyzer, job)
        finally:
            executor.close()
            case.close()
            self.idle.emit()

    def _forward(self, job_id: int) -> Callable[[ProgressEvent], None]:
        return lambda event: self.progress.emit(job_id, event)

    def _run_one(self, analyzer: Runner, job: Job) -> None:
        try:
            result = analyzer.run([job.path])
        except Cancelled:
            self.job_finished.emit(job.id, "cancelled", "")
            return
        except ReviewerError as exc:
            self.job_finished.emit(job.id, "failed", str(exc))
            return
        except Exception as exc:  # a worker thread must report, never die silently
            self.job_finished.emit(job.id, "failed", f"{type(exc).__name__}: {exc}")
            return
        if result.engine_warning:
            self.engine_warning.emit(result.engine_warning)
        outcome = result.outcomes[0] if result.outcomes else None
        if outcome is None:
            self.job_finished.emit(job.id, "failed", "nothing to analyse")
        else:
            self.job_finished.emit(job.id, outcome.status, outcome.error or "")


# -- still frames and waveforms: short jobs on the shared thread pool ------------------------
class _Relay(QObject):
    done = Signal(object, object)  # key, result


class _Task(QRunnable):
    def __init__(self, relay: _Relay, key: object, fn: Callable[[], object]) -> None:
        super().__init__()
        self.relay, self.key, self.fn = relay, key, fn

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception:  # an unreadable frame is shown as "no picture", never a crash
            result = None
        # The window may have closed while this ran: nobody is waiting for the result then.
        with contextlib.suppress(RuntimeError):
            self.relay.done.emit(self.key, result)


class BackgroundLoader(QObject):
    """Runs small read-only jobs (frame grabs, waveforms) off the UI thread."""

    loaded = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self.loaded)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # the analysis needs the cores more than a preview

    def submit(self, key: object, fn: Callable[[], object]) -> None:
        self.pool.start(_Task(self._relay, key, fn))

    def wait(self, ms: int = 5000) -> None:
        self.pool.waitForDone(ms)


def grab_frame(path: Path, at_s: float, max_width: int = 640) -> QImage | None:
    """The video frame at `at_s`, decoded with PyAV (keyframe seek, then decode forward)."""
    import av

    with av.open(str(path), metadata_errors="ignore") as container:
        if not container.streams.video:
            return None
        stream = container.streams.video[0]
        target = max(0.0, at_s)
        container.seek(int(target / stream.time_base), stream=stream, backward=True)
        chosen = None
        for frame in container.decode(stream):
            chosen = frame
            if frame.time is not None and frame.time >= target - 0.02:
                break
        if chosen is None:
            return None
        if chosen.width > max_width:
            chosen = chosen.reformat(
                width=max_width, height=int(chosen.height * max_width / chosen.width)
            )
        rgb = chosen.to_ndarray(format="rgb24")
        h, w, _ = rgb.shape
        return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def waveform(path: Path, bins_per_s: float = 4.0) -> np.ndarray | None:
    """Peak level per 1/bins_per_s seconds of the whole audio track (for the timeline)."""
    peaks: list[np.ndarray] = []
    carry = np.zeros(0, dtype=np.float32)
    try:
        sample_rate, blocks = read_audio(path, block_s=60.0)
        step = max(1, int(sample_rate / bins_per_s))
        for block in blocks:
            data = np.concatenate([carry, block])
            usable = data.size - data.size % step
            if usable:
                peaks.append(np.abs(data[:usable]).reshape(-1, step).max(axis=1))
            carry = data[usable:]
    except ReviewerError:
        return None
    if carry.size:
        peaks.append(np.array([np.abs(carry).max()], dtype=np.float32))
    return np.concatenate(peaks) if peaks else None

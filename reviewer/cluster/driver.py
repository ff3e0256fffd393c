"""`reviewer analyze --cluster`: the workstation ingests and hashes as today, sends each file's
ranges to the cluster, and writes what comes back into the case as it arrives.

The same per-file lifecycle (reviewer/analysis/lifecycle.py) and the same writes
(reviewer/analysis/save.py) as the workstation pipeline; any range Backend runs the ranges (a
Dask cluster, or this process: LocalBackend).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analysis import save
from ..analysis.core import RANGE_S, TimeRange
from ..analysis.lifecycle import FileRun, ProgressCallback
from ..analysis.options import AnalysisOptions, FileOutcome
from ..analysis.payload_check import PayloadRejected
from ..analysis.save import StoredPlan
from ..analysis.states import Media, MediaStatus, Stage
from ..detections import MediaDetector
from ..errors import Cancelled, MediaError, ReviewerError
from ..probe import Probe
from ..store.case import Case
from ..text.meaning.engine import meaning_enabled
from .backend import Backend, DaskBackend
from .tasks import plan_task, probe_task, range_task

POLL_S = 0.5  # how often a wait for results looks at the cancel button
PLAN_PRIORITY = 10  # plans first: they fan out into the range tasks that keep workers busy
PROBE_PRIORITY = 20  # a file is probed before anything else can be planned for it


@dataclass
class _Job:
    path: Path
    index: int
    media: Media
    detector: MediaDetector
    began: float = field(default_factory=time.monotonic)
    plan: StoredPlan | None = None
    applied: int = 0
    ocr_models: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outcome: FileOutcome | None = None


class ClusterAnalyzer(FileRun):
    """Files split into ranges run on `cluster` (a scheduler address, or a Backend the caller
    keeps and closes)."""

    def __init__(
        self,
        case: Case,
        options: AnalysisOptions,
        cluster: str | Backend,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        range_s: float = RANGE_S,
    ) -> None:
        super().__init__(case, options, on_progress, cancel)
        self.cluster = cluster
        # The workers embed their sentences: the workstation then only reads the vectors.
        self.core = options.core(self.bias_hotwords(), range_s, sentence_vectors=meaning_enabled())
        self._fine = False  # the backend reports progress within a range
        self.reads_pictures = False  # QR codes and picture hashes come back in the payloads

    # -- the run ----------------------------------------------------------------------------------
    def _run_files(self, files: list[Path]) -> list[FileOutcome]:
        backend = DaskBackend(self.cluster) if isinstance(self.cluster, str) else self.cluster
        try:
            return self._run(backend, files)
        finally:
            if isinstance(self.cluster, str):
                backend.close()

    def _run(self, backend: Backend, files: list[Path]) -> list[FileOutcome]:
        self._fine = hasattr(backend, "progress")
        if getattr(backend, "isolates", False):  # hostile containers are first opened there
            self.prober = _prober(backend)
        save.log_start(
            self.case,
            self.options,
            len(files),
            speech_engines=self.core.engine_names(),
            hotwords=self.core.hotwords,
            decoding=self.core.speech().as_record(),
            executor=backend.address,
            workers=backend.workers(),
            range_s=self.core.range_s,
        )
        jobs: list[_Job] = []
        outcomes: dict[int, FileOutcome] = {}
        tasks: dict[Any, tuple[_Job, TimeRange | None]] = {}
        for index, path in enumerate(files):
            admitted = self.admit(path, index)
            if isinstance(admitted, FileOutcome):
                outcomes[index] = admitted
                continue
            job = _Job(path, index, admitted, self.detector(admitted.id))
            jobs.append(job)
            args = (str(path.resolve()), job.media.probe(), self.core)
            tasks[backend.submit(plan_task, *args, priority=PLAN_PRIORITY)] = (job, None)
        try:
            while tasks:
                if self.cancel.is_set():
                    raise Cancelled()
                for future in backend.wait_first(list(tasks), POLL_S):
                    if self.cancel.is_set():  # no result is taken in after a cancel
                        raise Cancelled()
                    job, rng = tasks.pop(future)
                    if job.outcome is None:
                        self._arrived(backend, tasks, job, rng, future)
                self._report_running(backend, tasks)
        except BaseException:
            backend.cancel(list(tasks))
            for job in jobs:
                if job.outcome is None:
                    save.set_status(self.case, job.media.id, MediaStatus.PENDING)
            raise
        for job in jobs:
            outcomes[job.index] = job.outcome or self._fail(job, "no result came back")
        return [outcomes[i] for i in sorted(outcomes)]

    def _arrived(self, backend: Backend, tasks: dict, job: _Job, rng, future) -> None:
        try:
            result = future.result()
        except Exception as exc:  # the worker's error, as the worker raised it
            reason = str(exc) if isinstance(exc, ReviewerError) else f"{type(exc).__name__}: {exc}"
            for other in [f for f, (j, _r) in tasks.items() if j is job]:
                tasks.pop(other)
                backend.cancel([other])
            job.outcome = self._fail(job, reason)
            return
        if rng is None:  # the plan: send the ranges not already stored by an earlier run
            ranges = [TimeRange.from_json(r) for r in result]
            job.plan = StoredPlan.of(job.media.id, ranges)
            stored = save.start_plan(self.case, job.plan)
            sha, path = job.media.sha256, str(job.path.resolve())
            for r in ranges:
                if r.index not in stored:
                    tasks[backend.submit(range_task, path, sha, r.as_json(), self.core)] = (job, r)
        else:
            if result.get("sha256") != job.media.sha256:
                job.outcome = self._fail(job, "a worker answered for another file")
                return
            try:
                save.store_payload(self.case, job.plan, result)
            except PayloadRejected as exc:  # data from another machine: refused, with the reason
                job.outcome = self._fail(job, f"range {rng.index}: {exc}")
                return
        self._advance(job)

    def _advance(self, job: _Job) -> None:
        """Apply what can be applied in order, report progress, finish the file when complete."""
        applied = save.apply_stored(
            self.case, job.plan, job.detector, self.core.ocr_every_s, self.options.language
        )
        for payload in applied:
            job.warnings += payload["warnings"]
            job.ocr_models = payload["models"]["ocr"] or job.ocr_models
            job.warnings += [e["warning"] for e in payload["models"]["speech"] if e["warning"]]
        media_id = job.media.id
        done = save.ranges_applied(self.case, job.plan)
        total = len(job.plan.ranges)
        fraction = done / total if total else 1.0
        elapsed = time.monotonic() - job.began
        eta = elapsed / fraction * (1 - fraction) if 0 < fraction < 1 else None
        if not self._fine:  # a backend that reports within a range shows that instead
            self.emit(
                job.path, media_id, Stage.CLUSTER, job.index, fraction, eta, f"{done}/{total}"
            )
        if done < total:
            return
        if any(r.vision is not None or r.image for r in job.plan.ranges):
            save.finish_pictures(self.case, media_id, job.ocr_models)
        job.outcome = self.finish(job.path, job.media, job.index, job.warnings)

    def _report_running(self, backend: Backend, tasks: dict) -> None:
        """Where the range under way is, for a backend that says (the workstation's child):
        the queue then moves with speech and on-screen text, not a range at a time."""
        progress = getattr(backend, "progress", None)
        if progress is None:
            return
        for future, (job, rng) in tasks.items():
            seen = progress(future) if rng is not None and job.plan is not None else {}
            if seen and job.outcome is None:
                self._emit_partial(job, rng, seen)

    def _emit_partial(self, job: _Job, rng: TimeRange, seen: dict[str, float]) -> None:
        parts = []  # (stage, fraction of this range's stage)
        if rng.speech_cuts:
            lo, hi = rng.speech_cuts[0], rng.speech_cuts[-1]
            parts.append((Stage.SPEECH, _share(seen.get("speech"), lo, hi)))
        if rng.vision is not None:
            lo, hi = rng.vision[0], rng.vision[1] or job.media.duration_s or rng.vision[0]
            parts.append((Stage.OCR, _share(seen.get("ocr"), lo, hi)))
        if not parts:
            return
        stage = next((st for st, f in parts if f < 1.0), parts[-1][0])
        within = sum(f for _, f in parts) / len(parts)
        total = len(job.plan.ranges)
        fraction = min(1.0, (save.ranges_applied(self.case, job.plan) + within) / total)
        elapsed = time.monotonic() - job.began
        eta = elapsed / fraction * (1 - fraction) if 0.02 < fraction < 1 else None
        self.emit(job.path, job.media.id, stage, job.index, fraction, eta)

    def _fail(self, job: _Job, reason: str) -> FileOutcome:
        return self.fail(job.path, job.media, reason, job.index)


def _prober(backend: Backend) -> Callable[[Path], Probe]:
    def read(path: Path) -> Probe:
        future = backend.submit(probe_task, str(path.resolve()), priority=PROBE_PRIORITY)
        try:
            return Probe.from_json(future.result())
        except MediaError:
            raise
        except ReviewerError as exc:  # the probe's own reason, as the child raised it
            raise MediaError(str(exc)) from exc

    return read


def _share(done: float | None, lo: float, hi: float) -> float:
    if done is None or hi <= lo:
        return 0.0
    return max(0.0, min(1.0, (done - lo) / (hi - lo)))

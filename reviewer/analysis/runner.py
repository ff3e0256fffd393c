"""make_analyzer: picks where the ranges of a run go (this machine, or any range Backend: a Dask
cluster, this process)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..speech import load_named
from ..store.case import Case
from .core import CoreModels
from .options import AnalysisOptions, AnalysisResult, EngineFactory, ProgressEvent

if TYPE_CHECKING:
    from ..cluster.backend import Backend

ProgressCallback = Callable[[ProgressEvent], None]
#: Analysis in the application's own process instead of the isolated child (tests, debugging).
IN_PROCESS_ENV = "REVIEWER_ANALYSIS_IN_PROCESS"


class Runner(Protocol):
    """One analysis run into one case."""

    def run(self, paths: list[Path]) -> AnalysisResult: ...


class Executor:
    """Where ranges run, kept between runs so that models load once.

    `cluster`: a Dask scheduler address; `backend`: any range Backend (reviewer/cluster/backend.py,
    e.g. LocalBackend: the ranges in this process; ChildBackend: in an isolated child process,
    see open_executor's `child`); neither: this workstation's pipeline.
    """

    def __init__(
        self,
        options: AnalysisOptions,
        cluster: str | None = None,
        engine_factory: EngineFactory | None = None,
        backend: Backend | None = None,
    ) -> None:
        self.options = options
        self.cluster = cluster or None
        self.engine_factory = engine_factory
        self.backend = backend
        self._models: dict[tuple, CoreModels] = {}  # the workstation's, loaded on first need

    def models(self, options: AnalysisOptions) -> CoreModels:
        """This workstation's models for `options`, kept across runs so that they load once."""
        from ..pipeline import workstation_models

        key = (options.speech_model, options.device, options.overlap_stages)
        if key not in self._models:
            factory = self.engine_factory or load_named
            self._models[key] = workstation_models(options, factory)
        return self._models[key]

    def close(self) -> None:
        self._models.clear()
        if self.backend is not None:
            self.backend.close()

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_executor(
    options: AnalysisOptions,
    cluster: str | None = None,
    engine_factory: EngineFactory | None = None,
    backend: Backend | None = None,
    child: bool | None = None,
) -> Executor:
    """Where this workstation's analysis runs. By default (`child` None) in a kept child process
    that holds no keys and no case handle: recordings come from the internet and their decoders
    parse hostile bytes there (reviewer/analysis/child_main.py), so a decoder crash, hang or
    exploit costs one file, not the officer's window or keys. `child=False`, an
    `engine_factory` (tests: a fake speech engine, which cannot cross into another process) or
    REVIEWER_ANALYSIS_IN_PROCESS=1 (tests, debugging): the workstation pipeline in this
    process. `cluster`/`backend`: the ranges go there instead."""
    if child is None:
        child = engine_factory is None and not _in_process_asked()
    if child and backend is None and not cluster:
        from functools import partial

        from ..cluster.tasks import configure_worker_models
        from .child_process import ChildBackend
        from .thread_share import vision_threads

        # One range at a time in the child, its pictures beside its speech: both cores busy.
        overlap = options.overlap_stages
        setup = partial(
            configure_worker_models,
            device=options.device,
            vision_threads=vision_threads() if overlap else None,
            overlap=overlap,
        )
        backend = ChildBackend(setup=setup)
    return Executor(options, cluster, engine_factory, backend)


def _in_process_asked() -> bool:
    return os.environ.get(IN_PROCESS_ENV, "").strip().lower() in {"1", "yes", "on"}


def make_analyzer(
    case: Case,
    options: AnalysisOptions,
    *,
    executor: Executor | None = None,
    cluster: str | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    range_s: float | None = None,
) -> Runner:
    """A runner for one run; without `executor`, one is opened for it (models load anew, and
    a child it starts is closed with the run)."""
    if executor is None:
        executor = open_executor(options, cluster)
        if executor.backend is not None:
            return _Closing(
                make_analyzer(
                    case,
                    options,
                    executor=executor,
                    on_progress=on_progress,
                    cancel=cancel,
                    range_s=range_s,
                ),
                executor,
            )
    if executor.backend is not None or executor.cluster:
        from ..cluster.driver import ClusterAnalyzer

        extra = {"range_s": range_s} if range_s else {}
        where = executor.backend or executor.cluster
        return ClusterAnalyzer(case, options, where, on_progress, cancel, **extra)
    from ..pipeline import Analyzer

    return Analyzer(case, options, on_progress, cancel, models=executor.models(options))


class _Closing:
    """A runner that closes the executor it opened when its run ends."""

    def __init__(self, runner: Runner, executor: Executor) -> None:
        self.runner, self.executor = runner, executor

    def run(self, paths: list[Path]) -> AnalysisResult:
        try:
            return self.runner.run(paths)
        finally:
            self.executor.close()

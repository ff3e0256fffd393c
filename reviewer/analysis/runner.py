"""make_analyzer: picks where the ranges of a run go (this machine, or any range Backend: a Dask
cluster, this process)."""

from __future__ import annotations

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
    child: bool = False,
) -> Executor:
    """`engine_factory` (tests only): a fake speech engine behind the real interface. `child`:
    this workstation's ranges in a kept child process that holds no keys (decoders parse
    hostile bytes there; reviewer.analysis.child_process), started on first use."""
    if child and backend is None and not cluster:
        from .child_process import ChildBackend

        backend = ChildBackend()
    return Executor(options, cluster, engine_factory, backend)


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
    """A runner for one run; without `executor`, one is opened for it (models load anew)."""
    executor = executor or open_executor(options, cluster)
    if executor.backend is not None or executor.cluster:
        from ..cluster.driver import ClusterAnalyzer

        extra = {"range_s": range_s} if range_s else {}
        where = executor.backend or executor.cluster
        return ClusterAnalyzer(case, options, where, on_progress, cancel, **extra)
    from ..pipeline import Analyzer

    return Analyzer(case, options, on_progress, cancel, models=executor.models(options))

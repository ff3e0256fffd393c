"""What runs on a worker: plan a file's ranges, analyse one range. Plain functions of plain data,
importable by a stock `dask worker` that has the reviewer installed.

A worker's models are loaded (and their hashes checked) once per process, on first need or
before the worker accepts work (`reviewer worker`). Paths are the workstation's; a worker that
mounts the shared folder elsewhere maps them with REVIEWER_PATH_MAP ("FROM=TO;FROM2=TO2").
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from ..analysis.core import (
    CoreModels,
    CoreOptions,
    RangeProgress,
    TimeRange,
    analyze_range,
    plan_ranges,
)

DEVICE_ENV = "REVIEWER_WORKER_DEVICE"
PATH_MAP_ENV = "REVIEWER_PATH_MAP"

_models: dict[str, CoreModels] = {}
_lock = threading.Lock()
#: How this process's models are made (configure_worker_models); a Dask worker keeps the defaults.
_config: dict[str, Any] = {}


def configure_worker_models(
    device: str | None = None, vision_threads: int | None = None, overlap: bool = False
) -> None:
    """For a process that runs one range at a time (the workstation's analysis child): its
    device, and pictures in a thread beside speech with `vision_threads` of the cores."""
    with _lock:
        _models.clear()
        _config.update(device=device, vision_threads=vision_threads, overlap=overlap)


def worker_models(speech_model: str) -> CoreModels:
    with _lock:
        if speech_model not in _models:
            device = _config.get("device") or os.environ.get(DEVICE_ENV, "auto")
            _models[speech_model] = CoreModels(
                speech_model,
                device,
                vision_threads=_config.get("vision_threads"),
                overlap=bool(_config.get("overlap")),
            )
        return _models[speech_model]


def local_path(path: str) -> Path:
    """The workstation's path of a file, as this worker sees the shared folder."""
    for pair in filter(None, os.environ.get(PATH_MAP_ENV, "").split(";")):
        source, _, target = pair.partition("=")
        if source and path.startswith(source):
            path = target + path[len(source) :]
            break
    return Path(path.replace("\\", "/") if os.sep == "/" and "\\" in path else path)


def probe_task(path: str) -> dict[str, Any]:
    """What the file is (kind, streams, duration), read where its container is parsed."""
    from dataclasses import asdict

    from ..probe import probe

    return asdict(probe(local_path(path)))


def plan_task(path: str, media: dict[str, Any], options: CoreOptions) -> list[dict[str, Any]]:
    local = local_path(path)
    lane = worker_models(options.speech_model).lane
    if lane is not None:  # the first range's pictures need not wait for the VAD of the file
        lane.plan(local, media, options)
    return [r.as_json() for r in plan_ranges(local, media, options)]


def range_task(
    path: str,
    sha256: str,
    rng: dict[str, Any],
    options: CoreOptions,
    progress: RangeProgress | None = None,
) -> dict:
    """`progress`: given by a runner that reports it (the workstation's child), never by Dask."""
    models = worker_models(options.speech_model)
    return analyze_range(
        local_path(path), sha256, TimeRange.from_json(rng), options, models, progress
    )


range_task.reports_progress = True  # type: ignore[attr-defined]

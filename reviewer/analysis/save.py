"""Writes analysis results into the case: the only code that does (see DESIGN.md, invariant 4)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..store.case import Case
from ..store.findings import add_detections, finish_vision, save_vision_chunk
from .frames import OCR_EVERY_S, FrameStretches, VisionModels, read_image, same_line


def analyze_video_frames(
    case: Case,
    media: dict,
    path: Path,
    models: VisionModels,
    on_chunk: Callable[[list[dict]], None],
    on_progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
    every_s: float = OCR_EVERY_S,
    incremental: bool = True,
) -> str | None:
    """OCR and image classification of sampled frames, from the saved resume point on, each
    stretch saved with its resume point. `on_chunk` receives each stretch's new or extended
    text rows (for detection). Returns a warning when the video broke off early."""
    media_id = media["id"]
    start = media.get("vision_done_s") or 0.0
    boundary: float | None = start if start > 0 else None  # where the tracker was last flushed
    stretches = FrameStretches(
        path,
        models,
        start_s=start,
        every_s=every_s,
        duration_s=media.get("duration_s"),
        incremental=incremental,
        media_id=media_id,
        cancel=cancel,
        on_frame=on_progress,
    )
    for stretch in stretches:
        rows = save_vision_chunk(
            case,
            media_id,
            stretch.items,
            stretch.detections,
            stretch.until,
            boundary,
            1.5 * every_s,
            same_line,
        )
        boundary = stretch.until
        on_chunk(rows)
    finish_vision(case, media_id, models.ocr_provenance())
    return stretches.warning


def analyze_image(case: Case, media: dict, path: Path, models: VisionModels) -> list[dict]:
    """A screenshot or photo read and saved; returns its text rows (for detection)."""
    media_id = media["id"]
    read = read_image(path, models, media_id)
    rows = save_vision_chunk(case, media_id, read.items, [], 0.0, None, 0.0)
    add_detections(case, read.detections)
    finish_vision(case, media_id, models.ocr_provenance())
    return rows

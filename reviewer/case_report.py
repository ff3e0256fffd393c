"""The JSON view of a case that `reviewer analyze --json` and `reviewer flags --json` print."""

from __future__ import annotations

from typing import Any

from . import TOOL_NAME, __version__
from .store.case import READING_SEGMENT, Case
from .store.findings import vision_models


def _media_entry(case: Case, media: dict) -> dict[str, Any]:
    return {
        "id": media["id"],
        "path": str(case.media_path(media)),
        "sha256": media["sha256"],
        "kind": media["kind"],
        "duration_s": media["duration_s"],
        "status": media["status"],
        "error": media["error"],
        "warning": media["warning"],
        "language": media["language"],
        "device": media["device"],
        "segments": case.conn.execute(
            f"SELECT COUNT(*) FROM segment WHERE media_id = ? AND {READING_SEGMENT}",
            (media["id"],),
        ).fetchone()[0],
    }


FLAG_KEYS = (
    "id",
    "media_id",
    "start_s",
    "end_s",
    "play_from_s",
    "category",
    "score",
    "source",
    "text",
    "matched",
    "why",
    "models",
    "heard_by",
    "status",
    "reviewer",
    "note",
    "decided_utc",
    "edited_by",
    "edited_utc",
)


def flag_entry(flag: dict) -> dict[str, Any]:
    """A flag as printed and exported; `added_by_officer` marks what no model found."""
    return {**{k: flag.get(k) for k in FLAG_KEYS}, "added_by_officer": flag["source"] == "officer"}


def models_used(case: Case, media_rows: list[dict]) -> list[dict[str, str]]:
    seen: dict[tuple, dict] = {}
    for media in media_rows:
        passes = case.speech_passes(media["id"])
        for run in passes:
            key = ("speech", run["engine"], run["model_sha256"])
            seen[key] = {"role": "speech", "name": key[1], "sha256": key[2]}
        if media["speech_model"] and not passes:
            key = ("speech", media["speech_model"], media["speech_model_sha256"])
            seen[key] = {"role": "speech", "name": key[1], "sha256": key[2]}
        for model in vision_models(media):
            key = ("ocr", model["name"], model["sha256"])
            seen[key] = {"role": "ocr", **model}
    ids = [m["id"] for m in media_rows] or [-1]
    marks = ", ".join("?" for _ in ids)
    for model_id, sha, source in case.conn.execute(
        f"SELECT DISTINCT model_id, model_sha256, source FROM detection WHERE media_id IN ({marks})",
        ids,
    ):
        role = "image-classifier" if source == "image" else "text-classifier"
        seen[(role, model_id, sha)] = {"role": role, "name": model_id, "sha256": sha}
    return list(seen.values())


def case_report(
    case: Case,
    media_ids: list[int] | None = None,
    unrecorded_failures: list[dict] | None = None,
) -> dict[str, Any]:
    """Case summary limited to `media_ids` when given; failures without a media row are appended."""
    rows = case.list_media()
    if media_ids is not None:
        by_id = {m["id"]: m for m in rows}
        rows = [by_id[i] for i in dict.fromkeys(media_ids)]
    media = [_media_entry(case, m) for m in rows]
    media.extend(unrecorded_failures or [])
    return {
        "case_dir": str(case.folder.resolve()),
        "case_id": case.case_id,
        "tool": {"name": TOOL_NAME, "version": __version__},
        "models": models_used(case, rows),
        "media": media,
        "flags": [flag_entry(f) for f in case.flags([m["id"] for m in rows])],
    }

"""The JSON view of a case that `reviewer analyze --json` and `reviewer flags --json` print."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
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
    return {
        **{k: flag.get(k) for k in FLAG_KEYS},
        "added_by_officer": flag["source"] == "officer",
        # raised by the text an officer corrected ({segment_id, officer, utc}), not the machine's
        "from_correction": flag.get("from_correction"),
    }


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


STATUSES = ("pending", "confirmed", "rejected", "unsure")


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The case as `reviewer analyze` and `reviewer flags` print it: media, then each flag with
    its status, then one line of counts by status and category."""
    lines = [f"Case: {report['case_dir']}"]
    for m in report["media"]:
        name = Path(m["path"]).name
        if m.get("id") is None:  # refused before it was recorded (unreadable, not found)
            lines.append(f"  not added {name}: {m.get('error') or 'unknown error'}")
            continue
        dur = f"{m['duration_s']:.1f} s" if m.get("duration_s") else "-"
        extra = f"  {m['error']}" if m.get("error") else ""
        segs = m.get("segments", 0)
        lines.append(
            f"  #{m['id']} {m['status']:<8} {m.get('kind') or '-':<5} {dur:>9} {segs:>4} segments"
            f"  {name}{extra}"
        )
    flags = report["flags"]
    lines.append(f"Flags: {len(flags)}")
    for f in flags:
        span = f"{f['start_s']:.1f}-{f['end_s']:.1f} s " if f["start_s"] is not None else ""
        by = f" by {f['reviewer']}" if f.get("reviewer") and f["status"] != "pending" else ""
        fixed = (
            f" [from the transcript corrected by {f['from_correction']['officer']}]"
            if f.get("from_correction")
            else ""
        )
        lines.append(
            f"  #{f['id']} {f['status']:<9} media {f['media_id']} {span}{f['category']}"
            f" ({f['score']:.2f}, {f['source']}){by}: {f['text']}{fixed}"
        )
    if flags:
        by_status = Counter(f["status"] for f in flags)
        states = [s for s in STATUSES if by_status[s]] + sorted(set(by_status) - set(STATUSES))
        cats = Counter(f["category"] for f in flags)
        lines.append(
            "Summary: "
            + ", ".join(f"{by_status[s]} {s}" for s in states)
            + "; by category: "
            + ", ".join(f"{c} {n}" for c, n in sorted(cats.items(), key=lambda x: (-x[1], x[0])))
        )
    return lines

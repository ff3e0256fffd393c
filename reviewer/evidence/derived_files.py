"""What an evidence package says of each original, and the files it derives from them: stills of
each flag (the matched text boxed in red as in the window) and each media item's transcripts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import TOOL_NAME, __version__
from ..store.case import Case
from ..store.findings import vision_models
from ..transcript import render
from . import bag, clips

STILL_EXTRA_S = 2.0  # a second still in the middle of flags longer than this
BOX_AT_S = 0.5  # a text box is drawn on stills this close to when its line was first read


def original_entry(m: dict, rel: str, digests: Any) -> dict[str, Any]:
    """case.json's description of one original copied to `rel` (its digests as copied)."""
    return {
        "id": m["id"],
        "file": rel,
        "original_name": m["original_name"],
        "stored_path": m["path"],
        "sha256": digests.sha256,
        "sha512": digests.sha512,
        "size_bytes": m["size_bytes"],
        **{
            key: m.get(key)
            for key in (
                "kind",
                "duration_s",
                "fps",
                "width",
                "height",
                "video_codec",
                "audio_codec",
                "container",
                "ingested_utc",
                "speech_model",
                "speech_model_sha256",
                "language",
            )
        },
    }


def flag_stills(
    f: dict, m: dict, src: Path, sha: str, detections: list[dict]
) -> tuple[list[tuple[str, clips.Derived]], str | None]:
    """A still at the flag's start and, for a longer flag, one more (where another matched
    text appeared, else the middle); and why none could be made, if so."""
    out: list[tuple[str, clips.Derived]] = []
    boxed = [d for d in detections if d.get("box")]
    try:
        if m.get("kind") == "image":
            boxes = [d["box"] for d in boxed]
            out.append(("screenshot", clips.screenshot_preview(src, sha, boxes)))
        elif m.get("kind") == "video" and m.get("width"):
            start = f.get("start_s") or 0.0
            end = f.get("end_s") if f.get("end_s") is not None else start
            out.append(("a", clips.still_frame(src, sha, start, _boxes_at(boxed, start))))
            later = [
                t
                for t in sorted({d["start_s"] for d in boxed if d["start_s"] is not None})
                if t - start > BOX_AT_S
            ]
            if later or end - start > STILL_EXTRA_S:
                at = later[0] if later else (start + end) / 2
                out.append(("b", clips.still_frame(src, sha, at, _boxes_at(boxed, at))))
    except (ValueError, OSError, clips.av.FFmpegError) as exc:
        return out, f"no still could be made: {exc}"
    return out, None


def transcript_files(
    case: Case,
    media: list[dict],
    put: Callable[[str, bytes], Any],
    check_cancel: Callable[[], None],
) -> list[dict]:
    """Each media item's transcript (txt, srt, json) and on-screen text, written with `put`;
    the package's entries for them."""
    entries = []
    for m in media:
        check_cancel()
        name = bag.ascii_name(m["original_name"]).rsplit(".", 1)[0]
        base = f"data/transcripts/m{m['id']:03d}-{name}"
        segments = case.transcript_segments(m["id"])
        texts = case.frame_texts(m["id"])
        files = []
        if segments:
            for fmt in ("txt", "srt", "json"):
                rel = f"{base}.{fmt}"
                put(rel, render(segments, fmt).encode("utf-8"))
                files.append(rel)
        if texts:
            rel = f"{base}.onscreen.json"
            put(rel, json.dumps(texts, ensure_ascii=False, indent=2).encode("utf-8"))
            files.append(rel)
        if files:
            entries.append(
                {
                    "media_id": m["id"],
                    "files": files,
                    "segments": len(segments),
                    "onscreen_texts": len(texts),
                    "derivation": {
                        "type": "transcript",
                        "source_sha256": m["sha256"],
                        "speech_model": m.get("speech_model"),
                        "speech_model_sha256": m.get("speech_model_sha256"),
                        "language": m.get("language"),
                        "ocr_models": vision_models(m),
                        "tools": {TOOL_NAME: __version__},
                    },
                }
            )
    return entries


def _boxes_at(detections: list[dict], at_s: float) -> list[list[float]]:
    """Boxes of the text first seen at `at_s`: a stored box is where its line was first read,
    and a chat line scrolls away from it afterwards, so later frames get no stale box."""
    return [
        d["box"]
        for d in detections
        if d["start_s"] is not None and abs(d["start_s"] - at_s) <= BOX_AT_S
    ]

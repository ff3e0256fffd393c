"""Writes analysis results into the case: the only code that does, for every executor.

Speech segments, on-screen text items, image detections (and, through the media's detector,
the flags they make), media status and the analysis.start / analysis.finish audit entries.
Each write also moves the media's resume point in the same transaction, so a killed run loses
at most the chunk or stretch it was on and the same command resumes (DESIGN.md, invariant 4).

A cluster's (or any executor's) results arrive as range payloads: stored durably as they come
(`store_payload`, in any order), then applied in order through the same writes as a local run
(`apply_stored`); applying is idempotent, so a media analysed partly one way can be finished
the other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..detections import MediaDetector
from ..identifiers.pictures import store_pictures
from ..store.case import Case, utc_now
from ..store.findings import add_detections, finish_vision, save_vision_chunk
from .core import TimeRange
from .frames import same_line
from .options import AnalysisOptions, FileOutcome
from .payload_check import PayloadRejected, validate_payload
from .states import MediaStatus

# -- the run ---------------------------------------------------------------------------------------


def log_start(
    case: Case,
    options: AnalysisOptions,
    files: int,
    *,
    speech_engines: Sequence[str],
    hotwords: str | None,
    decoding: dict[str, Any],
    executor: str = "local",
    workers: list[dict[str, Any]] | None = None,
    range_s: float | None = None,
) -> None:
    """The analysis.start entry: one set of fields whichever executor runs the ranges."""
    case.log(
        "analysis.start",
        {
            "files": files,
            "tool_version": __version__,
            "language": options.language,
            "device": options.device,
            "speech_model": options.speech_model,
            "speech_engine": options.speech_engine,
            "speech_engines": list(speech_engines),
            "speech_bias": options.speech_bias,
            "hotwords": hotwords,
            "decoding": decoding,
            # Where ranges ran: "local" or the cluster's scheduler address, and its workers.
            "cluster": None if executor == "local" else executor,
            "executor": executor,
            "workers": workers or [],
            "range_s": range_s,
        },
    )


def log_finish(case: Case, outcomes: Sequence[FileOutcome]) -> None:
    case.log(
        "analysis.finish",
        {
            "analyzed": sum(o.status == MediaStatus.ANALYZED for o in outcomes),
            "failed": sum(o.status == MediaStatus.FAILED for o in outcomes),
        },
    )


def set_status(
    case: Case,
    media_id: int,
    status: MediaStatus,
    *,
    error: str | None = None,
    warning: str | None = None,
) -> None:
    case.set_media_status(media_id, MediaStatus(status), error=error, warning=warning)


# -- speech ----------------------------------------------------------------------------------------


def record_speech_model(
    case: Case, media_id: int, reading: dict[str, Any], language: str | None
) -> None:
    """The engine whose transcript is read (the last one run), named on the media."""
    case.update_media(
        media_id,
        speech_model=reading["name"],
        speech_model_sha256=reading["sha256"],
        device=reading["device"],
        compute_type=reading["compute_type"],
        language=language or "auto",
    )


def start_speech(case: Case, media_id: int, engine: dict[str, Any]) -> float:
    """Record an engine's pass (and its decoding settings) on the media; its resume point."""
    return case.start_speech_pass(
        media_id, engine["name"], engine["kind"], engine["sha256"], engine["settings"]
    )


def save_speech(
    case: Case,
    media_id: int,
    engine: str,
    segments: list[dict],
    done_until_s: float,
    detector: MediaDetector,
) -> None:
    """One chunk of one engine's segments with its resume point; new ones go to detection."""
    saved = case.save_speech_chunk(media_id, segments, done_until_s, engine)
    if saved:
        detector.add(segments=saved)


# -- pictures --------------------------------------------------------------------------------------


def save_stretch(
    case: Case,
    media_id: int,
    items: list[dict],
    detections: list[dict],
    until_s: float,
    boundary_s: float | None,
    every_s: float,
    detector: MediaDetector,
    codes: Sequence[dict] = (),
    keyframes: Sequence[dict] = (),
) -> None:
    """One stretch of a video's frames with its resume point. `boundary_s`: where the text
    tracker was last flushed (a line read there may continue a stored item). `codes`,
    `keyframes`: its QR codes and picture hashes, stored first (a stretch re-read after a crash
    replaces them)."""
    store_pictures(case, media_id, list(codes), list(keyframes))
    rows = save_vision_chunk(
        case,
        media_id,
        items,
        [{**d, "media_id": media_id} for d in detections],
        until_s,
        boundary_s,
        1.5 * every_s,
        same_line,
    )
    detector.add(frame_texts=rows)


def save_image(
    case: Case,
    media_id: int,
    items: list[dict],
    detections: list[dict],
    detector: MediaDetector,
    codes: Sequence[dict] = (),
    keyframes: Sequence[dict] = (),
) -> None:
    """A screenshot or photo: all its text (no time) and its image detections (and, when the
    analysis read them, its QR codes and picture hash)."""
    store_pictures(case, media_id, list(codes), list(keyframes), screenshot_read=bool(keyframes))
    rows = save_vision_chunk(case, media_id, items, [], 0.0, None, 0.0)
    add_detections(case, [{**d, "media_id": media_id} for d in detections])
    detector.add(frame_texts=rows)


def finish_pictures(case: Case, media_id: int, ocr_models: list[dict[str, str]]) -> None:
    """Pictures done: the OCR models that read them, named on the media."""
    finish_vision(case, media_id, ocr_models)


# -- range payloads --------------------------------------------------------------------------------


def plan_digest(ranges: list[TimeRange]) -> str:
    text = json.dumps([r.as_json() for r in ranges], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class StoredPlan:
    media_id: int
    digest: str
    ranges: list[TimeRange]

    @classmethod
    def of(cls, media_id: int, ranges: list[TimeRange]) -> StoredPlan:
        return cls(media_id, plan_digest(ranges), ranges)


def start_plan(case: Case, plan: StoredPlan) -> set[int]:
    """Forget unapplied results of another split of this file; return the ranges stored."""
    with case.transaction() as conn:
        conn.execute(
            "DELETE FROM analysis_range WHERE media_id = ? AND plan_sha256 != ? AND applied = 0",
            (plan.media_id, plan.digest),
        )
        rows = conn.execute(
            "SELECT range_index FROM analysis_range WHERE media_id = ? AND plan_sha256 = ?",
            (plan.media_id, plan.digest),
        ).fetchall()
    return {r[0] for r in rows}


def store_payload(case: Case, plan: StoredPlan, payload: dict[str, Any]) -> bool:
    """Keep one range's result; False when it was already stored (a task run twice)."""
    rng = payload.get("range") if isinstance(payload, dict) else None
    index = rng.get("index") if isinstance(rng, dict) else None
    if not isinstance(index, int) or not 0 <= index < len(plan.ranges):
        raise PayloadRejected(f"A worker's result names no range of this file ({index!r}).")
    media = case.get_media(plan.media_id)
    validate_payload(payload, media["sha256"], plan.ranges[index], media.get("duration_s"))
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    worker = payload.get("worker", {})
    with case.transaction() as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO analysis_range (media_id, plan_sha256, range_index,"
            " range_count, payload, payload_sha256, size_bytes, worker, received_utc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan.media_id,
                plan.digest,
                payload["range"]["index"],
                len(plan.ranges),
                body,
                hashlib.sha256(body.encode()).hexdigest(),
                len(body.encode()),
                f"{worker.get('host')}:{worker.get('pid')}",
                utc_now(),
            ),
        )
    return cur.rowcount == 1


def ranges_applied(case: Case, plan: StoredPlan) -> int:
    return case.conn.execute(
        "SELECT count(*) FROM analysis_range WHERE media_id = ? AND plan_sha256 = ?"
        " AND applied = 1",
        (plan.media_id, plan.digest),
    ).fetchone()[0]


def apply_stored(
    case: Case,
    plan: StoredPlan,
    detector: MediaDetector,
    every_s: float,
    language: str | None,
) -> list[dict[str, Any]]:
    """Apply stored ranges in order, as far as they go without a gap; return their payloads."""
    applied = []
    while True:
        row = case.conn.execute(
            "SELECT range_index, payload, payload_sha256 FROM analysis_range WHERE media_id = ?"
            " AND plan_sha256 = ? AND applied = 0 ORDER BY range_index LIMIT 1",
            (plan.media_id, plan.digest),
        ).fetchone()
        if row is None or row[0] != ranges_applied(case, plan):  # an earlier one is missing
            return applied
        payload = json.loads(row[1])
        _apply(case, plan.media_id, payload, detector, every_s, language)
        with case.transaction() as conn:
            conn.execute(
                "UPDATE analysis_range SET applied = 1, payload = NULL WHERE media_id = ?"
                " AND plan_sha256 = ? AND range_index = ?",
                (plan.media_id, plan.digest, row[0]),
            )
            case._audit(conn, "analysis.range", _audit_payload(plan, payload, row[2]))
        applied.append(payload)


def _audit_payload(plan: StoredPlan, payload: dict[str, Any], digest: str) -> dict[str, Any]:
    cuts = payload["range"]["speech_cuts"]
    return {
        "media_id": plan.media_id,
        "range": payload["range"]["index"],
        "of": len(plan.ranges),
        "speech_s": [cuts[0], cuts[-1]] if cuts else None,
        "vision_s": payload["range"]["vision"],
        "worker": payload["worker"],
        "models": payload["models"],
        "payload_sha256": digest,
        "segments": len(payload["segments"]),
        "text_items": sum(len(s["items"]) for s in payload["vision"]),
        # texts the worker embedded (range_vectors.py); 0: the workstation embedded them
        "sentence_vectors": len((payload.get("sentence_vectors") or {}).get("forms", [])),
    }


def _apply(
    case: Case,
    media_id: int,
    payload: dict[str, Any],
    detector: MediaDetector,
    every_s: float,
    language: str | None,
) -> None:
    meaning = detector.detector.meaning
    if payload.get("sentence_vectors") and meaning is not None:
        from ..text.meaning.range_vectors import seed

        seed(meaning.engine, payload["sentence_vectors"])  # detection below reads them
    _apply_speech(case, media_id, payload, detector, language)
    for stretch in payload["vision"]:
        media = case.get_media(media_id)
        if payload["range"]["image"]:
            if not media["vision_done"]:
                save_image(
                    case,
                    media_id,
                    stretch["items"],
                    stretch["detections"],
                    detector,
                    stretch.get("codes", []),
                    stretch.get("keyframes", []),
                )
            continue
        start = media["vision_done_s"] or 0.0
        if stretch["until"] <= start and start > 0:
            continue  # this stretch is in the case already (a resumed media)
        save_stretch(
            case,
            media_id,
            stretch["items"],
            stretch["detections"],
            stretch["until"],
            start if start > 0 else None,
            every_s,
            detector,
            stretch.get("codes", []),
            stretch.get("keyframes", []),
        )


def _apply_speech(
    case: Case,
    media_id: int,
    payload: dict[str, Any],
    detector: MediaDetector,
    language: str | None,
) -> None:
    """Each engine's segments through its own speech pass: the segments past that engine's
    resume point, and the point moved to the range's end."""
    engines = payload["models"]["speech"]
    done = payload.get("speech_done_s")
    if not engines or done is None:
        return
    record_speech_model(case, media_id, engines[-1], language)
    for engine in engines:
        point = start_speech(case, media_id, engine)
        if done <= point + 1e-6:
            continue  # this range's speech is in the case already (a resumed media)
        new = [
            s
            for s in payload["segments"]
            if s["engine"] == engine["name"] and s["start_s"] >= point
        ]
        save_speech(case, media_id, engine["name"], new, done, detector)

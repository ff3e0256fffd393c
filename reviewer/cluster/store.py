"""The workstation's side of a cluster run: payloads stored as they arrive, applied in order.

A payload is stored (durably, in `analysis_range`) the moment it arrives, whatever its order, so
a crash or cancel keeps every finished range and the same command resumes. Ranges are applied
to the case in order through the same writes as local analysis (save_speech_chunk,
save_vision_chunk), which move the media's resume points: applying is idempotent, and a media
analysed partly one way can be finished the other.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..analysis.core import TimeRange
from ..analysis.frames import same_line as _same_line
from ..detect import MediaDetector
from ..store.case import Case, utc_now
from ..store.findings import add_detections, save_vision_chunk
from .payload_check import PayloadRejected, validate_payload


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


def apply_stored(
    case: Case, plan: StoredPlan, detector: MediaDetector, every_s: float
) -> list[dict[str, Any]]:
    """Apply stored ranges in order, as far as they go without a gap; return their payloads."""
    applied = []
    while True:
        row = case.conn.execute(
            "SELECT range_index, payload, payload_sha256 FROM analysis_range WHERE media_id = ?"
            " AND plan_sha256 = ? AND applied = 0 ORDER BY range_index LIMIT 1",
            (plan.media_id, plan.digest),
        ).fetchone()
        if row is None:
            return applied
        gap = case.conn.execute(
            "SELECT count(*) FROM analysis_range WHERE media_id = ? AND plan_sha256 = ?"
            " AND applied = 1",
            (plan.media_id, plan.digest),
        ).fetchone()[0]
        if row[0] != gap:  # an earlier range has not arrived yet
            return applied
        payload = json.loads(row[1])
        _apply(case, plan.media_id, payload, detector, every_s)
        with case.transaction() as conn:
            conn.execute(
                "UPDATE analysis_range SET applied = 1, payload = NULL WHERE media_id = ?"
                " AND plan_sha256 = ? AND range_index = ?",
                (plan.media_id, plan.digest, row[0]),
            )
            case._audit(conn, "analysis.range", _audit_payload(plan, payload, row[2]))
        applied.append(payload)


def _audit_payload(plan: StoredPlan, payload: dict[str, Any], digest: str) -> dict[str, Any]:
    return {
        "media_id": plan.media_id,
        "range": payload["range"]["index"],
        "of": len(plan.ranges),
        "speech_s": [payload["range"]["speech_cuts"][i] for i in (0, -1)]
        if payload["range"]["speech_cuts"]
        else None,
        "vision_s": payload["range"]["vision"],
        "worker": payload["worker"],
        "models": payload["models"],
        "payload_sha256": digest,
        "segments": len(payload["segments"]),
        "text_items": sum(len(s["items"]) for s in payload["vision"]),
    }


def _apply(
    case: Case, media_id: int, payload: dict[str, Any], detector: MediaDetector, every_s: float
) -> None:
    _apply_speech(case, media_id, payload, detector)
    for stretch in payload["vision"]:
        media = case.get_media(media_id)
        detections = [{**d, "media_id": media_id} for d in stretch["detections"]]
        if payload["range"]["image"]:
            if media["vision_done"]:
                continue
            rows = save_vision_chunk(case, media_id, stretch["items"], [], 0.0, None, 0.0)
            add_detections(case, detections)
        else:
            start = media["vision_done_s"] or 0.0
            if stretch["until"] <= start and start > 0:
                continue
            rows = save_vision_chunk(
                case,
                media_id,
                stretch["items"],
                detections,
                stretch["until"],
                start if start > 0 else None,
                1.5 * every_s,
                _same_line,
            )
        detector.add(frame_texts=rows)


def _apply_speech(
    case: Case, media_id: int, payload: dict[str, Any], detector: MediaDetector
) -> None:
    """Each engine's segments through its own speech pass, as local analysis saves them: the
    segments past that engine's resume point, and the point moved to the range's end."""
    engines = payload["models"]["speech"]
    done = payload.get("speech_done_s")
    if not engines or done is None:
        return
    reading = engines[-1]
    if not case.get_media(media_id)["speech_model"]:
        case.update_media(
            media_id,
            speech_model=reading["name"],
            speech_model_sha256=reading["sha256"],
            device=reading["device"],
            compute_type=reading["compute_type"],
        )
    for engine in engines:
        point = case.start_speech_pass(
            media_id, engine["name"], engine["kind"], engine["sha256"], engine["settings"]
        )
        if done <= point + 1e-6:
            continue  # this range's speech is in the case already (a resumed media)
        new = [
            s
            for s in payload["segments"]
            if s["engine"] == engine["name"] and s["start_s"] >= point
        ]
        saved = case.save_speech_chunk(media_id, new, done, engine["name"])
        if saved:
            detector.add(segments=saved)

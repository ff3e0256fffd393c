"""Writes of derived findings: on-screen text items, raw detections and the flags built on them.

Kept apart from case.py (media, speech, decisions) so each file has one job; every write still
goes through the case's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .case import Case, utc_now
from .officer_flags import FIXED_SQL

DETECTION_COLUMNS = (
    "media_id",
    "start_s",
    "end_s",
    "source",
    "category",
    "score",
    "matched",
    "text",
    "model_id",
    "model_sha256",
    "box",
    "frame_text_id",
    "segment_id",
    "engine",
    "why",
)


def _detection_row(det: dict[str, Any]) -> tuple:
    row = dict(det)
    row["matched"] = json.dumps(row.get("matched") or [], ensure_ascii=False)
    row["box"] = json.dumps(row["box"]) if row.get("box") is not None else None
    return tuple(row.get(col) for col in DETECTION_COLUMNS)


def insert_detections(conn, detections: Iterable[dict[str, Any]]) -> None:
    cols = ", ".join(DETECTION_COLUMNS)
    marks = ", ".join("?" for _ in DETECTION_COLUMNS)
    conn.executemany(
        f"INSERT INTO detection ({cols}) VALUES ({marks})",
        [_detection_row(d) for d in detections],
    )


def save_vision_chunk(
    case: Case,
    media_id: int,
    items: Sequence[dict[str, Any]],
    detections: Sequence[dict[str, Any]],
    done_until_s: float,
    join_after_s: float | None,
    join_slack_s: float,
    same_line: Callable[[dict, dict], bool] = lambda a, b: a["text"] == b["text"],
) -> list[dict]:
    """On-screen text items and image detections of one stretch of video, with the resume point.

    A line still on screen at the end of the previous stretch continues the stored item instead
    of starting a new one (`join_after_s` is where that stretch ended). Returns the new or
    extended rows, so detection can run on them at once.
    """
    touched: list[dict] = []
    joined: set[int] = set()  # each stored item is continued by one line at most
    with case.transaction() as conn:
        for item in items:
            row_id = None
            if join_after_s is not None and item["start_s"] <= join_after_s + join_slack_s:
                for found_id, text, box in conn.execute(
                    "SELECT id, text, box FROM frame_text WHERE media_id = ? AND end_s >= ?"
                    " ORDER BY end_s DESC, id DESC",
                    (media_id, join_after_s - join_slack_s),
                ).fetchall():
                    if found_id not in joined and same_line(
                        item, {"text": text, "box": json.loads(box)}
                    ):
                        row_id = found_id
                        joined.add(found_id)
                        break
                if row_id is not None:
                    conn.execute(
                        "UPDATE frame_text SET end_s = max(end_s, ?) WHERE id = ?",
                        (item["end_s"], row_id),
                    )
            if row_id is None:
                row_id = conn.execute(
                    "INSERT INTO frame_text (media_id, start_s, end_s, box, text, confidence)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        media_id,
                        item["start_s"],
                        item["end_s"],
                        json.dumps(item["box"]),
                        item["text"],
                        item["confidence"],
                    ),
                ).lastrowid
            touched.append({**item, "id": row_id, "media_id": media_id})
        insert_detections(conn, detections)
        conn.execute("UPDATE media SET vision_done_s = ? WHERE id = ?", (done_until_s, media_id))
    return touched


def finish_vision(case: Case, media_id: int, models: Sequence[dict[str, str]]) -> None:
    """Mark the media's pictures done, naming the OCR models ({name, sha256}) that read them."""
    with case.transaction() as conn:
        conn.execute(
            "UPDATE media SET vision_done = 1, vision_model = ? WHERE id = ?",
            (json.dumps(list(models)), media_id),
        )


def vision_models(media: dict) -> list[dict[str, str]]:
    """The OCR models recorded by finish_vision for a media row ([] before vision ran)."""
    return json.loads(media["vision_model"]) if media.get("vision_model") else []


def add_detections(case: Case, detections: Sequence[dict[str, Any]]) -> None:
    if detections:
        with case.transaction() as conn:
            insert_detections(conn, detections)


def replace_text_detections(
    case: Case, media_id: int, detections: Sequence[dict[str, Any]]
) -> None:
    """Swap the media's speech and on-screen text detections for a fresh set.

    Detections that back a decided (or officer-made or -edited) flag stay as they are (a decision keeps its evidence); a new
    detection identical to one of those is not added twice.
    """
    with case.transaction() as conn:
        kept = {
            (r[0], r[1], r[2], r[3], r[4])
            for r in conn.execute(
                "SELECT d.source, d.category, d.start_s, d.end_s, d.text FROM detection d"
                f" WHERE d.media_id = ? AND d.flag_id IN (SELECT id FROM flag WHERE {FIXED_SQL})",
                (media_id,),
            )
        }
        conn.execute(
            "DELETE FROM detection WHERE media_id = ? AND source IN ('speech', 'ocr') AND"
            f" (flag_id IS NULL OR flag_id IN (SELECT id FROM flag WHERE NOT {FIXED_SQL}))",
            (media_id,),
        )
        insert_detections(
            conn,
            [
                d
                for d in detections
                if (d["source"], d["category"], d["start_s"], d["end_s"], d["text"]) not in kept
            ],
        )


def write_flags(
    case: Case,
    media_id: int,
    flags: Sequence[dict[str, Any]],
    absorbed: Sequence[int],
    audit_counts: bool,
) -> dict[str, int]:
    """Make the media's pending flags exactly `flags`, keeping ids where a flag lives on.

    Each item of `flags` has the flag's fields plus `detection_ids` and, when it continues an
    existing pending flag, `id`. Decided, officer-made and officer-edited flags are never
    touched. `absorbed` are detections
    covered by a decided flag: they stay unlinked.
    """
    now = utc_now()
    counts = {"created": 0, "updated": 0, "removed": 0}
    with case.transaction() as conn:
        pending = {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM flag WHERE media_id = ? AND NOT {FIXED_SQL}", (media_id,)
            )
        }
        conn.execute(
            "UPDATE detection SET flag_id = NULL WHERE media_id = ? AND"
            f" flag_id IN (SELECT id FROM flag WHERE NOT {FIXED_SQL})",
            (media_id,),
        )
        if absorbed:
            conn.executemany(
                "UPDATE detection SET flag_id = NULL WHERE id = ?", [(i,) for i in absorbed]
            )
        kept: set[int] = set()
        for flag in flags:
            values = (
                flag["start_s"],
                flag["end_s"],
                flag["play_from_s"],
                flag["category"],
                flag["score"],
                flag["source"],
                flag["text"],
                json.dumps(flag["matched"], ensure_ascii=False),
                json.dumps(flag["models"], ensure_ascii=False),
                flag.get("why"),
            )
            flag_id = flag.get("id")
            if flag_id in pending:
                conn.execute(
                    "UPDATE flag SET start_s = ?, end_s = ?, play_from_s = ?, category = ?,"
                    " score = ?, source = ?, text = ?, matched = ?, models = ?, why = ?, updated_utc = ?"
                    " WHERE id = ?",
                    (*values, now, flag_id),
                )
                kept.add(flag_id)
                counts["updated"] += 1
            else:
                flag_id = conn.execute(
                    "INSERT INTO flag (media_id, start_s, end_s, play_from_s, category, score,"
                    " source, text, matched, models, why, created_utc, updated_utc)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (media_id, *values, now, now),
                ).lastrowid
                counts["created"] += 1
            conn.executemany(
                "UPDATE detection SET flag_id = ? WHERE id = ?",
                [(flag_id, d) for d in flag["detection_ids"]],
            )
        gone = sorted(pending - kept)
        conn.executemany("DELETE FROM flag WHERE id = ?", [(i,) for i in gone])
        counts["removed"] = len(gone)
        if audit_counts and any(counts.values()):
            case._audit(conn, "flags.update", {"media_id": media_id, **counts})
    return counts

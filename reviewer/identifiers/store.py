"""Identifier occurrences in a case: derived from the text the case already holds (speech
segments, on-screen text) and from QR codes in its screenshots. Re-running replaces a media's
rows, so it is idempotent; an officer's relevance marks live apart and survive it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import ReviewerError
from ..store.case import Case, utc_now
from .extract import extract_identifiers
from .model import KINDS, Identifier

TEXT_SOURCES = ("ocr", "speech")


class IdentifierError(ReviewerError):
    """An identifier request an officer can correct (unknown kind, value not in the case)."""


def _row(media_id: int, start, end, source: str, origin, ident: Identifier, weight: float):
    return (
        media_id,
        start,
        end,
        source,
        origin,
        ident.raw,
        ident.kind,
        ident.value,
        ident.display,
        ident.bank,
        round(ident.confidence * weight, 3),
        json.dumps(ident.details, ensure_ascii=False) if ident.details else None,
    )


_INSERT = (
    "INSERT INTO identifier (media_id, start_s, end_s, source, origin_id, raw, kind, value,"
    " display, bank, confidence, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def text_identifier_rows(case: Case, media_id: int) -> list[tuple]:
    rows = []
    for seg in case.transcript_segments(media_id):
        for ident in extract_identifiers(seg["text"]):
            rows.append(
                _row(media_id, seg["start_s"], seg["end_s"], "speech", seg["id"], ident, 1.0)
            )
    for item in case.frame_texts(media_id):
        weight = item["confidence"] if item.get("confidence") is not None else 1.0
        for ident in extract_identifiers(item["text"]):
            rows.append(
                _row(media_id, item["start_s"], item["end_s"], "ocr", item["id"], ident, weight)
            )
    return rows


def _near(a: str, b: str) -> bool:
    return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 2


def _prefer_qr(case: Case, media_id: int, rows: list[tuple]) -> list[tuple]:
    """An account read on screen one or two characters away from the same media's QR payload is
    the QR's account misread: the checksummed payload wins, the reading stays in `details`."""
    qr = case.conn.execute(
        "SELECT value, display, bank, start_s FROM identifier"
        " WHERE media_id = ? AND source = 'qr' AND kind = 'bank_account'",
        (media_id,),
    ).fetchall()
    if not qr:
        return rows
    out = []
    for row in rows:
        row = list(row)
        if row[6] == "bank_account":
            match = next((q for q in qr if _near(row[7], q[0])), None)
            if match is not None:
                details = json.loads(row[11]) if row[11] else {}
                details.update({"ocr_value": row[7], "from_qr": True})
                row[7], row[8], row[9] = match[0], match[1], match[2]
                row[11] = json.dumps(details, ensure_ascii=False)
        out.append(tuple(row))
    return out


def refresh_identifiers(
    case: Case, media_ids: Iterable[int] | None = None, read_pictures: bool = True
) -> int:
    """Re-derive the identifiers of the given media (all by default); returns how many rows.

    Screenshots whose QR codes were never read (a case merged in, or analysed before this
    feature) are read now, from the media file, when it is at hand."""
    ids = list(media_ids) if media_ids is not None else [m["id"] for m in case.list_media()]
    total = 0
    for media_id in ids:
        rows = _prefer_qr(case, media_id, text_identifier_rows(case, media_id))
        with case.transaction() as conn:
            conn.execute(
                "DELETE FROM identifier WHERE media_id = ? AND source IN ('ocr', 'speech')",
                (media_id,),
            )
            conn.executemany(_INSERT, rows)
        total += len(rows)
        if read_pictures:
            media = case.get_media(media_id)
            scanned = case.conn.execute(
                "SELECT 1 FROM identifier_scan WHERE media_id = ?", (media_id,)
            ).fetchone()
            path = case.media_path(media)
            if media["kind"] == "image" and not scanned and path.is_file():
                total += save_picture_qr(case, media_id, path)
            if media["kind"] == "image":
                from .pictures import hash_screenshot

                hash_screenshot(case, media_id, path)
    return total


def save_qr_identifiers(
    case: Case,
    media_id: int,
    found: Sequence[Identifier],
    start_s: float | None = None,
    end_s: float | None = None,
) -> int:
    """Store the QR identifiers of one picture of the media (replacing those at the same time)."""
    rows = [_row(media_id, start_s, end_s, "qr", None, i, 1.0) for i in found]
    with case.transaction() as conn:
        conn.execute(
            "DELETE FROM identifier WHERE media_id = ? AND source = 'qr'"
            " AND coalesce(start_s, -1) = coalesce(?, -1)",
            (media_id, start_s),
        )
        conn.executemany(_INSERT, rows)
        conn.execute("INSERT OR REPLACE INTO identifier_scan VALUES (?, ?)", (media_id, utc_now()))
    return len(rows)


def save_picture_qr(case: Case, media_id: int, path: Path) -> int:
    """Read the QR codes of a screenshot file and store them."""
    import numpy as np
    from PIL import Image

    from .qr import identifiers_in_image

    with Image.open(path) as img:
        rgb = np.asarray(img.convert("RGB"))
    return save_qr_identifiers(case, media_id, identifiers_in_image(rgb))


def marks(case: Case) -> dict[tuple[str, str], dict]:
    rows = case.db["identifier_mark"].rows
    return {(r["kind"], r["value"]): r for r in rows}


def mark_relevant(
    case: Case, value: str, officer: str, relevant: bool = True, note: str | None = None
) -> list[dict]:
    """Mark every identifier with this value (as typed, normalised) relevant, audit-logged."""
    from .normalize import normalize_query

    if not officer:
        raise IdentifierError("Say who marks it: give --officer or set the officer name.")
    candidates = normalize_query(value)
    rows = []
    for cand in candidates:
        rows = case.conn.execute(
            "SELECT DISTINCT kind, value FROM identifier WHERE value = ?", (cand,)
        ).fetchall()
        if rows:
            break
    if not rows:
        raise IdentifierError(
            f"This case holds no identifier {value!r}; list them with `reviewer identifiers`."
        )
    now = utc_now()
    with case.transaction() as conn:
        for kind, val in rows:
            conn.execute(
                "INSERT OR REPLACE INTO identifier_mark VALUES (?, ?, ?, ?, ?, ?)",
                (kind, val, int(relevant), officer, now, note),
            )
            case_audit = {"kind": kind, "value": val, "relevant": relevant, "note": note}
            from ..store import audit

            audit.append(conn, officer, case.workstation, "identifier.mark", case_audit)
    return [{"kind": k, "value": v, "relevant": relevant} for k, v in rows]


def _overlaps(occ: dict, flag: dict) -> bool:
    if occ["media_id"] != flag["media_id"]:
        return False
    if occ["start_s"] is None or flag["start_s"] is None:
        return True  # a screenshot: its flags are the whole picture's
    return (
        occ["start_s"] <= (flag["end_s"] or flag["start_s"])
        and (occ["end_s"] or occ["start_s"]) >= flag["start_s"]
    )


def case_identifiers(case: Case, kind: str | None = None) -> list[dict[str, Any]]:
    """Distinct identifiers of the case with their occurrences and the flags they appear in."""
    if kind and kind not in KINDS:
        raise IdentifierError(f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    where, args = ("kind = ?", [kind]) if kind else (None, [])
    rows = list(
        case.db["identifier"].rows_where(where, args, order_by="kind, value, media_id, start_s, id")
    )
    flags = case.flags()
    media_names = {m["id"]: m["original_name"] for m in case.list_media()}
    mk = marks(case)
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["kind"], r["value"])
        entry = grouped.get(key)
        if entry is None:
            mark = mk.get(key)
            entry = grouped[key] = {
                "kind": r["kind"],
                "value": r["value"],
                "display": r["display"],
                "bank": None,
                "confidence": 0.0,
                "relevant": bool(mark and mark["relevant"]),
                "occurrences": [],
                "flags": [],
            }
        entry["bank"] = entry["bank"] or r["bank"]
        entry["confidence"] = max(entry["confidence"], r["confidence"])
        occ = {
            "media_id": r["media_id"],
            "media": media_names.get(r["media_id"]),
            "start_s": r["start_s"],
            "end_s": r["end_s"],
            "source": r["source"],
            "raw": r["raw"],
            "confidence": r["confidence"],
        }
        if r["details"]:
            occ["details"] = json.loads(r["details"])
        entry["occurrences"].append(occ)
        for f in flags:
            if _overlaps(occ, f) and f["id"] not in entry["flags"]:
                entry["flags"].append(f["id"])
    out = list(grouped.values())
    for e in out:
        e["flags"].sort()
        if not e["bank"]:
            del e["bank"]
    return out

"""What the frame loop read from pictures, stored in the case: QR codes (as identifiers with
source "qr", their media and time span) and PDQ picture hashes (table picture_hash).

The rows of a video come from analysis (reviewer/analysis/save.py); a screenshot's hash is also
made from its file when a case is opened or indexed and has none (a case analysed before this,
or on the local path, which hashes screenshots here). Storing replaces the rows of the same
media at the same start time, so a resumed or re-applied stretch does not duplicate them."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..store.case import Case, utc_now
from .model import Identifier
from .pdq import HEX64
from .qr import identifiers_in_qr_text
from .store import _INSERT, _row

log = logging.getLogger(__name__)


def save_pictures(
    case: Case, media_id: int, codes: list[dict], keyframes: list[dict], screenshot_read=False
) -> None:
    """One stretch's (or one screenshot's) QR codes and keyframe hashes. `codes` and
    `keyframes` are checked data (payload_check): payload text is parsed here, in the parent.
    `screenshot_read`: a screenshot whose QR codes were all read (none to read from its file)."""
    rows = []
    for code in codes:
        found: list[Identifier] = identifiers_in_qr_text(code["text"])
        rows += [_row(media_id, code["start_s"], code["end_s"], "qr", None, i, 1.0) for i in found]
    hashes = [
        (media_id, k["start_s"], k["end_s"], k["pdq"], int(k["quality"]))
        for k in keyframes
        if HEX64.match(k["pdq"])
    ]
    same = "media_id = ? AND coalesce(start_s, -1) = coalesce(?, -1)"
    with case.transaction() as conn:
        for start in {c["start_s"] for c in codes} | ({None} if screenshot_read else set()):
            conn.execute(
                f"DELETE FROM identifier WHERE source = 'qr' AND {same}", (media_id, start)
            )
        for start in {k["start_s"] for k in keyframes}:
            conn.execute(f"DELETE FROM picture_hash WHERE {same}", (media_id, start))
        conn.executemany(_INSERT, rows)
        conn.executemany(
            "INSERT INTO picture_hash (media_id, start_s, end_s, pdq, quality)"
            " VALUES (?, ?, ?, ?, ?)",
            hashes,
        )
        if screenshot_read:
            conn.execute(
                "INSERT OR REPLACE INTO identifier_scan VALUES (?, ?)", (media_id, utc_now())
            )


def store_pictures(
    case: Case, media_id: int, codes: list[dict], keyframes: list[dict], screenshot_read=False
) -> None:
    """save_pictures for the analysis writer: a failure is noted in the case, never raised
    (identifiers are a by-product; the stretch's text and flags still stand)."""
    if not codes and not keyframes:
        return
    try:
        save_pictures(case, media_id, codes, keyframes, screenshot_read)
    except Exception as exc:
        log.warning("pictures of media %s not stored: %s", media_id, exc)
        case.log("identifiers.error", {"media_id": media_id, "error": str(exc)[:300]})


def hash_screenshot(case: Case, media_id: int, path: Path) -> bool:
    """A screenshot's picture hash from its file, when the case has none; True when made."""
    from .pdq import PictureHashError, file_hash

    had = case.conn.execute(
        "SELECT 1 FROM picture_hash WHERE media_id = ? LIMIT 1", (media_id,)
    ).fetchone()
    if had or not path.is_file():
        return False
    try:
        pdq, quality = file_hash(path)
    except PictureHashError as exc:  # the text and flags of the screenshot still stand
        log.warning("no picture hash for %s: %s", path, exc)
        return False
    save_pictures(case, media_id, [], [{"start_s": None, "end_s": None, "pdq": pdq,
                                        "quality": quality}])  # fmt: skip
    return True


def picture_rows(case: Case) -> list[dict[str, Any]]:
    """Every stored picture hash with its media (for the cross-case index)."""
    rows = case.conn.execute(
        "SELECT m.sha256, m.original_name, p.start_s, p.end_s, p.pdq, p.quality"
        " FROM picture_hash p JOIN media m ON m.id = p.media_id ORDER BY p.media_id, p.start_s"
    ).fetchall()
    keys = ("media_sha256", "media_name", "start_s", "end_s", "pdq", "quality")
    return [dict(zip(keys, r, strict=True)) for r in rows]

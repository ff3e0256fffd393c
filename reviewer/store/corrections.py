"""Officer corrections of transcript segments, stored beside the machine text.

The recogniser's text in `segment` is never rewritten: each correction is a row of
`segment_correction` (append-only history; the latest row per segment is the one shown) written in
one transaction with its `segment.correct` audit entry. Readers get the effective view from
`apply_corrections`: `text` is the officer's, `machine_text` the recogniser's, with who and when.
Re-detection on the corrected text is the engine's job (reviewer.corrections): the store does not
know detection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import CaseError, UsageError
from . import audit

if TYPE_CHECKING:
    from .case import Case

ACTION = "segment.correct"
MAX_CHARS = 4000

# The latest correction of each segment (ids grow: a later correction has a larger id).
LATEST_SQL = (
    "SELECT c.* FROM segment_correction c WHERE c.id = (SELECT max(c2.id) FROM"
    " segment_correction c2 WHERE c2.segment_id = c.segment_id)"
)


def _utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_corrections(
    conn: sqlite3.Connection, segment_ids: Iterable[int] | None = None
) -> dict[int, dict[str, Any]]:
    """segment id -> its latest correction (text, machine_text, officer, utc), when it differs
    from the machine text (a correction back to the machine text undoes the correction)."""
    sql, args = LATEST_SQL, []
    if segment_ids is not None:
        args = list(dict.fromkeys(segment_ids))
        if not args:
            return {}
        sql += f" AND c.segment_id IN ({', '.join('?' for _ in args)})"
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    out = {}
    for values in cur.fetchall():
        row = dict(zip(names, values, strict=True))
        if row["text"] != row["machine_text"]:
            out[row["segment_id"]] = row
    return out


def apply_corrections(conn: sqlite3.Connection, rows: list[dict]) -> list[dict]:
    """Segment rows as officers read them: a corrected row's `text` is the officer's, with
    `corrected` set and the recogniser's text and words under `machine_text`/`machine_words`
    (its word times belong to the machine text, so `words` is emptied)."""
    if not rows:
        return rows
    try:
        found = current_corrections(conn, [r["id"] for r in rows] if len(rows) < 900 else None)
    except sqlite3.OperationalError:  # a database opened read-only before this table existed
        return rows
    for row in rows:
        corr = found.get(row["id"])
        if corr is None:
            continue
        row["machine_text"] = row["text"]
        row["machine_words"] = row.get("words") or []
        row["text"] = corr["text"]
        row["words"] = []
        row["corrected"] = True
        row["corrected_by"] = corr["officer"]
        row["corrected_utc"] = corr["utc"]
    return rows


def _segment(conn: sqlite3.Connection, segment_id: int) -> dict[str, Any]:
    cur = conn.execute(
        "SELECT s.id, s.media_id, s.start_s, s.end_s, s.text, s.engine, m.sha256"
        " FROM segment s JOIN media m ON m.id = s.media_id WHERE s.id = ?",
        (segment_id,),
    )
    row = cur.fetchone()
    if row is None:
        raise CaseError(
            f"This case has no transcript segment {segment_id}; list them with "
            "`reviewer transcript --case DIR --format json` (each segment's id)."
        )
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def clean_text(text: str) -> str:
    """The officer's text, trimmed; refused when empty or unreasonably long."""
    text = " ".join((text or "").split())
    if not text:
        raise UsageError(
            "The corrected text is empty: write what was said (or [không nghe rõ] "
            "if it cannot be made out)."
        )
    if len(text) > MAX_CHARS:
        raise UsageError(f"The corrected text is {len(text)} characters; at most {MAX_CHARS}.")
    return text


def write_correction(
    conn: sqlite3.Connection,
    workstation: str,
    segment_id: int,
    text: str,
    officer: str,
    when: str | None = None,
    provenance: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], str] | None:
    """Store a correction and its audit entry inside the caller's transaction.

    Returns (the segment as stored, the audit hash), or None when the text is already the shown
    one (nothing to record). `when`/`provenance` serve corrections merged from another copy.
    """
    seg = _segment(conn, segment_id)
    shown = current_corrections(conn, [segment_id]).get(segment_id)
    old = shown["text"] if shown else seg["text"]
    if text == old:
        return None
    utc = when or _utc()
    payload = {
        "segment_id": segment_id,
        "media_id": seg["media_id"],
        "media_sha256": seg["sha256"],
        "start_s": seg["start_s"],
        "end_s": seg["end_s"],
        "engine": seg["engine"],
        "machine_text": seg["text"],
        "old": old,
        "new": text,
        **(provenance or {}),
    }
    digest = audit.append(conn, officer, workstation, ACTION, payload)
    conn.execute(
        "INSERT INTO segment_correction (segment_id, media_id, text, machine_text, officer, utc,"
        " audit_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (segment_id, seg["media_id"], text, seg["text"], officer, utc, digest),
    )
    return seg, digest


def correct_segment(case: Case, segment_id: int, text: str, officer: str | None = None) -> dict:
    """The officer's text for a segment, stored and audit-logged in one transaction; returns the
    segment as officers now read it (see apply_corrections)."""
    who = officer or case.officer
    if not who:
        raise CaseError("Say who corrects the transcript: set the officer name first.")
    text = clean_text(text)
    with case.transaction() as conn:
        write_correction(conn, case.workstation, segment_id, text, who)
    return get_segment(case, segment_id)


def get_segment(case: Case, segment_id: int) -> dict:
    rows = [r for r in case.segments(_segment(case.conn, segment_id)["media_id"])]
    return next(r for r in rows if r["id"] == segment_id)


def history(conn: sqlite3.Connection, segment_id: int) -> list[dict[str, Any]]:
    """Every correction of a segment, oldest first."""
    cur = conn.execute(
        "SELECT * FROM segment_correction WHERE segment_id = ? ORDER BY id", (segment_id,)
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def flags_from_corrections(
    conn: sqlite3.Connection, flag_ids: Iterable[int] | None = None
) -> dict[int, dict[str, Any]]:
    """flag id -> the correction its speech detection read ({segment_id, officer, utc}): a flag
    raised by the officer's text, not by what the recogniser heard."""
    try:
        latest = current_corrections(conn)
    except sqlite3.OperationalError:
        return {}
    if not latest:
        return {}
    wanted = set(flag_ids) if flag_ids is not None else None
    out: dict[int, dict[str, Any]] = {}
    for flag_id, segment_id, text in conn.execute(
        "SELECT flag_id, segment_id, text FROM detection WHERE source = 'speech'"
        " AND flag_id IS NOT NULL AND segment_id IS NOT NULL"
    ):
        corr = latest.get(segment_id)
        if corr is None or (wanted is not None and flag_id not in wanted):
            continue
        if (text or "").strip() and (text or "").strip() in corr["text"]:
            out.setdefault(
                flag_id,
                {"segment_id": segment_id, "officer": corr["officer"], "utc": corr["utc"]},
            )
    return out


def mark_flags(conn: sqlite3.Connection, flags: list[dict]) -> list[dict]:
    """Set `from_correction` on flag rows ({segment_id, officer, utc} or None): every reader
    (window, CLI, case.json, report) can say a flag was raised by an officer's correction."""
    marks = flags_from_corrections(conn, [f["id"] for f in flags]) if flags else {}
    for flag in flags:
        flag["from_correction"] = marks.get(flag["id"])
    return flags

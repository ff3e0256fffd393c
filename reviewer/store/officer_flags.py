"""Flags an officer adds or reshapes: what the machine missed, or a span it got wrong.

An officer flag (source `officer`) is confirmed when made; a span or category edit marks the flag
as the officer's (`edited_utc`), so re-detection never moves or removes either (see FIXED_SQL).
Every change is one transaction with its audit entry, whose payload carries the full new state
(and the old values of an edit) so another case can replay it (`reviewer merge`).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..errors import CaseError, UsageError
from . import audit
from .case import READING_SEGMENT, Case, _flag_row, utc_now

OFFICER_SOURCE = "officer"
OFFICER_SCORE = 1.0  # decided by a person, not scored by a model
LEAD_IN_S = 3.0  # as reviewer.flagging.LEAD_IN_S (not imported: the store must not know detection)
EXCERPT_CHARS = 1000

#: Flags re-detection must leave alone: decided, made by an officer, or reshaped by one.
FIXED_SQL = "(status != 'pending' OR source = 'officer' OR edited_utc IS NOT NULL)"


def is_fixed(flag: dict) -> bool:
    """Python twin of FIXED_SQL, for flags already read."""
    return (
        flag["status"] != "pending"
        or flag["source"] == OFFICER_SOURCE
        or bool(flag.get("edited_utc"))
    )


def excerpt(conn: sqlite3.Connection, media_id: int, start: float | None, end: float | None) -> str:
    """What was said and shown within a span (all of it for a screenshot): the flag's text."""
    if start is None or end is None:
        rows = conn.execute(
            "SELECT text FROM frame_text WHERE media_id = ? ORDER BY start_s, id", (media_id,)
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT text FROM (SELECT start_s, text FROM segment WHERE media_id = ?1 AND"
            f" end_s > ?2 AND start_s < ?3 AND {READING_SEGMENT} UNION ALL SELECT start_s, text FROM frame_text"
            " WHERE media_id = ?1 AND end_s >= ?2 AND start_s <= ?3) ORDER BY start_s, text",
            (media_id, start, end),
        ).fetchall()
    text = " ".join(dict.fromkeys(r[0].strip() for r in rows if r[0].strip()))
    return text[:EXCERPT_CHARS]


def _media(conn: sqlite3.Connection, media_id: int) -> dict:
    row = conn.execute(
        "SELECT id, sha256, kind, duration_s FROM media WHERE id = ?", (media_id,)
    ).fetchone()
    if row is None:
        raise CaseError(f"This case has no media #{media_id}; list them with `reviewer flags`.")
    return dict(zip(("id", "sha256", "kind", "duration_s"), row, strict=True))


def _check_span(media: dict, start: float | None, end: float | None) -> tuple:
    if media["kind"] == "image":
        if start is not None or end is not None:
            raise UsageError("A screenshot has no times: add its flag without --start/--end.")
        return None, None
    if start is None or end is None:
        raise UsageError("Give the flag's start and end in seconds (--start S --end S).")
    if start < 0 or end <= start:
        raise UsageError(f"The flag must end after it starts (got {start} to {end} s).")
    duration = media["duration_s"]
    if duration and start >= duration:
        raise UsageError(f"The recording lasts {duration:.1f} s; {start} s is past its end.")
    if duration:
        end = min(end, duration)
    return float(start), float(end)


def _check_category(category: str, categories: list[str] | None) -> None:
    if categories is not None and category not in categories:
        raise UsageError(
            f"Unknown category {category!r}; use one of {', '.join(categories)} "
            "(an agency adds a category with a lexicon file)."
        )


def _officer(case: Case, officer: str | None) -> str:
    who = officer or case.officer
    if not who:
        raise CaseError("Say who acts: set the officer name first.")
    return who


def _state(flag: dict, media_sha: str) -> dict[str, Any]:
    keys = ("start_s", "end_s", "play_from_s", "category", "score", "source", "text", "status")
    return {
        "flag_id": flag["id"],
        "media_id": flag["media_id"],
        "media_sha256": media_sha,
        **{k: flag[k] for k in keys},
        "note": flag["note"],
        "reviewer": flag["reviewer"],
    }


def _read(conn: sqlite3.Connection, flag_id: int) -> dict:
    cur = conn.execute("SELECT * FROM flag WHERE id = ?", (flag_id,))
    row = cur.fetchone()
    if row is None:
        raise CaseError(f"This case has no flag {flag_id}; list them with `reviewer flags`.")
    return _flag_row(dict(zip([c[0] for c in cur.description], row, strict=True)))


def add_officer_flag(
    case: Case,
    media_id: int,
    start_s: float | None,
    end_s: float | None,
    category: str,
    note: str | None = None,
    officer: str | None = None,
    categories: list[str] | None = None,
) -> dict:
    """A confirmed flag the officer made, with its transcript excerpt, audit-logged as flag.add."""
    who = _officer(case, officer)
    _check_category(category, categories)
    with case.transaction() as conn:
        media = _media(conn, media_id)
        start, end = _check_span(media, start_s, end_s)
        now = utc_now()
        flag_id = conn.execute(
            "INSERT INTO flag (media_id, start_s, end_s, play_from_s, category, score, source,"
            " text, matched, models, status, reviewer, note, decided_utc, created_utc,"
            " updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]', 'confirmed', ?, ?, ?, ?, ?)",
            (
                media_id,
                start,
                end,
                None if start is None else max(0.0, start - LEAD_IN_S),
                category,
                OFFICER_SCORE,
                OFFICER_SOURCE,
                excerpt(conn, media_id, start, end),
                who,
                note,
                now,
                now,
                now,
            ),
        ).lastrowid
        flag = _read(conn, flag_id)
        audit.append(conn, who, case.workstation, "flag.add", _state(flag, media["sha256"]))
    return flag


def edit_flag(
    case: Case,
    flag_id: int,
    start_s: float | None = None,
    end_s: float | None = None,
    category: str | None = None,
    officer: str | None = None,
    categories: list[str] | None = None,
) -> dict:
    """Change a flag's span or category (None keeps a value); flag.edit logs old and new."""
    who = _officer(case, officer)
    if category is not None:
        _check_category(category, categories)
    with case.transaction() as conn:
        old = _read(conn, flag_id)
        media = _media(conn, old["media_id"])
        if media["kind"] == "image" and (start_s is not None or end_s is not None):
            raise UsageError("A screenshot has no times: only its category can change.")
        start = old["start_s"] if start_s is None else start_s
        end = old["end_s"] if end_s is None else end_s
        start, end = _check_span(media, start, end)
        new_cat = category or old["category"]
        if (start, end, new_cat) == (old["start_s"], old["end_s"], old["category"]):
            return old  # nothing changed: no audit entry
        now = utc_now()
        text = (
            excerpt(conn, old["media_id"], start, end)
            if old["source"] == OFFICER_SOURCE
            else old["text"]
        )
        conn.execute(
            "UPDATE flag SET start_s = ?, end_s = ?, play_from_s = ?, category = ?, text = ?,"
            " edited_by = ?, edited_utc = ?, updated_utc = ? WHERE id = ?",
            (
                start,
                end,
                None if start is None else max(0.0, start - LEAD_IN_S),
                new_cat,
                text,
                who,
                now,
                now,
                flag_id,
            ),
        )
        flag = _read(conn, flag_id)
        fields = ("start_s", "end_s", "category")
        payload = _state(flag, media["sha256"])
        payload["old"] = {k: old[k] for k in fields}
        payload["new"] = {k: flag[k] for k in fields}
        audit.append(conn, who, case.workstation, "flag.edit", payload)
    return flag


def remove_officer_flag(case: Case, flag_id: int, officer: str | None = None) -> dict:
    """Take back a flag the officer added (undo of an add); machine flags are never deleted."""
    who = _officer(case, officer)
    with case.transaction() as conn:
        flag = _read(conn, flag_id)
        if flag["source"] != OFFICER_SOURCE:
            raise UsageError(
                f"Flag {flag_id} was raised by the analysis; reject it instead of removing it."
            )
        media = _media(conn, flag["media_id"])
        conn.execute("UPDATE detection SET flag_id = NULL WHERE flag_id = ?", (flag_id,))
        conn.execute("DELETE FROM flag WHERE id = ?", (flag_id,))
        audit.append(conn, who, case.workstation, "flag.remove", _state(flag, media["sha256"]))
    return flag

"""Merging another copy of a case: identifiers are derived from text both copies share, so they
are recomputed here, not copied; an officer's relevance marks are review work and travel, each
with an audit entry that names the copy it came from. The newer mark wins."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..store import audit
from ..store.case import DB_NAME, Case
from .index import index_open_case
from .store import refresh_identifiers


def _other_marks(other: Path) -> tuple[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{Path(other) / DB_NAME}?mode=ro", uri=True, timeout=10)
    try:
        case_id = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
        try:
            rows = conn.execute(
                "SELECT kind, value, relevant, officer, marked_utc, note FROM identifier_mark"
            ).fetchall()
        except sqlite3.OperationalError:  # a copy made before identifiers existed
            rows = []
    finally:
        conn.close()
    return (case_id[0] if case_id else ""), rows


def merge_identifier_marks(case: Case, other: Path | str, write: bool = True) -> list[dict]:
    """Apply the other copy's newer relevance marks; returns what changed (or would)."""
    other_id, rows = _other_marks(Path(other))
    ours = {
        (k, v): (r, utc)
        for k, v, r, utc in case.conn.execute(
            "SELECT kind, value, relevant, marked_utc FROM identifier_mark"
        )
    }
    changes = []
    for kind, value, relevant, officer, utc, note in rows:
        mine = ours.get((kind, value))
        if mine is not None and (mine[0] == relevant or mine[1] >= utc):
            continue
        changes.append(
            {"kind": kind, "value": value, "relevant": bool(relevant), "officer": officer}
        )
        if not write:
            continue
        with case.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO identifier_mark VALUES (?, ?, ?, ?, ?, ?)",
                (kind, value, relevant, officer, utc, note),
            )
            audit.append(
                conn,
                officer,
                case.workstation,
                "identifier.mark",
                {
                    "kind": kind,
                    "value": value,
                    "relevant": bool(relevant),
                    "note": note,
                    "merged_from": other_id,
                    "marked_utc": utc,
                },  # fmt: skip
            )
    if write:
        refresh_identifiers(case)
        index_open_case(case)
    return changes

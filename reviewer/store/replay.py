"""Replay the audit log into the officer-owned state of each flag and compare it with the tables.

The log is the truth, the flag table its cache: decisions, notes, officer flags, span and
category edits and merge conflicts are all entries whose payload carries the new state. Flags
the analysis raised and nobody touched are not in the log (detection refreshes them): they must
look untouched (pending, no note, no reviewer, not an officer's).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

#: Actions replay understands. Anything else that is not in KNOWN_OTHER is named as not replayed.
FLAG_ACTIONS = ("flag.decide", "flag.add", "flag.edit", "flag.remove", "merge.conflict")
#: Actions that change no flag table (or change data outside the case): nothing to compare.
KNOWN_OTHER = (
    "case.create",
    "media.ingest",
    "media.analyzed",
    "media.failed",
    "flags.update",
    "analysis.range",
    "analysis.start",
    "analysis.finish",
    "flag.reveal",
    "evidence.export",
    "evidence.export.failed",
    "evidence.export.verified",
    "merge.finish",
    "learn.apply",
    "learn.revert",
    "learn.model_rollback",
    "learn.lexicon_add",
    "learn.lexicon_remove",
    "learn.threshold",
    "learn.model",
    "key.replace_lost",
    "record.unsigned_before",
)


@dataclass
class FlagState:
    flag_id: int
    status: str = "pending"
    note: str | None = None
    reviewer: str | None = None
    officer_made: bool = False
    edited: bool = False
    removed: bool = False
    span: dict[str, Any] = field(default_factory=dict)  # start_s, end_s, category when known
    last_seq: int = 0


@dataclass
class Replay:
    flags: dict[int, FlagState]
    not_replayed: dict[str, int]  # unknown action -> count


def replay(entries: list[tuple[int, str, str, dict[str, Any]]]) -> Replay:
    """entries: (seq, officer, action, payload) in order."""
    flags: dict[int, FlagState] = {}
    unknown: dict[str, int] = {}
    for seq, officer, action, payload in entries:
        if action not in FLAG_ACTIONS:
            if action not in KNOWN_OTHER and not action.startswith("learn."):
                unknown[action] = unknown.get(action, 0) + 1
            continue
        try:
            flag_id = int(payload["flag_id"])
        except (KeyError, TypeError, ValueError):
            unknown[f"{action} (no flag id)"] = unknown.get(f"{action} (no flag id)", 0) + 1
            continue
        state = flags.setdefault(flag_id, FlagState(flag_id))
        state.last_seq = seq
        if action == "flag.decide":
            state.status = payload.get("to", state.status)
            if payload.get("note") is not None:
                state.note = payload["note"]
            state.reviewer = officer if state.status != "pending" else None
        elif action == "merge.conflict":
            state.status = payload.get("to", state.status)
        elif action == "flag.add":
            fields = payload.get("flag") if isinstance(payload.get("flag"), dict) else payload
            state.removed = False
            state.officer_made = True
            state.status = fields.get("status", "confirmed")
            state.note = fields.get("note")
            state.reviewer = fields.get("reviewer", officer)
            state.span = {k: fields.get(k) for k in ("start_s", "end_s", "category")}
        elif action == "flag.edit":
            new = payload.get("new", payload.get("to")) or {}
            state.edited = True
            state.span.update({k: new[k] for k in ("start_s", "end_s", "category") if k in new})
        elif action == "flag.remove":
            state.removed = True
    return Replay(flags, unknown)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return round(float(a), 2) == round(float(b), 2)
    return (a or None) == (b or None)


def _q(value: Any) -> str:
    return (
        "nothing" if value in (None, "") else repr(value) if isinstance(value, str) else str(value)
    )


def compare(conn: sqlite3.Connection, result: Replay) -> list[str]:
    """Every difference between the flag table and the replayed log, one line each."""
    cur = conn.execute(
        "SELECT id, status, note, reviewer, source, edited_utc, start_s, end_s, category"
        " FROM flag ORDER BY id"
    )
    table = {row[0]: row for row in cur.fetchall()}
    diffs: list[str] = []
    for flag_id, state in sorted(result.flags.items()):
        row = table.get(flag_id)
        if state.removed:
            if row is not None and row[4] == "officer":
                diffs.append(f"flag {flag_id}: table has it, log says it was removed")
            continue
        if row is None:
            # Re-detection may drop a flag nobody decided or reshaped; nothing else disappears.
            if state.officer_made or state.edited or state.status != "pending":
                diffs.append(f"flag {flag_id}: missing from the table, log says {state.status}")
            continue
        _, status, note, reviewer, source, edited_utc, start, end, category = row
        if status != state.status:
            diffs.append(f"flag {flag_id}: table says {status}, log says {state.status}")
        if not _same(note, state.note):
            diffs.append(f"flag {flag_id}: note in table {_q(note)}, log says {_q(state.note)}")
        if state.status != "pending" and not _same(reviewer, state.reviewer):
            diffs.append(
                f"flag {flag_id}: table says decided by {_q(reviewer)}, "
                f"log says {_q(state.reviewer)}"
            )
        for name, value in (("start_s", start), ("end_s", end), ("category", category)):
            if name in state.span and not _same(value, state.span[name]):
                diffs.append(
                    f"flag {flag_id}: {name} in table {_q(value)}, log says {_q(state.span[name])}"
                )
        if source == "officer" and not state.officer_made:
            diffs.append(f"flag {flag_id}: table has an officer's flag the log never added")
        if edited_utc and not state.edited and not state.officer_made:
            diffs.append(f"flag {flag_id}: table says edited, the log has no edit")
    for flag_id, row in sorted(table.items()):
        if flag_id in result.flags:
            continue
        _, status, note, reviewer, source, edited_utc, *_ = row
        if status != "pending":
            diffs.append(f"flag {flag_id}: table says {status}, log says pending (no decision)")
        if note:
            diffs.append(f"flag {flag_id}: note in table {_q(note)}, the log has no note")
        if source == "officer":
            diffs.append(f"flag {flag_id}: table has an officer's flag the log never added")
        elif edited_utc:
            diffs.append(f"flag {flag_id}: table says edited, the log has no edit")
    return diffs


def parse(rows: list[tuple]) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(seq, officer, action, payload) from audit rows (seq, utc, officer, ws, action, payload…)."""
    out = []
    for row in rows:
        if row[4] not in FLAG_ACTIONS:  # only flag actions are replayed: skip parsing the rest
            out.append((row[0], row[2], row[4], {}))
            continue
        try:
            payload = json.loads(row[5])
        except ValueError:
            payload = {}
        out.append((row[0], row[2], row[4], payload if isinstance(payload, dict) else {}))
    return out

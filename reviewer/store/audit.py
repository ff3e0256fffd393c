"""Append-only, hash-chained audit log: each entry's hash covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import AuditChainBroken

GENESIS = "0" * 64


def _canonical(
    seq: int, utc: str, officer: str, workstation: str, action: str, payload: str, prev_hash: str
) -> bytes:
    record = [seq, utc, officer, workstation, action, payload, prev_hash]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(
    seq: int, utc: str, officer: str, workstation: str, action: str, payload: str, prev_hash: str
) -> str:
    return hashlib.sha256(
        _canonical(seq, utc, officer, workstation, action, payload, prev_hash)
    ).hexdigest()


def append(
    conn: sqlite3.Connection,
    officer: str,
    workstation: str,
    action: str,
    payload: dict[str, Any],
    signed_by: str | None = None,
) -> str:
    """Add one signed entry inside the caller's transaction; returns its hash.

    The officer's unlocked key signs an officer action (`signed_by` names another officer whose
    key signs, e.g. who merges another officer's decision); the workstation's key signs the rest.
    """
    from . import signing

    key = signing.key_for(signed_by or officer, action)
    case_id = _case_id(conn)
    if key.replaced_lost and action != LOST_KEY_ACTION and not _lost_key_logged(conn, key.key_id):
        # A key that replaced a lost one says so in every case it touches, before its first entry.
        _append_signed(
            conn,
            key,
            case_id,
            key.officer or officer,
            workstation,
            LOST_KEY_ACTION,
            {"key_id": key.key_id, "replaces": key.replaced_lost},
        )
    return _append_signed(conn, key, case_id, officer, workstation, action, payload)


LOST_KEY_ACTION = "key.replace_lost"


def _case_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
    return row[0] if row else ""


def _lost_key_logged(conn: sqlite3.Connection, key_id: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM audit WHERE action = ? AND key_id = ? LIMIT 1", (LOST_KEY_ACTION, key_id)
    ).fetchone()
    return row is not None


def _append_signed(
    conn: sqlite3.Connection,
    key: Any,
    case_id: str,
    officer: str,
    workstation: str,
    action: str,
    payload: dict[str, Any],
) -> str:
    from . import signing

    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    utc = datetime.now(UTC).isoformat(timespec="microseconds")
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = entry_hash(seq, utc, officer, workstation, action, body, prev)
    signature = key.sign(signing.message(case_id, digest))
    conn.execute(
        "INSERT INTO audit (seq, utc, officer, workstation, action, payload, prev_hash, hash,"
        " key_id, public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            seq,
            utc,
            officer,
            workstation,
            action,
            body,
            prev,
            digest,
            key.key_id,
            key.public_b64,
            signature,
        ),
    )
    return digest


@dataclass
class ChainStatus:
    entries: int
    head: str


def verify_chain(rows: list[tuple]) -> ChainStatus:
    """Check rows of (seq, utc, officer, workstation, action, payload, prev_hash, hash) in order.

    Raises AuditChainBroken naming the first bad entry: an edit, a deletion, an insertion or a
    reordering each break either the sequence, the link or the hash.
    """
    prev = GENESIS
    for expected_seq, row in enumerate(rows, start=1):
        seq, utc, officer, workstation, action, payload, prev_hash, digest = row
        if seq != expected_seq:
            raise AuditChainBroken(
                f"Audit entry {expected_seq} is missing or out of order (found {seq})."
            )
        if prev_hash != prev:
            raise AuditChainBroken(f"Audit entry {seq} does not link to the entry before it.")
        if entry_hash(seq, utc, officer, workstation, action, payload, prev_hash) != digest:
            raise AuditChainBroken(
                f"Audit entry {seq} ({action}) was altered after it was written."
            )
        prev = digest
    return ChainStatus(entries=len(rows), head=prev)


def read_rows(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT seq, utc, officer, workstation, action, payload, prev_hash, hash FROM audit ORDER BY seq"
    ).fetchall()


def read_signed_rows(conn: sqlite3.Connection) -> list[tuple]:
    """Rows of read_rows followed by (key_id, public_key, signature); NULLs when unsigned."""
    return conn.execute(
        "SELECT seq, utc, officer, workstation, action, payload, prev_hash, hash,"
        " key_id, public_key, signature FROM audit ORDER BY seq"
    ).fetchall()

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
    conn: sqlite3.Connection, officer: str, workstation: str, action: str, payload: dict[str, Any]
) -> str:
    """Add one entry inside the caller's transaction; returns its hash."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    utc = datetime.now(UTC).isoformat(timespec="microseconds")
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = entry_hash(seq, utc, officer, workstation, action, body, prev)
    conn.execute(
        "INSERT INTO audit (seq, utc, officer, workstation, action, payload, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, utc, officer, workstation, action, body, prev, digest),
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

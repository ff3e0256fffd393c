"""Two copies of one case side by side: their verified audit chains and where they parted."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AuditChainBroken, MergeRefused
from ..store import audit
from ..store.case import DB_NAME


@dataclass(frozen=True)
class Entry:
    """One audit entry, payload parsed."""

    seq: int
    utc: str
    officer: str
    workstation: str
    action: str
    payload: dict[str, Any]
    hash: str
    key_id: str | None = None
    public_key: str | None = None

    @property
    def origins(self) -> list[str]:
        """The entries this change stands for: itself, and what it was merged from."""
        return [*self.payload.get("cites", []), self.hash]


def chain_entries(conn: sqlite3.Connection, where: str) -> list[Entry]:
    """The verified audit chain of a case; `where` names the case in the refusal message."""
    rows = audit.read_signed_rows(conn)
    try:
        audit.verify_chain([r[:8] for r in rows])
    except AuditChainBroken as exc:
        raise MergeRefused(
            f"The audit log of {where} is broken: {exc} Nothing was merged; ask for an intact copy."
        ) from exc
    return [
        Entry(seq, utc, officer, ws, action, json.loads(payload), digest, key_id, public)
        for seq, utc, officer, ws, action, payload, _prev, digest, key_id, public, _sig in rows
    ]


def open_copy(folder: Path) -> sqlite3.Connection:
    """The other copy's database, read-only: a merge never writes to it."""
    db = folder / DB_NAME
    if not db.is_file():
        raise MergeRefused(
            f"{folder} holds no case ({DB_NAME} not found); choose the copy's folder."
        )
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        conn.execute("SELECT count(*) FROM audit").fetchone()
    except sqlite3.DatabaseError as exc:
        raise MergeRefused(f"Cannot read the case in {folder}: {exc}") from exc
    return conn


def case_id_of(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
    return row[0] if row else ""


def common_length(here: list[Entry], other: list[Entry]) -> int:
    """How many entries the two chains share from the start (their history before parting)."""
    n = 0
    for a, b in zip(here, other, strict=False):
        if a.hash != b.hash:
            break
        n += 1
    return n


def known_changes(entries: list[Entry]) -> set[str]:
    """Hashes of every change a chain already holds: its own entries and those it merged in."""
    known: set[str] = set()
    for e in entries:
        known.update(e.origins)
    return known


def read_copy(folder: Path, case_id: str) -> tuple[list[Entry], dict[int, str], sqlite3.Connection]:
    """Open and check the other copy: same case, intact chain. Returns its entries, its media
    (id -> SHA-256) and the open read-only connection (the caller closes it)."""
    conn = open_copy(folder)
    try:
        other_id = case_id_of(conn)
        if other_id != case_id:
            raise MergeRefused(
                f"{folder} is another case (id {other_id or 'none'}; this case is {case_id}): "
                "only copies of the same case can be merged."
            )
        entries = chain_entries(conn, f"the copy in {folder}")
        media = dict(conn.execute("SELECT id, sha256 FROM media").fetchall())
    except BaseException:
        with closing(conn):
            raise
    return entries, media, conn

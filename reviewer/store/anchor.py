"""The head of each case's audit chain, recorded outside the case, so a roll-back shows.

For every case this workstation writes, the user folder keeps the last (seq, hash) it saw, per
case folder (copies of one case for a merge legitimately part ways). A case whose chain is
shorter than that head, or holds another entry at that place, was rolled back or rewritten.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import CaseError
from ..userdirs import user_home

# The window's background record check and the UI thread both update a case's file.
_WRITE_LOCK = threading.Lock()


class RolledBack(CaseError):
    """The case's audit chain ends before, or forks from, a head this workstation recorded."""


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str

    def __str__(self) -> str:
        return f"entry {self.seq} ({self.hash[:16]}…)"


def _path(case_id: str) -> Path:
    folder = user_home() / "anchors"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{case_id}.json"


def _key(folder: Path) -> str:
    return str(folder.resolve())


def _load(case_id: str) -> dict:
    try:
        return json.loads(_path(case_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def current_head(conn: sqlite3.Connection) -> Head | None:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(int(row[0]), str(row[1])) if row else None


def recorded(case_id: str, folder: Path) -> Head | None:
    entry = _load(case_id).get(_key(folder))
    return Head(int(entry["seq"]), str(entry["hash"])) if entry else None


def record(case_id: str, folder: Path, head: Head) -> None:
    """Remember `head` for this case folder (atomically; never moves backwards)."""
    if not case_id:
        return

    def update(data: dict) -> bool:
        old = data.get(_key(folder))
        if old and int(old["seq"]) > head.seq:
            return False
        data[_key(folder)] = {"seq": head.seq, "hash": head.hash}
        return True

    _update(case_id, update)


def _update(case_id: str, change: Callable[[dict], bool]) -> None:
    """Read, change and atomically replace the case's file; a unique temporary per writer."""
    with _WRITE_LOCK:
        data = _load(case_id)
        if not change(data):
            return
        path = _path(case_id)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def check(conn: sqlite3.Connection, case_id: str, folder: Path) -> Head | None:
    """Raise RolledBack when the chain does not reach the recorded head; returns the head."""
    want = recorded(case_id, folder)
    have = current_head(conn)
    if want is None:
        return have
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (want.seq,)).fetchone()
    if row is None:
        raise RolledBack(
            f"The audit log of {folder} ends at {have or 'nothing'}, but this workstation "
            f"recorded it at {want}: entries were removed (rolled back). Restore the case from "
            f"a trusted copy; `reviewer audit --case {folder}` shows the rest."
        )
    if row[0] != want.hash:
        raise RolledBack(
            f"The audit log of {folder} forks from the head this workstation recorded: at entry "
            f"{want.seq} it holds {row[0][:16]}…, recorded {want.hash[:16]}… (case head "
            f"{have}). The log was rewritten; restore the case from a trusted copy "
            f"(`reviewer audit --case {folder}` shows the rest)."
        )
    return have


def verified(case_id: str) -> tuple[int, str] | None:
    """(seq, digest) up to which this workstation checked the case's signatures."""
    mark = _load(case_id).get("_verified")
    return (int(mark["seq"]), str(mark["digest"])) if mark else None


def record_verified(case_id: str, seq: int, digest: str) -> None:
    if not case_id:
        return

    def update(data: dict) -> bool:
        data["_verified"] = {"seq": seq, "digest": digest}
        return True

    _update(case_id, update)

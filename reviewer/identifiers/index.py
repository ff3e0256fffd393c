"""The workstation's index of identifiers across cases, in the user folder.

Rebuilt from the cases, never the only copy: each case keeps its own identifiers; the index only
says where to look. Keyed by case id, so a moved case folder is found again when it is added from
its new place, and a folder that no longer holds the case is dropped."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..store.case import DB_NAME, Case, open_case, utc_now
from ..userdirs import user_home
from .normalize import normalize_query
from .pdq import PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY, file_hash
from .pictures import picture_rows
from .store import refresh_identifiers

INDEX_NAME = "identifier_index.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS indexed_case (
    case_id TEXT PRIMARY KEY,
    folder TEXT NOT NULL,
    indexed_utc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS occurrence (
    case_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    display TEXT,
    bank TEXT,
    media_sha256 TEXT,
    media_name TEXT,
    start_s REAL,
    end_s REAL,
    source TEXT
);
CREATE INDEX IF NOT EXISTS occurrence_value ON occurrence(value);
CREATE INDEX IF NOT EXISTS occurrence_case ON occurrence(case_id);
CREATE TABLE IF NOT EXISTS picture (
    case_id TEXT NOT NULL,
    media_sha256 TEXT,
    media_name TEXT,
    start_s REAL,
    end_s REAL,
    pdq TEXT NOT NULL,
    quality INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS picture_case ON picture(case_id);
"""


def index_path() -> Path:
    return user_home() / INDEX_NAME


def _connect(path: Path | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(path or index_path(), timeout=30)
    conn.executescript(_SCHEMA)
    return conn


@contextmanager
def _db(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    conn = _connect(path)
    try:
        with conn:  # commits, or rolls back on error
            yield conn
    finally:
        conn.close()


def index_open_case(case: Case, path: Path | None = None) -> int:
    """Put an open case's identifiers and picture hashes in the index (replacing what it held);
    returns how many identifiers."""
    rows = case.conn.execute(
        "SELECT i.kind, i.value, i.display, i.bank, m.sha256, m.original_name, i.start_s,"
        " i.end_s, i.source FROM identifier i JOIN media m ON m.id = i.media_id"
    ).fetchall()
    folder = str(case.folder.resolve())
    with _db(path) as conn:
        conn.execute("DELETE FROM occurrence WHERE case_id = ?", (case.case_id,))
        # Another case id at this folder (a case deleted and a new one made there) is stale.
        stale = [
            r[0]
            for r in conn.execute(
                "SELECT case_id FROM indexed_case WHERE folder = ? AND case_id != ?",
                (folder, case.case_id),
            )
        ]
        for cid in stale:
            _drop(conn, cid)
        conn.execute(
            "INSERT OR REPLACE INTO indexed_case VALUES (?, ?, ?)",
            (case.case_id, folder, utc_now()),
        )
        conn.executemany(
            "INSERT INTO occurrence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(case.case_id, *r) for r in rows],
        )
        conn.execute("DELETE FROM picture WHERE case_id = ?", (case.case_id,))
        conn.executemany(  # an unreliable hash (a flat picture) is never matched: not indexed
            "INSERT INTO picture VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (case.case_id, *p.values())
                for p in picture_rows(case)
                if p["quality"] >= PDQ_MIN_QUALITY
            ],
        )
    return len(rows)


def _drop(conn: sqlite3.Connection, case_id: str) -> None:
    conn.execute("DELETE FROM occurrence WHERE case_id = ?", (case_id,))
    conn.execute("DELETE FROM picture WHERE case_id = ?", (case_id,))
    conn.execute("DELETE FROM indexed_case WHERE case_id = ?", (case_id,))


def add_case(folder: Path | str, path: Path | None = None) -> dict[str, Any]:
    """Derive a case's identifiers (idempotent) and index them."""
    with open_case(folder, create=False) as case:
        refresh_identifiers(case)
        count = index_open_case(case, path)
        return {"case_id": case.case_id, "folder": str(case.folder.resolve()), "identifiers": count}


def _case_id_at(folder: Path) -> str | None:
    if not (folder / DB_NAME).is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def rebuild(extra: Iterable[Path | str] = (), path: Path | None = None) -> dict[str, Any]:
    """Re-index every known case (and `extra` folders); drop cases whose folder is gone."""
    with _db(path) as conn:
        known = conn.execute("SELECT case_id, folder FROM indexed_case").fetchall()
    added, dropped = [], []
    folders = [Path(f) for _, f in known] + [Path(f) for f in extra]
    for case_id, folder in known:
        if _case_id_at(Path(folder)) != case_id:
            with _db(path) as conn:
                _drop(conn, case_id)
            dropped.append({"case_id": case_id, "folder": folder})
    for folder in dict.fromkeys(str(Path(f).resolve()) for f in folders):
        if _case_id_at(Path(folder)):
            added.append(add_case(folder, path))
    return {"indexed": added, "dropped": dropped}


def find(typed: str, path: Path | None = None) -> dict[str, Any]:
    """Every case, media and moment where the typed identifier occurs."""
    began = time.perf_counter()
    values = normalize_query(typed)
    names = [v[1:] for v in values if v.startswith("@")]
    marks = ", ".join("?" for _ in values)
    sql = (
        "SELECT o.case_id, c.folder, o.kind, o.value, o.display, o.bank, o.media_sha256,"
        " o.media_name, o.start_s, o.end_s, o.source FROM occurrence o"
        f" JOIN indexed_case c ON c.case_id = o.case_id WHERE o.value IN ({marks})"
    )
    args: list[Any] = list(values)
    for name in names:  # "@keo88" also finds telegram/keo88, tiktok/keo88...
        sql += " OR (o.kind = 'handle' AND o.value LIKE ? ESCAPE '\\')"
        args.append("%/" + re.sub(r"([%_\\])", r"\\\1", name))
    sql += " ORDER BY c.folder, o.media_name, o.start_s"
    with _db(path) as conn:
        rows = conn.execute(sql, args).fetchall()
    cases: dict[str, dict[str, Any]] = {}
    gone: set[str] = set()
    for cid, folder, kind, value, display, bank, sha, name, start, end, source in rows:
        if cid in gone:
            continue
        if cid not in cases:
            if _case_id_at(Path(folder)) != cid:
                gone.add(cid)  # deleted or moved away: `reviewer index add` its new folder
                continue
            cases[cid] = {"case_id": cid, "folder": folder, "occurrences": []}
        cases[cid]["occurrences"].append(
            {
                "kind": kind,
                "value": value,
                "display": display,
                "bank": bank,
                "media": name,
                "media_sha256": sha,
                "start_s": start,
                "end_s": end,
                "source": source,
            }
        )
    return {
        "query": typed,
        "values": values,
        "cases": list(cases.values()),
        "missing_cases": sorted(gone),
        "seconds": round(time.perf_counter() - began, 4),
    }


def find_image(image: Path | str, path: Path | None = None) -> dict[str, Any]:
    """Every indexed case, media and moment showing the same or a near-identical picture: PDQ
    hashes at most PDQ_MATCH_DISTANCE bits apart, nearest first within each case."""
    began = time.perf_counter()
    pdq, quality = file_hash(image)
    result: dict[str, Any] = {"image": str(image), "pdq": pdq, "quality": quality}
    if quality < PDQ_MIN_QUALITY:
        result.update(cases=[], missing_cases=[], seconds=round(time.perf_counter() - began, 4))
        result["note"] = (
            f"This picture's hash quality is {quality} (under {PDQ_MIN_QUALITY}): it is too flat "
            "or blank to be matched reliably."
        )
        return result
    query = int(pdq, 16)
    with _db(path) as conn:
        # The hashes alone first (the scan), then the details of the few that match.
        near = {
            rowid: bits
            for rowid, other in conn.execute("SELECT rowid, pdq FROM picture")
            if (bits := (query ^ int(other, 16)).bit_count()) <= PDQ_MATCH_DISTANCE
        }
        marks = ", ".join("?" for _ in near)
        rows = conn.execute(
            "SELECT p.rowid, p.case_id, c.folder, p.media_sha256, p.media_name, p.start_s,"
            " p.end_s FROM picture p JOIN indexed_case c ON c.case_id = p.case_id"
            f" WHERE p.rowid IN ({marks}) ORDER BY c.folder, p.media_name, p.start_s",
            list(near),
        ).fetchall()
    cases: dict[str, dict[str, Any]] = {}
    gone: set[str] = set()
    for rowid, cid, folder, sha, name, start, end in rows:
        bits = near[rowid]
        if cid in gone:
            continue
        if cid not in cases:
            if _case_id_at(Path(folder)) != cid:
                gone.add(cid)
                continue
            cases[cid] = {"case_id": cid, "folder": folder, "occurrences": []}
        cases[cid]["occurrences"].append(
            {"media": name, "media_sha256": sha, "start_s": start, "end_s": end,
             "distance": bits}
        )  # fmt: skip
    for case in cases.values():
        case["occurrences"].sort(key=lambda o: o["distance"])
    result.update(
        cases=sorted(cases.values(), key=lambda c: c["occurrences"][0]["distance"]),
        missing_cases=sorted(gone),
        seconds=round(time.perf_counter() - began, 4),
    )
    return result


def other_cases_count(kind: str, value: str, case_id: str, path: Path | None = None) -> int:
    """In how many other indexed cases this identifier occurs (the UI's "seen in N other cases")."""
    if not (path or index_path()).exists():
        return 0
    with _db(path) as conn:
        row = conn.execute(
            "SELECT COUNT(DISTINCT case_id) FROM occurrence WHERE kind = ? AND value = ?"
            " AND case_id != ?",
            (kind, value, case_id),
        ).fetchone()
    return int(row[0])

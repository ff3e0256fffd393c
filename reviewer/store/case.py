"""A case folder: `case.db` plus derived files. All writes go through this class."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from ..errors import CaseError
from ..settings import load_settings, workstation
from . import anchor, audit
from .corrections import apply_corrections, mark_flags
from .migrations import migrate

DB_NAME = "case.db"


#: What an officer can decide about a flag; `pending` undoes a decision.
DECISIONS = ("confirmed", "rejected", "unsure", "pending")


# SQL condition: a segment of its media's reading transcript (with two engines, the one the
# officer reads; media.speech_model names it).
READING_SEGMENT = (
    "coalesce(segment.engine, '') = coalesce((SELECT m.speech_model FROM media m"
    " WHERE m.id = segment.media_id), coalesce(segment.engine, ''))"
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Case:
    """An open case. One instance per thread: SQLite connections are not shared across threads."""

    def __init__(self, folder: Path, officer: str | None = None) -> None:
        self.folder = folder
        self.officer = officer or load_settings().officer_name()
        self.workstation = workstation()
        try:
            # Autocommit mode: every transaction below is explicit, so a chunk of work and its
            # resume marker land together or not at all.
            self.conn = sqlite3.connect(folder / DB_NAME, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except (sqlite3.DatabaseError, RuntimeError) as exc:
            raise CaseError(f"Cannot open case database {folder / DB_NAME}: {exc}") from exc
        self.db = sqlite_utils.Database(self.conn)

    # -- housekeeping ---------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        self.note_head()

    def note_head(self) -> None:
        """Record the chain's head outside the case (the user folder), so a roll-back shows."""
        head = anchor.current_head(self.conn)
        if head is not None and head != getattr(self, "_noted_head", None):
            try:
                anchor.record(self.case_id, self.folder, head)
            except OSError:  # an unwritable user folder must not undo a committed decision
                return
            self._noted_head = head

    @property
    def case_id(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
        return row[0] if row else ""

    def _ensure_identity(self) -> None:
        if self.case_id:
            return
        with self.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('case_id', ?)", (uuid.uuid4().hex[:12],))
            conn.execute("INSERT INTO meta VALUES ('created_utc', ?)", (utc_now(),))
            self._audit(conn, "case.create", {"folder_name": self.folder.name})

    # -- audit ----------------------------------------------------------------------------
    def _audit(self, conn: sqlite3.Connection, action: str, payload: dict[str, Any]) -> str:
        return audit.append(conn, self.officer, self.workstation, action, payload)

    def log(self, action: str, payload: dict[str, Any]) -> str:
        with self.transaction() as conn:
            return self._audit(conn, action, payload)

    def verify_audit(self) -> audit.ChainStatus:
        return audit.verify_chain(audit.read_rows(self.conn))

    # -- media ----------------------------------------------------------------------------
    def stored_path(self, path: Path) -> str:
        """Relative to the case folder when possible, so a case moved with its media still works."""
        try:
            return os.path.relpath(path.resolve(), self.folder.resolve())
        except ValueError:  # another drive on Windows
            return str(path.resolve())

    def media_path(self, media: dict) -> Path:
        stored = Path(media["path"])
        return stored if stored.is_absolute() else (self.folder / stored).resolve()

    def media_by_sha(self, sha256: str) -> dict | None:
        rows = list(self.db["media"].rows_where("sha256 = ?", [sha256]))
        return rows[0] if rows else None

    def get_media(self, media_id: int) -> dict:
        return self.db["media"].get(media_id)

    def list_media(self) -> list[dict]:
        return list(self.db["media"].rows_where(order_by="id"))

    def add_media(self, record: dict[str, Any]) -> int:
        with self.transaction() as conn:
            cols = ", ".join(record)
            marks = ", ".join("?" for _ in record)
            cur = conn.execute(
                f"INSERT INTO media ({cols}) VALUES ({marks})", list(record.values())
            )
            media_id = cur.lastrowid
            self._audit(
                conn,
                "media.ingest",
                {
                    "media_id": media_id,
                    "sha256": record["sha256"],
                    "size_bytes": record["size_bytes"],
                    "original_name": record["original_name"],
                    "kind": record.get("kind"),
                },
            )
        return media_id

    def update_media(self, media_id: int, **fields: Any) -> None:
        with self.transaction() as conn:
            sets = ", ".join(f"{k} = ?" for k in fields)
            conn.execute(f"UPDATE media SET {sets} WHERE id = ?", [*fields.values(), media_id])

    def set_media_status(
        self, media_id: int, status: str, error: str | None = None, warning: str | None = None
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE media SET status = ?, error = ?, warning = ? WHERE id = ?",
                (status, error, warning, media_id),
            )
            if status in ("analyzed", "failed"):
                self._audit(conn, f"media.{status}", {"media_id": media_id, "error": error})

    # -- speech ---------------------------------------------------------------------------
    def start_speech_pass(
        self, media_id: int, engine: str, kind: str, model_sha256: str, settings: dict
    ) -> float:
        """Record which engine (and decoding settings) transcribes the media; its resume point."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO speech_pass (media_id, engine, kind, model_sha256, settings)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (media_id, engine) DO UPDATE SET"
                " kind = excluded.kind, model_sha256 = excluded.model_sha256,"
                " settings = excluded.settings",
                (media_id, engine, kind, model_sha256, json.dumps(settings, ensure_ascii=False)),
            )
            row = conn.execute(
                "SELECT done_s FROM speech_pass WHERE media_id = ? AND engine = ?",
                (media_id, engine),
            ).fetchone()
        return float(row[0])

    def speech_passes(self, media_id: int) -> list[dict]:
        # By name, not rowid: with `both`, each engine's thread creates its pass when it gets there.
        rows = list(
            self.db["speech_pass"].rows_where("media_id = ?", [media_id], order_by="engine")
        )
        for row in rows:
            row["settings"] = json.loads(row["settings"]) if row["settings"] else None
        return rows

    def save_speech_chunk(
        self,
        media_id: int,
        segments: Iterable[dict],
        done_until_s: float,
        engine: str | None = None,
    ) -> list[dict]:
        """Segments of one chunk and the new resume point, atomically; returns them with ids.

        With `engine`, the resume point is that engine's (speech_pass); the media's overall
        speech_done_s is the least of its engines' points.
        """
        saved = []
        with self.transaction() as conn:
            for s in segments:
                cur = conn.execute(
                    "INSERT INTO segment (media_id, start_s, end_s, text, language, confidence,"
                    " no_speech_prob, words, engine, unintelligible)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        media_id,
                        s["start_s"],
                        s["end_s"],
                        s["text"],
                        s.get("language"),
                        s.get("confidence"),
                        s.get("no_speech_prob"),
                        json.dumps(s.get("words", []), ensure_ascii=False),
                        s.get("engine", engine),
                        int(bool(s.get("unintelligible"))),
                    ),
                )
                saved.append({**s, "id": cur.lastrowid, "media_id": media_id})
            if engine is None:
                conn.execute(
                    "UPDATE media SET speech_done_s = ? WHERE id = ?", (done_until_s, media_id)
                )
            else:
                conn.execute(
                    "UPDATE speech_pass SET done_s = ? WHERE media_id = ? AND engine = ?",
                    (done_until_s, media_id, engine),
                )
                conn.execute(
                    "UPDATE media SET speech_done_s = (SELECT min(done_s) FROM speech_pass"
                    " WHERE media_id = ?) WHERE id = ?",
                    (media_id, media_id),
                )
        return saved

    def segments(self, media_id: int | None = None, engine: str | None = None) -> list[dict]:
        """Transcript segments in time order; with `engine`, only that engine's."""
        clauses, args = [], []
        if media_id is not None:
            clauses.append("media_id = ?")
            args.append(media_id)
        if engine is not None:
            clauses.append("engine = ?")
            args.append(engine)
        where = " AND ".join(clauses) or None
        rows = list(
            self.db["segment"].rows_where(
                where, args, order_by="media_id, start_s, end_s, engine, id"
            )
        )
        for row in rows:
            row["words"] = json.loads(row["words"] or "[]")
        # Officers' corrections shown over the machine text, which stays in `machine_text`.
        return apply_corrections(self.conn, rows)

    def transcript_segments(self, media_id: int) -> list[dict]:
        """The media's transcript to read: the segments of its reading engine (media.speech_model,
        the Vietnamese recogniser when it ran), not both engines' versions of the same words."""
        media = self.get_media(media_id)
        segments = self.segments(media_id, engine=media.get("speech_model"))
        return segments or self.segments(media_id)

    # -- flags ----------------------------------------------------------------------------
    def flags(self, media_ids: Iterable[int] | None = None) -> list[dict]:
        where, args = None, []
        if media_ids is not None:
            # In SQL: detection refreshes flags after every saved segment, per media.
            args = list(dict.fromkeys(media_ids))
            where = f"media_id IN ({', '.join('?' for _ in args)})" if args else "0"
        rows = self.db["flag"].rows_where(
            where, args, order_by="media_id, start_s, end_s, category, source, id"
        )
        return mark_flags(self.conn, [_flag_row(r) for r in rows])

    def get_flag(self, flag_id: int) -> dict:
        rows = list(self.db["flag"].rows_where("id = ?", [flag_id]))
        if not rows:
            raise CaseError(f"This case has no flag {flag_id}; list them with `reviewer flags`.")
        return mark_flags(self.conn, [_flag_row(rows[0])])[0]

    def detections(self, flag_id: int | None = None, media_id: int | None = None) -> list[dict]:
        where, args = [], []
        if flag_id is not None:
            where.append("flag_id = ?")
            args.append(flag_id)
        if media_id is not None:
            where.append("media_id = ?")
            args.append(media_id)
        rows = list(
            self.db["detection"].rows_where(
                " AND ".join(where) or None, args, order_by="media_id, start_s, id"
            )
        )
        for row in rows:
            row["matched"] = json.loads(row["matched"] or "[]")
            row["box"] = json.loads(row["box"]) if row["box"] else None
        return rows

    def decide_flag(
        self, flag_id: int, decision: str, officer: str | None = None, note: str | None = None
    ) -> dict:
        """Record an officer's decision on a flag, durably and in the audit log, in one step."""
        if decision not in DECISIONS:
            raise CaseError(f"Unknown decision {decision!r}; use one of {', '.join(DECISIONS)}.")
        officer = officer or self.officer
        if not officer:
            raise CaseError("Say who decides: set the officer name before reviewing.")
        with self.transaction() as conn:
            write_decision(conn, self.workstation, flag_id, decision, officer, note)
        return self.get_flag(flag_id)

    def frame_texts(self, media_id: int | None = None) -> list[dict]:
        where, args = ("media_id = ?", [media_id]) if media_id is not None else (None, [])
        rows = list(self.db["frame_text"].rows_where(where, args, order_by="media_id, start_s, id"))
        for row in rows:
            row["box"] = json.loads(row["box"]) if row["box"] else None
        return rows


def write_decision(
    conn: sqlite3.Connection,
    workstation: str,
    flag_id: int,
    decision: str,
    officer: str,
    note: str | None,
    when: str | None = None,
    provenance: dict[str, Any] | None = None,
    signed_by: str | None = None,
) -> str:
    """Set a flag's decision and append its `flag.decide` entry, inside the caller's transaction.

    `when` and `provenance` serve decisions merged from another copy of the case: the time they
    were made there and the entry they come from. A decision settles any merge conflict.
    """
    row = conn.execute("SELECT status, note FROM flag WHERE id = ?", (flag_id,)).fetchone()
    if row is None:
        raise CaseError(f"This case has no flag {flag_id}; list them with `reviewer flags`.")
    now = utc_now()
    decided = decision != "pending"
    conn.execute(
        "UPDATE flag SET status = ?, note = ?, reviewer = ?, decided_utc = ?,"
        " updated_utc = ?, conflict = NULL WHERE id = ?",
        (
            decision,
            note if note is not None else row[1],
            officer if decided else None,
            (when or now) if decided else None,
            now,
            flag_id,
        ),
    )
    payload = {"flag_id": flag_id, "from": row[0], "to": decision, "note": note}
    return audit.append(
        conn, officer, workstation, "flag.decide", {**payload, **(provenance or {})}, signed_by
    )


def _flag_row(row: dict) -> dict:
    row["matched"] = json.loads(row["matched"] or "[]")
    row["models"] = json.loads(row["models"] or "[]")
    # Which recognisers heard a speech flag: both, when two engines ran and agreed.
    row["heard_by"] = [m["name"] for m in row["models"] if m.get("role") == "speech"]
    # Set by a merge when two copies decided the flag differently; cleared by the next decision.
    row["conflict"] = json.loads(row["conflict"]) if row.get("conflict") else None
    return row


class NotACaseFolder(CaseError):
    """An existing folder with other files in it: it must not silently become a case."""


# Files an empty-looking folder may hold that are not the officer's (file managers write them).
_HOUSEKEEPING = {".ds_store", "desktop.ini", "thumbs.db"}


def _refuse_non_case_folder(folder: Path) -> None:
    """A new case goes into a new or empty folder, never into one with other files (an
    officer's Documents folder must not become a case)."""
    try:
        others = [p.name for p in folder.iterdir() if p.name.lower() not in _HOUSEKEEPING]
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CaseError(f"Cannot read the folder {folder}: {exc}") from exc
    if others:
        shown = ", ".join(sorted(others)[:3]) + (", …" if len(others) > 3 else "")
        raise NotACaseFolder(
            f"{folder} is not a case folder ({DB_NAME} not found) and is not empty "
            f"(it holds {shown}). Choose a new or empty folder for the case, or an existing case."
        )


def open_case(
    folder: Path | str, officer: str | None = None, create: bool = True, check_head: bool = True
) -> Case:
    """Open (and with `create`, make) the case in `folder`; RolledBack when its audit chain
    does not reach the head this workstation recorded (`check_head=False`: `reviewer audit`)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CaseError(f"{folder} exists and is not a folder; choose a folder for the case.")
    if not (folder / DB_NAME).exists():
        if not create:
            raise CaseError(f"{folder} holds no case ({DB_NAME} not found).")
        _refuse_non_case_folder(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CaseError(f"Cannot create the case folder {folder}: {exc}") from exc
    case = Case(folder, officer)
    try:
        case._ensure_identity()
        if check_head:
            anchor.check(case.conn, case.case_id, folder)  # refuse a rolled-back case
    except BaseException:
        case.close()
        raise
    if check_head:
        case.note_head()
    return case

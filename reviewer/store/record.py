"""Is a case's record sound? Chain, signatures, the log replayed against the tables, its head.

`check_conn` answers for any case database (another officer's copy included); `check_case` adds
the head this workstation recorded; `require_sound` is what export and merge call. Failures name
the entry, the key or the flag; what is only worth knowing (entries from before signing, keys
this workstation does not know) is reported apart.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AuditChainBroken
from . import anchor, audit, replay, signing


class RecordDisagrees(AuditChainBroken):
    """The case's tables, signatures or chain disagree with its audit log."""


@dataclass
class RecordReport:
    entries: int = 0
    head: str = audit.GENESIS
    failures: list[str] = field(default_factory=list)
    untrusted: list[str] = field(default_factory=list)  # "not trusted: signed by …"
    notes: list[str] = field(default_factory=list)
    signed_by: dict[str, str] = field(default_factory=dict)  # key id -> owner and rule

    @property
    def ok(self) -> bool:
        return not self.failures

    def lines(self) -> list[str]:
        out = [f"FAIL {x}" for x in self.failures]
        out += [f"not trusted: {x}" for x in self.untrusted]
        out += [f"note: {x}" for x in self.notes]
        out += [f"key {k}: {v}" for k, v in sorted(self.signed_by.items())]
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": self.head,
            "failures": self.failures,
            "untrusted": self.untrusted,
            "notes": self.notes,
            "keys": self.signed_by,
        }


def _owners() -> dict[str, Any]:
    from ..evidence.trust import key_owners

    return key_owners()


def check_signatures(
    rows: list[tuple],
    case_id: str,
    owners: dict[str, Any],
    report: RecordReport,
    verified: tuple[int, str] | None = None,
) -> tuple[int, str]:
    """rows: audit rows with (key_id, public_key, signature) appended, in order.

    `verified` (seq, digest): this workstation already checked the signatures of entries up to
    seq, whose hashes, keys and signatures digest to `digest`; they are not checked again when
    the digest still holds. Returns the (seq, digest) reached.
    """
    seen_signed = False
    unsigned, last_unsigned = 0, ""
    lost_logged: set[str] = set()
    running = hashlib.sha256()
    skip_to = 0
    if verified is not None and verified[0] <= len(rows):
        for row in rows[: verified[0]]:
            running.update(f"{row[7]}|{row[9]}|{row[10]}\n".encode())
        if running.hexdigest() == verified[1]:
            skip_to = verified[0]
        running = hashlib.sha256()
    for row in rows:
        seq, utc, officer, _ws, action, payload, _prev, digest, key_id, pub, sig = row
        running.update(f"{digest}|{pub}|{sig}\n".encode())
        what = f"entry {seq} ({action} by {officer})"
        if not sig:
            if seen_signed:
                report.failures.append(
                    f"{what} is unsigned, but entries before it are signed: it was added or "
                    "rewritten without a key"
                )
            else:
                unsigned, last_unsigned = unsigned + 1, utc
            continue
        seen_signed = True
        if seq > skip_to and not signing.check(pub or "", case_id, digest, sig):
            report.failures.append(
                f"{what}: its signature does not match key {key_id} (altered, re-chained or "
                "copied from another case)"
            )
            continue
        owner = owners.get(pub)
        if action == audit.LOST_KEY_ACTION:
            lost_logged.add(str(key_id))
        if owner is None:
            if not signing.is_machine(action):
                report.untrusted.append(f"{what} signed by key {key_id}")
            continue
        report.signed_by.setdefault(str(key_id), f"{owner.kind} {owner.name}, {owner.rule}")
        if owner.kind == "officer":
            merged_by = _merged_by(payload)
            if owner.name not in (officer, merged_by):
                report.failures.append(
                    f"{what} is signed with key {key_id} of officer {owner.name}"
                )
            if owner.replaced_lost and str(key_id) not in lost_logged:
                report.failures.append(
                    f"{what} is signed with key {key_id}, which replaced lost key "
                    f"{owner.replaced_lost}, before the case logged the replacement"
                )
        elif not signing.is_machine(action):
            report.notes.append(f"{what} is signed by workstation key {key_id}, not by the officer")
    if unsigned:
        report.notes.append(
            f"entries before {last_unsigned[:19]} unsigned ({unsigned}, written before signing)"
        )
    return len(rows), running.hexdigest()


def _merged_by(payload: str) -> str | None:
    if '"merged_by"' not in payload:
        return None
    import json

    try:
        return json.loads(payload).get("merged_by")
    except ValueError:
        return None


def check_conn(
    conn: sqlite3.Connection,
    case_id: str,
    owners: dict[str, Any] | None = None,
    folder: Path | None = None,
) -> RecordReport:
    """Chain, signatures and the log replayed against the tables of one case database.

    With `folder` (a case of this workstation), signatures already checked here are not checked
    again (see check_signatures) and the point reached is remembered.
    """
    with read_snapshot(conn):
        return _check_conn(conn, case_id, owners, folder)


@contextlib.contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: the log and the tables as of one moment.

    The window checks a case in a thread while the officer decides; read in separate implicit
    transactions, a decision written between the two reads looked like a table the log disagrees
    with. Inside a caller's transaction, that transaction already is the snapshot.
    """
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")  # nothing was written: reads only


def _check_conn(
    conn: sqlite3.Connection,
    case_id: str,
    owners: dict[str, Any] | None,
    folder: Path | None,
) -> RecordReport:
    report = RecordReport()
    rows = audit.read_signed_rows(conn)
    try:
        status = audit.verify_chain([r[:8] for r in rows])
    except AuditChainBroken as exc:
        report.failures.append(f"chain: {exc}")
        return report
    report.entries, report.head = status.entries, status.head
    verified = anchor.verified(case_id) if folder is not None else None
    reached = check_signatures(
        rows, case_id, _owners() if owners is None else owners, report, verified
    )
    if folder is not None and not report.failures:
        anchor.record_verified(case_id, *reached)
    result = replay.replay(replay.parse(rows))
    report.failures.extend(replay.compare(conn, result))
    for action, count in sorted(result.not_replayed.items()):
        report.notes.append(f"{count} {action} entries not replayed (unknown to this version)")
    return report


def check_case(case: Any) -> RecordReport:
    """check_conn plus the head this workstation recorded for the case folder."""
    report = check_conn(case.conn, case.case_id, folder=Path(case.folder))
    try:  # read fresh, after the snapshot: the recorded head may be newer than the snapshot
        anchor.check(case.conn, case.case_id, Path(case.folder))
    except anchor.RolledBack as exc:
        report.failures.insert(0, str(exc))
    return report


def require_sound(case: Any, doing: str) -> RecordReport:
    """Raise RecordDisagrees naming the first problems, before `doing` (export, merge)."""
    report = check_case(case)
    if not report.ok:
        shown = "; ".join(report.failures[:3])
        more = f" (and {len(report.failures) - 3} more)" if len(report.failures) > 3 else ""
        raise RecordDisagrees(
            f"Refusing to {doing}: the record of {case.folder} is not sound: {shown}{more}. "
            f"See `reviewer audit --case {case.folder}`."
        )
    return report

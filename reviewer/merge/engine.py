"""Merge another officer's copy of a case into this one, in one transaction.

The same run makes the summary (write=False: everything is done, then rolled back) and the
merge itself (write=True), so what the officer is shown is what gets written.
"""

from __future__ import annotations

from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MergeRefused
from ..evidence.trust import key_owners
from ..store import audit
from ..store.case import Case
from ..store.record import check_conn, require_sound
from .copies import Entry, chain_entries, common_length, known_changes, read_copy
from .flags import FlagResolver
from .handlers import APPLIED, CONFLICT, HANDLERS, SAME, SKIPPED, TOUCHING, MergeContext, Outcome
from .payloads import flag_ref


@dataclass
class MergeReport:
    case_id: str
    other: str
    common_entries: int  # audit entries both copies share
    other_new: int  # entries the copy has after that point
    already_merged: int  # of those, changes this case already holds
    outcomes: list[Outcome] = field(default_factory=list)
    not_merged: dict[str, int] = field(default_factory=dict)  # action -> count
    not_trusted: list[str] = field(default_factory=list)  # entries left out, and why
    written: bool = False

    def of(self, kind: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind == kind]

    @property
    def changes(self) -> int:
        return len(self.of(APPLIED)) + len(self.of(CONFLICT))

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "other": self.other,
            "common_entries": self.common_entries,
            "other_new_entries": self.other_new,
            "already_merged": self.already_merged,
            "written": self.written,
            "applied": [o.as_json() for o in self.of(APPLIED)],
            "conflicts": [o.as_json() for o in self.of(CONFLICT)],
            "same": [o.as_json() for o in self.of(SAME)],
            "skipped": [o.as_json() for o in self.of(SKIPPED)],
            "not_merged": self.not_merged,
            "not_trusted": self.not_trusted,
        }

    def summary_lines(self) -> list[str]:
        lines = [
            f"{self.other_new} entries in the copy since the copies parted "
            f"({self.already_merged} already merged).",
            f"{len(self.of(APPLIED))} to apply, {len(self.of(CONFLICT))} conflicts, "
            f"{len(self.of(SAME))} already equal, {len(self.of(SKIPPED))} cannot be applied.",
        ]
        for kind, title in ((CONFLICT, "Conflict"), (APPLIED, "Apply"), (SKIPPED, "Skip")):
            lines += [f"  {title}: {o.text}" for o in self.of(kind)]
        if self.not_merged:
            kept = ", ".join(f"{a} ×{n}" for a, n in sorted(self.not_merged.items()))
            lines.append(f"Not merged (they belong to the copy that ran them): {kept}.")
        lines += [f"  Not trusted: {text}" for text in self.not_trusted]
        return lines


def merge_case(case: Case, other_folder: Path | str, write: bool = True) -> MergeReport:
    """Apply the review work done in `other_folder` (a copy of this case) to this case.

    Refuses (MergeRefused) a folder that is not a copy of this case or whose audit chain is
    broken. Nothing is written to the other copy; with write=False nothing is written at all.
    """
    other_folder = Path(other_folder)
    if other_folder.resolve() == case.folder.resolve():
        raise MergeRefused("That is this case's own folder; choose the other officer's copy.")
    here_entries = chain_entries(case.conn, f"this case ({case.folder})")
    require_sound(case, "merge")  # this case's tables agree with its log, its head holds
    other_entries, other_media, other_conn = read_copy(other_folder, case.case_id)
    with closing(other_conn):
        owners = key_owners()
        other_record = check_conn(other_conn, case.case_id, owners)
        if not other_record.ok:
            raise MergeRefused(
                f"The copy in {other_folder} does not agree with its own audit log: "
                f"{'; '.join(other_record.failures[:3])}. Nothing was merged; see "
                f"`reviewer audit --case {other_folder}`."
            )
        common = common_length(here_entries, other_entries)
        if common == 0:
            raise MergeRefused(
                f"{other_folder} shares no history with this case; it is not a copy of it."
            )
        known = known_changes(here_entries)
        since = other_entries[common:]
        new = [e for e in since if not known.intersection(e.origins)]
        report = MergeReport(
            case.case_id, str(other_folder), common, len(since), len(since) - len(new)
        )
        new, report.not_trusted = _trusted_only(new, owners)
        report.not_merged = dict(Counter(e.action for e in new if e.action not in HANDLERS))
        case.conn.execute("BEGIN IMMEDIATE")
        try:
            ctx = _context(case, other_folder, other_conn, other_media, new, here_entries[common:])
            for entry in new:
                handler = HANDLERS.get(entry.action)
                if handler is not None:
                    report.outcomes.append(handler(ctx, entry))
            if write and report.changes:
                audit.append(
                    case.conn,
                    case.officer,
                    case.workstation,
                    "merge.finish",
                    {
                        "folder": str(other_folder),
                        "other_head": other_entries[-1].hash,
                        "common_entries": common,
                        "applied": len(report.of(APPLIED)),
                        "conflicts": len(report.of(CONFLICT)),
                        "skipped": len(report.of(SKIPPED)),
                    },
                )
        except BaseException:
            case.conn.execute("ROLLBACK")
            raise
        case.conn.execute("COMMIT" if write else "ROLLBACK")
        case.note_head()
        report.written = write and report.changes > 0
    if report.written:  # merged transcript corrections are detected on, as when typed here
        from ..corrections import redetect_merged

        redetect_merged(case, report.outcomes)
    return report


def _trusted_only(entries: list[Entry], owners: dict) -> tuple[list[Entry], list[str]]:
    """Entries signed by a key this workstation trusts; the rest named, with their signer."""
    kept, left = [], []
    for e in entries:
        if e.action not in HANDLERS:
            kept.append(e)  # counted as not merged anyway
            continue
        owner = owners.get(e.public_key or "")
        if owner is not None:
            kept.append(e)
            continue
        signer = f"key {e.key_id}" if e.key_id else "no key (unsigned)"
        left.append(
            f"entry {e.seq} ({e.action} by {e.officer} on {e.workstation}): signed by {signer}, "
            "which this workstation does not trust"
        )
    return kept, left


def _context(case, other_folder, other_conn, other_media, new, here_since) -> MergeContext:
    resolver = FlagResolver(case.conn, other_conn, other_media, new, here_since)
    touched = {}
    for e in here_since:
        ref = flag_ref(e.payload)
        if e.action in TOUCHING and ref is not None:
            touched[ref] = e
    ctx = MergeContext(
        case.conn, case.workstation, case.officer, str(other_folder), resolver, touched
    )
    for e in new:
        ref = flag_ref(e.payload)
        if e.action == "flag.decide" and ref is not None:
            ctx.other_decisions.setdefault(ref, []).append(e)
    return ctx

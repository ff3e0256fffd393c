"""What a merge does with each kind of audit entry of the other copy: one handler per action.

A handler gets the entry and the merge context (this case's open transaction, the flag resolver,
what this case changed since the copies parted) and returns an Outcome. Every write it makes goes
with a new audit entry whose payload cites the other copy's entry hash (`cites`), so the same
change is never applied twice. To merge a new action, write a handler and add it to HANDLERS.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..store import audit
from ..store.case import utc_now, write_decision
from ..store.corrections import current_corrections, write_correction
from .copies import Entry
from .flags import FlagResolver, flag_key
from .payloads import added_flag, edit_sides, flag_ref, with_added_ids

# Outcome kinds, in the order a summary lists them.
APPLIED, CONFLICT, SAME, SKIPPED, FOLDED = "applied", "conflict", "same", "skipped", "folded"


@dataclass
class Outcome:
    kind: str
    entry: Entry
    flag_id: int | None  # in this case
    text: str  # one line an officer can read
    sides: dict[str, Any] | None = None  # for a conflict: {"here": ..., "other": ...}
    segment_id: int | None = None  # in this case, for a transcript correction

    def as_json(self) -> dict[str, Any]:
        out = {
            "kind": self.kind,
            "action": self.entry.action,
            "flag_id": self.flag_id,
            "officer": self.entry.officer,
            "utc": self.entry.utc,
            "other_hash": self.entry.hash,
            "text": self.text,
        }
        if self.sides is not None:
            out.update(self.sides)
        return out


@dataclass
class MergeContext:
    conn: sqlite3.Connection  # this case, inside the merge's transaction
    workstation: str
    merged_by: str
    source: str  # the other copy's folder, for the audit trail
    resolver: FlagResolver
    #: this case's flags changed since the copies parted -> the last entry that changed each.
    touched_here: dict[int, Entry]
    #: the other copy's new decision entries, per other flag id, in order.
    other_decisions: dict[int, list[Entry]] = field(default_factory=dict)

    def provenance(self, entries: list[Entry]) -> dict[str, Any]:
        last = entries[-1]
        return {
            "cites": sorted({h for e in entries for h in e.origins}),
            "merged_from": {
                "seq": last.seq,
                "utc": last.utc,
                "officer": last.officer,
                "workstation": last.workstation,
                "folder": self.source,
            },
            "merged_by": self.merged_by,
        }

    def flag_row(self, flag_id: int) -> dict[str, Any]:
        cur = self.conn.execute("SELECT * FROM flag WHERE id = ?", (flag_id,))
        names = [d[0] for d in cur.description]
        return dict(zip(names, cur.fetchone(), strict=True))

    def mark_conflict(
        self, flag_id: int, here: dict, other: dict, entries: list[Entry], status: str | None
    ) -> None:
        """Keep the flag for a senior officer: both sides on the flag and in the audit log."""
        before = self.flag_row(flag_id)["status"]
        to = status or before
        self.conn.execute(
            "UPDATE flag SET status = ?, conflict = ?, updated_utc = ? WHERE id = ?",
            (
                to,
                json.dumps({"here": here, "other": other}, ensure_ascii=False),
                utc_now(),
                flag_id,
            ),
        )
        payload = {"flag_id": flag_id, "from": before, "to": to, "here": here, "other": other}
        audit.append(
            self.conn,
            self.merged_by,
            self.workstation,
            "merge.conflict",
            {**payload, **self.provenance(entries)},
        )


Handler = Callable[[MergeContext, Entry], Outcome]


def _side(entry: Entry | None, status: str, note: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "officer": entry.officer if entry else None,
        "workstation": entry.workstation if entry else None,
        "utc": entry.utc if entry else None,
        "status": status,
        "note": note,
        "hash": entry.hash if entry else None,
        **extra,
    }


def _resolve(ctx: MergeContext, e: Entry, seq: int) -> tuple[int | None, Outcome | None]:
    ref = flag_ref(e.payload)
    here_id, why = ctx.resolver.resolve(ref, seq) if ref is not None else (None, "no flag named")
    if here_id is None:
        return None, Outcome(SKIPPED, e, None, f"{e.action} on flag {ref} of the copy: {why}")
    return here_id, None


def merge_decision(ctx: MergeContext, e: Entry) -> Outcome:
    """A decision or note. Applied as it was made, unless this case changed the same flag since
    the copies parted: then the final states are compared, and if they differ the flag keeps
    both sides for a senior officer (status unsure)."""
    here_id, skipped = _resolve(ctx, e, e.seq)
    if skipped:
        return skipped
    to, note = e.payload["to"], e.payload.get("note")
    if here_id not in ctx.touched_here:
        write_decision(
            ctx.conn,
            ctx.workstation,
            here_id,
            to,
            e.officer,
            note,
            e.utc,
            ctx.provenance([e]),
            signed_by=ctx.merged_by,
        )
        return Outcome(APPLIED, e, here_id, f"flag {here_id}: {to} by {e.officer}")
    chain = ctx.other_decisions[flag_ref(e.payload)]
    if e is not chain[-1]:
        return Outcome(FOLDED, e, here_id, f"flag {here_id}: superseded in the copy")
    notes = [x.payload.get("note") for x in chain if x.payload.get("note") is not None]
    other_note = notes[-1] if notes else None
    row = ctx.flag_row(here_id)
    if row["status"] == to and other_note in (None, row["note"] or "", row["note"]):
        return Outcome(SAME, e, here_id, f"flag {here_id}: both copies say {to}")
    mine = ctx.touched_here[here_id]
    here = _side(mine, row["status"], row["note"], officer=row["reviewer"] or mine.officer)
    other = _side(e, to, other_note if other_note is not None else row["note"])
    ctx.mark_conflict(here_id, here, other, chain, "unsure")
    return Outcome(
        CONFLICT,
        e,
        here_id,
        f"flag {here_id}: {here['officer']} said {row['status']} here, "
        f"{e.officer} said {to} in the copy",
        {"here": here, "other": other},
    )


def merge_audit_only(ctx: MergeContext, e: Entry) -> Outcome:
    """An officer action that changes no data (a revealed picture): logged here too."""
    here_id, skipped = _resolve(ctx, e, e.seq)
    if skipped:
        return skipped
    payload = {**e.payload, "flag_id": here_id, **ctx.provenance([e])}
    audit.append(ctx.conn, e.officer, ctx.workstation, e.action, payload, ctx.merged_by)
    return Outcome(APPLIED, e, here_id, f"flag {here_id}: {e.action} by {e.officer}")


def merge_added_flag(ctx: MergeContext, e: Entry) -> Outcome:
    """A flag an officer made in the copy: created here (unless an identical one exists)."""
    fields = added_flag(e.payload)
    ref = flag_ref(e.payload)
    media_id = ctx.resolver.here_media_id(fields.get("media_id"))
    if media_id is None or ref is None:
        return Outcome(SKIPPED, e, None, "flag.add: its recording is not in this case")
    existing = ctx.resolver.find_here(media_id, fields, None)
    if existing is not None:
        ctx.resolver.created[ref] = existing
        return Outcome(SAME, e, existing, f"flag {existing}: already in this case")
    columns = [r[1] for r in ctx.conn.execute("PRAGMA table_info(flag)")]
    values = {k: v for k, v in fields.items() if k in columns and k not in ("id", "conflict")}
    values["media_id"] = media_id
    for name in ("matched", "models"):  # JSON columns may arrive parsed
        if isinstance(values.get(name), list | dict):
            values[name] = json.dumps(values[name], ensure_ascii=False)
    new_id = ctx.conn.execute(
        f"INSERT INTO flag ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
        list(values.values()),
    ).lastrowid
    ctx.resolver.created[ref] = new_id
    payload = {**with_added_ids(e.payload, new_id, media_id), **ctx.provenance([e])}
    audit.append(ctx.conn, e.officer, ctx.workstation, "flag.add", payload, ctx.merged_by)
    return Outcome(
        APPLIED, e, new_id, f"flag {new_id}: added by {e.officer} ({fields['category']})"
    )


def merge_edit(ctx: MergeContext, e: Entry) -> Outcome:
    """A span or category edit: applied when this case still has the old values; when this case
    edited the same flag differently, both edits are kept on the flag for a senior officer."""
    here_id, skipped = _resolve(ctx, e, e.seq - 1)
    if skipped:
        return skipped
    old, new = edit_sides(e.payload)
    row = ctx.flag_row(here_id)
    key = lambda f: flag_key(row["media_id"], {**row, **f})  # noqa: E731
    if key(new) == key({}):
        return Outcome(SAME, e, here_id, f"flag {here_id}: both copies have this span")
    if key(old) != key({}) and here_id in ctx.touched_here:
        mine = {k: row[k] for k in new}
        here = _side(ctx.touched_here[here_id], row["status"], row["note"], edit=mine)
        other = _side(e, row["status"], row["note"], edit=new)
        ctx.mark_conflict(here_id, here, other, [e], None)
        return Outcome(
            CONFLICT,
            e,
            here_id,
            f"flag {here_id}: edited differently",
            {"here": here, "other": other},
        )
    sets = dict(new)
    if "start_s" in new:
        sets["play_from_s"] = max(0.0, float(new["start_s"]) - 3.0)
    # The span is now an officer's: re-detection here must leave it as it is (edited_by).
    now = utc_now()
    ctx.conn.execute(
        f"UPDATE flag SET {', '.join(f'{k} = ?' for k in sets)}, updated_utc = ?,"
        " edited_by = ?, edited_utc = ? WHERE id = ?",
        [*sets.values(), now, e.officer, e.utc or now, here_id],
    )
    payload = {**e.payload, "flag_id": here_id, **ctx.provenance([e])}
    audit.append(ctx.conn, e.officer, ctx.workstation, "flag.edit", payload, ctx.merged_by)
    return Outcome(APPLIED, e, here_id, f"flag {here_id}: edited by {e.officer}")


def merge_removed_flag(ctx: MergeContext, e: Entry) -> Outcome:
    """An officer flag taken back in the copy (undo of its add): taken back here too, unless an
    officer here has decided or reshaped it since (then it stays, for a senior officer)."""
    here_id, skipped = _resolve(ctx, e, e.seq - 1)
    if skipped:
        return skipped
    row = ctx.flag_row(here_id)
    if row["source"] != "officer":
        return Outcome(SKIPPED, e, here_id, f"flag {here_id}: raised by the analysis, not removed")
    if here_id in ctx.touched_here:
        return Outcome(SKIPPED, e, here_id, f"flag {here_id}: changed here since, kept")
    ctx.conn.execute("UPDATE detection SET flag_id = NULL WHERE flag_id = ?", (here_id,))
    ctx.conn.execute("DELETE FROM flag WHERE id = ?", (here_id,))
    payload = {**e.payload, "flag_id": here_id, **ctx.provenance([e])}
    audit.append(ctx.conn, e.officer, ctx.workstation, "flag.remove", payload, ctx.merged_by)
    return Outcome(APPLIED, e, here_id, f"flag {here_id}: taken back by {e.officer}")


def merge_correction(ctx: MergeContext, e: Entry) -> Outcome:
    """An officer's transcript correction in the copy: applied when this case still shows the
    text it corrected; when this case corrected the segment differently, this case's text stays
    and both are logged (merge.conflict) for a senior officer. Re-detection on the merged text
    runs after the merge commits (reviewer.corrections.redetect_merged)."""
    p = e.payload
    media_id = ctx.resolver.here_media.get(p.get("media_sha256") or "")
    if media_id is None:
        return Outcome(SKIPPED, e, None, "segment.correct: its recording is not in this case")
    row = ctx.conn.execute(
        "SELECT id FROM segment WHERE media_id = ? AND start_s = ? AND end_s = ?"
        " AND coalesce(engine, '') = coalesce(?, '') ORDER BY id = ? DESC, id LIMIT 1",
        (media_id, p.get("start_s"), p.get("end_s"), p.get("engine"), p.get("segment_id")),
    ).fetchone()
    if row is None:
        return Outcome(SKIPPED, e, None, "segment.correct: that segment is not in this case")
    seg_id = row[0]
    shown = current_corrections(ctx.conn, [seg_id]).get(seg_id)
    machine = ctx.conn.execute("SELECT text FROM segment WHERE id = ?", (seg_id,)).fetchone()[0]
    here_text = shown["text"] if shown else machine
    new = p.get("new")
    if here_text == new:
        return Outcome(
            SAME, e, None, f"segment {seg_id}: both copies read it the same", None, seg_id
        )
    if here_text != p.get("old"):
        # Same shape as a flag conflict's sides (the merge summary reads officer/utc/status);
        # `status` carries the text, quoted, as a segment has no decision.
        here = {
            "officer": shown["officer"] if shown else None,
            "workstation": None,
            "utc": shown["utc"] if shown else None,
            "status": f'"{here_text}"',
            "note": None,
            "hash": shown["audit_hash"] if shown else None,
            "text": here_text,
        }
        other = {**_side(e, f'"{new}"', None), "text": new}
        audit.append(
            ctx.conn,
            ctx.merged_by,
            ctx.workstation,
            "merge.conflict",
            {"segment_id": seg_id, "here": here, "other": other, **ctx.provenance([e])},
        )
        return Outcome(
            CONFLICT,
            e,
            None,
            f'segment {seg_id}: corrected differently; kept "{here_text}", '
            f'{e.officer} wrote "{new}" in the copy',
            {"here": here, "other": other},
            seg_id,
        )
    write_correction(ctx.conn, ctx.workstation, seg_id, new, e.officer, e.utc, ctx.provenance([e]))
    return Outcome(APPLIED, e, None, f"segment {seg_id}: corrected by {e.officer}", None, seg_id)


#: Audit actions a merge replays. Anything else (analysis, ingest, exports) belongs to the copy
#: that ran it and is only counted in the summary.
HANDLERS: dict[str, Handler] = {
    "flag.decide": merge_decision,
    "flag.reveal": merge_audit_only,
    "flag.add": merge_added_flag,
    "flag.edit": merge_edit,
    "flag.remove": merge_removed_flag,
    "segment.correct": merge_correction,
}

#: Actions that change a flag's decision or span: this case's own entries of these kinds since
#: the copies parted make a merged change to the same flag a possible conflict.
TOUCHING = ("flag.decide", "flag.edit", "merge.conflict")

"""Which flag of this case a flag of the other copy is.

Flag ids are per copy: a flag both copies had when they parted usually keeps its id, but analysis
re-run in either copy or flags added by officers make ids differ. So a flag is found by what it
is: its recording (SHA-256), source, category and span, as they were when the entry was written
(span edits made afterwards in the other copy are undone to get there).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .copies import Entry
from .payloads import added_flag, edit_sides, flag_ref

FIELDS = ("media_id", "source", "category", "start_s", "end_s")
Key = tuple[int, str, str, float, float]


def flag_key(media_id: int, fields: dict[str, Any]) -> Key:
    # Rounded: the same span read back from two databases is the same float, but a span typed
    # by an officer may come through a different path.
    return (
        media_id,
        fields.get("source") or "",
        fields["category"],
        round(float(fields.get("start_s") or 0.0), 2),
        round(float(fields.get("end_s") or 0.0), 2),
    )


class FlagResolver:
    def __init__(
        self,
        here: sqlite3.Connection,
        other: sqlite3.Connection,
        other_media: dict[int, str],
        other_since: list[Entry],
        here_since: list[Entry],
    ) -> None:
        self.here = here
        self.other = other
        self.other_media = other_media
        self.here_media = {sha: i for i, sha in here.execute("SELECT id, sha256 FROM media")}
        #: other flag id -> this case's flag id, for flags this merge created.
        self.created: dict[int, int] = {}
        self.other_edits: dict[int, list[Entry]] = {}
        self.other_added: dict[int, dict[str, Any]] = {}
        for e in other_since:
            ref = flag_ref(e.payload)
            if e.action == "flag.edit" and ref is not None:
                self.other_edits.setdefault(ref, []).append(e)
            elif e.action == "flag.add" and ref is not None:
                self.other_added[ref] = added_flag(e.payload)
        # Spans this case had before its own edits since the copies parted still name the flag.
        self.here_old: dict[Key, int] = {}
        for e in here_since:
            ref = flag_ref(e.payload)
            row = self._here_row(ref) if e.action == "flag.edit" and ref is not None else None
            if row is not None:
                old, _new = edit_sides(e.payload)
                self.here_old[flag_key(row["media_id"], {**row, **old})] = ref

    def _here_row(self, flag_id: int) -> dict[str, Any] | None:
        cur = self.here.execute(f"SELECT {', '.join(FIELDS)} FROM flag WHERE id = ?", (flag_id,))
        row = cur.fetchone()
        return dict(zip(FIELDS, row, strict=True)) if row else None

    def here_media_id(self, other_media_id: int | None) -> int | None:
        return self.here_media.get(self.other_media.get(other_media_id or -1, ""))

    def other_fields_at(self, flag_id: int, seq: int) -> dict[str, Any] | None:
        """The other copy's flag as it was just after entry `seq`."""
        row = self.other.execute(
            f"SELECT {', '.join(FIELDS)} FROM flag WHERE id = ?", (flag_id,)
        ).fetchone()
        fields = dict(zip(FIELDS, row, strict=True)) if row else self.other_added.get(flag_id)
        if fields is None:
            return None
        fields = dict(fields)
        for e in reversed(self.other_edits.get(flag_id, [])):
            if e.seq <= seq:
                break
            old, _new = edit_sides(e.payload)
            fields.update(old)
        return fields

    def find_here(self, media_id: int, fields: dict[str, Any], hint: int | None) -> int | None:
        """This case's flag with the same recording, source, category and span."""
        key = flag_key(media_id, fields)
        if hint is not None:
            row = self._here_row(hint)
            if row is not None and flag_key(row["media_id"], row) == key:
                return hint
        for flag_id, *values in self.here.execute(
            f"SELECT id, {', '.join(FIELDS)} FROM flag WHERE media_id = ? AND category = ?",
            (media_id, fields["category"]),
        ):
            if flag_key(media_id, dict(zip(FIELDS, values, strict=True))) == key:
                return flag_id
        return self.here_old.get(key)

    def resolve(self, other_flag_id: int, seq: int) -> tuple[int | None, str]:
        """(this case's flag id, "") or (None, why it cannot be found)."""
        if other_flag_id in self.created:
            return self.created[other_flag_id], ""
        fields = self.other_fields_at(other_flag_id, seq)
        if fields is None:
            return None, "the flag no longer exists in the other copy"
        media_id = self.here_media_id(fields["media_id"])
        if media_id is None:
            return None, "its recording is not in this case (add and analyse it here first)"
        found = self.find_here(media_id, fields, other_flag_id)
        if found is None:
            return None, (
                "no flag here has its recording, category and span (analyse the recording "
                "here with the same settings, then merge again)"
            )
        return found, ""

"""The shapes of the audit payloads a merge reads, in one place.

`flag.decide` is written by reviewer.store.case.write_decision. `flag.add` and `flag.edit` come
from officer-made flags: flag.add carries every field of the new flag (at the top level or under
"flag"), flag.edit carries the flag id and the old and new span/category (under "old"/"new", or
"from"/"to"). If those payloads change shape, only this module changes.
"""

from __future__ import annotations

from typing import Any

#: Fields of a flag that an edit may change.
EDITABLE = ("start_s", "end_s", "category")


def flag_ref(payload: dict[str, Any]) -> int | None:
    """The flag an entry is about, as an id of the case that wrote it."""
    value = payload.get("flag_id")
    if value is None and isinstance(payload.get("flag"), dict):
        value = payload["flag"].get("id")
    return int(value) if value is not None else None


def added_flag(payload: dict[str, Any]) -> dict[str, Any]:
    """Every field of a flag made by an officer."""
    fields = payload.get("flag") if isinstance(payload.get("flag"), dict) else payload
    return {k: v for k, v in fields.items() if k not in ("cites", "merged_from", "merged_by")}


def with_added_ids(payload: dict[str, Any], flag_id: int, media_id: int) -> dict[str, Any]:
    """A flag.add payload renumbered for the case it is merged into."""
    if isinstance(payload.get("flag"), dict):
        return {**payload, "flag_id": flag_id, "flag": {**payload["flag"], "media_id": media_id}}
    return {**payload, "flag_id": flag_id, "media_id": media_id}


def edit_sides(payload: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (old, new) editable fields of a flag.edit entry."""
    old = payload.get("old", payload.get("from")) or {}
    new = payload.get("new", payload.get("to")) or {}
    return (
        {k: old[k] for k in EDITABLE if k in old},
        {k: new[k] for k in EDITABLE if k in new},
    )

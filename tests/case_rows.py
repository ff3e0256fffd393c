"""What an analysis stored in a case, as comparable rows (media named by SHA-256, not by id)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.store import open_case


def case_rows(folder: Path) -> dict[str, Any]:
    with open_case(folder, create=False) as case:
        media = {m["id"]: m["sha256"] for m in case.list_media()}
        return {
            "status": sorted((m["sha256"], m["status"]) for m in case.list_media()),
            "segments": sorted(
                (media[s["media_id"]], s["start_s"], s["end_s"], s["text"]) for s in case.segments()
            ),
            "texts": sorted(
                (media[t["media_id"]], t["start_s"] or 0, t["text"]) for t in case.frame_texts()
            ),
            "flags": sorted(
                (
                    media[f["media_id"]],
                    f["category"],
                    f["source"],
                    f["start_s"],
                    f["end_s"],
                    f["score"],
                )
                for f in case.flags()
            ),
        }

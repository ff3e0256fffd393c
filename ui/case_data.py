"""What the window shows of an open case, read from the database on the UI thread.

Reads are indexed and small (a 4-hour case opens in well under a second, see bench/bench_ui.py);
all writes go through reviewer.store.Case so they are committed and audit-logged.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reviewer.session import (
    Case,
    add_officer_flag,
    decide,
    edit_flag,
    open_case,
    remove_officer_flag,
)


def fold(text: str) -> str:
    """Lower case without tones or diacritics, so 'co bac' finds 'cờ bạc'."""
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass
class SearchHit:
    media_id: int
    start_s: float
    source: str  # speech | ocr
    text: str


class CaseData:
    """An open case and cached views of its media, flags, segments and on-screen text."""

    def __init__(self, folder: Path, officer: str | None = None, create: bool = True) -> None:
        self.case: Case = open_case(folder, officer=officer, create=create)
        self.folder = Path(folder)
        self.media: list[dict] = []
        self.flags: list[dict] = []
        self._segments: dict[int, list[dict]] = {}
        self._texts: dict[int, list[dict]] = {}
        self.reload()

    def close(self) -> None:
        self.case.close()

    def reload(self) -> None:
        self.media = self.case.list_media()
        self.flags = self.case.flags()
        self._segments.clear()
        self._texts.clear()

    def reload_flags(self) -> None:
        self.flags = self.case.flags()

    def reload_media(self) -> None:
        self.media = self.case.list_media()
        # Analysis may have added transcript or text rows since they were cached.
        self._segments.clear()
        self._texts.clear()

    def media_by_id(self, media_id: int) -> dict | None:
        return next((m for m in self.media if m["id"] == media_id), None)

    def flag_by_id(self, flag_id: int) -> dict | None:
        return next((f for f in self.flags if f["id"] == flag_id), None)

    def flags_of(self, media_id: int) -> list[dict]:
        return [f for f in self.flags if f["media_id"] == media_id]

    def segments(self, media_id: int) -> list[dict]:
        if media_id not in self._segments:
            self._segments[media_id] = self.case.transcript_segments(media_id)
        return self._segments[media_id]

    def frame_texts(self, media_id: int) -> list[dict]:
        if media_id not in self._texts:
            self._texts[media_id] = self.case.frame_texts(media_id)
        return self._texts[media_id]

    def media_path(self, media: dict) -> Path:
        return self.case.media_path(media)

    def decide(self, flag_id: int, decision: str, note: str | None = None) -> dict:
        """Commit and audit-log one decision (one transaction), then update the cached row."""
        row = decide(self.case, flag_id, decision, note)
        for i, flag in enumerate(self.flags):
            if flag["id"] == flag_id:
                self.flags[i] = row
        return row

    def add_flag(
        self,
        media_id: int,
        start_s: float | None,
        end_s: float | None,
        category: str,
        note: str | None,
        categories: list[str] | None = None,
    ) -> dict:
        """An officer-made flag, committed with its audit entry; the cached flags re-read."""
        flag = add_officer_flag(
            self.case, media_id, start_s, end_s, category, note, self.case.officer, categories
        )
        self.reload_flags()
        return flag

    def edit_flag(
        self, flag_id: int, start_s: float | None, end_s: float | None, category: str
    ) -> dict:
        flag = edit_flag(self.case, flag_id, start_s, end_s, category, self.case.officer)
        self.reload_flags()
        return flag

    def remove_flag(self, flag_id: int) -> None:
        remove_officer_flag(self.case, flag_id, self.case.officer)
        self.reload_flags()

    def search(self, query: str, limit: int = 500) -> list[SearchHit]:
        """Every transcript segment and on-screen text of the case containing the query."""
        needle = fold(query.strip())
        if not needle:
            return []
        hits: list[SearchHit] = []
        for media in self.media:
            for seg in self.segments(media["id"]):
                if needle in fold(seg["text"]):
                    hits.append(SearchHit(media["id"], seg["start_s"], "speech", seg["text"]))
            for item in self.frame_texts(media["id"]):
                if needle in fold(item["text"]):
                    hits.append(SearchHit(media["id"], item["start_s"] or 0.0, "ocr", item["text"]))
            if len(hits) >= limit:
                break
        return hits[:limit]

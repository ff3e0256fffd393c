"""Typed states of analysis: what a media row's status and a progress event's stage may be.

String-valued (StrEnum), so the values stored in the case and shown to callers are the same
strings as before: MediaStatus.ANALYZED == "analyzed".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class MediaStatus(StrEnum):
    PENDING = "pending"  # ingested, not (or not completely) analysed: a re-run resumes it
    ANALYZING = "analyzing"
    ANALYZED = "analyzed"
    FAILED = "failed"


class Stage(StrEnum):
    """Where one file is in a run (ProgressEvent.stage)."""

    INGEST = "ingest"
    SPEECH = "speech"
    OCR = "ocr"
    CLUSTER = "cluster"  # ranges coming back from an executor: the fraction of them applied
    DETECT = "detect"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Media:
    """What analysis reads of one media row."""

    id: int
    sha256: str
    kind: str | None  # video | audio | image; None: unreadable as media
    status: MediaStatus
    duration_s: float | None = None
    has_audio: bool = False
    vision_done: bool = False
    vision_done_s: float | None = None
    error: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Media:
        return cls(
            id=row["id"],
            sha256=row["sha256"],
            kind=row.get("kind"),
            status=MediaStatus(row.get("status") or MediaStatus.PENDING),
            duration_s=row.get("duration_s"),
            has_audio=bool(row.get("has_audio")),
            vision_done=bool(row.get("vision_done")),
            vision_done_s=row.get("vision_done_s"),
            error=row.get("error"),
        )

    def probe(self) -> dict[str, Any]:
        """What plan_ranges needs of the media, as plain data (sent to a worker)."""
        return {"kind": self.kind, "duration_s": self.duration_s, "has_audio": self.has_audio}

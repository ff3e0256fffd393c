"""Progress events of export and verification, for a progress bar (the UI marshals them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """`done`/`total` count bytes where files are copied or hashed, else steps."""

    stage: str  # check | originals | clips | transcripts | report | seal | write | verify | done
    done: int
    total: int
    message: str = ""

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


OnProgress = Callable[[Progress], None]


def _ignore(event: Progress) -> None:
    pass


def or_ignore(callback: OnProgress | None) -> OnProgress:
    return callback or _ignore

"""Progress events drawn as a one-line bar on a terminal, or as occasional lines in a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .analysis.options import ProgressEvent


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class ProgressPrinter:
    def __init__(self, stream: TextIO | None = None) -> None:
        # sys.stderr read now, not at import: it may have been replaced since (tests, a GUI)
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()
        self._last = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        name = event.path.name
        head = f"[{event.file_index + 1}/{event.file_count}] {name}"
        if event.stage in ("done", "failed", "skipped"):
            tail = {"done": "done", "failed": "FAILED", "skipped": "already analysed"}[event.stage]
            msg = f": {event.message}" if event.message else ""
            self._line(f"{head}: {tail}{msg}", final=True)
            return
        now = time.monotonic()
        if not self.tty and now - self._last < 5:
            return  # logs get a line every few seconds, not a flood
        self._last = now
        width = 30
        filled = int(event.fraction * width)
        bar = "#" * filled + "." * (width - filled)
        self._line(
            f"{head} {event.stage:<6} [{bar}] {event.fraction * 100:5.1f}%  left {_clock(event.eta_s)}",
            final=False,
        )

    def _line(self, text: str, final: bool) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + text + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

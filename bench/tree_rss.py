"""Resident memory of a process and everything it started, read together.

The default analysis is two processes (the application and its analysis child). Adding each one's
own peak overstates what they held at once: the child peaks while it decodes a range, the
application while it detects over the whole file. A sampler that reads both at the same moment
gives the figure the machine had to hold.
"""

from __future__ import annotations

import contextlib
import threading

import psutil


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(the process's own RSS, the summed RSS of everything it started), in bytes."""
    try:
        own = proc.memory_info().rss
        kids = proc.children(recursive=True)
    except psutil.Error:
        return 0, 0
    rest = 0
    for kid in kids:
        with contextlib.suppress(psutil.Error):  # a child that just ended
            rest += kid.memory_info().rss
    return own, rest


class TreePeak:
    """Samples tree_rss every `every_s` in a thread while in a `with` block; the peaks in bytes."""

    def __init__(self, proc: psutil.Process | None = None, every_s: float = 0.2) -> None:
        self.proc = proc or psutil.Process()
        self.every_s = every_s
        self.peak = {"parent": 0, "child": 0, "sum": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def sample(self) -> tuple[int, int]:
        own, rest = tree_rss(self.proc)
        self.peak["parent"] = max(self.peak["parent"], own)
        self.peak["child"] = max(self.peak["child"], rest)
        self.peak["sum"] = max(self.peak["sum"], own + rest)
        return own, rest

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self.sample()

    def __enter__(self) -> TreePeak:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

"""One analysis of a case at a time: an OS lock on `<case>/analysis.lock`.

The operating system holds the lock for the process (flock on POSIX, msvcrt on Windows), so a
killed analysis leaves no stale lock: the next one takes it over. The file names who holds it,
so a second analysis is refused with "being analysed by PID … on HOST since …". Reviewers
may read and decide meanwhile: only analysis takes this lock.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import CaseError

LOCK_NAME = "analysis.lock"


class CaseBeingAnalysed(CaseError):
    """Another process is analysing this case right now."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows workstations
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    return f"PID {info.get('pid', '?')} on {info.get('host', '?')} since {info.get('since', '?')}"


@contextmanager
def analysis_lock(folder: Path) -> Iterator[None]:
    """Hold the case's analysis lock for the block; CaseBeingAnalysed when another holds it."""
    path = Path(folder) / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            raise CaseBeingAnalysed(
                f"This case is being analysed by {_holder(path)}; wait for that analysis to "
                "finish (or stop it), then run this one: it resumes where the other stopped."
            )
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        # Past the locked byte on Windows, whole file on POSIX: who holds it, for the message.
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode("utf-8"))
        os.fsync(fd)
        yield
    finally:
        os.close(fd)  # releases the lock

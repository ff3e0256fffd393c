"""How pictures share the cores with speech when both run at once (in a range or a file).

CTranslate2 and ONNX Runtime release the GIL, so a second thread really uses the second core.
"""

from __future__ import annotations

import os
import sys
import threading

# Nice increment of the picture thread on Linux: the scheduler then gives speech the cores it
# wants and the pictures the rest (their sessions are single-threaded, so nothing spins).
WORKER_NICE = 10


def vision_threads() -> int:
    """ONNX Runtime threads for picture models that run beside speech: half the cores."""
    return max(1, (os.cpu_count() or 2) // 2)


def lower_thread_priority() -> None:
    """Best effort: a lower priority for the calling thread only (never the process)."""
    try:
        if sys.platform.startswith("linux"):
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + WORKER_NICE)
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # BELOW_NORMAL
    except (OSError, AttributeError, ValueError):
        pass  # an unchanged priority only costs speed

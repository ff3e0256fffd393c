"""glibc's heap over a long analysis: big native buffers go back to the system when freed.

glibc raises its mmap threshold (up to 32 MiB) each time a big block is freed. From then on
Whisper's and the picture models' per-chunk buffers (MiBs each, from several threads) come
from the heap, and the holes they leave stay resident: measured on a resumed 4-hour video,
0.35-0.4 GB of the process's RSS was free heap, and the peak crept from 0.95 to 1.22 GB
(issue 13). A fixed threshold stops the raising: blocks of that size or more are mapped on
their own and unmapped when freed.
"""

from __future__ import annotations

import ctypes
import os
import sys

# 4 MiB: same run, peak 0.82 GB instead of 1.04 GB after 4 minutes, speed within the noise.
# 1 MiB got 0.64 GB but cost about a third of the speech speed (a fresh mapping, zeroed by
# the kernel, for every buffer). More arenas or malloc_trim did not lower the peak.
MMAP_THRESHOLD = 4 * 1024 * 1024
M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
ENV_OVERRIDE = "MALLOC_MMAP_THRESHOLD_"  # glibc's own variable: a user's setting wins


def map_big_blocks_apart() -> bool:
    """Fix glibc's mmap threshold for the rest of the process; True when it was set.

    Elsewhere (Windows, macOS, musl) nothing happens: their allocators do not do this.
    """
    if not sys.platform.startswith("linux") or os.environ.get(ENV_OVERRIDE):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))

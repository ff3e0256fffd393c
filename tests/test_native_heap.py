"""glibc keeps big freed blocks mapped apart once analysis starts (issue 13: RSS creep)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# In a child process: the setting is process-wide. An 8 MiB block freed raises glibc's own
# threshold to 8 MiB, so a 6 MiB block then comes from the heap; with the threshold fixed at
# 4 MiB it is mapped apart (mallinfo2's hblkhd counts mapped bytes) and unmapped when freed.
CHILD = """
import ctypes, sys
from reviewer.native_heap import map_big_blocks_apart

class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd",
                "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.mallinfo2.restype = Info
if sys.argv[1] == "fixed":
    assert map_big_blocks_apart()
libc.free(libc.malloc(8 << 20))
before = libc.mallinfo2().hblkhd
block = libc.malloc(6 << 20)
print(libc.mallinfo2().hblkhd - before >= 6 << 20)
libc.free(block)
"""


def _mapped_apart(mode: str) -> bool:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], capture_output=True, text=True, check=True
    )
    return out.stdout.strip() == "True"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_big_blocks_are_mapped_apart_after_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    assert not _mapped_apart("default")  # glibc's raised threshold: from the heap
    assert _mapped_apart("fixed")


def test_a_users_own_threshold_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.native_heap import map_big_blocks_apart

    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert not map_big_blocks_apart()

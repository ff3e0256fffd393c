"""The child's side of reviewer.analysis.child_process: the loop a spawned analysis process runs.

Why a child at all: recordings come from the internet, and their decoders (FFmpeg through PyAV,
image codecs, OCR and model runtimes) parse hostile bytes here. This process therefore holds no
officer key, no passphrase and no case handle: it receives (task, arguments), returns plain data as
JSON (never a pickle: the parent must not run anything a compromised child crafts), and the parent
validates that data before it stores any of it. A crash, hang or balloon here costs one file.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..errors import ReviewerError

#: Test-only fault injection, read only here: "crash|hang|balloon|garble[:part of a file name]"
#: (garble: an answer that is not JSON, as a child taken over by an exploit might send).
FAULT_ENV = "REVIEWER_TEST_CHILD_FAULT"
BEAT_S = 1.0
PROGRESS_S = 0.5
#: Secrets the parent may hold in its environment; a spawned child inherits it, so they go first.
SECRET_ENV = ("REVIEWER_PASSPHRASE", "REVIEWER_OLD_PASSPHRASE")


def _scrub_environment() -> None:
    for name in list(os.environ):
        if name in SECRET_ENV or "PASSPHRASE" in name.upper():
            os.environ.pop(name, None)


def _limit_memory(limit_bytes: int | None) -> None:
    """An address-space ceiling where the OS has one (Linux, macOS): an allocation past it fails
    at once with MemoryError instead of the parent's watchdog catching it a moment later."""
    if not limit_bytes:
        return
    try:
        import resource
    except ImportError:  # Windows: the parent's RSS watchdog is the limit
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))


def _task_file(args: tuple) -> str:
    return os.path.basename(str(args[0])) if args and isinstance(args[0], str) else ""


def _inject_fault(args: tuple, channel: _Channel) -> None:
    """Tests only: misbehave like a broken decoder on the file whose name matches."""
    spec = os.environ.get(FAULT_ENV, "")
    if not spec:
        return
    kind, _, match = spec.partition(":")
    if match and match not in _task_file(args):
        return
    if kind == "crash":
        faulthandler.disable()  # keep the test log short
        ctypes.string_at(0)  # SIGSEGV, as a decoder's bad read would
    elif kind == "hang":
        while True:
            time.sleep(3600)
    elif kind == "balloon":
        hoard = []
        while True:  # touched pages, so RSS grows as well as the address space
            hoard.append(b"\x01" * (32 * 1024 * 1024))
            time.sleep(0.005)
    elif kind == "garble":
        with channel.lock:
            channel.conn.send_bytes(b"\x80\x04\x95 not json")
        while True:
            time.sleep(3600)


class _Channel:
    """JSON messages to the parent, one writer at a time (the task and the heartbeat)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.lock = threading.Lock()

    def send(self, message: list[Any]) -> None:
        body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with self.lock:
            self.conn.send_bytes(body)


def _signature(frame: Any) -> tuple:
    """Where a thread is: every frame's code and instruction, innermost first."""
    where = []
    while frame is not None:
        where.append((id(frame.f_code), frame.f_lasti))
        frame = frame.f_back
    return tuple(where)


def _stacks() -> tuple:
    """Where every thread but this one is: the task's and the picture thread beside its speech
    (a task waiting for its picture thread is not stuck while that thread moves)."""
    me = threading.get_ident()
    return tuple(
        sorted((tid, _signature(f)) for tid, f in sys._current_frames().items() if tid != me)
    )


def _heartbeat(channel: _Channel) -> None:
    """Each second: a counter that moves whenever a thread's stack has moved since the last look.

    A decoder stuck in C (or asleep) leaves the stacks where they were, so the counter stops and
    the parent's no-progress limit runs out; a task that holds the GIL forever stops the beats."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    counter, last = 0, None
    while True:
        time.sleep(BEAT_S)
        if parent is not None and not parent.is_alive():
            os._exit(0)  # an orphan has no one to answer to
        now = _stacks()
        if now != last:
            counter, last = counter + 1, now
        try:
            channel.send(["beat", counter])
        except OSError:
            os._exit(0)


def _reports(fn: Callable) -> bool:
    return bool(getattr(fn, "reports_progress", False))


class _Reporter:
    """How far a task's stages have got, sent to the parent at most every PROGRESS_S per stage
    (the parent shows it in the queue; it is never stored)."""

    def __init__(self, channel: _Channel, task_id: int) -> None:
        self.channel, self.task_id = channel, task_id
        self._sent: dict[str, float] = {}

    def __call__(self, stage: str, seconds: float) -> None:
        now = time.monotonic()
        if now - self._sent.get(stage, 0.0) < PROGRESS_S:
            return
        self._sent[stage] = now
        with contextlib.suppress(OSError, TypeError, ValueError):
            self.channel.send(["progress", self.task_id, str(stage), float(seconds)])


def _error(task_id: int, exc: BaseException) -> list[Any]:
    return [
        "error",
        task_id,
        type(exc).__name__,
        str(exc),
        isinstance(exc, ReviewerError),
        traceback.format_exc()[-4000:],
    ]


def serve(conn: Connection, memory_limit: int | None, setup: Callable[[], None] | None) -> None:
    """Run tasks sent by the parent until it sends None or goes away."""
    _scrub_environment()
    _limit_memory(memory_limit)
    faulthandler.enable()  # a native crash leaves its Python stack in the log
    if setup is not None:
        setup()
    channel = _Channel(conn)
    threading.Thread(target=_heartbeat, args=(channel,), daemon=True, name="beat").start()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task_id, fn, args = message
        try:
            _inject_fault(args, channel)
            extra = {"progress": _Reporter(channel, task_id)} if _reports(fn) else {}
            channel.send(["done", task_id, fn(*args, **extra)])
        except MemoryError:
            # The heap may be left in pieces: say so and go; the parent starts a fresh child.
            try:
                channel.send(["oom", task_id])
            finally:
                os._exit(3)
        except BaseException as exc:
            channel.send(_error(task_id, exc))

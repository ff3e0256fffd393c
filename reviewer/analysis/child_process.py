"""ChildBackend: plan and range tasks in one long-lived child process, isolated from the case.

A Backend (reviewer.cluster.backend) like the Dask one, so the same driver, payload checks and
save code serve it. The child is started with multiprocessing's *spawn* method (a fresh
interpreter, no copy of the parent's memory, keys or open case; the only method on Windows, and it
works in the PyInstaller bundle when the entry script calls multiprocessing.freeze_support()
first). It keeps its models loaded between tasks and runs one task at a time
(reviewer/analysis/child_main.py says why it holds no keys: hostile bytes are parsed there).

The parent watches it: a task whose child dies (a decoder's segfault, an abort, a kill), stops
making progress for `stall_s`, or passes `memory_limit` bytes fails with a named error the officer
can read (ChildCrashed, ChildHung, ChildOutOfMemory); the child is restarted for the next task and
the batch goes on. Memory is held two ways: RLIMIT_AS inside the child where the OS has it, and a
watchdog of the child's RSS (psutil) here, which is the limit on Windows.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import heapq
import itertools
import json
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import psutil

from ..errors import MediaError, ReviewerError
from . import child_main
from .core import PAYLOAD_FORMAT, TimeRange

log = logging.getLogger(__name__)

DEFAULT_MEMORY_LIMIT = 3 * 1024**3
DEFAULT_STALL_S = 120.0
WATCH_S = 0.2  # how often the parent looks at the child's messages, life and memory
#: RLIMIT_AS counts address space, not memory: thread stacks, allocator arenas and model runtimes
#: reserve far more than they touch (measured here: 1.9 GB of address space for 0.56 GB RSS on
#: one range of the demo, Whisper and OCR loaded; more cores, more threads). The ceiling sits this much above the RSS limit, a backstop
#: against a balloon too fast for the watchdog; the RSS watchdog is the limit the officer sets.
ADDRESS_SPACE_SLACK = 4 * 1024**3
MAX_MESSAGE_BYTES = 80 * 1024 * 1024  # above payload_check.MAX_PAYLOAD_BYTES, which decides


class ChildFailed(MediaError):
    """The analysis process could not finish a task on this file."""


class ChildCrashed(ChildFailed):
    """The analysis process died (a decoder crash, an abort, a kill) while on this file."""


class ChildHung(ChildFailed):
    """The analysis process made no progress on this file for the time limit and was stopped."""


class ChildOutOfMemory(ChildFailed):
    """The analysis process went past its memory limit on this file and was stopped."""


class ChildTaskError(ReviewerError):
    """A task raised an error in the child; its message, as the child reported it."""

    def __init__(self, message: str, kind: str = "", child_traceback: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.child_traceback = child_traceback


def _gib(n: int) -> str:
    return f"{n / 1024**3:g} GiB" if n >= 1024**3 else f"{n / 1024**2:.0f} MiB"


def _exit_text(code: int | None) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            return f"exit signal {-code}, {signal.Signals(-code).name}"
        except ValueError:
            return f"exit signal {-code}"
    if code >= 0xC0000000:  # a Windows exception code (0xC0000005: access violation)
        return f"exit code {code:#010x}"
    return f"exit code {code}"


def clock(seconds: float) -> str:
    return time.strftime("%H:%M:%S", time.gmtime(max(0.0, seconds)))


def _where(fn: Callable, args: tuple) -> str:
    """What the child was reading, in the officer's terms (the range of the recording)."""
    if getattr(fn, "__name__", "") == "plan_task":
        return "while reading its sound track"
    if getattr(fn, "__name__", "") == "probe_task":
        return "while reading what the file holds"
    if len(args) >= 3 and isinstance(args[2], dict):
        try:
            rng = TimeRange.from_json(args[2])
        except (KeyError, TypeError, ValueError):
            return ""
        if rng.image:
            return "while reading the picture"
        cuts, vision = rng.speech_cuts, rng.vision
        lo = min(([cuts[0]] if cuts else []) + ([vision[0]] if vision else []), default=0.0)
        ends = ([cuts[-1]] if cuts else []) + ([vision[1]] if vision and vision[1] else [])
        end = "the end" if vision and vision[1] is None else clock(max(ends, default=lo))
        return f"while reading {clock(lo)}–{end}"
    return ""


def _as_asked(result: Any) -> Any:
    """JSON has no tuples: a payload's range is read back into the shape it was asked in, so
    the parent's checks compare values (they still refuse a range that differs)."""
    if isinstance(result, dict) and result.get("format") == PAYLOAD_FORMAT:
        # one that does not read is left as sent: the payload check refuses it with its reason
        with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
            result["range"] = TimeRange.from_json(result["range"]).as_json()
    return result


@dataclass(order=True)
class _Task:
    rank: tuple[int, int]
    fn: Callable = field(compare=False)
    args: tuple = field(compare=False)
    future: concurrent.futures.Future = field(compare=False)
    #: stage -> seconds of the recording done, as the child last reported (shown, never stored)
    progress: dict[str, float] = field(default_factory=dict, compare=False)


class ChildBackend:
    """Tasks run one at a time in a spawned child that keeps its models; see the module doc.

    `setup` (tests): a picklable function the child runs once after it starts, before any task.
    """

    address = "child"
    isolates = True  # files are probed here too, not only analysed (cluster/driver.py)

    def __init__(
        self,
        memory_limit: int = DEFAULT_MEMORY_LIMIT,
        stall_s: float = DEFAULT_STALL_S,
        setup: Callable[[], None] | None = None,
    ) -> None:
        self.memory_limit = memory_limit
        self.stall_s = stall_s
        self.setup = setup
        self.starts = 0  # children started (the first one and every restart)
        self.peak_rss = 0  # the largest RSS seen of any child, for benches
        #: (task, file name, seconds, "done" | the error class) of each task run, for benches
        self.finished: list[tuple[str, str, float, str]] = []
        self._ctx = multiprocessing.get_context("spawn")
        self._proc: Any = None
        self._child_peak = 0
        self._conn: Any = None
        self._queue: list[_Task] = []
        self._running: _Task | None = None
        self._seq = itertools.count()
        self._cv = threading.Condition()
        self._closed = False
        self._supervisor = threading.Thread(target=self._supervise, daemon=True, name="child")
        self._supervisor.start()

    # -- Backend ------------------------------------------------------------------------------
    def submit(self, fn: Callable, *args: Any, priority: int = 0) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._cv:
            if self._closed:
                raise ReviewerError("The analysis process was closed.")
            heapq.heappush(self._queue, _Task((-priority, next(self._seq)), fn, args, future))
            self._cv.notify()
        return future

    def wait_first(self, futures: Iterable[Any], timeout: float) -> set[Any]:
        done, _ = concurrent.futures.wait(
            list(futures), timeout=timeout, return_when=concurrent.futures.FIRST_COMPLETED
        )
        return set(done)

    def cancel(self, futures: Iterable[Any]) -> None:
        # A queued task is skipped; the running one's child is stopped (models load again later).
        for future in futures:
            future.cancel()

    def progress(self, future: Any) -> dict[str, float]:
        """How far the task of `future` has got: stage ("speech", "ocr") -> seconds done."""
        task = self._running
        return dict(task.progress) if task is not None and task.future is future else {}

    def workers(self) -> list[dict[str, Any]]:
        return [
            {
                "address": self.address,
                "pid": self._proc.pid if self._proc is not None else None,
                "memory_limit": self.memory_limit,
                "stall_s": self.stall_s,
            }
        ]

    def close(self) -> None:
        with self._cv:
            self._closed = True
            for task in self._queue:
                task.future.cancel()
            self._cv.notify()
        self._supervisor.join(timeout=30)

    def __enter__(self) -> ChildBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the child ----------------------------------------------------------------------------
    def _start(self) -> None:
        parent_end, child_end = self._ctx.Pipe(duplex=True)
        limit = self.memory_limit + ADDRESS_SPACE_SLACK if self.memory_limit else None
        proc = self._ctx.Process(
            target=child_main.serve,
            args=(child_end, limit, self.setup),
            name="reviewer-analysis",
            daemon=True,
        )
        proc.start()
        child_end.close()
        self._proc, self._conn = proc, parent_end
        self.starts += 1
        self._child_peak = 0

    def _stop(self, kill: bool, grace_s: float = 0.0) -> int | None:
        """End the child (asked politely unless `kill`; one that is dying gets `grace_s` to
        finish, so its own exit status is read); its exit code."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is None:
            return None
        if grace_s:
            proc.join(timeout=grace_s)
        if not kill:
            with contextlib.suppress(OSError):
                conn.send(None)
            proc.join(timeout=10)
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=10)
        conn.close()
        return proc.exitcode

    def _rss(self) -> int:
        try:
            rss = psutil.Process(self._proc.pid).memory_info().rss
        except (psutil.Error, ValueError):
            return 0
        self._child_peak = max(self._child_peak, rss)
        self.peak_rss = max(self.peak_rss, rss)
        return rss

    # -- the supervisor thread ----------------------------------------------------------------
    def _supervise(self) -> None:
        while True:
            with self._cv:
                while not self._queue and not self._closed:
                    self._cv.wait()
                if self._closed:
                    break
                task = heapq.heappop(self._queue)
            if task.future.cancelled():
                continue
            try:
                self._run(task)
            except Exception as exc:  # the supervisor must outlive any one task
                log.exception("analysis process supervisor")
                self._settle(task.future, exc=ReviewerError(f"The analysis process failed: {exc}"))
                self._stop(kill=True)
        self._stop(kill=False)

    @staticmethod
    def _settle(future: concurrent.futures.Future, result: Any = None, exc: Any = None) -> None:
        try:
            if exc is not None:
                future.set_exception(exc)
            else:
                future.set_result(result)
        except concurrent.futures.InvalidStateError:
            pass  # cancelled meanwhile: nobody waits for it

    def _run(self, task: _Task) -> None:
        began = time.monotonic()
        self._running = task
        try:
            self._attempt(task)
        finally:
            self._running = None
        future = task.future
        outcome = "cancelled" if future.cancelled() else "done"
        if outcome == "done" and future.done() and future.exception() is not None:
            outcome = type(future.exception()).__name__
        name = str(task.args[0]).replace("\\", "/").rsplit("/", 1)[-1] if task.args else ""
        seconds = round(time.monotonic() - began, 3)
        self.finished.append((getattr(task.fn, "__name__", "?"), name, seconds, outcome))

    def _attempt(self, task: _Task) -> None:
        if self._proc is None or not self._proc.is_alive():
            if self._proc is not None:
                self._stop(kill=True)
            self._start()
        task_id = next(self._seq)
        where = _where(task.fn, task.args)
        with contextlib.suppress(OSError):  # a child already gone is found below
            self._conn.send((task_id, task.fn, task.args))
        began = last_move = time.monotonic()
        counter = None
        while True:
            if task.future.cancelled() or self._closed:
                self._stop(kill=True)
                task.future.cancel()
                return
            message = None
            try:
                if self._conn.poll(WATCH_S):
                    message = json.loads(self._conn.recv_bytes(MAX_MESSAGE_BYTES))
            except EOFError:
                message = ["gone"]
            except (OSError, ValueError) as exc:  # too long, or not JSON: never trusted
                self._stop(kill=True)
                self._settle(
                    task.future,
                    exc=ChildFailed(
                        f"The analysis process's answer {where} could not be read ({exc}); it "
                        "was stopped. The other files go on."
                    ),
                )
                return
            now = time.monotonic()
            kind = message[0] if isinstance(message, list) and message else None
            if kind == "beat" and message[1:] != [counter]:
                counter, last_move = (message + [None])[1], now
            if kind == "progress" and len(message) == 4 and message[1] == task_id:
                stage, seconds = message[2], message[3]
                if isinstance(stage, str) and isinstance(seconds, (int, float)):
                    task.progress[stage[:16]] = float(seconds)
            if kind == "done" and len(message) == 3 and message[1] == task_id:
                self._settle(task.future, result=_as_asked(message[2]))
                return
            if kind == "error" and message[1] == task_id:
                _, _, name, text, own, trace = (message + [""] * 6)[:6]
                log.info("analysis task failed in the child: %s", trace)
                text = str(text) if own else f"{name}: {text}"
                self._settle(task.future, exc=ChildTaskError(text, str(name), str(trace)))
                return
            rss = self._rss()
            if kind == "oom" or (self.memory_limit and rss > self.memory_limit):
                self._stop(kill=True)
                self._settle(task.future, exc=self._out_of_memory(where))
                return
            if kind == "gone" or not self._proc.is_alive():
                code = self._stop(kill=True, grace_s=5.0)  # its own exit status, not our kill
                self._settle(task.future, exc=self._died(code, where))
                return
            if now - max(last_move, began) > self.stall_s:
                self._stop(kill=True)
                self._settle(
                    task.future,
                    exc=ChildHung(
                        f"Stopped: no progress for {self.stall_s:g} s {where}; the file may be "
                        "damaged or made to hang the decoder. The other files go on."
                    ),
                )
                return

    def _out_of_memory(self, where: str) -> ChildOutOfMemory:
        return ChildOutOfMemory(
            f"Ran out of its {_gib(self.memory_limit)} memory limit {where}; the file may be "
            "damaged or made to exhaust memory. The other files go on."
        )

    def _died(self, code: int | None, where: str) -> ChildFailed:
        # An allocation that fails in native code often aborts instead of raising MemoryError.
        if self.memory_limit and self._child_peak > 0.9 * self.memory_limit:
            return self._out_of_memory(where)
        return ChildCrashed(
            f"The decoder crashed on this file ({_exit_text(code)}) {where}; the file may be "
            "damaged or made to crash it. The other files go on."
        )

"""Running one analysis stage in a worker thread beside another (pictures beside speech).

CTranslate2 and ONNX Runtime release the GIL, so a second thread really uses the second core.
The worker opens its own case connection (SQLite connections stay in their thread), runs at
a lower priority than speech (the longer stage, which should never wait for pictures), and
hands its result or exception back to the caller at ``join``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from .store.case import Case

T = TypeVar("T")


class StopSignal:
    """Set when the whole analysis is cancelled or when the other stage failed."""

    def __init__(self, cancel: threading.Event) -> None:
        self.cancel = cancel
        self.local = threading.Event()

    def is_set(self) -> bool:
        return self.cancel.is_set() or self.local.is_set()

    def set(self) -> None:
        self.local.set()


class StageThread(Generic[T]):
    """``target(case, stop)`` in a thread with its own ``Case`` on the same folder."""

    def __init__(
        self,
        target: Callable[[Case, StopSignal], T],
        case: Case,
        cancel: threading.Event,
        name: str = "reviewer-vision",
    ) -> None:
        self.target = target
        self.folder, self.officer = case.folder, case.officer
        self.signal = StopSignal(cancel)
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        try:
            with Case(self.folder, officer=self.officer) as case:
                self._result = self.target(case, self.signal)
        except BaseException as exc:  # handed to the caller at join()
            self._error = exc

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.signal.set()

    def join(self, reraise: bool = True) -> T | None:
        self._thread.join()
        if self._error is not None and reraise:
            raise self._error
        return self._result

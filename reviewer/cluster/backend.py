"""Where range tasks run: a Dask cluster, or this process (same functions, one at a time)."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from ..errors import ClusterError


class Backend(Protocol):
    address: str

    def submit(self, fn: Callable, *args: Any, priority: int = 0) -> Any: ...

    def wait_first(self, futures: Iterable[Any], timeout: float) -> set[Any]: ...

    def cancel(self, futures: Iterable[Any]) -> None: ...

    def workers(self) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


class LocalBackend:
    """Runs each task at once, in this process: a local run through the same core."""

    address = "local"

    def submit(self, fn: Callable, *args: Any, priority: int = 0) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:  # handed to the caller through the future, like Dask does
            future.set_exception(exc)
        return future

    def wait_first(self, futures: Iterable[Any], timeout: float) -> set[Any]:
        return set(futures)

    def cancel(self, futures: Iterable[Any]) -> None:
        pass

    def workers(self) -> list[dict[str, Any]]:
        return [{"address": "local"}]

    def close(self) -> None:
        pass


class DaskBackend:
    """A `distributed.Client` on the scheduler at `address` (tcp://HOST:8786)."""

    def __init__(self, address: str, timeout_s: float = 20.0) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterError(
                "Cluster analysis needs dask distributed: pip install 'livestream-reviewer[cluster]'."
            ) from exc
        from .security import certs_dir, require_safe, security

        self.address = address
        # Plain TCP only to this machine; elsewhere TLS with the workstation's certificate.
        tls = require_safe(address, "the cluster") == "tls"
        sec = security("workstation", certs_dir()) if tls else None
        try:
            self.client = Client(
                address, timeout=f"{timeout_s}s", set_as_default=False, security=sec
            )
        except (OSError, TimeoutError) as exc:
            raise ClusterError(
                f"Cannot reach the cluster scheduler at {address} ({exc}); check the address "
                "and that `dask scheduler` runs there."
            ) from exc

    def submit(self, fn: Callable, *args: Any, priority: int = 0) -> Any:
        # pure=False: a task that failed is tried afresh when the command is run again.
        return self.client.submit(fn, *args, pure=False, priority=priority)

    def wait_first(self, futures: Iterable[Any], timeout: float) -> set[Any]:
        from distributed import wait

        try:
            with self.client.as_current():
                done = wait(list(futures), timeout=timeout, return_when="FIRST_COMPLETED").done
        except TimeoutError:
            return set()
        return set(done)

    def cancel(self, futures: Iterable[Any]) -> None:
        self.client.cancel(list(futures))

    def workers(self) -> list[dict[str, Any]]:
        info = self.client.scheduler_info().get("workers", {})
        return [
            {"address": a, "name": w.get("name"), "resources": w.get("resources") or {}}
            for a, w in info.items()
        ]

    def close(self) -> None:
        self.client.close()

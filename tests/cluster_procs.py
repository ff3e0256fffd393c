"""A real Dask cluster on 127.0.0.1 for tests and the bench: `dask scheduler` and workers as
subprocesses, loopback only, no dashboards, always torn down (each process by its own id)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["DASK_DISTRIBUTED__WORKER__DAEMON"] = "False"
    return env


class Cluster:
    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []
        self.workers: dict[str, subprocess.Popen] = {}

    def _spawn(self, name: str, cmd: list[str]) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=_env())
        proc.log_file = log  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def start_scheduler(self) -> None:
        self._spawn(
            "scheduler",
            [
                str(BIN / "dask"),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-dashboard",
                "--no-show",
            ],
        )
        _wait(lambda: _listening(self.port), 60, "the scheduler to listen")

    def start_worker(self, name: str, stock: bool = False) -> subprocess.Popen:
        """A `reviewer worker` (models verified before it joins) or a stock `dask worker`."""
        if stock:
            cmd = [
                str(BIN / "dask"),
                "worker",
                self.address,
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
                "--no-nanny",
                "--name",
                name,
            ]
        else:
            cmd = [
                sys.executable,
                "-m",
                "reviewer.cli",
                "worker",
                "--scheduler",
                self.address,
                "--device",
                "cpu",
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--name",
                name,
            ]
        proc = self._spawn(name, cmd)
        self.workers[name] = proc
        return proc

    def wait_workers(self, count: int, timeout_s: float = 120) -> None:
        from distributed import Client

        with Client(self.address, timeout="30s", set_as_default=False) as client:
            client.wait_for_workers(count, timeout=timeout_s)

    def kill(self, name: str) -> None:
        self.workers[name].send_signal(signal.SIGKILL)
        self.workers[name].wait(30)

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
            proc.log_file.close()


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _wait(ready, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(0.2)


@contextmanager
def local_cluster(logs: Path, reviewer_workers: int = 1, stock_workers: int = 1):
    cluster = Cluster(logs)
    try:
        cluster.start_scheduler()
        for i in range(reviewer_workers):
            cluster.start_worker(f"reviewer-{i}")
            if i == 0:  # the first one assembles the models if needed; the others find them
                cluster.wait_workers(1)
        for i in range(stock_workers):
            cluster.start_worker(f"stock-{i}", stock=True)
        cluster.wait_workers(reviewer_workers + stock_workers)
        yield cluster
    finally:
        cluster.close()

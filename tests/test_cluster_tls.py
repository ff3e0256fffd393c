"""`reviewer cluster certs`: a CA and certificates with which a real Dask scheduler, worker and
workstation talk TLS (mutual), and without which nobody joins."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytestmark = pytest.mark.timeout(120)


def _inc(x: int) -> int:
    return x + 1


def test_certs_command_and_tls_cluster(tmp_path: Path, capsys) -> None:
    from distributed import Client, Scheduler, Worker
    from distributed.security import Security

    from reviewer.cli import main
    from reviewer.cluster.security import security

    certs = tmp_path / "certs"
    assert main(["cluster", "certs", "--out", str(certs), "--host", "10.0.0.5"]) == 0
    stranger = tmp_path / "stranger-certs"
    assert main(["cluster", "certs", "--out", str(stranger)]) == 0
    names = {p.name for p in certs.iterdir()}
    assert {"ca.pem", "scheduler.pem", "worker.pem", "workstation.pem", "worker.key"} <= names
    assert (certs / "worker.key").stat().st_mode & 0o077 == 0  # private keys: owner only

    async def run() -> None:
        scheduler_security = Security(
            tls_ca_file=str(certs / "ca.pem"),
            tls_scheduler_cert=str(certs / "scheduler.pem"),
            tls_scheduler_key=str(certs / "scheduler.key"),
            require_encryption=True,
        )
        async with Scheduler(
            security=scheduler_security, protocol="tls", host="127.0.0.1", dashboard=False
        ) as scheduler:
            assert scheduler.address.startswith("tls://127.0.0.1:")
            async with (
                Worker(
                    scheduler.address,
                    security=security("worker", certs),
                    host="127.0.0.1",
                    nthreads=1,
                ),
                Client(
                    scheduler.address,
                    security=security("workstation", certs),
                    asynchronous=True,
                ) as client,
            ):
                assert await client.submit(_inc, 1) == 2
            # A workstation whose certificate another CA signed does not get in.
            with pytest.raises((OSError, TimeoutError)):
                await Client(
                    scheduler.address,
                    security=security("workstation", stranger),
                    asynchronous=True,
                    timeout="3s",
                )

    asyncio.run(run())

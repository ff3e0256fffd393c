"""`reviewer worker --scheduler tcp://HOST:8786`: a Dask worker whose models are verified first.

It checks every model file against its recorded SHA-256 and loads it before connecting, so a
worker with a damaged or different model never accepts work, and it advertises its resources
(GPU=1 when the speech model runs on CUDA). A stock `dask worker` with the reviewer installed
works too: it verifies and loads the models on its first task.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from ..errors import ClusterError


def cmd_worker(args: argparse.Namespace) -> int:
    listen_safely(args)  # before loading models: an unsafe address is refused at once
    from ..settings import load_settings
    from ..speech import VIETASR_MODEL, EngineNotInstalled
    from .tasks import DEVICE_ENV, PATH_MAP_ENV, worker_models

    os.environ[DEVICE_ENV] = args.device
    if args.path_map:
        os.environ[PATH_MAP_ENV] = ";".join(args.path_map)
    model = args.model or load_settings().speech_model
    models = worker_models(model)
    engine = models.engine()  # hashes checked here (ModelHashMismatch stops the worker)
    vision = models.vision()
    for line in (
        f"speech model {engine.name} sha256 {engine.sha256} on {engine.device} "
        f"({engine.compute_type})",
        *(f"ocr model {m['name']} sha256 {m['sha256']}" for m in vision.ocr_provenance()),
        f"image model {vision.nsfw.model.name} sha256 {vision.nsfw.model.sha256}",
    ):
        print(f"verified: {line}", flush=True)
    try:  # viet-asr is opt-in: a worker without it serves Whisper-only analyses
        vietasr = models.engine(VIETASR_MODEL)
        print(f"verified: speech model {vietasr.name} sha256 {vietasr.sha256}", flush=True)
    except EngineNotInstalled:
        print(
            "viet-asr not installed here: ranges for --speech-engine vietasr|both fail on this "
            "worker (pip install 'livestream-reviewer[vietasr]')",
            flush=True,
        )
    if getattr(engine, "warning", None):
        print(f"WARNING: {engine.warning}", file=sys.stderr, flush=True)
    resources = {"GPU": 1} if engine.device == "cuda" else {}
    try:
        asyncio.run(_serve(args, resources))
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"Cannot join the scheduler at {args.scheduler} ({exc}); check the address."
        ) from exc
    return 0


def listen_safely(args: argparse.Namespace) -> None:
    """Plain TCP only between processes of this machine (listening on loopback only); any
    other scheduler needs TLS. Sets args.host and args.security."""
    from .security import InsecureCluster, certs_dir, is_loopback, require_safe, security

    scheme = require_safe(args.scheduler, "the scheduler")
    args.security = None
    if scheme == "tls":
        args.security = security("worker", certs_dir(args.tls))
        return
    if args.host and not is_loopback(args.host):
        raise InsecureCluster(
            f"Refusing to listen on {args.host} without TLS: use tls:// and --tls DIR."
        )
    args.host = args.host or "127.0.0.1"


async def _serve(args: argparse.Namespace, resources: dict[str, float]) -> None:
    try:
        from distributed import Worker
    except ImportError as exc:
        raise ClusterError(
            "A worker needs dask distributed: pip install 'livestream-reviewer[cluster]'."
        ) from exc
    # In this process (no nanny): tasks use the models verified above.
    async with Worker(
        args.scheduler,
        nthreads=args.nthreads,
        resources=resources,
        name=args.name,
        host=args.host,
        security=getattr(args, "security", None),
        dashboard=False,
    ) as worker:
        print(f"worker {worker.address} ready, resources {resources or '{}'}", flush=True)
        await worker.finished()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("worker", help="serve analysis to a Dask cluster (models verified first)")
    p.add_argument("--scheduler", required=True, metavar="tcp://HOST:8786")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--nthreads", type=int, default=1, help="ranges analysed at once (default 1)")
    p.add_argument("--model", help="speech model name (default: the one chosen in Settings)")
    p.add_argument("--name", help="worker name shown to the scheduler")
    p.add_argument(
        "--host", help="address to listen on (default: 127.0.0.1 for a tcp:// scheduler here)"
    )
    p.add_argument("--tls", metavar="DIR", help="certificates from `reviewer cluster certs`")
    p.add_argument(
        "--path-map",
        action="append",
        metavar="FROM=TO",
        help="the workstation's shared-folder prefix and where this worker mounts it",
    )
    p.set_defaults(func=cmd_worker)

    c = sub.add_parser("cluster", help="cluster set-up: TLS certificates")
    csub = c.add_subparsers(dest="cluster_cmd", required=True)
    cc = csub.add_parser(
        "certs", help="make a CA and certificates for scheduler, workers, workstation"
    )
    cc.add_argument("--out", required=True, help="folder to write ca.pem and ROLE.pem/ROLE.key")
    cc.add_argument(
        "--host", action="append", default=[], help="a name or address the scheduler has"
    )
    c.set_defaults(func=cmd_cluster)


def cmd_cluster(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .security import make_certs

    written = make_certs(Path(args.out), args.host)
    for path in written:
        print(path)
    print("Copy ca.pem and worker.pem/.key to each worker; keep ca.key offline.")
    return 0

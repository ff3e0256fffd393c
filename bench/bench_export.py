"""Evidence export throughput against a plain copy of the same originals, in the same run.

Usage: python bench/bench_export.py [--gib 2.0] [--files 4] [--dest DIR] [--keep]

Generates random originals (plus the demo recording, so clips, stills and the report are made
too), records them in a case as media rows with their real SHA-256, confirms one flag on each,
then times on the same destination:
  plain copy  shutil.copyfile + fsync per file (what `cp` + `sync` does), run twice, best kept;
  export      the real export_case: one read pass per original hashing SHA-256 and SHA-512 while
              writing, fsync, seal, rename, then the full verification read from the destination
              (page cache dropped first, so it reads the device).
Prints one JSON object; `ratio` = export throughput / plain copy throughput (target >= 0.8).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.evidence import export_case, minisign  # noqa: E402
from reviewer.evidence.keys import Signer  # noqa: E402
from reviewer.ingest import ingest_file  # noqa: E402
from reviewer.paths import demo_recording  # noqa: E402
from reviewer.store import open_case  # noqa: E402
from reviewer.store.case import utc_now  # noqa: E402

CHUNK = 64 << 20


def make_signer() -> Signer:
    """An in-memory key: the key store's scrypt unlock is not what is measured here."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    return Signer("bench", "", private, minisign.public_key_of(private, os.urandom(8)))


def add_flag(case, media_id: int) -> int:
    row = {
        "media_id": media_id,
        "start_s": 12.0,
        "end_s": 16.5,
        "play_from_s": 10.0,
        "category": "gambling",
        "score": 0.9,
        "source": "speech",
        "text": "cờ bạc",
        "matched": "[]",
        "models": "[]",
        "status": "pending",
    }
    return case.db["flag"].insert(row).last_pk


def make_originals(folder: Path, total: int, count: int) -> list[tuple[Path, str, int]]:
    """Random files, hashed as they are written (no extra read pass)."""
    rng = np.random.default_rng(20240601)
    out = []
    for n in range(count):
        path = folder / f"bản ghi phát trực tiếp {n + 1}.mp4"
        size = total // count
        digest = hashlib.sha256()
        with open(path, "wb") as fh:
            left = size
            while left:
                block = rng.bytes(min(CHUNK, left))
                digest.update(block)
                fh.write(block)
                left -= len(block)
        out.append((path, digest.hexdigest(), size))
    return out


def plain_copy(files: list[Path], dest: Path) -> float:
    dest.mkdir()
    start = time.perf_counter()
    for src in files:
        target = dest / src.name
        shutil.copyfile(src, target)
        with open(target, "rb+") as fh:
            os.fsync(fh.fileno())
    fd = os.open(dest, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    elapsed = time.perf_counter() - start
    shutil.rmtree(dest)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gib", type=float, default=2.0, help="size of the random originals")
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--dest", help="destination folder (e.g. a mounted USB stick)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    os.environ.setdefault("REVIEWER_HOME", str(work / "home"))
    dest_root = Path(args.dest) if args.dest else work / "usb"
    dest_root.mkdir(parents=True, exist_ok=True)
    try:
        media = work / "media"
        media.mkdir()
        t0 = time.perf_counter()
        originals = make_originals(media, int(args.gib * 1024**3), args.files)
        shutil.copy(demo_recording(), media / "demo.mp4")
        generate_s = time.perf_counter() - t0
        with open_case(work / "case", officer="bench") as case:
            for path, sha, size in originals:
                media_id = case.add_media(
                    {
                        "sha256": sha,
                        "size_bytes": size,
                        "path": case.stored_path(path),
                        "original_name": path.name,
                        "kind": None,  # random bytes: hashed and copied, no clip to cut
                        "ingested_utc": utc_now(),
                    }
                )
                case.decide_flag(add_flag(case, media_id), "confirmed", "bench")
            demo_id = ingest_file(case, media / "demo.mp4").media_id
            case.decide_flag(add_flag(case, demo_id), "confirmed", "bench")
        all_files = [p for p, _, _ in originals] + [media / "demo.mp4"]
        total_bytes = sum(p.stat().st_size for p in all_files)

        copies = [plain_copy(all_files, dest_root / f"plain-{i}") for i in range(2)]
        copy_s = min(copies)
        signer = make_signer()
        stages: dict[str, list[float]] = {}

        def on_progress(event) -> None:
            now = time.perf_counter()
            span = stages.setdefault(event.stage, [now, now])
            span[1] = now

        t0 = time.perf_counter()
        result = export_case(work / "case", dest_root, signer, on_progress=on_progress)
        export_s = time.perf_counter() - t0
        assert result.verify.ok, result.verify.reason
        copy_mbs = total_bytes / copy_s / 1e6
        export_mbs = total_bytes / export_s / 1e6
        report = {
            "originals_bytes": total_bytes,
            "originals": len(all_files),
            "generate_s": round(generate_s, 2),
            "plain_copy_s": [round(c, 2) for c in copies],
            "plain_copy_MBps": round(copy_mbs, 1),
            "export_s": round(export_s, 2),
            "export_MBps": round(export_mbs, 1),
            "ratio": round(export_mbs / copy_mbs, 3),
            "export_stage_s": {k: round(b - a, 2) for k, (a, b) in stages.items()},
            "target_ratio": 0.8,
            "passed": export_mbs / copy_mbs >= 0.8,
            "package_files": result.files,
            "verified": result.verify.ok,
            "cpus": os.cpu_count(),
            "load_avg_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        }
        print(json.dumps(report, indent=2))
        return 0 if report["passed"] else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
            if args.dest:
                for child in dest_root.glob("EVP-*"):
                    shutil.rmtree(child, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

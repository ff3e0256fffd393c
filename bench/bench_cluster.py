"""One 10-minute recording: one local process against the same file split over two Dask workers
on this machine, and the size of what workers send back per hour of video.

Usage: python bench/bench_cluster.py [--minutes 10] [--out bench/out]

Both sides run on the same cores, so two workers are not faster than one process here; what the
numbers show is what splitting (planning the ranges) and merging (storing and applying payloads
on the workstation) cost next to the analysis itself. The recording is the throughput bench's
720p Vietnamese stream with a scrolling chat (bench/chat_stream.py, a 72-s stream looped).
Everything runs on 127.0.0.1 and is torn down at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from chat_stream import make_chat_recording  # noqa: E402
from cluster_procs import local_cluster  # noqa: E402

from reviewer.analysis.core import CoreOptions, plan_ranges  # noqa: E402
from reviewer.cluster import driver  # noqa: E402
from reviewer.cluster.driver import ClusterAnalyzer  # noqa: E402
from reviewer.pipeline import AnalysisOptions, Analyzer  # noqa: E402
from reviewer.probe import probe  # noqa: E402
from reviewer.store import open_case  # noqa: E402

SPENT: dict[str, float] = {"store_s": 0.0, "apply_s": 0.0}


def _timed(name: str, key: str) -> None:
    original = getattr(driver, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[key] += time.perf_counter() - start

    setattr(driver, name, wrapper)


def _flags(folder: Path) -> list[tuple]:
    with open_case(folder, create=False) as case:
        return sorted((f["category"], f["source"], round(f["start_s"], 1)) for f in case.flags())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        tmp = Path(tmp)
        recording = tmp / "recording.mp4"
        duration = make_chat_recording(args.minutes, recording)["duration_s"]
        info = probe(recording)
        media = {"kind": info.kind, "duration_s": info.duration_s, "has_audio": info.has_audio}
        began = time.perf_counter()
        ranges = plan_ranges(recording, media, CoreOptions())
        plan_s = time.perf_counter() - began

        options = AnalysisOptions()
        began = time.perf_counter()
        with open_case(tmp / "local") as case:
            Analyzer(case, options).run([recording])
        local_s = time.perf_counter() - began

        _timed("store_payload", "store_s")
        _timed("apply_stored", "apply_s")
        logs = tmp / "logs"
        logs.mkdir()
        with local_cluster(logs, reviewer_workers=2, stock_workers=0) as cluster:
            began = time.perf_counter()
            with open_case(tmp / "cluster") as case:
                result = ClusterAnalyzer(case, options, cluster.address).run([recording])
            cluster_s = time.perf_counter() - began
        assert result.all_ok, result.outcomes
        with open_case(tmp / "cluster", create=False) as case:
            rows = case.conn.execute(
                "SELECT range_index, size_bytes, worker FROM analysis_range ORDER BY range_index"
            ).fetchall()
            pids = [
                json.loads(p)["worker"]["pid"]
                for a, p in case.conn.execute("SELECT action, payload FROM audit")
                if a == "analysis.range"
            ]
        payload_bytes = sum(r[1] for r in rows)
        local_flags, cluster_flags = _flags(tmp / "local"), _flags(tmp / "cluster")
        report = {
            "minutes": duration / 60,
            "ranges": len(ranges),
            "workers_used": len(set(pids)),
            "local_process_s": round(local_s, 1),
            "two_workers_s": round(cluster_s, 1),
            "ratio_cluster_over_local": round(cluster_s / local_s, 2),
            "split_plan_s": round(plan_s, 2),
            "workstation_store_s": round(SPENT["store_s"], 2),
            "workstation_apply_s": round(SPENT["apply_s"], 2),
            "payload_bytes": payload_bytes,
            "payload_mb_per_hour": round(payload_bytes / 1e6 * 3600 / duration, 2),
            "flags_local": len(local_flags),
            "flags_cluster": len(cluster_flags),
            "flags_equal_to_local_pipeline": local_flags == cluster_flags,
        }
    print(json.dumps(report, indent=2))
    (args.out / "bench_cluster.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

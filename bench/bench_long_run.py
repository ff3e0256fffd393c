"""Memory over a long recording: `reviewer analyze` (the default: the isolated child) on an N-hour
720p chat stream over a moving camera with the six real voices, the RSS of the application and of
its analysis child sampled every few seconds.

Usage: python bench/bench_long_run.py [--minutes 240] [--background gradient] [--every-s 5]

Builds the stream itself (bench/chat_stream.py: the 72-second render looped, a second's work),
runs the command in a fresh case and prints, per half hour of the run: the parent's, the child's
and their summed RSS at their highest so far; then the peak of the sum, the wall time and the
real-time factor. A line per sample goes to bench/out/long-run-<minutes>min.csv.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from chat_stream import make_chat_recording  # noqa: E402
from tree_rss import tree_rss  # noqa: E402

OUT = ROOT / "bench" / "out"
MIB = 1024**2


def run(recording: Path, every_s: float, log: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-long-"))
    cmd = [
        sys.executable,
        "-m",
        "reviewer.cli",
        "analyze",
        str(recording),
        "--case",
        str(work / "c"),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("REVIEWER_ANALYSIS_IN_PROCESS", None)  # the default: the isolated child
    peak = {"parent": 0, "child": 0, "sum": 0}
    start = time.perf_counter()
    try:
        with log.open("w", encoding="utf-8") as out:
            out.write("seconds,parent_mib,child_mib,sum_mib\n")
            proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
            watched = psutil.Process(proc.pid)
            next_report = 1800.0
            while proc.poll() is None:
                time.sleep(every_s)
                own, rest = tree_rss(watched)
                peak["parent"] = max(peak["parent"], own)
                peak["child"] = max(peak["child"], rest)
                peak["sum"] = max(peak["sum"], own + rest)
                now = time.perf_counter() - start
                out.write(f"{now:.0f},{own / MIB:.0f},{rest / MIB:.0f},{(own + rest) / MIB:.0f}\n")
                out.flush()
                if now >= next_report:
                    print(
                        f"  {now / 60:5.0f} min: peak parent {peak['parent'] / MIB:.0f} MiB, "
                        f"child {peak['child'] / MIB:.0f} MiB, sum {peak['sum'] / MIB:.0f} MiB",
                        flush=True,
                    )
                    next_report += 1800.0
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"reviewer analyze failed with exit status {proc.returncode}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"wall_s": round(wall, 1), **{k: round(v / MIB) for k, v in peak.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=240.0)
    parser.add_argument("--background", default="gradient")
    parser.add_argument("--every-s", type=float, default=5.0)
    args = parser.parse_args()
    name = f"chat-{args.minutes:g}min-{args.background}-real-voices.mp4"
    recording = OUT / name
    if not recording.exists():
        make_chat_recording(args.minutes, recording, args.background, OUT / "streams", "real")
    log = OUT / f"long-run-{args.minutes:g}min.csv"
    print(
        f"{recording.name}: reviewer analyze (default, isolated child), RSS every {args.every_s:g} s"
    )
    row = run(recording, args.every_s, log)
    duration = args.minutes * 60.0
    print(
        f"wall {row['wall_s']} s = {duration / row['wall_s']:.2f}x real time; peak RSS: parent "
        f"{row['parent']} MiB, child {row['child']} MiB, sum {row['sum']} MiB (samples: {log})"
    )


if __name__ == "__main__":
    main()

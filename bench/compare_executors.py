"""Where analysis runs must not change what it finds: the same files through every executor, row
for row (speech segments, on-screen text items, flags with their scores).

Usage: python bench/compare_executors.py [--engines whisper vietasr both] [--eval-set DIR]
           [--executors in_process child cluster] [--out bench/out]

Files: the six recorded human voices (bench/real_voices.py, each alone and all six as one long
recording with pauses), a chat stream over a moving camera with those voices as its speech (the
throughput bench's hard case: `--stream-minutes`, 2 by default, `--background`, gradient by
default; 0 leaves it out) and, with --eval-set DIR (made by bench/eval_set.py), the detection
evaluation set (videos with on-screen text, recordings, screenshots). Executors:

    in_process  the workstation pipeline in this process (`reviewer analyze --in-process`)
    child       the default: ranges in the isolated child process that holds no keys
    cluster     a real Dask cluster on 127.0.0.1 (one worker), as `--cluster` uses it

Each run goes into a fresh case; the rows are compared against the in_process run and the first
difference is printed. Exit status 1 when any executor differs.
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

from case_rows import case_rows  # noqa: E402
from chat_stream import make_chat_recording  # noqa: E402
from cluster_procs import local_cluster  # noqa: E402
from real_voices import long_form, voices  # noqa: E402

from reviewer.analysis import make_analyzer, open_executor  # noqa: E402
from reviewer.analysis.options import AnalysisOptions  # noqa: E402
from reviewer.store import open_case  # noqa: E402

MEDIA = {".mp4", ".m4a", ".wav", ".mp3", ".png", ".jpg", ".webm", ".mkv"}


def inputs(work: Path, eval_set: Path | None, stream_minutes: float, background: str) -> list[Path]:
    clips = voices()
    files = [path for path, _text in clips]
    files.append(long_form(work / "six voices, twice.wav")[0])
    if stream_minutes > 0:
        stream = work / f"chat {background} real voices.mp4"
        cache = ROOT / "bench" / "out" / "streams"
        make_chat_recording(stream_minutes, stream, background, cache=cache, voices="real")
        files.append(stream)
    if eval_set is not None:
        files += sorted(p for p in eval_set.rglob("*") if p.suffix.lower() in MEDIA)
    return files


def analyse(executor_name: str, engine: str, files: list[Path], case_dir: Path, cluster) -> dict:
    options = AnalysisOptions(speech_engine=engine)
    began = time.monotonic()
    child = {"in_process": False, "child": True, "cluster": None}[executor_name]
    address = cluster.address if executor_name == "cluster" else None
    with (
        open_executor(options, cluster=address, child=child) as executor,
        open_case(case_dir) as case,
    ):
        result = make_analyzer(case, options, executor=executor).run(files)
    return {"seconds": round(time.monotonic() - began, 1), "ok": result.all_ok}


def first_difference(a: dict, b: dict) -> str | None:
    for key in a:
        if a[key] != b[key]:
            only_a = [r for r in a[key] if r not in b[key]][:1]
            only_b = [r for r in b[key] if r not in a[key]][:1]
            return f"{key}: {len(a[key])} vs {len(b[key])} rows; first only here {only_b}, only there {only_a}"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--engines", nargs="+", default=["whisper"], choices=["whisper", "vietasr", "both"]
    )
    ap.add_argument("--executors", nargs="+", default=["in_process", "child", "cluster"])
    ap.add_argument("--eval-set", type=Path, default=None)
    ap.add_argument("--stream-minutes", type=float, default=2.0)
    ap.add_argument("--background", default="gradient")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="compare-executors-"))
    files = inputs(work, args.eval_set, args.stream_minutes, args.background)
    print(
        f"{len(files)} files; executors {', '.join(args.executors)}; engines {', '.join(args.engines)}"
    )
    rows_out = []
    differs = False
    with local_cluster(work, reviewer_workers=1, stock_workers=0) as cluster:
        for engine in args.engines:
            reference = None
            for name in args.executors:
                case_dir = work / f"{engine}-{name}"
                run = analyse(name, engine, files, case_dir, cluster)
                rows = case_rows(case_dir)
                if reference is None:
                    reference, diff = rows, None
                else:
                    diff = first_difference(reference, rows)
                differs |= diff is not None or not run["ok"]
                row = {
                    "engine": engine,
                    "executor": name,
                    **run,
                    **{k: len(v) for k, v in rows.items()},
                    "same_as_first": diff is None,
                    "difference": diff,
                }
                rows_out.append(row)
                print(json.dumps(row, ensure_ascii=False))
    print(
        f"\n{'engine':<8} {'executor':<11} {'seconds':>8} {'segments':>9} {'texts':>6} {'flags':>6}  same"
    )
    for r in rows_out:
        same = "yes" if r["same_as_first"] else "NO"
        print(
            f"{r['engine']:<8} {r['executor']:<11} {r['seconds']:>8} {r['segments']:>9} "
            f"{r['texts']:>6} {r['flags']:>6}  {same}"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "compare_executors.json").write_text(
        json.dumps(rows_out, ensure_ascii=False, indent=1)
    )
    return 1 if differs else 0


if __name__ == "__main__":
    raise SystemExit(main())

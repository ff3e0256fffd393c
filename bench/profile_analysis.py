"""Where the time of one analysis goes, for any file: time per stage, per thread and per core.

Usage: python bench/profile_analysis.py FILE [--variant after|before] [--every 2]
       python bench/profile_analysis.py --background gradient [--minutes 3]

Runs the engine on the CPU into a temporary case, as bench/bench_throughput.py does for each of
its variants, and prints the same breakdown (wall time per stage, CPU seconds per thread name,
busy share of each core over the run, line crops recognised, peak RSS). ``--background`` builds a chat stream with that background first
(bench/chat_stream.py: still, gradient, scene, noise, vertical).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import VARIANTS, run_variant  # noqa: E402
from throughput_report import print_row  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument("--background", help="build a chat stream with this background")
    parser.add_argument("--minutes", type=float, default=3.0, help="its length")
    parser.add_argument("--variant", default="after", choices=list(VARIANTS))
    parser.add_argument("--every", type=float, default=None, help="OCR sampling interval (s)")
    args = parser.parse_args()
    if args.background:
        from chat_stream import make_chat_recording

        out = Path(__file__).resolve().parent / "out"
        args.file = out / f"profile-{args.minutes:g}min-{args.background}.mp4"
        make_chat_recording(args.minutes, args.file, args.background, out / "streams")
    elif args.file is None:
        parser.error("give a FILE or --background")
    row = run_variant(args.file.resolve(), args.variant, args.every)
    print(json.dumps(row, ensure_ascii=False))
    print_row(row, row["duration_s"], None, None)


if __name__ == "__main__":
    main()

"""`reviewer find` over many cases: builds N cases (on-screen text with phones, accounts, links),
indexes them in a temporary user folder and times the look-up (target: <= 0.2 s over 100 cases).

    python bench/bench_find.py [--cases 100] [--lines 200]"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(folder: Path, cases: int, lines: int) -> str:
    from reviewer.identifiers.index import add_case
    from reviewer.store import open_case
    from reviewer.store.case import utc_now

    rng = random.Random(1)
    shared = "0938.456.127"  # one number that occurs in every tenth case
    for c in range(cases):
        with open_case(folder / f"case{c:03d}", officer="bench") as case:
            media_id = case.add_media(
                {"sha256": f"{c:064d}", "size_bytes": 1, "kind": "video", "path": "x.mp4",
                 "original_name": f"live{c}.mp4", "ingested_utc": utc_now()}
            )  # fmt: skip
            rows = []
            for i in range(lines):
                phone = "09" + "".join(rng.choice("0123456789") for _ in range(8))
                acct = "".join(rng.choice("0123456789") for _ in range(12))
                text = rng.choice([f"Zalo {phone}", f"STK Vietcombank {acct}",
                                   f"Vào keo{rng.randint(1, 9999)} . club", "12,5k người xem"])  # fmt: skip
                if c % 10 == 0 and i == 0:
                    text = f"Zalo {shared}"
                rows.append((media_id, float(i), float(i) + 2, text))
            with case.transaction() as conn:
                conn.executemany(
                    "INSERT INTO frame_text (media_id, start_s, end_s, text, confidence)"
                    " VALUES (?, ?, ?, ?, 0.95)",
                    rows,
                )
        add_case(folder / f"case{c:03d}")
    return shared


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100)
    ap.add_argument("--lines", type=int, default=200, help="on-screen text lines per case")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REVIEWER_HOME"] = str(Path(tmp) / "home")
        began = time.perf_counter()
        shared = build(Path(tmp), args.cases, args.lines)
        print(f"built and indexed {args.cases} cases in {time.perf_counter() - began:.1f} s")
        import sqlite3

        from reviewer.identifiers.index import find, index_path

        n = sqlite3.connect(index_path()).execute("SELECT COUNT(*) FROM occurrence").fetchone()[0]
        times = []
        for typed in [shared, "+84 938 456 127", "keo77.club", "0912345678", shared]:
            t0 = time.perf_counter()
            result = find(typed)
            times.append(time.perf_counter() - t0)
            print(f"  find {typed!r}: {len(result['cases'])} cases in {times[-1] * 1000:.1f} ms")
        print(f"find over {args.cases} cases ({n} occurrences): median "
              f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")  # fmt: skip
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reviewer.cli", "find", shared], check=True,
                       stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
        print(f"`reviewer find` as a whole process (start-up included): "
              f"{time.perf_counter() - t0:.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

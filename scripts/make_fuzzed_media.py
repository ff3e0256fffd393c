"""Make (and optionally run) the fuzzed media set: byte flips and truncations of real media.

    python scripts/make_fuzzed_media.py OUT              # 104 files into OUT (seed 21)
    python scripts/make_fuzzed_media.py OUT --run CASE   # ... then analyse them all in the
                                                         # isolated child, one line per file

Sources, cut from the demo livestream with PyAV (stream copy: the encoders' own bytes): a 4 s
mp4 (H.264 + AAC), the same 4 s of sound as m4a, one frame as png and as jpg. Each source gets
26 variants: flips of 1-128 random bytes anywhere, flips in the first and in the last 2 KiB (file
headers, the mp4 index), truncations from 2 % to 99.9 %, a zeroed 4 KiB block and a repeated
slice. Same seed, same bytes. Every file must end analysed or failed with a reason, the analysing
process must never take the application with it, and no file may pass the no-progress limit.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 21
SOURCE_S = 4.0
FLIPS = (1, 2, 4, 8, 16, 32, 64, 128)
EDGE_FLIPS = (1, 4, 16)
CUTS = (0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.98, 0.999)


def make_sources(out: Path, seconds: float = SOURCE_S) -> list[Path]:
    """mp4, m4a, png and jpg from the first seconds of the demo recording."""
    import av
    import cv2

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from reviewer.paths import demo_recording

    out.mkdir(parents=True, exist_ok=True)
    demo = demo_recording()
    for name, kinds in (("source.mp4", ("video", "audio")), ("source.m4a", ("audio",))):
        with av.open(str(demo)) as src, av.open(str(out / name), "w") as dst:
            streams = [s for s in src.streams if s.type in kinds]
            mapped = {s.index: dst.add_stream_from_template(s) for s in streams}
            for packet in src.demux(streams):
                if packet.dts is None:
                    continue
                if packet.pts is not None and packet.pts * packet.time_base > seconds:
                    continue
                packet.stream = mapped[packet.stream.index]
                dst.mux(packet)
    with av.open(str(demo)) as src:
        frame = next(f for f in src.decode(video=0) if f.time and f.time >= seconds / 2)
        picture = frame.to_ndarray(format="bgr24")
    cv2.imwrite(str(out / "source.png"), picture)
    cv2.imwrite(str(out / "source.jpg"), picture, [cv2.IMWRITE_JPEG_QUALITY, 85])
    return [out / f"source.{ext}" for ext in ("mp4", "m4a", "png", "jpg")]


def _flip(data: bytearray, count: int, rng: random.Random, lo: int, hi: int) -> bytearray:
    for _ in range(count):
        i = rng.randrange(lo, hi)
        data[i] ^= rng.randrange(1, 256)
    return data


def variants(data: bytes, rng: random.Random) -> list[tuple[str, bytes]]:
    """The 26 damaged copies of one file, named by what was done."""
    size = len(data)
    edge = min(2048, size)
    out = [(f"flip{n}", bytes(_flip(bytearray(data), n, rng, 0, size))) for n in FLIPS]
    for n in EDGE_FLIPS:
        out.append((f"head{n}", bytes(_flip(bytearray(data), n, rng, 0, edge))))
        out.append((f"tail{n}", bytes(_flip(bytearray(data), n, rng, size - edge, size))))
    out += [(f"cut{round(f * 1000):03d}", data[: int(size * f)]) for f in CUTS]
    at = rng.randrange(0, max(1, size - 4096))
    out.append(("zeroed", data[:at] + bytes(min(4096, size - at)) + data[at + 4096 :]))
    at, length = rng.randrange(0, size // 2), rng.randrange(64, max(65, size // 8))
    out.append(("repeat", data[: at + length] + data[at : at + length] + data[at + length :]))
    return out


def make_set(out: Path, seed: int = SEED) -> list[Path]:
    """The fuzzed files (sources kept aside in out/sources); the same seed gives the same bytes."""
    sources = make_sources(out / "sources")
    rng = random.Random(seed)
    made = []
    for source in sources:
        for label, data in variants(source.read_bytes(), rng):
            path = out / f"{source.suffix[1:]}-{label}{source.suffix}"
            path.write_bytes(data)
            made.append(path)
    return made


def run_set(files: list[Path], case_folder: Path, stall_s: float, memory_limit: int) -> dict:
    """Analyse the files into a new case through the isolated child; outcomes and task times."""
    from reviewer.analysis.child_process import ChildBackend
    from reviewer.cluster.driver import ClusterAnalyzer
    from reviewer.pipeline import AnalysisOptions
    from reviewer.store import open_case

    began = time.monotonic()
    with ChildBackend(memory_limit=memory_limit, stall_s=stall_s) as backend:
        with open_case(case_folder) as case:
            result = ClusterAnalyzer(case, AnalysisOptions(language="en"), backend).run(files)
        finished, starts, peak = list(backend.finished), backend.starts, backend.peak_rss
    per_file: dict[str, float] = Counter()
    for _task, name, seconds, _outcome in finished:
        per_file[name] += seconds
    return {
        "outcomes": result.outcomes,
        "per_file_s": dict(per_file),
        "tasks": finished,
        "starts": starts,
        "peak_rss": peak,
        "wall_s": time.monotonic() - began,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--run", type=Path, metavar="CASE", help="then analyse them into CASE")
    parser.add_argument("--stall-seconds", type=float, default=120.0)
    parser.add_argument("--memory-gib", type=float, default=3.0)
    args = parser.parse_args()
    files = make_set(args.out, args.seed)
    print(f"{len(files)} files in {args.out}")
    if not args.run:
        return
    report = run_set(files, args.run, args.stall_seconds, int(args.memory_gib * 1024**3))
    for o in report["outcomes"]:
        seconds = report["per_file_s"].get(o.path.name, 0.0)
        print(f"{o.path.name:24} {o.status:9} {seconds:6.1f} s  {o.error or ''}")
    kinds: Counter = Counter()
    for o in report["outcomes"]:
        # Failed before any task reached the child: refused by ingest (probe) in the parent.
        where = "child" if o.path.name in report["per_file_s"] else "ingest"
        reason = (o.error or "").replace(o.path.name, "FILE")[:72]
        kinds[(o.status, where if o.status == "failed" else "", reason)] += 1
    print("\noutcomes (failed: where, reason):")
    for (status, where, reason), n in sorted(kinds.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4}  {status:9} {where:7} {reason}")
    slowest = max(report["per_file_s"].values(), default=0.0)
    print(
        f"child starts {report['starts']}, slowest file {slowest:.1f} s, "
        f"peak child RSS {report['peak_rss'] / 1e6:.0f} MB, wall {report['wall_s']:.0f} s"
    )


if __name__ == "__main__":
    main()

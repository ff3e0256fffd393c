"""Full analysis (speech + on-screen text + images + detection) of a 10-minute 720p recording.

Usage: python bench/bench_throughput.py [--minutes 10] [--every 2 1] [--out bench/out]

The recording is the bundled demo (720p, speech, chat overlay) looped to the length asked, by
stream copy. For each OCR sampling interval it runs the real engine on the CPU in this process
and splits the wall time into: audio decode, ASR, frame decode + change detection, OCR,
obscene-image classifier, text detection + flags, and the rest (ingest, hashing, database).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer import audio, detect  # noqa: E402
from reviewer.pipeline import AnalysisOptions, Analyzer  # noqa: E402
from reviewer.resources import demo_recording  # noqa: E402
from reviewer.store import open_case  # noqa: E402
from reviewer.vision import NsfwClassifier, OcrEngine  # noqa: E402

TIMES: dict[str, float] = defaultdict(float)
_STACK: list[list[float]] = []  # per open timer: [time spent in nested timers]


def _measure(key: str, call):
    """Run call(), adding its wall time to TIMES[key] minus what nested timers took (exclusive)."""
    _STACK.append([0.0])
    start = time.perf_counter()
    try:
        return call()
    finally:
        spent = time.perf_counter() - start
        nested = _STACK.pop()[0]
        TIMES[key] += spent - nested
        if _STACK:
            _STACK[-1][0] += spent


def timed(owner, name: str, key: str) -> None:
    original = getattr(owner, name)
    setattr(owner, name, lambda *a, **k: _measure(key, lambda: original(*a, **k)))


def timed_iter(owner, name: str, key: str) -> None:
    """Like timed(), for a method returning an iterator: time spent producing each item."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        it = iter(original(*args, **kwargs))
        done = object()
        while (item := _measure(key, lambda: next(it, done))) is not done:
            yield item

    setattr(owner, name, wrapper)


def looped_recording(minutes: float, out: Path) -> float:
    demo = demo_recording()
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", demo],
        capture_output=True,
        text=True,
        check=True,
    )
    loops = int(minutes * 60 // float(probe.stdout) + 1)
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-y", "-stream_loop", str(loops - 1), "-i", str(demo)]
        + ["-t", str(minutes * 60), "-c", "copy", str(out)],
        check=True,
    )
    return minutes * 60


def run_once(recording: Path, duration: float, every_s: float) -> dict:
    TIMES.clear()
    case_dir = Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    try:
        with open_case(case_dir, officer="bench") as case:
            analyzer = Analyzer(
                case, AnalysisOptions(language="vi", device="cpu", ocr_every_s=every_s)
            )
            analyzer.engine(), analyzer.vision_models(), analyzer.text_detector()  # load first
            start = time.perf_counter()
            result = analyzer.run([recording])
            wall = time.perf_counter() - start
            assert result.all_ok, result.outcomes
            flags = len(case.flags())
            texts = len(case.frame_texts())
    finally:
        shutil.rmtree(case_dir, ignore_errors=True)
    parts = {
        "audio decode": TIMES["audio decode"],
        "ASR (whisper + VAD)": TIMES["ASR"],
        "frame decode + change + tracking": TIMES["frames"],
        "OCR": TIMES["OCR"],
        "obscene classifier": TIMES["obscene classifier"],
        "text detection + flags": TIMES["detect"],
    }
    parts["other (ingest, hashing, database)"] = max(0.0, wall - sum(parts.values()))
    return {
        "ocr_every_s": every_s,
        "audio_s": duration,
        "wall_s": round(wall, 1),
        "realtime_factor": round(duration / wall, 2),
        "flags": flags,
        "frame_texts": texts,
        "seconds": {k: round(v, 2) for k, v in parts.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--every", type=float, nargs="+", default=[2.0, 1.0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import reviewer.pipeline as pipeline

    timed_iter(audio.AudioReader, "__iter__", "audio decode")
    timed(pipeline, "transcribe_media", "ASR")
    timed(OcrEngine, "read", "OCR")
    timed(NsfwClassifier, "score", "obscene classifier")
    timed(detect.MediaDetector, "add", "detect")
    timed(detect.MediaDetector, "complete", "detect")
    timed(pipeline, "analyze_video_frames", "frames")

    work = Path(tempfile.mkdtemp(prefix="bench-rec-"))
    try:
        recording = work / f"looped-{args.minutes:g}min-720p.mp4"
        duration = looped_recording(args.minutes, recording)
        rows = []
        for every in args.every:
            row = run_once(recording, duration, every)
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (args.out / "bench_throughput.json").write_text(json.dumps(rows, indent=2))
    for row in rows:
        print(
            f"\nOCR every {row['ocr_every_s']:g} s: {row['wall_s']} s for {row['audio_s']:.0f} s "
            f"of 720p video = {row['realtime_factor']}x real time "
            f"({row['flags']} flags, {row['frame_texts']} on-screen text items)"
        )
        for part, secs in row["seconds"].items():
            print(f"  {part:<36} {secs:>7.1f} s  {100 * secs / row['wall_s']:>5.1f}%")


if __name__ == "__main__":
    main()

"""Whole analysis of a 720p recording with a scrolling chat, against bare faster-whisper.

Usage: python bench/bench_throughput.py [--minutes 10] [--variants before after vietasr both isolated]
           [--backgrounds still gradient scene noise vertical] [--voices real synthetic]
           [--before-code DIR]

Builds its own test video (bench/chat_stream.py: Vietnamese speech, a chat line every 1.5 s,
a 72-second stream looped) for each background asked (``still``: a still picture behind the
chat; ``gradient``, ``scene``, ``noise``: a camera that never stands still; ``vertical``: a
720x1280 phone stream with a moving scene) and speech track (``real``, the default: six recorded
human voices said in turn, a word error rate printed for each row; ``synthetic``: the stream's
generated speech, which says the violations), then, for each, one after the other on the same
file and each in its own process (so peak RSS is its own):

- bare faster-whisper: base, int8, beam 5, VAD, language="vi", 2 threads, no hotwords;
- each analysis variant, ``reviewer`` engine on the CPU:
    before: whole-frame OCR of every changed frame, stages one after the other (the old way);
    after:  the default options (OCR of changed regions only, line cache, vision beside speech)
            run in this process by the workstation pipeline (`--in-process`), with stage clocks;
    vietasr, both: the defaults with --speech-engine vietasr / both;
    isolated: the default analysis: the same options in the child process that holds no keys
        (each range's pictures beside its speech there); its models are loaded by a warm-up
        run first; its peak RSS is the most that parent and child held at one moment of the
        file's run (both sampled together), with each one's own peak beside it.

It prints per variant: real-time factor, ratio to bare faster-whisper, wall and CPU seconds
per stage, busy share of each core, line crops recognised against the chat lines shown, and
peak RSS, and at the end one table of every background and variant side by side.
``--before-code DIR`` adds the row "VARIANT@DIR": the first of ``--variants`` as another checkout
of the code runs it (e.g. ``git archive main | tar -x -C DIR``), for a before/after in one run
on the same files.
``bench/profile_analysis.py`` runs one variant on any file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput_report import print_row, print_table  # noqa: E402
from tree_rss import TreePeak  # noqa: E402

VARIANTS = {
    "before": {"ocr_incremental": False, "overlap_stages": False},
    "after": {},
    # the Vietnamese recognisers (issue 10): viet-asr alone, and both beside each other
    "vietasr": {"speech_engine": "vietasr"},
    "both": {"speech_engine": "both"},
    # the default analysis: the ranges in the isolated child process (`reviewer analyze`)
    "isolated": {},
}
BARE_OPTIONS = {"language": "vi", "beam_size": 5, "vad_filter": True}


# -- timing ---------------------------------------------------------------------------------
class StageClock:
    """Wall and CPU seconds per stage, exclusive of nested stages, from any thread."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self._local = threading.local()
        self._lock = threading.Lock()

    def measure(self, key: str, call):
        stack = self._local.__dict__.setdefault("stack", [])
        stack.append([0.0, 0.0])
        wall0, cpu0 = time.perf_counter(), time.thread_time()
        try:
            return call()
        finally:
            wall, cpu = time.perf_counter() - wall0, time.thread_time() - cpu0
            nested_wall, nested_cpu = stack.pop()
            with self._lock:
                self.wall[key] += wall - nested_wall
                self.cpu[key] += cpu - nested_cpu
            if stack:
                stack[-1][0] += wall
                stack[-1][1] += cpu

    def wrap(self, owner, name: str, key: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            return self.measure(key, lambda: original(*args, **kwargs))

        setattr(owner, name, wrapper)

    def wrap_iter(self, owner, name: str, key: str) -> None:
        """For a method returning an iterator: time spent producing each item."""
        original = getattr(owner, name)
        clock = self

        def wrapper(*args, **kwargs):
            it = iter(original(*args, **kwargs))
            done = object()
            while (item := clock.measure(key, lambda: next(it, done))) is not done:
                yield item

        setattr(owner, name, wrapper)


def cpu_ticks() -> list[tuple[int, int]]:
    """(busy, total) jiffies per core from /proc/stat (Linux; [] elsewhere)."""
    try:
        lines = Path("/proc/stat").read_text().splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        if line.startswith("cpu") and line[3:4].isdigit():
            values = [int(v) for v in line.split()[1:]]
            idle = values[3] + (values[4] if len(values) > 4 else 0)
            out.append((sum(values) - idle, sum(values)))
    return out


class ThreadCpu:
    """CPU seconds per thread of this process, by thread name, sampled while it runs (a
    thread's last reading before it ends is kept; names with * are native thread pools).
    Linux only; empty elsewhere."""

    def __init__(self, every_s: float = 0.5) -> None:
        self.every_s = every_s
        self._seen: dict[str, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def _sample(self) -> None:
        python = {t.native_id: t.name for t in threading.enumerate()}
        for task in Path("/proc/self/task").glob("*"):
            try:
                # Python threads by name; native pools (ONNX Runtime, CTranslate2, FFmpeg) by
                # their system name.
                name = python.get(int(task.name)) or (task / "comm").read_text().strip() + "*"
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            self._seen[task.name] = (name, (int(fields[11]) + int(fields[12])) / self._tick)

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self._sample()

    def __enter__(self) -> ThreadCpu:
        if Path("/proc/self/task").exists():
            self._sample()
            self._start = dict(self._seen)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()
            self._sample()

    def by_name(self) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for tid, (name, cpu) in self._seen.items():
            out[name] += cpu - getattr(self, "_start", {}).get(tid, (name, 0.0))[1]
        return {k: round(v, 1) for k, v in sorted(out.items(), key=lambda kv: -kv[1]) if v > 0}


def core_busy(before: list, after: list) -> list[float]:
    return [
        round((b1 - b0) / max(1, t1 - t0), 3)
        for (b0, t0), (b1, t1) in zip(before, after, strict=False)
    ]


# -- one analysis variant (child process) -----------------------------------------------------
def instrument(clock: StageClock) -> dict[str, int]:
    """Wrap the engine's stages with the clock; returns counters filled while it runs."""
    from reviewer import detections, pipeline
    from reviewer.vision import NsfwClassifier, frames
    from reviewer.vision.recognise import LineRecogniser
    from reviewer.vision.text_boxes import TextBoxFinder

    counters = {"line_crops_recognised": 0, "detector_runs": 0, "detector_pixels": 0}
    read, band = LineRecogniser.read, TextBoxFinder._detect_band

    def counting_read(self, crops):
        counters["line_crops_recognised"] += len(crops)
        return read(self, crops)

    def counting_band(self, image, scale, *args, **kwargs):
        counters["detector_runs"] += 1
        counters["detector_pixels"] += int(image.shape[0] * image.shape[1])
        return band(self, image, scale, *args, **kwargs)

    LineRecogniser.read, TextBoxFinder._detect_band = counting_read, counting_band
    clock.wrap(pipeline.Analyzer, "_speech", "speech: audio decode + ASR (+ VAD)")
    clock.wrap(pipeline.Analyzer, "_vision_stage", "vision: regions, tracking, saving")
    clock.wrap_iter(frames.FrameSampler, "_frames", "vision: frame decode + sampling")
    clock.wrap(TextBoxFinder, "_detect_band", "vision: text detector")
    clock.wrap(LineRecogniser, "read", "vision: line recogniser")
    clock.wrap(NsfwClassifier, "score", "vision: obscene classifier")
    try:  # a checkout from before QR codes were read from frames has no FrameWatch
        from reviewer.identifiers.frame_watch import FrameWatch

        clock.wrap(FrameWatch, "frame", "vision: QR codes + picture hashes")
    except ImportError:
        pass
    clock.wrap(detections.MediaDetector, "add", "text detection + flags")
    clock.wrap(detections.MediaDetector, "complete", "text detection + flags")
    return counters


def cpu_seconds(times0: os.times_result, times1: os.times_result) -> float:
    return round((times1.user - times0.user) + (times1.system - times0.system), 1)


def stored(case: Any) -> dict:
    """What the run stored of the one recording: speech (its text, for a word error rate),
    on-screen text and flags."""
    media = case.list_media()[0]
    segments = case.segments(media["id"])
    texts = case.frame_texts(media["id"])
    return {
        "duration_s": media["duration_s"],
        "segments": len(segments),
        "words": sum(len(s["text"].split()) for s in segments),
        "text": " ".join(s["text"] for s in segments),
        "frame_texts": len(texts),
        "distinct_texts": len({t["text"] for t in texts}),
        "flags": len(case.flags()),
        **_pictures(case, media["id"]),
    }


def _pictures(case: Any, media_id: int) -> dict:
    """QR identifiers and keyframe hashes read from the frames (none before that existed)."""
    try:
        hashes = case.conn.execute(
            "SELECT count(*) FROM picture_hash WHERE media_id = ?", (media_id,)
        ).fetchone()[0]
        qr = case.conn.execute(
            "SELECT count(*) FROM identifier WHERE media_id = ? AND source = 'qr'", (media_id,)
        ).fetchone()[0]
    except Exception:  # an older case schema
        return {}
    return {"keyframes": hashes, "qr_identifiers": qr}


def run_variant(recording: Path, variant: str, every_s: float | None) -> dict:
    from reviewer.pipeline import AnalysisOptions, Analyzer
    from reviewer.store import open_case

    clock = StageClock()
    counters = instrument(clock)
    options = AnalysisOptions(language="vi", device="cpu", **VARIANTS[variant])
    if every_s:
        options.ocr_every_s = every_s
    case_dir = tempfile.mkdtemp(prefix="bench-throughput-")
    try:
        with open_case(Path(case_dir), officer="bench") as case:
            analyzer = Analyzer(case, options)
            for name in analyzer.engine_names():  # load first
                analyzer.engine(name)
            analyzer.vision_models(), analyzer.text_scorer()
            ticks0, times0 = cpu_ticks(), os.times()
            start = time.perf_counter()
            with ThreadCpu() as threads:
                result = analyzer.run([recording])
            wall = time.perf_counter() - start
            ticks1, times1 = cpu_ticks(), os.times()
            assert result.all_ok, result.outcomes
            row = {
                "variant": variant,
                "wall_s": round(wall, 1),
                "process_cpu_s": cpu_seconds(times0, times1),
                "core_busy": core_busy(ticks0, ticks1),
                "thread_cpu_s": threads.by_name(),
                **stored(case),
                **counters,
                "stage_wall_s": {k: round(v, 2) for k, v in sorted(clock.wall.items())},
                "stage_cpu_s": {k: round(v, 2) for k, v in sorted(clock.cpu.items())},
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
    finally:
        shutil.rmtree(case_dir, ignore_errors=True)
    return row


def _warm_up_files(folder: Path) -> list[Path]:
    """A second of tone and a small picture: enough for the child to load every model."""
    import wave

    import numpy as np
    from PIL import Image

    sound = folder / "warm.wav"
    with wave.open(str(sound), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16000)
        t = np.arange(16000) / 16000
        out.writeframes((3000 * np.sin(2 * np.pi * 220 * t)).astype(np.int16).tobytes())
    picture = folder / "warm.png"
    Image.new("RGB", (320, 120), "white").save(picture)
    return [sound, picture]


def run_isolated(recording: Path) -> dict:
    from reviewer.analysis import make_analyzer, open_executor
    from reviewer.analysis.options import AnalysisOptions
    from reviewer.store import open_case

    options = AnalysisOptions(language="vi", device="cpu")
    work = Path(tempfile.mkdtemp(prefix="bench-isolated-"))
    try:
        with open_executor(options, child=True) as executor:
            with open_case(work / "warm", officer="bench") as case:
                make_analyzer(case, options, executor=executor).run(_warm_up_files(work))
            with open_case(work / "case", officer="bench") as case:
                ticks0, times0 = cpu_ticks(), os.times()
                start = time.perf_counter()
                with TreePeak() as together:
                    result = make_analyzer(case, options, executor=executor).run([recording])
                wall = time.perf_counter() - start
                times1 = os.times()
                assert result.all_ok, result.outcomes
                parent = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
                child_rss = round(executor.backend.peak_rss / 1024**2)
                # each task's seconds in the child (probe, plan, ranges), this file's only
                tasks = [
                    (t, s) for t, name, s, _ in executor.backend.finished if name == recording.name
                ]
                return {
                    "variant": "isolated",
                    "wall_s": round(wall, 1),
                    "process_cpu_s": cpu_seconds(times0, times1),
                    "core_busy": core_busy(ticks0, cpu_ticks()),
                    **stored(case),
                    "child_task_s": [f"{t.removesuffix('_task')} {s:.1f}" for t, s in tasks],
                    "parent_rss_mib": parent,
                    "child_rss_mib": child_rss,
                    # what both held at one moment of this file's run (sampled every 0.2 s);
                    # the sum of each one's own peak (warm-up included) is an upper bound
                    "peak_rss_mib": round(together.peak["sum"] / 1024**2),
                    "rss_sum_of_peaks_mib": parent + child_rss,
                }
    finally:
        shutil.rmtree(work, ignore_errors=True)


# -- bare faster-whisper (child process) ------------------------------------------------------
def run_bare(recording: Path) -> dict:
    from faster_whisper import WhisperModel

    from reviewer.model_registry import verified_speech_model

    model = WhisperModel(
        str(verified_speech_model("faster-whisper-base").path),
        device="cpu",
        compute_type="int8",
        cpu_threads=2,
    )
    ticks0, times0 = cpu_ticks(), os.times()
    start = time.perf_counter()
    segments, _ = model.transcribe(str(recording), **BARE_OPTIONS)
    texts = [s.text for s in segments]
    wall = time.perf_counter() - start
    return {
        "variant": "bare faster-whisper",
        "wall_s": round(wall, 1),
        "process_cpu_s": cpu_seconds(times0, os.times()),
        "core_busy": core_busy(ticks0, cpu_ticks()),
        "segments": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "text": " ".join(texts),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def child(args: list[str], root: Path = ROOT) -> dict:
    """One row, measured in a fresh process running the code of ``root``."""
    cmd = [sys.executable, str(root / "bench" / "bench_throughput.py"), "--child", *args]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(recording: Path, chat: dict, args: argparse.Namespace, extra: list[str]) -> list[dict]:
    """Bare faster-whisper and each variant on one recording, side by side."""
    from real_voices import wer

    duration = chat["duration_s"]
    rows = []
    if not args.no_bare:
        rows.append(child(["bare", str(recording)]))
    if args.before_code:
        first = args.variants[0]
        rows.append(child([first, str(recording), *extra], args.before_code.resolve()))
        rows[-1]["variant"] = f"{first}@{args.before_code.name}"
    for variant in args.variants:
        rows.append(child([variant, str(recording), *extra]))
    bare = rows[0]["wall_s"] if not args.no_bare else None
    for row in rows:
        text = row.pop("text", None)
        if chat.get("speech_refs") and text is not None:
            row["wer"] = round(wer([" ".join(chat["speech_refs"])], [text]), 3)
        row["realtime_factor"] = round(duration / row["wall_s"], 2)
        if bare:
            row["ratio_to_bare"] = round(row["wall_s"] / bare, 2)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        print_row(row, duration, bare, chat)
    return rows


def main() -> None:
    from chat_stream import BACKGROUNDS, make_chat_recording

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument(
        "--variants", nargs="+", default=["before", "after"], choices=list(VARIANTS)
    )
    parser.add_argument(
        "--backgrounds",
        nargs="+",
        default=["still", "gradient", "scene"],
        choices=BACKGROUNDS,
        metavar="BACKGROUND",
    )
    parser.add_argument(
        "--before-code", type=Path, help="also run the defaults of the code in this folder"
    )
    parser.add_argument(
        "--voices",
        nargs="+",
        default=["real"],
        choices=["real", "synthetic"],
        help="speech track: six recorded human voices (default; a word error rate is printed) "
        "or the stream's generated speech with spoken violations",
    )
    parser.add_argument("--no-bare", action="store_true", help="skip bare faster-whisper")
    parser.add_argument("--every", type=float, default=None, help="OCR sampling interval (s)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child[0], Path(args.child[1])
        every = float(args.child[2]) if len(args.child) > 2 else None
        if kind == "bare":
            row = run_bare(path)
        elif kind == "isolated":
            row = run_isolated(path)
        else:
            row = run_variant(path, kind, every)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        return

    args.out.mkdir(parents=True, exist_ok=True)
    extra = [str(args.every)] if args.every else []
    results = []
    for voices in args.voices:
        for background in args.backgrounds:
            name = "" if background == "still" else f"-{background}"
            name += "-real-voices" if voices == "real" else ""
            recording = args.out / f"chat-{args.minutes:g}min{name}.mp4"
            chat = make_chat_recording(
                args.minutes, recording, background, args.out / "streams", voices
            )
            results.append((chat, measure(recording, chat, args, extra)))
    print_table(results)
    (args.out / "bench_throughput.json").write_text(
        json.dumps(
            [{"recording": chat, "rows": rows} for chat, rows in results],
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()

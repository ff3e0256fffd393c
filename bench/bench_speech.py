"""End-to-end `reviewer analyze` against bare faster-whisper on the same generated audio.

Usage: python bench/bench_speech.py [--minutes 10 60] [--out bench/out]

For each length it builds a speech-dense recording (espeak-ng sentences, Vietnamese and English,
short pauses, AAC in .m4a), then runs, one after the other in fresh processes:
  bare   faster-whisper base int8 on the CPU, language vi, VAD, word timestamps, beam 5
  engine `reviewer analyze FILE --case NEW --language vi --device cpu` (same decoding options)
and prints wall time, real-time factor (audio seconds per wall second), the engine's overhead
over bare, and each process's peak RSS (sampled every 0.1 s with psutil).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
import speech_clips  # noqa: E402

SENTENCES = [
    ("vi", "Xin chào các bạn đã vào xem buổi phát trực tiếp hôm nay."),
    ("vi", "Hôm nay mình sẽ giới thiệu mấy món đồ mới về cửa hàng."),
    ("vi", "Các bạn nạp một trăm nghìn tặng ngay hai trăm nghìn nhé."),
    ("vi", "Chuyển khoản trước thì mình gửi phần thưởng cho các bạn."),
    ("vi", "Trận bóng đá tối qua thật là hay, đội nhà thắng hai không."),
    ("vi", "Bạn nào cần số điện thoại khách hàng thì nhắn tin cho mình."),
    ("vi", "Cảm ơn các bạn đã theo dõi, nhớ bấm theo dõi kênh nhé."),
    ("en", "Welcome back everyone, thanks for joining the stream tonight."),
    ("en", "Deposit one hundred dollars and get two hundred for betting."),
    ("en", "Today we are cooking chicken soup with fresh vegetables."),
    ("en", "Transfer the money first and you will receive your prize."),
    ("en", "Please like and share the video with your friends."),
]
VOICES = {"vi": "vi", "en": "en-us"}
WHISPER_OPTS = dict(language="vi", beam_size=5, vad_filter=True, word_timestamps=True)
# The engine's default decoding also passes the lexicon hotwords; bare gets the same.


def build_recording(minutes: float, out: Path, seed: int = 1) -> float:
    """Speech-dense audio of about `minutes`, written as AAC; returns its duration."""
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    clips = []
    for i, (lang, text) in enumerate(SENTENCES):
        wav = work / f"s{i}.wav"
        speech_clips.synth_speech(text, VOICES[lang], wav)
        clips.append(speech_clips.read_wav(wav)[0])
    import numpy as np

    target = int(minutes * 60 * speech_clips.SAMPLE_RATE)
    parts, total = [], 0
    while total < target:
        clip = clips[rng.randrange(len(clips))]
        gap = np.zeros(int(rng.uniform(0.3, 1.2) * speech_clips.SAMPLE_RATE), dtype=np.int16)
        if rng.random() < 0.05:  # now and then a longer silence, as when a streamer steps away
            gap = np.zeros(int(rng.uniform(3, 8) * speech_clips.SAMPLE_RATE), dtype=np.int16)
        parts += [clip, gap]
        total += clip.size + gap.size
    audio = np.concatenate(parts)[:target]
    wav = work / "all.wav"
    speech_clips.write_wav(wav, audio)
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-i",
            str(wav),
            "-c:a",
            "aac",
            "-b:a",
            "64k",
            str(out),
        ],
        check=True,
    )
    shutil.rmtree(work)
    return audio.size / speech_clips.SAMPLE_RATE


BARE = """
import sys, json
from faster_whisper import WhisperModel
model = WhisperModel(sys.argv[1], device="cpu", compute_type="int8")
segments, info = model.transcribe(sys.argv[2], **json.loads(sys.argv[3]))
texts = [s.text for s in segments]
print(json.dumps({"segments": len(texts), "words": sum(len(t.split()) for t in texts)}))
"""


def measure(cmd: list[str]) -> dict:
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    out = proc.stdout.read()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} failed with {proc.returncode}")
    return {"wall_s": wall, "peak_rss_mib": peak / 2**20, "stdout": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[10, 60])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from reviewer.model_registry import verified_speech_model
    from reviewer.speech.bias import lexicon_hotwords
    from reviewer.text import Lexicon

    model = verified_speech_model("faster-whisper-base")
    WHISPER_OPTS["hotwords"] = lexicon_hotwords(Lexicon.load())
    reviewer = str(Path(sys.executable).parent / "reviewer")
    rows = []
    for minutes in args.minutes:
        rec = args.out / f"recording-{minutes:g}min.m4a"
        duration = build_recording(minutes, rec)
        bare = measure(
            [sys.executable, "-c", BARE, str(model.path), str(rec), json.dumps(WHISPER_OPTS)]
        )
        case = Path(tempfile.mkdtemp(prefix="bench-case-"))
        engine = measure(
            [
                reviewer,
                "analyze",
                str(rec),
                "--case",
                str(case),
                "--language",
                "vi",
                "--device",
                "cpu",
                "--json",
            ]
        )
        report = json.loads(engine["stdout"])
        transcript = subprocess.run(
            [reviewer, "transcript", "--case", str(case), "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        engine_words = sum(len(seg["text"].split()) for seg in json.loads(transcript))
        shutil.rmtree(case)
        row = {
            "minutes": minutes,
            "audio_s": round(duration, 1),
            "bare_wall_s": round(bare["wall_s"], 1),
            "engine_wall_s": round(engine["wall_s"], 1),
            "bare_rtf": round(duration / bare["wall_s"], 2),
            "engine_rtf": round(duration / engine["wall_s"], 2),
            "overhead_pct": round(100 * (engine["wall_s"] / bare["wall_s"] - 1), 1),
            "bare_segments": json.loads(bare["stdout"])["segments"],
            "engine_segments": report["media"][0]["segments"],
            # Words, not segments, say whether both heard the same: Whisper joins and splits
            # segments differently when its windows fall differently.
            "bare_words": json.loads(bare["stdout"])["words"],
            "engine_words": engine_words,
            "bare_peak_rss_mib": round(bare["peak_rss_mib"]),
            "engine_peak_rss_mib": round(engine["peak_rss_mib"]),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
        rec.unlink()
    (args.out / "bench_speech.json").write_text(json.dumps(rows, indent=2))
    print(
        f"{'min':>5} {'bare RTF':>9} {'engine RTF':>11} {'overhead':>9} {'bare RSS':>9} {'engine RSS':>11}"
    )
    for r in rows:
        print(
            f"{r['minutes']:>5g} {r['bare_rtf']:>8.2f}x {r['engine_rtf']:>10.2f}x "
            f"{r['overhead_pct']:>8.1f}% {r['bare_peak_rss_mib']:>6} MiB {r['engine_peak_rss_mib']:>7} MiB"
        )


if __name__ == "__main__":
    main()

"""Synthetic speech clips for tests and the demo sample.

Only the standard library, numpy and two external programs are used:
``espeak-ng`` (speech) and ``ffmpeg`` (resampling and encoding).

- :func:`synth_speech` speaks one sentence into a 16 kHz mono 16-bit wav and
  returns its exact duration (leading/trailing silence trimmed).
- :func:`make_clip` concatenates sentences and silences into one file
  (.wav, .mp3, .m4a, .mp4) and returns exact timings of every sentence.

Timings are computed from sample counts, so the same inputs always give the
same timings. Lossy formats (mp3/m4a/mp4) may shift audio by the encoder's
priming delay (a few tens of milliseconds at most).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

SAMPLE_RATE = 16000
# Samples whose magnitude is below this are treated as silence when trimming.
_TRIM_THRESHOLD = 200
# Silence kept before the first and after the last loud sample (seconds).
_TRIM_MARGIN_S = 0.02

__all__ = [
    "SAMPLE_RATE",
    "ToolMissingError",
    "make_clip",
    "read_wav",
    "synth_speech",
    "write_wav",
]


class ToolMissingError(RuntimeError):
    """espeak-ng or ffmpeg is not installed."""


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(f"{name} is not installed or not on PATH")
    return path


def _run(cmd: list[str], stdin: bytes | None = None) -> None:
    proc = subprocess.run(cmd, input=stdin, capture_output=True, check=False)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Read a 16-bit PCM wav; returns (mono int16 samples, sample rate)."""
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError(f"{path}: expected 16-bit PCM")
        rate = w.getframerate()
        channels = w.getnchannels()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return data.astype(np.int16), rate


def write_wav(path: Path, samples: np.ndarray, rate: int = SAMPLE_RATE) -> None:
    """Write mono int16 samples as a 16-bit PCM wav."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.asarray(samples, dtype="<i2").tobytes())


def _trim(samples: np.ndarray, rate: int) -> np.ndarray:
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > _TRIM_THRESHOLD)
    if loud.size == 0:
        return samples[:0]
    margin = int(round(_TRIM_MARGIN_S * rate))
    start = max(0, int(loud[0]) - margin)
    end = min(samples.size, int(loud[-1]) + 1 + margin)
    return samples[start:end]


def synth_speech(text: str, voice: str, out_wav: Path, speed: int = 140) -> float:
    """Speak ``text`` with espeak-ng ``voice`` into ``out_wav`` (16 kHz mono).

    Leading and trailing silence is trimmed (20 ms kept), so the returned
    duration in seconds is the length of the speech itself.
    """
    espeak = _tool("espeak-ng")
    ffmpeg = _tool("ffmpeg")
    out_wav = Path(out_wav)
    out_wav.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="speech_") as tmp:
        raw = Path(tmp) / "raw.wav"
        res = Path(tmp) / "16k.wav"
        # Text on stdin: never parsed as an option, UTF-8 kept intact.
        _run(
            [espeak, "-v", voice, "-s", str(int(speed)), "-w", str(raw), "--stdin"],
            stdin=text.encode("utf-8"),
        )
        _run(
            [
                ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-i", str(raw), "-ac", "1", "-ar", str(SAMPLE_RATE),
                "-c:a", "pcm_s16le", "-map_metadata", "-1", "-fflags", "+bitexact",
                str(res),
            ]
        )  # fmt: skip
        samples, rate = read_wav(res)
    samples = _trim(samples, rate)
    if samples.size == 0:
        raise RuntimeError(f"espeak-ng produced no audible speech for {text!r}")
    write_wav(out_wav, samples, rate)
    return samples.size / rate


def _encode(wav: Path, out_path: Path, video: bool, duration_s: float) -> None:
    ffmpeg = _tool("ffmpeg")
    suffix = out_path.suffix.lower()
    base = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    tail = ["-map_metadata", "-1", "-fflags", "+bitexact", str(out_path)]
    if suffix == ".mp3":
        cmd = base + ["-i", str(wav), "-c:a", "libmp3lame", "-b:a", "64k"] + tail
    elif suffix in (".m4a", ".aac") or (suffix == ".mp4" and not video):
        cmd = base + ["-i", str(wav), "-c:a", "aac", "-b:a", "64k"] + tail
    elif suffix == ".mp4":
        cmd = base + [
            "-f", "lavfi", "-i", f"color=c=0x336699:s=320x240:r=10:d={duration_s:.4f}",
            "-i", str(wav), "-map", "0:v", "-map", "1:a", "-t", f"{duration_s:.4f}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "30", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart",
        ] + tail  # fmt: skip
    else:
        raise ValueError(f"unsupported output format: {out_path.suffix!r}")
    _run(cmd)


def make_clip(
    parts: list[tuple[str, str] | float],
    out_path: Path,
    video: bool = False,
    speed: int = 140,
) -> list[dict]:
    """Build a clip from ``parts`` and write it to ``out_path``.

    ``parts`` items are ``(voice, text)`` to speak, or a number of seconds of
    silence. The output format follows the suffix: .wav (16 kHz mono PCM),
    .mp3, .m4a, or .mp4 (audio only; with ``video=True`` a plain 320x240
    colour video track is added).

    Returns one dict per spoken part: ``{"start_s", "end_s", "text", "voice"}``
    with times in seconds from the start of the clip.
    """
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    chunks: list[np.ndarray] = []
    timings: list[dict] = []
    pos = 0  # in samples
    with tempfile.TemporaryDirectory(prefix="clip_") as tmp:
        for i, part in enumerate(parts):
            if isinstance(part, (int, float)):
                if part < 0:
                    raise ValueError("silence must be >= 0 seconds")
                n = int(round(float(part) * SAMPLE_RATE))
                chunks.append(np.zeros(n, dtype=np.int16))
                pos += n
                continue
            voice, text = part
            wav = Path(tmp) / f"part{i:03d}.wav"
            synth_speech(text, voice, wav, speed=speed)
            samples, _ = read_wav(wav)
            chunks.append(samples)
            timings.append(
                {
                    "start_s": round(pos / SAMPLE_RATE, 4),
                    "end_s": round((pos + samples.size) / SAMPLE_RATE, 4),
                    "text": text,
                    "voice": voice,
                }
            )
            pos += samples.size
        audio = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
        if out_path.suffix.lower() == ".wav":
            write_wav(out_path, audio)
        else:
            wav = Path(tmp) / "clip.wav"
            write_wav(wav, audio)
            _encode(wav, out_path, video, audio.size / SAMPLE_RATE)
    return timings

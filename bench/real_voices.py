"""The six recorded Vietnamese voices (scripts/fetch_real_voices.py) and word error rate.

Shared by bench/eval_real_voices.py and the tests: what judges a decoding choice is the same in
both places.
"""

from __future__ import annotations

import re
import unicodedata
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
VOICES_DIR = ROOT / ".cache" / "real-voices"


def voices(folder: Path = VOICES_DIR) -> list[tuple[Path, str]]:
    """(wav, transcript) of every voice, in a fixed order."""
    return [
        (wav, wav.with_suffix(".txt").read_text(encoding="utf-8").strip())
        for wav in sorted(folder.glob("*.wav"))
    ]


def words(text: str) -> list[str]:
    """Lower-case NFC words without punctuation; numbers spelt out as Vietnamese words."""
    from reviewer.text.numbers import number_to_words

    text = unicodedata.normalize("NFC", text.lower())
    text = re.sub(r"\d+", lambda m: f" {number_to_words(int(m.group()))} ", text)
    return re.sub(r"[^\w\s]", " ", text).split()


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        diag, row[0] = row[0], i
        for j in range(1, len(hyp) + 1):
            diag, row[j] = (
                row[j],
                min(row[j] + 1, row[j - 1] + 1, diag + (ref[i - 1] != hyp[j - 1])),
            )
    return row[-1]


def wer(refs: list[str], hyps: list[str]) -> float:
    errors = sum(edit_distance(words(r), words(h)) for r, h in zip(refs, hyps, strict=True))
    return errors / max(1, sum(len(words(r)) for r in refs))


def read_wav(path: Path) -> np.ndarray:
    """16 kHz mono int16 (the voices are recorded at 24 kHz)."""
    from faster_whisper import decode_audio

    return np.round(decode_audio(str(path)) * 32768).clip(-32768, 32767).astype(np.int16)


def write_wav(path: Path, pcm: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm.astype(np.int16).tobytes())
    return path


def long_form(
    path: Path, repeats: int = 2, pause_s: float = 1.0, in_a_row: bool = False
) -> tuple[Path, list[str]]:
    """The six voices `repeats` times with pauses: one recording and its sentences in order.

    `in_a_row`: each voice `repeats` times before the next (A A B B ...), the layout in which
    Whisper once dropped the first three sentences (a window of repeated sentences compresses
    like a loop); otherwise the six in turn (A B ... F A B ... F).
    """
    pcm, refs = [], []
    gap = np.zeros(int(pause_s * 16000), dtype=np.int16)
    order = [v for v in voices() for _ in range(repeats)] if in_a_row else voices() * repeats
    for wav, text in order:
        pcm += [read_wav(wav), gap]
        refs.append(text)
    return write_wav(path, np.concatenate(pcm)), refs

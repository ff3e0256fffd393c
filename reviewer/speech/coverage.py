"""Nothing heard is silently lost (DESIGN.md, invariant 10).

Every stretch where voice activity detection (silero, shipped in faster-whisper) hears speech
must end in the transcript: as text, or as a visible UNINTELLIGIBLE_TEXT segment an officer can
play. `heard` wraps any engine's segments for one chunk of audio:

- a repetition loop ("Đừng tìm tìm tìm tìm …") is not a transcript: it is dropped, and the
  stretch it claimed counts as not yet heard;
- voiced time that no kept segment covers is retried (the engine's `retry` attempts: another
  temperature, no prompt, the stretch alone), then in two shorter halves;
- what still gives no text, or only loops, becomes an unintelligible segment.

Segments come out in time order, so the resume point (the end of the last saved segment) never
moves back.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import numpy as np

from .audio import SAMPLE_RATE
from .engine import SpeechEngine, SpeechOptions
from .voice import speech_regions

UNINTELLIGIBLE_TEXT = "[không nghe rõ / unintelligible]"
# Voiced time left uncovered that counts as lost: VAD pads regions by 0.2 s each side and
# recognisers' segment edges are approximate, so less than this is only edges.
MIN_MISSING_S = 1.0
# Slack around what a segment covers (word times of Whisper base are off by up to ~0.3 s).
TOLERANCE_S = 0.5
# Audio kept on each side of a missing stretch when it is retried, so its first and last words
# are not cut.
CONTEXT_S = 0.3
# A missing stretch longer than this is also retried in two halves before it is marked.
SPLIT_MIN_S = 3.0
# A word repeated this many times in a row is a decoding loop ("tìm tìm tìm tìm"); a phrase of
# 2-4 words needs one more ("mua đi mua đi mua đi mua đi" can be said).
LOOP_REPEATS = 4
# zlib compresses a loop far better than speech; Whisper's own threshold is 2.4 on 30 s windows.
LOOP_COMPRESSION = 2.4
LOOP_MIN_BYTES = 60

Span = tuple[float, float]


def is_loop(text: str) -> bool:
    """True when `text` is a repetition loop rather than a transcript."""
    words = re.findall(r"\w+", text.lower())
    if any(_repeat_run(words, n) >= LOOP_REPEATS + (n > 1) for n in range(1, 5)):
        return True
    data = text.encode("utf-8")
    if len(data) >= LOOP_MIN_BYTES and len(data) / len(zlib.compress(data)) > LOOP_COMPRESSION:
        return True
    return len(words) >= 10 and len(set(words)) <= len(words) // 4


def _repeat_run(words: list[str], n: int) -> int:
    """The most times any run of `n` words repeats back to back."""
    best = 1
    for start in range(len(words) - 2 * n + 1):
        gram, count = words[start : start + n], 1
        while words[start + count * n : start + (count + 1) * n] == gram:
            count += 1
        best = max(best, count)
    return best


def voiced_spans(audio: np.ndarray) -> list[Span]:
    """Where VAD hears speech, in seconds from the start of `audio`."""
    return [(s / SAMPLE_RATE, e / SAMPLE_RATE) for s, e in speech_regions(audio)]


def covered_spans(segment: dict) -> list[Span]:
    """What a segment covers: its span widened by TOLERANCE_S. (Its span, not its words: word
    times are approximate, viet-asr's more so, and a gap between them would be retried and heard
    twice; a segment that claims time it did not hear is a loop, dropped before this.)"""
    return [(segment["start_s"] - TOLERANCE_S, segment["end_s"] + TOLERANCE_S)]


def uncovered(voiced: list[Span], covered: list[Span], lo: float, hi: float) -> list[Span]:
    """Voiced time within [lo, hi) that no covered span touches, in stretches of at least
    MIN_MISSING_S (parts of one region closer than TOLERANCE_S joined)."""
    out: list[Span] = []
    for vs, ve in voiced:
        parts = [(max(vs, lo), min(ve, hi))]
        for cs, ce in covered:
            parts = [p for a, b in parts for p in ((a, min(b, cs)), (max(a, ce), b)) if p[1] > p[0]]
        for a, b in parts:
            if out and a - out[-1][1] < TOLERANCE_S:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
    return [(a, b) for a, b in out if b - a >= MIN_MISSING_S]


def retry_record(engine: SpeechEngine) -> dict:
    """How this module treats an engine's output, recorded with each speech pass."""
    return {
        "min_missing_s": MIN_MISSING_S,
        "retry_temperatures": list(getattr(engine, "RETRY_TEMPERATURES", ())),
        "split_min_s": SPLIT_MIN_S,
        "loop_repeats": LOOP_REPEATS,
    }


def unintelligible(start_s: float, end_s: float, language: str | None) -> dict:
    """A visible segment for speech no engine attempt could transcribe (detection skips it)."""
    return {
        "start_s": round(start_s, 3),
        "end_s": round(end_s, 3),
        "text": UNINTELLIGIBLE_TEXT,
        "language": language,
        "confidence": None,
        "no_speech_prob": None,
        "words": [],
        "unintelligible": True,
    }


def heard(engine: SpeechEngine, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
    """The engine's segments for `audio` with every voiced stretch accounted for, in time order
    (times relative to the start of `audio`)."""
    voiced = voiced_spans(audio)
    end = audio.size / SAMPLE_RATE
    settled = 0.0  # voiced time before this is accounted for
    covered: list[Span] = []
    for segment in engine.transcribe(audio, options):
        if is_loop(segment["text"]):
            continue  # its stretch stays uncovered and is retried below
        for lost in uncovered(voiced, covered, settled, segment["start_s"]):
            yield from _recover(engine, audio, options, lost)
        covered += covered_spans(segment)
        settled = max(settled, segment["start_s"])
        yield segment
    for lost in uncovered(voiced, covered, settled, end):
        yield from _recover(engine, audio, options, lost)


def _attempt(
    engine: SpeechEngine, audio: np.ndarray, options: SpeechOptions, span: Span, attempt: int
) -> list[dict]:
    """One retry of `span` alone (with CONTEXT_S around it): the segments that fall in it and
    are not loops, in the time of `audio`."""
    lo = max(0.0, span[0] - CONTEXT_S)
    hi = min(audio.size / SAMPLE_RATE, span[1] + CONTEXT_S)
    piece = audio[int(lo * SAMPLE_RATE) : int(hi * SAMPLE_RATE)]
    retry = getattr(engine, "retry", None)
    found = retry(piece, options, attempt) if retry else engine.transcribe(piece, options)
    kept = []
    for seg in found:
        if not seg["text"].strip() or is_loop(seg["text"]):
            continue
        seg = {**seg, "start_s": seg["start_s"] + lo, "end_s": seg["end_s"] + lo}
        seg["words"] = [
            {**w, "start": w["start"] + lo, "end": w["end"] + lo} for w in seg.get("words") or []
        ]
        middle = (seg["start_s"] + seg["end_s"]) / 2
        if span[0] - TOLERANCE_S <= middle <= span[1] + TOLERANCE_S:
            kept.append(seg)
    return kept


def _recover(
    engine: SpeechEngine, audio: np.ndarray, options: SpeechOptions, span: Span, depth: int = 0
) -> Iterator[dict]:
    """Text for a voiced stretch nothing covered: retried, then halved, then marked."""
    found: list[dict] = []
    for attempt in range(getattr(engine, "retry_attempts", 1)):
        found = _attempt(engine, audio, options, span, attempt)
        if found:
            break
    if not found and depth == 0 and span[1] - span[0] >= SPLIT_MIN_S:
        middle = _quietest(audio, span)
        for half in ((span[0], middle), (middle, span[1])):
            yield from _recover(engine, audio, options, half, depth + 1)
        return
    covered = [c for seg in found for c in covered_spans(seg)]
    still = uncovered([span], covered, span[0], span[1])
    pieces = found + [unintelligible(a, b, options.language) for a, b in still]
    yield from sorted(pieces, key=lambda s: (s["start_s"], s["end_s"]))


def _quietest(audio: np.ndarray, span: Span) -> float:
    """The quietest 0.1 s in the middle half of `span`: where to halve it."""
    step = int(0.1 * SAMPLE_RATE)
    lo = int((span[0] + (span[1] - span[0]) / 4) * SAMPLE_RATE)
    hi = int((span[1] - (span[1] - span[0]) / 4) * SAMPLE_RATE)
    starts = list(range(lo, max(lo + 1, hi - step), step))
    energy = [
        float(np.mean(np.square(audio[s : s + step]))) if s < audio.size else 0.0 for s in starts
    ]
    return (starts[int(np.argmin(energy))] + step / 2) / SAMPLE_RATE

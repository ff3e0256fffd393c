"""Long segments cut into readable ones (at most MAX_SEGMENT_S) at sentence ends or pauses.

Whisper can return a 55-second segment for fluent speech; the transcript pane could not follow
playback, SRT lines would fill the screen, and a flag would span far more than what was said.
"""

from __future__ import annotations

from .engine import MAX_SEGMENT_S

SENTENCE_END = (".", "?", "!", "…")


def split_segment(segment: dict, max_s: float = MAX_SEGMENT_S) -> list[dict]:
    """The segment itself when short enough, else pieces cut between words."""
    words = segment.get("words") or []
    if segment["end_s"] - segment["start_s"] <= max_s or len(words) < 2:
        return [segment]
    cut = _best_cut(words, max_s)
    left, right = words[:cut], words[cut:]
    first = {**_piece(segment, left), "start_s": segment["start_s"]}
    second = {**_piece(segment, right), "end_s": max(segment["end_s"], right[-1]["end"])}
    return split_segment(first, max_s) + split_segment(second, max_s)


def _best_cut(words: list[dict], max_s: float) -> int:
    """Index of the first word of the second piece: a sentence end or the longest pause,
    preferring cuts that leave the first piece within `max_s`."""
    start = words[0]["start"]
    best, best_score = len(words) // 2, float("-inf")
    for i in range(1, len(words)):
        gap = words[i]["start"] - words[i - 1]["end"]
        score = gap + (1.0 if words[i - 1]["word"].strip().endswith(SENTENCE_END) else 0.0)
        if words[i - 1]["end"] - start > max_s:
            score -= 10.0  # too long a first piece; only if nothing better exists
        # Prefer cuts nearer the middle over tiny first pieces.
        score += 0.1 * min(i, len(words) - i) / len(words)
        if score > best_score:
            best, best_score = i, score
    return best


def _piece(segment: dict, words: list[dict]) -> dict:
    return {
        **segment,
        "start_s": words[0]["start"],
        "end_s": words[-1]["end"],
        "text": "".join(w["word"] for w in words).strip(),
        "words": words,
    }

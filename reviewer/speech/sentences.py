"""Speech segments cut into sentences, and each sentence's neighbour: what text detection reads.

Pure functions of the segments: the workstation's detection and a worker computing sentence
vectors (reviewer/text/meaning/range_vectors.py) cut alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from .readable import SENTENCE_END  # one definition for both cuts

MAX_PIECE_WORDS = 30


def sentences(segment: dict) -> list[dict]:
    """A speech segment cut into sentences by Whisper's word timestamps.

    Whisper often joins several sentences (even languages) into one segment; each sentence is
    classified on its own so one sentence's warning cue does not damp another's offer, and the
    flag spans the sentence that was said, not the whole segment.
    """
    words = segment.get("words") or []
    if not words:
        return [segment]
    pieces: list[list[dict]] = [[]]
    for word in words:
        pieces[-1].append(word)
        text = word["word"].strip()
        if text.endswith(SENTENCE_END) or len(pieces[-1]) >= MAX_PIECE_WORDS:
            pieces.append([])
    pieces = [p for p in pieces if p and "".join(w["word"] for w in p).strip()]
    out = []
    for i, piece in enumerate(pieces):
        # The first sentence starts where the segment starts and the last ends where it ends:
        # Whisper's word times trim the edges of what was said.
        start = segment["start_s"] if i == 0 else piece[0]["start"]
        end = segment["end_s"] if i == len(pieces) - 1 else piece[-1]["end"]
        out.append(
            {
                **segment,
                "text": "".join(w["word"] for w in piece).strip(),
                "start_s": min(start, piece[0]["start"]),
                "end_s": max(end, piece[-1]["end"]),
                "words": piece,
            }
        )
    return out


WINDOW_GAP_S = 5.0


def previous_sentences(rows: Sequence[dict]) -> list[str | None]:
    """Per speech sentence, the one the same engine heard just before it (within WINDOW_GAP_S):
    offers run across sentence and segment boundaries, so the meaning model reads the pair."""
    order = sorted(
        range(len(rows)), key=lambda i: (rows[i].get("engine") or "", rows[i]["start_s"])
    )
    out: list[str | None] = [None] * len(rows)
    for before, i in zip(order, order[1:], strict=False):
        a, b = rows[before], rows[i]
        if (a.get("engine") or "") == (b.get("engine") or "") and (
            0 <= b["start_s"] - a["end_s"] <= WINDOW_GAP_S
        ):
            out[i] = a["text"].strip()
    return out

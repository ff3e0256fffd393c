"""Hotwords for Whisper drawn from the lexicons, so category terms come out spelt right.

bench/eval_detection.py measures speech recall and precision with and without them; the choice
of terms (a few of the strongest multi-word phrases per category, Vietnamese and English) is the
one that measured best there. Whisper keeps about 220 prompt tokens: MAX_CHARS stays under that.
"""

from __future__ import annotations

from ..text import Lexicon

MIN_WEIGHT = 0.8
MAX_CHARS = 500  # ~200 tokens of mixed Vietnamese and English
PER_CATEGORY = ((4, 2), (3, 2), (3, 1), (2, 1), (1, 1))  # (Vietnamese, English), tried in turn


def strong_terms(lexicon: Lexicon, per_vi: int, per_en: int) -> list[str]:
    """The strongest tolerant multi-word phrases of each category."""
    chosen: list[str] = []
    for category in lexicon.categories:
        terms = sorted(
            (
                t
                for t in lexicon.terms
                if t.category == category and t.weight >= MIN_WEIGHT and t.mode == "tolerant"
            ),
            key=lambda t: (-t.weight, len(t.phrase)),
        )
        multi = [t.phrase for t in terms if " " in t.phrase]
        vi = [p for p in multi if not p.isascii()]
        en = [p for p in multi if p.isascii() and all(w.isalpha() for w in p.split())]
        for phrase in vi[:per_vi] + en[:per_en]:
            if phrase not in chosen:
                chosen.append(phrase)
    return chosen


def lexicon_hotwords(lexicon: Lexicon) -> str:
    """As many strong terms per category as fit Whisper's prompt."""
    text = ""
    for per_vi, per_en in PER_CATEGORY:
        text = ", ".join(strong_terms(lexicon, per_vi, per_en))
        if len(text) <= MAX_CHARS:
            break
    return text

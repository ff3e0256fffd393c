"""Hotwords for Whisper drawn from the lexicons, so the category terms come out spelt right.

On base with Vietnamese, hotwords also steady the decoder: on the demo, the same recording gave
15/15 sentences found on every run with them, and between 4 and 15 without (temperature
fallbacks sample at random), at about a third of the time. bench/eval_detection.py measures
both ways, including words the bias makes up.
"""

from __future__ import annotations

from itertools import chain, zip_longest

from .text import Lexicon

# Profanity and insults stay out: biasing the decoder toward swear words invents them.
BIASED_CATEGORIES = ("gambling", "fraud", "illegal_trade", "personal_data")
STRONG_WEIGHT = 0.85
MAX_CHARS = 360  # Whisper keeps about 220 prompt tokens; Vietnamese runs ~2 tokens per syllable


def lexicon_hotwords(lexicon: Lexicon, max_chars: int = MAX_CHARS) -> str:
    """Strong multi-word terms of the biased categories, taking turns so each category gets in."""
    per_category = [
        [
            t.phrase
            for t in lexicon.terms
            if t.category == category and t.weight >= STRONG_WEIGHT and " " in t.phrase
        ]
        for category in BIASED_CATEGORIES
    ]
    chosen: list[str] = []
    length = 0
    for phrase in chain.from_iterable(zip_longest(*per_category)):
        if phrase is None or phrase in chosen:
            continue
        if length + len(phrase) + 2 > max_chars:
            break
        chosen.append(phrase)
        length += len(phrase) + 2
    return ", ".join(chosen)

"""Text helpers: tone-insensitive folding and Vietnamese number words."""

from __future__ import annotations

import unicodedata

# Spoken digits, folded (no tones). "lam"/"mot"/"tu" are the forms digits take after "mươi";
# "linh"/"le" read a zero inside a number.
DIGIT_WORDS: dict[str, int] = {
    "khong": 0,
    "linh": 0,
    "le": 0,
    "mot": 1,
    "mo": 1,  # "mốt" folded by a recogniser that drops the final t
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "sau": 6,
    "bay": 7,
    "bey": 7,
    "tam": 8,
    "chin": 9,
}


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d), same length as `text` for ASCII-mappable input."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower() if len(base.lower()) == 1 else ch.lower())
    return "".join(out)

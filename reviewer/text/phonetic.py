"""A sound key for Vietnamese syllables that merges regional accents and ASR confusions.

Two syllables with the same key may have been the same spoken word: tones are dropped, and the
initials ch/tr (and c/k/q, which the speech model also swaps: "trờ bạc" for "cờ bạc"), s/x,
d/gi/r/v, and the finals n/ng/nh and c/t/ch are merged. So "cờ bạc", "co bac", "cờ bạt" and
"trờ bạc" share one key. The key is deliberately coarse: the matcher only uses it inside
multi-word phrases or on long words, never to turn a common short word into a bad one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reviewer.text.normalize import fold

# Tone marks only; circumflex, breve and horn (vowel quality: a/ă/â, o/ô/ơ, u/ư) are kept.
_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))

# Longest first so "ngh" wins over "ng" and "n".
_ONSETS: tuple[tuple[str, str], ...] = (
    ("ngh", "ng"),
    ("ng", "ng"),
    ("gh", "g"),
    ("gi", "d"),
    ("kh", "kh"),
    ("ph", "f"),
    ("th", "th"),
    ("tr", "c"),
    ("ch", "c"),
    ("nh", "nh"),
    ("qu", "cu"),
    ("b", "b"),
    ("c", "c"),
    ("k", "c"),
    ("q", "c"),
    ("d", "d"),
    ("đ", "đ"),  # only reachable with keep_vowels: folding turns đ into d
    ("r", "d"),
    ("v", "d"),  # southern speakers say v like d/gi
    ("z", "d"),  # teencode writes gi/d as z
    ("j", "d"),  # teencode "j" = gì
    ("s", "s"),
    ("x", "s"),
    ("f", "f"),
    ("w", "cu"),  # teencode "w" = qu
    ("g", "g"),
    ("h", "h"),
    ("l", "l"),
    ("m", "m"),
    ("n", "n"),
    ("p", "p"),
    ("t", "t"),
)
_VOWELS = frozenset("aăâeêioôơuưy")
_FINALS: tuple[tuple[str, str], ...] = (
    ("ng", "n"),
    ("nh", "n"),
    ("ch", "t"),
    ("c", "t"),
    ("k", "t"),  # teencode "cak" for "cặc"
)


def strip_tones(word: str) -> str:
    """Remove the five tone marks but keep vowel letters: "trắng" -> "trăng", "cờ" -> "cơ"."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(_TONES))


@lru_cache(maxsize=65536)
def phonetic_key(word: str, keep_vowels: bool = False) -> str:
    """Sound key of one word (any case, with or without diacritics).

    By default the word is folded first, so "cờ bạc", "co bac", "cờ bạt" and "trờ bạc" agree.
    keep_vowels=True drops only the tones and keeps a/ă/â, o/ô/ơ, u/ư, e/ê and đ apart: the
    matcher uses it when the text has diacritics, so "cảnh" does not meet "trắng".
    """
    w = strip_tones(word.lower()) if keep_vowels else fold(word.lower())
    if not w.isalpha():
        return w
    onset, rest = "", w
    for spelling, key in _ONSETS:
        if w.startswith(spelling):
            onset, rest = key, w[len(spelling) :]
            break
    if onset == "d" and w.startswith("gi") and (not rest or rest[0] not in _VOWELS):
        rest = "i" + rest  # "gì" is onset gi + vowel i, not onset gi + nothing
    rest = rest.replace("y", "i")  # "mỹ"/"mĩ", "ly"/"li" are spelling variants
    for spelling, key in _FINALS:
        if rest.endswith(spelling) and len(rest) > len(spelling):
            rest = rest[: -len(spelling)] + key
            break
    return onset + rest


def phrase_key(text: str, keep_vowels: bool = False) -> str:
    """Space-joined keys of every word in `text`: phrase_key("cờ bạc") == phrase_key("trờ bạt")."""
    return " ".join(phonetic_key(w, keep_vowels) for w in text.split())

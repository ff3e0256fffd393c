"""Lexicon terms found once the tone marks are put back (text typed or heard without them).

Many lexicon words are matched only with their marks ("đụ má", "đéo", "mẹ kiếp" are 'exact'):
without marks they fold onto ordinary words ("du ma", "deo", "me kiep"). A third of chat is typed
without marks, so those terms went unseen there. The tone restorer (meaning/diacritics.py) puts
the marks back from the words around ("du ma cai mang lag" -> "đụ má cái mạng lag", "mua mot lon
bia" stays "mua một lon bia"), and the matcher reads its words too. A term found only there is a
guess of the restorer's, so it counts at RESTORED_FACTOR of its strength; a one-word term that is
a common word without its marks is left out (the restorer read "nối vòng tay lon" as "lồn").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from reviewer.text.matcher import LexiconMatch, LexiconMatcher
from reviewer.text.meaning.diacritics import restorable, shared_restorer
from reviewer.text.normalize import Token, fold

RESTORED_FACTOR = 0.85  # a restorer's guess, like a match with other tone marks ("tone" level)
RESTORED = "tone marks restored"  # the end of such a match's quality


def restored_tokens(text: str, tokens: Sequence[Token], language: str | None) -> list[Token]:
    """`tokens` with the words the restorer gave marks to; [] where it changed nothing."""
    if not tokens or not restorable(text, language):
        return []
    words = [t.text for t in tokens]
    restored = shared_restorer().restore(" ".join(words)).split(" ")
    if len(restored) != len(words) or restored == words:
        return []  # nothing restored, or words that do not line up with the tokens
    return [
        replace(t, text=r, folded=fold(r)) if r != t.text and t.kind == "word" else t
        for t, r in zip(tokens, restored, strict=True)
    ]


def restored_matches(
    matcher: LexiconMatcher,
    text: str,
    tokens: Sequence[Token],
    found: Sequence[LexiconMatch],
    language: str | None,
) -> list[LexiconMatch]:
    """Terms the matcher finds in the restored words and not in `found` (the words as written),
    each at RESTORED_FACTOR of its strength, with its span in the original text."""
    again = restored_tokens(text, tokens, language)
    if not again:
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in found:
        spans.setdefault(m.category, []).append((m.first_token, m.last_token))
    out = []
    common = _folded(matcher.common_words)
    for m in matcher.match_tokens(again):
        if any(m.first_token <= b and a <= m.last_token for a, b in spans.get(m.category, ())):
            continue  # the words as written already gave this one
        if m.first_token == m.last_token and fold(m.term) in common:
            continue  # one word that is also a common one without marks: "lon" is "lớn" too
        strength = round(m.strength * RESTORED_FACTOR, 4)
        out.append(replace(m, strength=strength, quality=f"{m.quality}, {RESTORED}"))
    return out


@lru_cache(maxsize=4)
def _folded(common_words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in common_words)

"""Fast phrase matching of lexicon terms, tolerant of diacritics, accents and ASR misspellings.

Terms are tokenised once, like the text, and indexed by their first token (folded form, sound key,
and one-deletion variants for typo tolerance), so matching costs a few dict look-ups per token.

Match levels, best first (the quality multiplies the term's weight):
    exact     same words with the same diacritics
    folded    the text has no diacritics at all ("co bac"), otherwise the same letters
    compact   a joined spelling of a multi-word term ("nhacai", "n.h.a.c.a.i")
    tone      same letters, other tone marks ("nhà cai")
    phonetic  same sound key ("cờ bạt", "trờ bạc", "chuyển khoảng"), Vietnamese terms only
    fuzzy     one edit away on words of 4+ letters ("chuyen khoang" -> "khoan")
A common word written correctly ("có", "con", "là") is never bent into a term word by the
tone/phonetic/fuzzy levels: that is what kept "thằng có tiền" from matching "thằng chó".
A multi-word match needs at least one word at the folded level or better, and a one-word term
is bent (phonetic, fuzzy) only when it has 5+ letters ("cunt" must not meet "cung").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.text.lexicon import Term
from reviewer.text.normalize import Token, tokenize
from reviewer.text.phonetic import phonetic_key

QUALITY: dict[str, float] = {
    "exact": 1.0,
    "folded": 0.95,
    "compact": 0.9,
    "tone": 0.85,
    "phonetic": 0.8,
    "fuzzy": 0.75,
}
_RANK = {name: i for i, name in enumerate(QUALITY)}
_FUZZY_MIN = 4  # shorter words have too many neighbours one edit away
_COMPACT_MIN = 5
_SINGLE_MIN = 5  # a lone short word bent by sound or one edit is mostly another word


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    category: str
    term: str  # the phrase as written in the lexicon
    start: int  # span in the original text
    end: int
    quality: str
    strength: float  # term weight x match quality
    first_token: int
    last_token: int


@dataclass(frozen=True, slots=True)
class _Compiled:
    term: Term
    texts: tuple[str, ...]
    folded: tuple[str, ...]
    keys: tuple[str, ...]  # folded sound keys, compared with text typed without diacritics
    tone_keys: tuple[str, ...]  # sound keys keeping vowel quality, for text with diacritics
    vietnamese: bool  # phonetic merges make sense only for Vietnamese words
    compact: bool = False


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance <= 1, without building a matrix."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]  # one substitution
    return a[i:] == b[i + 1 :]  # one insertion into a


class LexiconMatcher:
    """Finds lexicon terms in text; build once, call match() for every segment."""

    def __init__(self, terms: Iterable[Term], common_words: Iterable[str] = ()) -> None:
        self.common_words = frozenset(common_words)
        self._by_text: dict[str, list[_Compiled]] = defaultdict(list)
        self._by_folded: dict[str, list[_Compiled]] = defaultdict(list)
        self._by_key: dict[str, list[_Compiled]] = defaultdict(list)
        self._by_deletion: dict[str, list[_Compiled]] = defaultdict(list)
        self.size = 0
        for term in terms:
            for compiled in self._compile(term):
                self._index(compiled)
                self.size += 1

    @staticmethod
    def _compile(term: Term) -> list[_Compiled]:
        # Terms go through the same tokenizer as text, so "vcl" in a lexicon meets "vcl" in speech.
        toks = [t for t in tokenize(term.phrase, "vi") if t.text]
        if not toks:
            return []
        texts = tuple(t.text for t in toks)
        folded = tuple(t.folded for t in toks)
        vietnamese = any(t.text != t.folded for t in toks)
        keys = tuple(phonetic_key(f) for f in folded)
        tone_keys = tuple(phonetic_key(t, keep_vowels=True) for t in texts)
        out = [_Compiled(term, texts, folded, keys, tone_keys, vietnamese)]
        joined = "".join(folded)
        if len(toks) > 1 and term.mode != "exact" and len(joined) >= _COMPACT_MIN:
            out.append(_Compiled(term, (joined,), (joined,), (joined,), (joined,), False, True))
        return out

    def _index(self, c: _Compiled) -> None:
        self._by_text[c.texts[0]].append(c)
        if c.term.mode == "exact":
            return
        self._by_folded[c.folded[0]].append(c)
        if c.term.mode == "folded":
            return
        if c.vietnamese:
            self._by_key[c.keys[0]].append(c)
            if c.tone_keys[0] != c.keys[0]:
                self._by_key[c.tone_keys[0]].append(c)
        if len(c.folded[0]) >= (_FUZZY_MIN if len(c.texts) > 1 else _SINGLE_MIN):
            for d in _deletions(c.folded[0]):
                self._by_deletion[d].append(c)

    def _level(self, tok: Token, c: _Compiled, j: int) -> str | None:
        """How well text token `tok` matches word j of compiled term `c` (None: not at all)."""
        if tok.text == c.texts[j]:
            return "compact" if c.compact else "exact"
        mode = c.term.mode
        if mode == "exact":
            return None
        plain = tok.text == tok.folded  # typed without diacritics
        if tok.folded == c.folded[j]:
            if c.compact:
                return "compact"
            if plain:
                return "folded"
        if mode == "folded" or tok.text in self.common_words or tok.kind != "word":
            return None
        if tok.folded == c.folded[j]:
            return "tone"
        single = len(c.texts) == 1
        if c.vietnamese and (not single or len(c.folded[0]) >= _SINGLE_MIN):
            key = phonetic_key(tok.text, keep_vowels=not plain)
            if key == (c.keys[j] if plain else c.tone_keys[j]):
                return "phonetic"
        shortest = _SINGLE_MIN if single else _FUZZY_MIN
        if (
            len(tok.folded) >= shortest
            and len(c.folded[j]) >= shortest
            and within_one_edit(tok.folded, c.folded[j])
        ):
            return "compact" if c.compact and len(tok.folded) > _COMPACT_MIN else "fuzzy"
        return None

    def _candidates(self, tok: Token) -> Iterable[_Compiled]:
        seen: dict[int, _Compiled] = {}  # by id: one candidate may be reached through several keys
        for table, key in (
            (self._by_text, tok.text),
            (self._by_folded, tok.folded),
            (
                self._by_key,
                phonetic_key(tok.text, keep_vowels=tok.text != tok.folded)
                if tok.kind == "word"
                else None,
            ),
        ):
            if key is not None:
                for c in table.get(key, ()):
                    seen[id(c)] = c
        if len(tok.folded) >= _FUZZY_MIN and tok.kind == "word":
            for d in _deletions(tok.folded):
                for c in self._by_deletion.get(d, ()):
                    seen[id(c)] = c
        return seen.values()

    def match_tokens(self, tokens: Sequence[Token]) -> list[LexiconMatch]:
        """All non-overlapping (per category) term matches in a token list, by position."""
        found: list[LexiconMatch] = []
        n = len(tokens)
        for i, tok in enumerate(tokens):
            for c in self._candidates(tok):
                k = len(c.texts)
                if i + k > n:
                    continue
                worst, strong = "exact", False
                for j in range(k):
                    level = self._level(tokens[i + j], c, j)
                    if level is None:
                        break
                    if _RANK[level] > _RANK[worst]:
                        worst = level
                    strong = strong or _RANK[level] <= _RANK["compact"]
                else:
                    if k > 1 and not strong:
                        continue  # every word bent: too loose to trust
                    found.append(
                        LexiconMatch(
                            c.term.category,
                            c.term.phrase,
                            tokens[i].start,
                            tokens[i + k - 1].end,
                            worst,
                            round(c.term.weight * QUALITY[worst], 4),
                            i,
                            i + k - 1,
                        )
                    )
        return _resolve_overlaps(found)

    def match(self, text: str, language: str | None = None) -> list[LexiconMatch]:
        """Term matches in raw text (tokenised here)."""
        return self.match_tokens(tokenize(text, language))


def _resolve_overlaps(found: list[LexiconMatch]) -> list[LexiconMatch]:
    # Within one category keep the strongest, then longest, match of overlapping ones, so
    # "cá độ" inside "cá độ bóng đá" is not counted twice.
    found.sort(key=lambda m: (-m.strength, m.first_token - m.last_token, m.first_token))
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    kept: list[LexiconMatch] = []
    for m in found:
        spans = taken[m.category]
        if any(m.first_token <= b and a <= m.last_token for a, b in spans):
            continue
        spans.append((m.first_token, m.last_token))
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.category))
    return kept

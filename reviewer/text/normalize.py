"""Text normalisation for matching: NFC, case, diacritic folding, separators, teencode, money.

Every token keeps the character span it came from in the ORIGINAL text, so a match found on the
normalised form can be highlighted where the officer reads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.text.numbers import find_money
from reviewer.text.teencode import load_teencode


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xC0, 0x2000):  # Latin-1 .. Latin Extended Additional (all Vietnamese letters)
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base and base != ch:
            table[cp] = base
    table[ord("đ")] = "d"  # đ has no decomposition, so NFD alone would keep it
    table[ord("Đ")] = "D"
    for cp in range(0x300, 0x370):  # loose combining marks (text that arrived in NFD)
        table[cp] = None
    return table


_FOLD = str.maketrans(_build_fold_table())
_RUN = re.compile(r"\S+")
_PIECE = re.compile(r"[^\W_]+|\$")
_NUMBERISH = re.compile(r"\d[\d.,]*[^\W\d_]*\d?")
_DIGITS_ONLY = re.compile(r"[\d.,]+")
# Characters people put inside a word to dodge filters: "n.h.à c.á.i", "c-á đ-ộ".
_INNER_SEPARATORS = frozenset(".-_*'`~|/+^:")


def normalize(text: str) -> str:
    """NFC, lower case, whitespace collapsed to single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def fold(text: str) -> str:
    """Strip Vietnamese diacritics and tone marks ("cờ bạc" -> "co bac", "đ" -> "d"); case kept."""
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised token. start/end index the original text (end exclusive)."""

    text: str  # NFC lower case, after teencode expansion
    folded: str
    start: int
    end: int
    kind: str = "word"  # "word" | "number" | "money"
    value: int | None = None  # amount for money tokens
    source: str | None = None  # the abbreviation a teencode expansion came from


def _prepare(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC + lower case with, when lengths change, each output char's span in the original."""
    if unicodedata.is_normalized("NFC", text):
        low = text.lower()
        if len(low) == len(text):
            return low, None, None  # fast path: offsets are the identity
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1  # a base letter and its combining marks form one unit
        piece = unicodedata.normalize("NFC", text[i:j]).lower()
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


def _split_run(s: str, a: int, b: int) -> list[tuple[str, int, int, str]]:
    """Tokens of one whitespace-free run s[a:b] as (text, start, end, kind)."""
    pieces = [(m.group(), m.start(), m.end()) for m in _PIECE.finditer(s, a, b)]
    if not pieces:
        return []
    first, last = pieces[0][1], pieces[-1][2]
    core = s[first:last]
    if _NUMBERISH.fullmatch(core):
        return [(core, first, last, "number")]  # "100.000đ", "1,5tr", "0901.234.567"
    if (
        len(pieces) > 1
        and all(p[0].isalpha() and len(p[0]) <= 2 for p in pieces)
        and any(len(p[0]) == 1 for p in pieces)  # "c-á" is evasion, "cá-độ" is two words
        and all(
            set(s[p[2] : q[1]]) <= _INNER_SEPARATORS
            for p, q in zip(pieces, pieces[1:], strict=False)
        )
    ):
        return [("".join(p[0] for p in pieces), first, last, "word")]  # "n.h.à" -> "nhà"
    return [(t, x, y, "number" if t[0].isdigit() else "word") for t, x, y in pieces]


def _join_spaced_letters(
    raw: list[tuple[str, int, int, str]], s: str
) -> list[tuple[str, int, int, str]]:
    """Join runs of >= 3 single letters separated by spaces: "n h a c a i" -> "nhacai"."""
    out: list[tuple[str, int, int, str]] = []
    i, n = 0, len(raw)
    while i < n:
        j = i
        while (
            j < n
            and len(raw[j][0]) == 1
            and raw[j][0].isalpha()
            and (j == i or s[raw[j - 1][2] : raw[j][1]].isspace())
        ):
            j += 1
        if j - i >= 3:
            out.append(("".join(t[0] for t in raw[i:j]), raw[i][1], raw[j - 1][2], "word"))
            i = j
        else:
            out.append(raw[i])
            i += 1
    return out


_DEFAULT = object()


def tokenize(
    text: str,
    language: str | None = None,
    *,
    teencode: Mapping[str, tuple[str, ...]] | None | object = _DEFAULT,
    money: bool = True,
) -> list[Token]:
    """Normalised tokens of `text` with spans in the original.

    Steps: NFC + lower case, separators inside words removed, spaced letters joined, money amounts
    merged into one token, then teencode expanded (Vietnamese or unknown language only, because
    "k"/"ko" mean nothing special in English). Pass teencode=None to skip expansion.
    """
    s, starts, ends = _prepare(text)
    raw: list[tuple[str, int, int, str]] = []
    for m in _RUN.finditer(s):
        raw.extend(_split_run(s, m.start(), m.end()))
    raw = _join_spaced_letters(raw, s)

    def span(a: int, b: int) -> tuple[int, int]:
        if starts is None or ends is None:
            return a, b
        return starts[a], ends[b - 1]

    folded = [fold(t[0]) for t in raw]
    tokens: list[Token] = []
    money_at = {m.first: m for m in find_money(folded)} if money else {}
    table: Mapping[str, tuple[str, ...]] | None
    if teencode is _DEFAULT:
        table = load_teencode() if language is None or language.startswith("vi") else None
    else:
        table = teencode  # type: ignore[assignment]
    i = 0
    while i < len(raw):
        t, a, b, kind = raw[i]
        if i in money_at:
            m = money_at[i]
            x, y = span(raw[m.first][1], raw[m.last][2])
            canon = f"{m.value}{m.currency}"
            tokens.append(Token(canon, canon, x, y, "money", m.value))
            i = m.last + 1
            continue
        x, y = span(a, b)
        expansion = table.get(t) if table and kind == "word" else None
        if expansion and _english_context(raw, i, s):
            expansion = None  # "DM for the menu" is a direct message, not "địt mẹ"
        if expansion:
            for word in expansion:
                tokens.append(Token(word, fold(word), x, y, "word", source=t))
        elif kind == "number":
            # Phone and account numbers lose their dots so patterns and the model see one run.
            digits = re.sub(r"[.,]", "", t) if _DIGITS_ONLY.fullmatch(t) else t
            tokens.append(Token(digits, fold(digits), x, y, "number"))
        else:
            tokens.append(Token(t, folded[i], x, y, kind))
        i += 1
    return tokens


# English words that make a short token English too: an abbreviation next to them is not teencode.
_ENGLISH_NEIGHBOURS = frozenset(
    [
        "for",
        "me",
        "us",
        "to",
        "now",
        "the",
        "and",
        "or",
        "if",
        "please",
        "pls",
        "with",
        "my",
        "your",
        "our",
        "at",
        "on",
        "in",
        "of",
        "via",
        "inbox",
        "ib",
    ]
)


# ...but these are also Vietnamese typed without tone marks ("như thế" -> "nhu the"): one of them
# makes the context English only where the text has a plainly English word too. ("me" stays
# plainly English: "dm me" is how a seller writing English asks for a direct message.)
_TONELESS_VIETNAMESE = frozenset(["us", "to", "the", "or", "in", "on", "at", "my"])
_CLAUSE_BREAK = re.compile(r"[,.;:!?]")


def _english_context(raw: list[tuple[str, int, int, str]], i: int, s: str) -> bool:
    """An abbreviation next to an English word is English ("DM for the menu"), not teencode.
    A neighbour across a punctuation mark belongs to another clause and does not count."""
    neighbours = []
    if i > 0 and not _CLAUSE_BREAK.search(s[raw[i - 1][2] : raw[i][1]]):
        neighbours.append(raw[i - 1])
    if i + 1 < len(raw) and not _CLAUSE_BREAK.search(s[raw[i][2] : raw[i + 1][1]]):
        neighbours.append(raw[i + 1])
    words = {t[0] for t in neighbours if t[3] == "word"} & _ENGLISH_NEIGHBOURS
    if words - _TONELESS_VIETNAMESE:
        return True
    plainly_english = _ENGLISH_NEIGHBOURS - _TONELESS_VIETNAMESE
    return bool(words) and any(t[3] == "word" and t[0] in plainly_english for t in raw)


def join_separated(text: str) -> str:
    """Only the separator clean-up: "n.h.à c.á.i" -> "nhà cái", "n h a c a i" -> "nhacai"."""
    return " ".join(t.text for t in tokenize(text, teencode=None, money=False))


def expand_teencode(text: str, table: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """Normalise and expand teencode: "ko ck trước" -> "không chuyển khoản trước"."""
    return " ".join(
        t.text for t in tokenize(text, "vi", teencode=table or load_teencode(), money=False)
    )


def canonical(text: str, language: str | None = None) -> str:
    """Everything at once, with diacritics kept; money becomes '<value><currency>' ("100000vnd")."""
    return " ".join(t.text for t in tokenize(text, language))


def canonical_folded(text: str, language: str | None = None) -> str:
    """canonical() without diacritics: the form the text model is trained on."""
    return " ".join(t.folded for t in tokenize(text, language))

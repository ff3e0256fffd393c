"""Patterns that matter for fraud, gambling and data trading: phone numbers, bank accounts, links
and handles next to an offer, "nạp 100k tặng 200k" deposit offers and "lãi 3%/ngày" profit rates.

A pattern is supporting evidence only. The detector adds its boost to a category that already has
a lexicon term or model probability, so a shop reading out its hotline never fires on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.text.normalize import Token, tokenize

# How much each kind adds to a category that already has other evidence (see scorer).
BOOSTS: dict[str, dict[str, float]] = {
    "phone": {"fraud": 0.1, "gambling": 0.1, "personal_data": 0.15, "illegal_trade": 0.1},
    "bank_account": {"fraud": 0.2, "gambling": 0.2, "personal_data": 0.15},
    "link": {"fraud": 0.05, "gambling": 0.1, "illegal_trade": 0.05, "obscene": 0.1},
    "link_offer": {"fraud": 0.2, "gambling": 0.25, "illegal_trade": 0.15, "obscene": 0.15},
    "handle": {"fraud": 0.05, "gambling": 0.05, "illegal_trade": 0.05, "personal_data": 0.05},
    "handle_offer": {"fraud": 0.15, "gambling": 0.15, "illegal_trade": 0.15, "personal_data": 0.1},
    "deposit_offer": {"gambling": 0.3, "fraud": 0.15},  # deposit bonuses are the casinos' hook
    "profit_rate": {"fraud": 0.3, "gambling": 0.05},
}

_SEP = r"[\s.\-]?"
_PHONE = re.compile(
    rf"(?<![\w+])(?:\(?\+?84\)?{_SEP}|0)(?:[35789]\d(?:{_SEP}\d){{7}}|2\d(?:{_SEP}\d){{8}})(?!\d)"
    rf"|(?<!\d)1[89]00{_SEP}\d{{2}}{_SEP}\d{{2}}(?:{_SEP}\d{{2}})?(?!\d)"
)
_DIGIT_RUN = re.compile(r"(?<![\w+])\d(?:[\s.\-]?\d){5,18}(?![\w])")
_TLDS = (
    r"com\.vn|net\.vn|com|net|org|vn|io|me|xyz|top|club|bet|vip|cc|info|app|link|site|online"
    r"|live|win|fun|pro|shop|store|asia|tv|biz|ly"
)
_URL = re.compile(
    rf"(?i)(?:https?://|www\.)[^\s,;]+"
    rf"|\b(?:t\.me|zalo\.me|m\.me|wa\.me|bit\.ly|tinyurl\.com)/[\w\-./?=&%+]+"
    rf"|\b[a-z0-9][a-z0-9\-]{{1,62}}\.(?:{_TLDS})\b(?:/[\w\-./?=&%]*)?"
    rf"|\b[a-z0-9][a-z0-9\-]{{1,62}}\s+(?:chấm|cham|dot)\s+(?:{_TLDS})\b"  # spoken "abc chấm com"
)
_AT_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{2,31}")
_RATE = re.compile(
    r"(?i)(\d+(?:[.,]\d+)?)\s*(?:%|phần trăm|phan tram|percent)\s*"
    r"(?:/|một|mot|mỗi|moi|1|per|a|each|every)?\s*"
    r"(ngày|ngay|tuần|tuan|tháng|thang|day|daily|week|weekly|month|monthly)"
)

_BANK_WORDS = frozenset(
    [
        "bank",
        "banking",
        "vietcombank",
        "vcb",
        "techcombank",
        "tcb",
        "mb",
        "mbbank",
        "acb",
        "bidv",
        "vietinbank",
        "agribank",
        "tpbank",
        "vpbank",
        "sacombank",
        "shb",
        "hdbank",
        "ocb",
        "msb",
        "seabank",
        "vib",
        "eximbank",
        "momo",
        "zalopay",
        "viettelpay",
        "account",
        "acc",
        "iban",
        "stk",
    ]
)
_BANK_PHRASES = (("tai", "khoan"), ("ngan", "hang"), ("chuyen", "khoan"), ("so", "tk"))
_CONTACT_APPS = frozenset(
    [
        "zalo",
        "telegram",
        "tele",
        "telegam",
        "tg",
        "viber",
        "whatsapp",
        "wechat",
        "signal",
        "messenger",
        "instagram",
        "ig",
    ]
)
_OFFER_WORDS = frozenset(
    [
        "nap",
        "tang",
        "khuyen",
        "mai",
        "uu",
        "dai",
        "hoan",
        "thuong",
        "lai",
        "loi",
        "nhuan",
        "free",
        "mien",
        "phi",
        "re",
        "si",
        "ban",
        "mua",
        "inbox",
        "nhan",
        "tin",
        "lien",
        "he",
        "ket",
        "ban",
        "nhom",
        "tham",
        "gia",
        "join",
        "bonus",
        "deposit",
        "profit",
        "sale",
        "buy",
        "sell",
        "cheap",
        "contact",
        "hoa",
        "hong",
        "tuyen",
        "viec",
        "link",
        "vao",
        "keo",
        "data",
    ]
)
_DEPOSIT_WORDS = frozenset(
    ["nap", "chuyen", "gui", "coc", "cuoc", "von", "deposit", "bet", "invest", "dau", "tu"]
)
_REWARD_WORDS = frozenset(
    [
        "tang",
        "nhan",
        "duoc",
        "thuong",
        "lai",
        "loi",
        "hoan",
        "ve",
        "an",
        "rut",
        "get",
        "give",
        "win",
        "receive",
        "earn",
        "bonus",
        "free",
    ]
)
_MULTIPLIERS = frozenset(["x2", "x3", "x5", "x10", "gap", "nhan"])


@dataclass(frozen=True, slots=True)
class PatternHit:
    kind: str  # a key of BOOSTS
    text: str  # as written in the original
    start: int
    end: int


def _token_index(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """First and last token overlapping original span [start, end)."""
    idx = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    return (idx[0], idx[-1]) if idx else (0, -1)


def _near(
    tokens: Sequence[Token], first: int, last: int, before: int, after: int, words: frozenset[str]
) -> bool:
    window = [t.folded for t in tokens[max(0, first - before) : last + after + 1]]
    if any(w in words for w in window):
        return True
    if words is _BANK_WORDS:
        return any(pair in _BANK_PHRASES for pair in zip(window, window[1:], strict=False))
    return False


def _overlaps(hits: list[PatternHit], start: int, end: int) -> bool:
    return any(h.start < end and start < h.end for h in hits)


def find_patterns(
    text: str, tokens: Sequence[Token] | None = None, language: str | None = None
) -> list[PatternHit]:
    """All pattern hits in `text`; pass the tokens from tokenize(text) to avoid re-tokenising."""
    toks = list(tokens) if tokens is not None else tokenize(text, language)
    hits: list[PatternHit] = []

    # Numbers: an account when bank words are close, else a phone when it has a phone's shape.
    for m in _DIGIT_RUN.finditer(text):
        first, last = _token_index(toks, m.start(), m.end())
        if _near(toks, first, last, 8, 4, _BANK_WORDS):
            hits.append(PatternHit("bank_account", m.group(), m.start(), m.end()))
    for m in _PHONE.finditer(text):
        if not _overlaps(hits, m.start(), m.end()):
            hits.append(PatternHit("phone", m.group(), m.start(), m.end()))

    for m in _URL.finditer(text):
        first, last = _token_index(toks, m.start(), m.end())
        near = _near(toks, first, last, 10, 10, _OFFER_WORDS)
        hits.append(PatternHit("link_offer" if near else "link", m.group(), m.start(), m.end()))
    for i, t in enumerate(toks):
        if t.folded in _CONTACT_APPS:
            near = _near(toks, i, i, 10, 10, _OFFER_WORDS)
            kind = "handle_offer" if near else "handle"
            if not _overlaps(hits, t.start, t.end):
                hits.append(PatternHit(kind, text[t.start : t.end], t.start, t.end))
    for m in _AT_HANDLE.finditer(text):
        if not _overlaps(hits, m.start(), m.end()):
            first, last = _token_index(toks, m.start(), m.end())
            near = _near(toks, first, last, 10, 10, _OFFER_WORDS)
            hits.append(
                PatternHit("handle_offer" if near else "handle", m.group(), m.start(), m.end())
            )

    offer = _deposit_offer(toks)
    if offer is not None:
        a, b = offer
        hits.append(PatternHit("deposit_offer", text[a:b], a, b))

    for m in _RATE.finditer(text):
        rate = float(m.group(1).replace(",", "."))
        period = m.group(2).lower()
        monthly = period.startswith(("th", "month"))
        if (not monthly and rate >= 0.5) or (monthly and rate >= 5):  # bank savings are % a year
            hits.append(PatternHit("profit_rate", m.group(), m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


def _deposit_offer(toks: Sequence[Token]) -> tuple[int, int] | None:
    """Span of 'deposit X ... get Y' (or 'deposit X ... x2') in the original text, if present."""
    deposits: list[tuple[int, int]] = []  # (cue token, last token)
    rewards: list[tuple[int, int]] = []
    for i, t in enumerate(toks):
        if t.folded in _MULTIPLIERS:
            if t.folded.startswith("x"):
                rewards.append((i, i))
            elif _next_is(toks, i, "doi"):
                rewards.append((i, i + 1))  # "nhân đôi", "gấp đôi"
        if t.kind != "money":
            continue
        # The nearest cue word before the amount decides: "nạp 100k tặng 200k".
        for k in range(i - 1, max(-1, i - 4), -1):
            if toks[k].folded in _DEPOSIT_WORDS:
                deposits.append((k, i))
                break
            if toks[k].folded in _REWARD_WORDS:
                rewards.append((k, i))
                break
    if not deposits or not rewards:
        return None
    first = min(deposits[0][0], rewards[0][0])
    last = max(deposits[0][1], rewards[-1][1])
    return toks[first].start, toks[last].end


def _next_is(toks: Sequence[Token], i: int, word: str) -> bool:
    return i + 1 < len(toks) and toks[i + 1].folded == word

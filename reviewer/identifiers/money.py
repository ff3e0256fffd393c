"""Amounts of money: "200k", "5 triệu", "500.000đ", "1,5 tỷ", and spoken "năm trăm nghìn"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Identifier
from .textnorm import DIGIT_WORDS, fold

_UNITS = {
    "k": 1_000, "nghin": 1_000, "ngan": 1_000, "ng": 1_000, "tr": 1_000_000, "trieu": 1_000_000,
    "cu": 1_000_000, "ty": 1_000_000_000, "ti": 1_000_000_000, "d": 1, "dong": 1, "vnd": 1,
    "vnđ": 1,
}  # fmt: skip
_WRITTEN = re.compile(
    r"(?<![\d.,/:\-])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s?"
    r"(k|nghin|ngan|tr|trieu|cu|ty|ti|dong|vnd|d)(?![a-z0-9])(?!\s?so\b)"
)
# Counts of people or likes written like amounts: "12,5k người xem" is an audience, not money.
_NOT_MONEY_AFTER = re.compile(
    r"^\s*(nguoi|luot|view|follow|like|tym|tim|mat|member|thanh vien|sub|share|cmt|binh luan)"
)


def _amount(number: str, unit: str) -> int | None:
    scale = _UNITS[unit]
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number):
        value = float(re.sub(r"[.,]", "", number))
    else:
        value = float(number.replace(",", "."))
    amount = int(round(value * scale))
    return amount if amount >= 1_000 else None  # "5đ" is noise, not a payment


def format_vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def written_amounts(text: str, folded: str | None = None) -> Iterator[Identifier]:
    folded = folded if folded is not None else fold(text)
    for m in _WRITTEN.finditer(folded):
        if _NOT_MONEY_AFTER.match(folded[m.end() : m.end() + 15]):
            continue
        glued = re.search(r"[^\W\d_]+$", text[max(0, m.start() - 12) : m.start()])
        if glued and glued.group().isascii() and not glued.group().islower():
            continue  # "DH2024500k", "A1500k": a code, not "Chỉ500.000đ"
        amount = _amount(m.group(1), m.group(2))
        if amount:
            yield Identifier(
                "money", f"{amount} VND", format_vnd(amount), text, 0.9, span=(m.start(), m.end())
            )


_SPOKEN_TOKEN = re.compile(r"[a-z0-9]+")
_TENS = {"muoi", "chuc"}
_SCALES = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "cu": 1_000_000, "ty": 10**9}


def spoken_amounts(text: str, folded: str | None = None) -> Iterator[Identifier]:
    """Number words ending in a scale word: "năm trăm nghìn", "hai triệu rưỡi", "ba mươi ngàn"."""
    folded = folded if folded is not None else fold(text)
    tokens = list(_SPOKEN_TOKEN.finditer(folded))
    i = 0
    while i < len(tokens):
        start = i
        total = group = last = 0
        scaled = words = 0
        end_tok = None
        while i < len(tokens):
            t = tokens[i].group()
            if t in DIGIT_WORDS and t not in ("le",):
                group += last  # "hai mươi lăm": the 5 after a ten adds
                last = DIGIT_WORDS[t]
            elif t == "muoi" and last == 0 and words == 0:
                group, last = group + 10, 0  # "mười"
            elif t in _TENS:
                group, last = group + max(last, 1) * 10, 0
            elif t == "tram":
                group, last = (group + last) * 100 if group < 10 else group + last * 100, 0
            elif t in _SCALES:
                if group + last == 0:
                    break
                total += (group + last) * _SCALES[t]
                group = last = 0
                scaled += 1
                end_tok = tokens[i]
            elif t == "ruoi" and end_tok is tokens[i - 1]:
                total += _SCALES[tokens[i - 1].group()] // 2
                end_tok = tokens[i]
            else:
                break
            words += 1
            i += 1
        if scaled and end_tok is not None:
            s, e = tokens[start].start(), end_tok.end()
            total += 0 if group + last < 10 else group + last  # trailing "... nghìn năm" is vague
            yield Identifier("money", f"{total} VND", format_vnd(total), text, 0.75, span=(s, e))
        i = max(i, start + 1)

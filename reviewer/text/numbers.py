"""Money amounts written as digits or Vietnamese words, over folded (diacritic-free) tokens.

"100k", "100 nghìn", "một trăm k", "1tr5", "năm trăm nghìn" and "$100" all become a value,
so a pattern like "nạp 100k tặng 200k" is recognised however the streamer or the ASR wrote it.
Works on folded tokens so that "mot tram k" (typed without diacritics) is read the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

DIGIT_WORDS: dict[str, int] = {
    "khong": 0,
    "mot": 1,
    "mots": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "nham": 5,
    "sau": 6,
    "bay": 7,
    "bai": 7,
    "tam": 8,
    "chin": 9,
}
# Scales multiply what precedes them; "cu" (củ) is slang for a million.
SCALE_WORDS: dict[str, int] = {
    "k": 1_000,
    "nghin": 1_000,
    "ngan": 1_000,
    "tr": 1_000_000,
    "trieu": 1_000_000,
    "cu": 1_000_000,
    "ty": 1_000_000_000,
    "ti": 1_000_000_000,
}
CURRENCY_WORDS: dict[str, str] = {
    "d": "vnd",
    "dong": "vnd",
    "vnd": "vnd",
    "usd": "usd",
    "do": "usd",
    "dola": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "bucks": "usd",
    "usdt": "usdt",
}
_FILLERS = {"linh", "le"}
_NUMBER_TOKEN = re.compile(r"^(\d+(?:[.,]\d+)*)([a-z]*)(\d?)$")


@dataclass(frozen=True, slots=True)
class MoneySpan:
    """An amount found in a token list: tokens[first:last+1] say `value` in `currency`."""

    first: int
    last: int
    value: int
    currency: str


def digits_value(digits: str) -> float | None:
    """'500.000' -> 500000, '1,5' -> 1.5, '1.234.567' -> 1234567 (Vietnamese thousand dots)."""
    groups = re.split(r"[.,]", digits)
    if len(groups) == 1:
        return float(groups[0])
    if all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    return None


def words_to_number(words: Sequence[str]) -> int | None:
    """Folded Vietnamese number words -> integer, e.g. ['mot','tram','k'] -> 100000.

    Handles mười/mươi (both fold to 'muoi'), trăm, linh/lẻ, rưỡi (half of the last unit) and the
    spoken shortcut 'một triệu hai' = 1 200 000. Returns None when the words are not a number.
    """
    total = 0
    chunk = 0  # the part below the next scale word
    cur: int | None = None  # a digit waiting for its multiplier
    last_unit = 1  # the unit of the last multiplier, for "rưỡi" and trailing digits
    seen = False
    for w in words:
        if w in DIGIT_WORDS:
            if cur is not None:
                return None  # two digits in a row: not a well-formed number
            cur = DIGIT_WORDS[w]
            seen = True
        elif w == "muoi":
            chunk += (cur if cur is not None else 1) * 10
            cur, last_unit, seen = None, 10, True
        elif w == "tram":
            chunk += (cur if cur is not None else 1) * 100
            cur, last_unit, seen = None, 100, True
        elif w in _FILLERS:
            continue
        elif w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            chunk += cur or 0
            total += (chunk or 1) * scale
            chunk, cur, last_unit, seen = 0, None, scale, True
        elif w in ("ruoi", "ruou"):
            chunk += last_unit // 2 if last_unit > 1 else 0
        else:
            return None
    if not seen:
        return None
    if cur is not None:
        # "một triệu hai" = 1.2 million; "hai trăm năm" (no scale after) is just 205 -> add plainly.
        total += cur * last_unit // 10 if last_unit >= 1000 else cur
    return total + chunk


def _units_after(folded: Sequence[str], i: int) -> tuple[int, str | None, int]:
    """Scale and currency words right after position i: (multiplier, currency, tokens used)."""
    mult, currency, used = 1, None, 0
    if i < len(folded) and folded[i] in SCALE_WORDS:
        mult, used = SCALE_WORDS[folded[i]], 1
    if i + used < len(folded) and folded[i + used] in CURRENCY_WORDS:
        currency = CURRENCY_WORDS[folded[i + used]]
        used += 1
    return mult, currency, used


def find_money(folded: Sequence[str]) -> list[MoneySpan]:
    """Amounts in a list of folded tokens. A bare number is not money: it needs a unit."""
    found: list[MoneySpan] = []
    i, n = 0, len(folded)
    while i < n:
        tok = folded[i]
        if tok == "$" and i + 1 < n and (m := _NUMBER_TOKEN.match(folded[i + 1])):
            value = digits_value(m.group(1))
            if value is not None:
                mult, _, used = _units_after(folded, i + 2)
                found.append(MoneySpan(i, i + 1 + used, int(value * mult), "usd"))
                i += 2 + used
                continue
        m = _NUMBER_TOKEN.match(tok)
        if m:
            value = digits_value(m.group(1))
            suffix, tail = m.group(2), m.group(3)
            if value is not None and (suffix in SCALE_WORDS or suffix in CURRENCY_WORDS):
                # "100k", "1tr5", "500d": unit glued to the digits.
                mult = SCALE_WORDS.get(suffix, 1)
                amount = value * mult + (int(tail) * mult // 10 if tail else 0)
                currency = CURRENCY_WORDS.get(suffix, "vnd")
                nxt = folded[i + 1] if i + 1 < n else ""
                used = 1 if suffix in SCALE_WORDS and nxt in CURRENCY_WORDS else 0  # "100k đồng"
                currency = CURRENCY_WORDS[nxt] if used else currency
                found.append(MoneySpan(i, i + used, int(amount), currency))
                i += 1 + used
                continue
            if value is not None and not suffix and not tail:
                mult, currency, used = _units_after(folded, i + 1)
                if used:
                    found.append(MoneySpan(i, i + used, int(value * mult), currency or "vnd"))
                    i += 1 + used
                    continue
        if tok in DIGIT_WORDS or tok in ("muoi", "tram"):
            # Longest run of number words ending in a scale or currency word.
            j = i
            while j < n and (
                folded[j] in DIGIT_WORDS
                or folded[j] in SCALE_WORDS
                or folded[j] in _FILLERS
                or folded[j] in ("muoi", "tram", "ruoi")
            ):
                j += 1
            end = j
            while end > i and folded[end - 1] not in SCALE_WORDS:
                end -= 1
            currency = None
            if end == i and j < n and folded[j] in CURRENCY_WORDS:
                end, currency = j, CURRENCY_WORDS[folded[j]]  # "năm trăm đồng"
            elif end > i and end < n and folded[end] == "ruoi":
                end += 1
            if (
                end > i
                and SCALE_WORDS.get(folded[end - 1], 0) >= 1_000_000
                and end + 1 == j
                and folded[end] in DIGIT_WORDS
            ):
                end += 1  # "một triệu hai" = 1 200 000
            if end > i:
                value_w = words_to_number(folded[i:end])
                if value_w:
                    last = end - 1
                    if currency is None and end < n and folded[end] in CURRENCY_WORDS:
                        currency, last = CURRENCY_WORDS[folded[end]], end
                    elif currency is not None:
                        last = end
                    found.append(MoneySpan(i, last, value_w, currency or "vnd"))
                    i = last + 1
                    continue
        i += 1
    return found


_ONES = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _below_thousand(n: int, full: bool) -> list[str]:
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out: list[str] = []
    if hundreds or full:
        out += [_ONES[hundreds], "trăm"]
    if tens > 1:
        out += [_ONES[tens], "mươi"]
        if ones:
            out.append("mốt" if ones == 1 else "lăm" if ones == 5 else _ONES[ones])
    elif tens == 1:
        out.append("mười")
        if ones:
            out.append("lăm" if ones == 5 else _ONES[ones])
    elif ones:
        if out:
            out.append("linh")
        out.append(_ONES[ones])
    return out


def number_to_words(n: int) -> str:
    """Integer -> Vietnamese words, e.g. 500000 -> 'năm trăm nghìn' (the digits->words side)."""
    if n < 0:
        raise ValueError("negative amounts are not spoken as money")
    if n == 0:
        return "không"
    parts: list[str] = []
    for scale, name in ((1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1_000, "nghìn"), (1, "")):
        group, n = divmod(n, scale)
        if group:
            parts += _below_thousand(group, full=bool(parts))
            if name:
                parts.append(name)
    return " ".join(parts)

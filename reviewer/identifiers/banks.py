"""Vietnamese banks (short names, full names, NAPAS BINs) and account numbers written beside them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource_path
from .model import Identifier
from .textnorm import fold


@dataclass(frozen=True)
class Bank:
    code: str
    bin: str
    names: tuple[str, ...]
    full_name: str

    @property
    def label(self) -> str:
        return self.names[0]


@lru_cache(maxsize=1)
def banks() -> tuple[Bank, ...]:
    data = json.loads(resource_path("identifiers", "banks_vn.json").read_text(encoding="utf-8"))
    return tuple(
        Bank(b["code"], b["bin"], tuple(b["names"]), b["full_name"]) for b in data["banks"]
    )


def bank_by_bin(bin_code: str) -> Bank | None:
    return next((b for b in banks() if b.bin == bin_code), None)


def bank_by_name(name: str) -> Bank | None:
    key = re.sub(r"[\s\-]", "", fold(name))
    for b in banks():
        names = (b.code, b.full_name, *b.names)
        if any(re.sub(r"[\s\-]", "", fold(n)) == key for n in names):
            return b
    return None


@lru_cache(maxsize=1)
def _bank_pattern() -> re.Pattern:
    alts: list[tuple[str, str]] = []
    for b in banks():
        for name in (*b.names, b.full_name, b.code):
            alts.append((r"\s*".join(map(re.escape, fold(name).split())), b.code))
    alts.sort(key=lambda a: -len(a[0]))  # the longest name wins ("mb bank" before "mb")
    body = "|".join(f"(?P<b{i}>{p})" for i, (p, _) in enumerate(alts))
    _bank_pattern.codes = [c for _, c in alts]  # type: ignore[attr-defined]
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


def bank_mentions(folded: str) -> list[tuple[int, int, Bank]]:
    pattern = _bank_pattern()
    codes = _bank_pattern.codes  # type: ignore[attr-defined]
    by_code = {b.code: b for b in banks()}
    out = []
    for m in pattern.finditer(folded):
        index = int(m.lastgroup[1:])  # type: ignore[index]
        out.append((m.start(), m.end(), by_code[codes[index]]))
    return out


_ACCOUNT_WORD = re.compile(
    r"(?<![a-z])(stk|so\s*tk|so\s*tai\s*khoan|tai\s*khoan|tk|chuyen\s*khoan|ck|account|acc|a/c)(?![a-z])"
)
# 6 to 19 digits, grouped or not; never part of an amount, a time, a date or a longer token.
_NUMBER = re.compile(
    r"(?:(?<![\w.,/+-])(?<!\d:)|(?<=[sS][tT][kK]))\d(?:[ .\-]?\d){5,18}(?![\w%]|[.,:/]\d)"
)
_PHONE_WORD = re.compile(r"(sdt|dien thoai|\bdt\b|zalo|hotline|goi|lien he|phone|call|tel)")
_BETWEEN = re.compile(r"[\s\-:,()]{0,4}(?:ngan\s*hang\s*|nh\s*)?")
_AFTER_NOT_ACCOUNT = re.compile(
    r"^\s*(d\b|dong|vnd|k\b|nghin|ngan\b(?!\s*hang)|trieu|ty\b|nguoi|luot|view)"
)


def bank_accounts(text: str, folded: str | None = None) -> Iterator[Identifier]:
    folded = folded if folded is not None else fold(text)
    mentions = bank_mentions(folded)
    words = [m.end() for m in _ACCOUNT_WORD.finditer(folded)]
    for m in _NUMBER.finditer(text):
        if _AFTER_NOT_ACCOUNT.match(folded[m.end() : m.end() + 10]):
            continue
        digits = re.sub(r"\D", "", m.group())
        if len(digits) < 6:
            continue
        near_word = any(0 <= m.start() - end <= 40 for end in words)
        if not near_word and _PHONE_WORD.search(folded[max(0, m.start() - 20) : m.start()]):
            continue  # "zalo 0938..." is a phone even with a bank named later in the line
        before = [b for s, e, b in mentions if 0 <= m.start() - e <= 50]
        after = [b for s, e, b in mentions if _BETWEEN.fullmatch(folded[m.end() : s])]
        if not (near_word or before or after):
            continue
        bank = before[-1] if before else after[0] if after else None
        confidence = 0.9 if (near_word and bank) else 0.75
        display = f"{bank.label} {digits}" if bank else digits
        yield Identifier(
            "bank_account",
            digits,
            display,
            text,
            confidence,
            bank=bank.code if bank else None,
            span=(m.start(), m.end()),
            details={"bin": bank.bin} if bank else {},
        )

"""Vietnamese phone numbers, written ("0938.456.127", "+84 938 456 127", "zalo 09...") and spoken
("không chín ba tám bốn năm sáu một hai bảy"). `phonenumbers` decides what is a valid number."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from .model import Identifier
from .textnorm import DIGIT_WORDS, fold

# A run of digits with the separators people write between groups. The lookarounds keep order
# codes ("DH0938...") and longer digit strings (accounts, ids) out.
_WRITTEN = re.compile(
    r"(?<![\w.,/+-])(?<!\d:)\(?(?:\+\s?84|84|0)\)?[\s.\-]?(?:\d[\s.\-)]{0,2}){8,9}\d(?![\w%]|[.,]\d|/\d)"
)
# Words that say the number is an account, not a phone, when they sit just before it.
_ACCOUNT_BEFORE = re.compile(r"(stk|so tai khoan|tai khoan|\btk\b|chuyen khoan|\bck\b)[^\d]{0,20}$")
_PHONE_BEFORE = re.compile(r"(sdt|dien thoai|\bdt\b|zalo|hotline|goi|lien he|phone|call|tel)")


def _e164(digits: str) -> str | None:
    try:
        num = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException:
        return None
    if num.country_code != 84 or not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def _display(e164: str) -> str:
    return phonenumbers.format_number(
        phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.NATIONAL
    )


def written_phones(text: str, folded: str | None = None) -> Iterator[Identifier]:
    folded = folded if folded is not None else fold(text)
    for m in _WRITTEN.finditer(text):
        digits = re.sub(r"[^\d+]", "", m.group())
        if digits.startswith("84") and len(digits) >= 11:
            digits = "+" + digits
        e164 = _e164(digits)
        if not e164:
            continue
        before = folded[max(0, m.start() - 30) : m.start()]
        if _ACCOUNT_BEFORE.search(before) and not _PHONE_BEFORE.search(before):
            continue  # "STK MB: 0938..." is an account number that happens to look like a phone
        yield Identifier("phone", e164, _display(e164), text, 0.95, span=(m.start(), m.end()))


_TOKEN = re.compile(r"\w+|[^\w\s]")
# Between spoken digit groups people pause: commas, dots and dashes in a transcript.
_PAUSE = {",", ".", "-", "…"}


def spoken_phones(text: str, folded: str | None = None) -> Iterator[Identifier]:
    """Runs of digit words (and digit groups) that read as a valid Vietnamese number."""
    folded = folded if folded is not None else fold(text)
    run: list[tuple[str, int, int, bool]] = []  # (digits, start, end, spoken as a word)
    for m in list(_TOKEN.finditer(folded)) + [None]:
        tok = m.group() if m else ""
        if m and tok in DIGIT_WORDS:
            run.append((str(DIGIT_WORDS[tok]), m.start(), m.end(), True))
            continue
        if m and tok.isdigit() and len(tok) <= 4 and run:
            run.append((tok, m.start(), m.end(), False))
            continue
        if m and tok in _PAUSE and run:
            continue
        yield from _phones_in_run(text, run)
        run = []


def _phones_in_run(text: str, run: list[tuple[str, int, int, bool]]) -> Iterator[Identifier]:
    if sum(1 for *_, word in run if word) < 3:
        return  # digits only: the written pattern reads those
    # A long run may hold a number plus a digit word on either side ("... ba số không chín ...").
    for lo in range(len(run)):
        for length in (10, 11):
            acc, hi = "", lo
            while hi < len(run) and len(acc) < length:
                acc += run[hi][0]
                hi += 1
            if len(acc) != length or not acc.startswith(("0", "84")):
                continue
            e164 = _e164(acc if acc.startswith("0") else "+" + acc)
            if e164:
                start, end = run[lo][1], run[hi - 1][2]
                yield Identifier("phone", e164, _display(e164), text, 0.8, span=(start, end))
                return

"""Crypto wallet addresses (BTC, ETH, TRON/USDT-TRC20), checksum-verified. OCR confuses a few
characters of long letter-and-digit strings (")" for "J", "0" for "O"); where a checksum exists it
chooses among the confusable readings."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .checksums import B58, b58decode_check, bech32_ok, eip55
from .model import Identifier

# What OCR reads for what: each character and the characters it may stand for.
_CONFUSE = {
    "0": "oOQD", "O": "o0QD", "o": "O0", "Q": "O0", "D": "O0", "1": "lIi", "l": "1IiJ", "I": "1li",
    "i": "1l", "|": "1lI", "J": ")j", "j": ")J", ")": "Jj", "5": "Ss", "S": "5s", "s": "5S", "Z": "2z", "2": "Zz",
    "z": "2Z", "B": "8", "8": "B", "G": "6", "6": "G", "g": "9q", "9": "gq", "q": "9g", "U": "Vu",
    "V": "Uv", "u": "vU", "v": "uV", "c": "C", "C": "c", "k": "K", "K": "k", "x": "X", "X": "x",
    "w": "W", "W": "w", "p": "P", "P": "p", "y": "Y", "Y": "y", "m": "M", "M": "m",
}  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z0-9)|]{25,90}")
_MAX_TRIES = 6000


def _base58_ok(kind: str, s: str) -> bool:
    payload = b58decode_check(s)
    if payload is None or len(payload) != 21:
        return False
    return payload[0] == 0x41 if kind == "tron" else payload[0] in (0x00, 0x05)


def _repairs(s: str, alphabet: str, ok) -> list[str]:
    """Readings of `s` within one or two confusions of it that pass `ok`."""
    bad = [i for i, c in enumerate(s) if c not in alphabet]
    options = [[a for a in _CONFUSE.get(s[i], "") if a in alphabet] for i in bad]
    if any(not o for o in options):
        return []
    found: set[str] = set()
    tries = 0
    for forced in itertools.product(*options):
        base = list(s)
        for i, a in zip(bad, forced, strict=True):
            base[i] = a
        cand = "".join(base)
        tries += 1
        if ok(cand):
            found.add(cand)
            continue
        if len(bad) >= 2:
            continue
        for j, c in enumerate(cand):  # and one more confusion anywhere
            for a in _CONFUSE.get(c, ""):
                if a not in alphabet or j in bad:
                    continue
                tries += 1
                alt = cand[:j] + a + cand[j + 1 :]
                if ok(alt):
                    found.add(alt)
        if tries > _MAX_TRIES:
            break
    if not found and not bad:
        found = _two_case_slips(s, alphabet, ok)
    return sorted(found)


# The letters this OCR most often reads in the wrong case, or as their digit twins.
_LIKELY = {"j": "J", "J": "j", "k": "K", "K": "k", "s": "S5", "S": "s5", "5": "S", "o": "O",
           "c": "C", "C": "c", "v": "V", "V": "v", "w": "W", "W": "w", "x": "X", "X": "x",
           "z": "Z", "Z": "z", "u": "U", "U": "u", "p": "P", "P": "p"}  # fmt: skip


def _two_case_slips(s: str, alphabet: str, ok) -> set[str]:
    """Readings two likely confusions away (a TRON address with "J" read "j" twice)."""
    spots = [(i, a) for i, c in enumerate(s) for a in _LIKELY.get(c, "") if a in alphabet]
    found = set()
    for (i, a), (j, b) in itertools.combinations(spots, 2):
        if i == j:
            continue
        cand = list(s)
        cand[i], cand[j] = a, b
        text = "".join(cand)
        if ok(text):
            found.add(text)
    return found


def _chain(token: str) -> str | None:
    if token[:2] in ("0x", "0X") and len(token) == 42:
        return "eth"
    if token[:3].lower() in ("bc1", "bcl", "bci") and 14 <= len(token) <= 74:
        return "bech32"
    if token[0] == "T" and len(token) == 34:
        return "tron"
    if token[0] in "13" and 26 <= len(token) <= 35:
        return "btc"
    return None


def _one(token: str) -> tuple[str, str, str, float, bool] | None:
    """(chain, value, display, confidence, corrected) of a token, or None."""
    chain = _chain(token)
    if chain in ("tron", "btc"):
        name = "tron" if chain == "tron" else "btc"
        if _base58_ok(name, token):
            return name, token, token, 0.97, False
        fixes = _repairs(token, B58, lambda s: _base58_ok(name, s))
        if len(fixes) == 1:
            return name, fixes[0], fixes[0], 0.85, True
        return None
    if chain == "bech32":
        low = "bc1" + token[3:].lower()
        if bech32_ok(low):
            return "btc", low, low, 0.97, False
        hexless = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
        fixes = _repairs(low, "bc1" + hexless, bech32_ok)
        return ("btc", fixes[0], fixes[0], 0.85, True) if len(fixes) == 1 else None
    if chain == "eth":
        return _eth(token[2:])
    return None


_HEX = "0123456789abcdefABCDEF"
# Within hex, OCR swaps the case of a letter or reads a letter for a digit (b/8, D/0, l/1...).
_HEX_CONFUSE = {"8": "Bb", "B": "8b", "b": "68B", "6": "bG", "0": "DdO", "D": "0d", "d": "0D",
                "1": "l", "a": "A", "A": "a", "c": "C", "C": "c", "e": "E", "E": "e", "f": "F",
                "F": "f", "5": "S", "2": "Z", "9": "g", "3": "8", "7": "1"}  # fmt: skip


def _eip55_ok(s: str) -> bool:
    return eip55(s) == s


def _eth_case_repairs(body: str) -> list[str]:
    """Mixed-case readings one confusion away that pass EIP-55."""
    found = set()
    for i, c in enumerate(body):
        for a in _HEX_CONFUSE.get(c, ""):
            if a in _HEX:
                cand = body[:i] + a + body[i + 1 :]
                if _eip55_ok(cand):
                    found.add(cand)
    return sorted(found)


def _eth(body: str) -> tuple[str, str, str, float, bool] | None:
    """An Ethereum address; EIP-55 (when the case is mixed) picks among confusable readings."""
    corrected = any(c not in _HEX for c in body)
    if corrected:
        mixed = body.lower() != body and body.upper() != body
        fixes = _repairs(body, _HEX, _eip55_ok) if mixed else []
        if len(fixes) == 1:
            body = fixes[0]
        else:  # no checksum to choose with: the first hex reading of each character, kept low
            body = "".join(c if c in _HEX else next((a for a in _CONFUSE.get(c, "") if a in _HEX), c)
                           for c in body)  # fmt: skip
            if any(c not in _HEX for c in body):
                return None
            return "eth", "0x" + body.lower(), "0x" + eip55(body), 0.5, True
    checksummed = eip55(body)
    if body in (body.lower(), body.upper()):  # no checksum written: keep the reading
        return "eth", "0x" + body.lower(), "0x" + checksummed, 0.85, corrected
    if body == checksummed:
        return (
            "eth",
            "0x" + body.lower(),
            "0x" + checksummed,
            0.97 if not corrected else 0.9,
            corrected,
        )
    fixes = _eth_case_repairs(body)
    if len(fixes) == 1:  # one misread letter or digit, and the checksum confirms the repair
        return "eth", "0x" + fixes[0].lower(), "0x" + fixes[0], 0.9, True
    # Mixed case that fails EIP-55 with no single repair: keep the reading, low.
    return "eth", "0x" + body.lower(), "0x" + checksummed, 0.4, corrected


# OCR sometimes puts a dot inside a long address ("TCZgW7AWkt.Mw8V..."): read it without.
_DOTTED = re.compile(r"(?<![\w.])[A-Za-z0-9)|]{2,}\.[A-Za-z0-9)|]{2,}(?![\w.])")


def wallets(text: str) -> Iterator[Identifier]:
    for m in _DOTTED.finditer(text):
        got = _one(m.group().replace(".", ""))
        if got:
            chain, value, display, conf, _corrected = got
            yield Identifier("wallet", value, display, text, min(conf, 0.85), span=m.span(),
                             details={"chain": chain, "corrected": True})  # fmt: skip
    for m in _TOKEN.finditer(text):
        token = m.group()
        for cand in dict.fromkeys((token, token.rstrip(")|"))):
            if len(cand) < 25:
                continue
            got = _one(cand)
            if got:
                chain, value, display, conf, corrected = got
                yield Identifier(
                    "wallet",
                    value,
                    display,
                    text,
                    conf,
                    span=(m.start(), m.start() + len(cand)),
                    details={"chain": chain, "corrected": corrected},
                )
                break

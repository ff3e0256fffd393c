"""What an officer types into `reviewer find`, turned into the values identifiers are stored as."""

from __future__ import annotations

import re

from .extract import extract_identifiers
from .phones import _e164
from .web import _norm_host


def normalize_query(typed: str) -> list[str]:
    """Candidate stored values for a typed phone (any form), account, domain, handle, e-mail or
    wallet; the first is the most likely."""
    typed = typed.strip()
    out: list[str] = [i.value for i in extract_identifiers(typed)]
    digits = re.sub(r"[\s.\-()]", "", typed)
    if re.fullmatch(r"\+?\d{6,19}", digits):
        e164 = _e164(digits if not digits.startswith("84") else "+" + digits)
        if e164:
            out.append(e164)
        out.append(digits.lstrip("+"))  # an account number
    low = typed.lower()
    if low.startswith("@"):
        out.append(low)
    if re.fullmatch(r"(https?://)?[\w.\-\[\]() ]+\.[a-z]{2,}(/.*)?", low):
        host = re.sub(r"^https?://", "", low).split("/")[0]
        out.append(_norm_host(host))
    out.append(low)
    if typed.startswith(("T", "1", "3")):
        out.append(typed)  # a base58 wallet keeps its case
    return list(dict.fromkeys(out))

"""All identifiers in one piece of text (an OCR line, a speech segment, a QR payload)."""

from __future__ import annotations

from .banks import bank_accounts
from .model import Identifier
from .money import spoken_amounts, written_amounts
from .phones import spoken_phones, written_phones
from .textnorm import fold
from .wallets import wallets
from .web import emails, handles, urls_and_profile_links


def extract_identifiers(text: str, kinds: set[str] | None = None) -> list[Identifier]:
    """Identifiers in `text`, in reading order. Where two readings overlap, the more specific one
    wins (an e-mail over the domain inside it, a wallet over the digits inside it)."""
    if not text or not text.strip():
        return []
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    found: list[Identifier] = []

    def add(items) -> None:
        for item in items:
            s, e = item.span
            if any(s < b and e > a for a, b in taken):
                continue
            taken.append((s, e))
            found.append(item)

    add(wallets(text))
    add(emails(text))
    add(urls_and_profile_links(text))
    add(handles(text, list(taken)))
    add(bank_accounts(text, folded))
    add(written_phones(text, folded))
    add(spoken_phones(text, folded))
    add(written_amounts(text, folded))
    add(spoken_amounts(text, folded))
    if kinds:
        found = [i for i in found if i.kind in kinds]
    return sorted(found, key=lambda i: i.span)

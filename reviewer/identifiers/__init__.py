"""Who is behind a recording: phones, bank accounts, QR payments, links, handles, e-mails, wallets
and amounts, read from text the case already holds and from QR codes in pictures.

The extractors are pure (text or an RGB array in, `Identifier`s out): no store, no Qt."""

from .extract import extract_identifiers
from .model import KINDS, Identifier
from .normalize import normalize_query

__all__ = ["KINDS", "Identifier", "extract_identifiers", "normalize_query"]

"""The identifier record shared by every extractor: pure data, no store, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("phone", "bank_account", "qr", "url", "handle", "email", "wallet", "money")


@dataclass(frozen=True)
class Identifier:
    """One identifier found in one piece of text (or one QR code).

    `value` is the normalised form used for matching across cases (E.164 for a phone, the bare
    domain for a link); `display` is how an officer reads it; `raw` is the text it came from and
    `span` the characters of `raw` it was read from."""

    kind: str
    value: str
    display: str
    raw: str
    confidence: float
    bank: str | None = None
    span: tuple[int, int] = (0, 0)
    details: dict = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict:
        out = {
            "kind": self.kind,
            "value": self.value,
            "display": self.display,
            "raw": self.raw,
            "confidence": round(self.confidence, 3),
        }
        if self.bank:
            out["bank"] = self.bank
        if self.details:
            out["details"] = self.details
        return out

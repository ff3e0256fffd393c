"""VietQR / VNPayQR payloads: EMVCo merchant-presented TLV with a CRC16-CCITT, decoded into the
bank (NAPAS BIN), account, amount and message. Also builds payloads (tests, the benchmark)."""

from __future__ import annotations

from dataclasses import dataclass

NAPAS_GUID = "A000000727"


class QRPayloadError(ValueError):
    """The text is not a well-formed EMVCo payload."""


def crc16_ccitt(data: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 upper-case hex digits."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def parse_tlv(data: str) -> dict[str, str]:
    out: dict[str, str] = {}
    i = 0
    while i < len(data):
        if i + 4 > len(data):
            raise QRPayloadError(f"truncated field at {i}")
        tag, length = data[i : i + 2], data[i + 2 : i + 4]
        if not (tag.isdigit() and length.isdigit()):
            raise QRPayloadError(f"bad field header {data[i : i + 4]!r} at {i}")
        n = int(length)
        value = data[i + 4 : i + 4 + n]
        if len(value) != n:
            raise QRPayloadError(f"field {tag} is shorter than {n}")
        out[tag] = value
        i += 4 + n
    return out


@dataclass(frozen=True)
class VietQR:
    bin: str
    account: str
    service: str  # QRIBFTTA: to an account; QRIBFTTC: to a card
    amount: str | None
    message: str | None
    merchant_name: str | None
    crc_ok: bool
    payload: str


def looks_emv(text: str) -> bool:
    return text.startswith("000201") and "6304" in text[-8:]


def decode_vietqr(text: str) -> VietQR:
    """Decode a VietQR payload; raises QRPayloadError when it is not one. A wrong CRC is reported
    in `crc_ok`, not raised: the caller decides how far to trust it."""
    text = text.strip()
    if not looks_emv(text):
        raise QRPayloadError("not an EMVCo payload")
    top = parse_tlv(text)
    crc_ok = top.get("63", "").upper() == crc16_ccitt(text[:-4])
    merchant = top.get("38")
    if merchant is None:
        raise QRPayloadError("no NAPAS merchant account field (38)")
    sub = parse_tlv(merchant)
    if sub.get("00") != NAPAS_GUID:
        raise QRPayloadError("merchant account field is not NAPAS (VietQR)")
    beneficiary = parse_tlv(sub.get("01", ""))
    if "00" not in beneficiary or "01" not in beneficiary:
        raise QRPayloadError("no bank BIN or account in the beneficiary field")
    extra = parse_tlv(top["62"]) if "62" in top else {}
    return VietQR(
        bin=beneficiary["00"],
        account=beneficiary["01"],
        service=sub.get("02", ""),
        amount=top.get("54"),
        message=extra.get("08"),
        merchant_name=top.get("59"),
        crc_ok=crc_ok,
        payload=text,
    )


def _f(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def encode_vietqr(
    bin_code: str, account: str, amount: int | None = None, message: str | None = None
) -> str:
    """A VietQR payload as banking apps produce it (dynamic when it carries an amount)."""
    beneficiary = _f("00", bin_code) + _f("01", account)
    merchant = _f("00", NAPAS_GUID) + _f("01", beneficiary) + _f("02", "QRIBFTTA")
    body = _f("00", "01") + _f("01", "12" if amount else "11") + _f("38", merchant)
    body += _f("53", "704")
    if amount:
        body += _f("54", str(amount))
    body += _f("58", "VN")
    if message:
        body += _f("62", _f("08", message))
    body += "6304"
    return body + crc16_ccitt(body)

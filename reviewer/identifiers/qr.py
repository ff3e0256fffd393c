"""QR codes in a picture (zxing-cpp), turned into identifiers. Pure: takes an RGB array, so the
frame loop (frame_watch.py) reads a sampled frame as screenshots are read."""

from __future__ import annotations

import numpy as np

from .banks import bank_by_bin
from .extract import extract_identifiers
from .model import Identifier
from .vietqr import QRPayloadError, decode_vietqr, looks_emv


def read_qr_codes(rgb: np.ndarray) -> list[dict]:
    """Every QR code zxing-cpp finds in the picture (H x W x 3, uint8, RGB), as plain data:
    ``{"text": payload, "box": [x0, y0, x1, y1]}`` in the picture's pixels, top to bottom."""
    import zxingcpp  # here: only pictures need the native reader

    results = zxingcpp.read_barcodes(
        np.ascontiguousarray(rgb), formats=zxingcpp.BarcodeFormat.QRCode
    )
    codes = []
    for r in results:
        if not (r.valid and r.text):
            continue
        p = r.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y]
        codes.append({"text": r.text, "box": [min(xs), min(ys), max(xs), max(ys)]})
    return sorted(codes, key=lambda c: (c["box"][1], c["box"][0]))


def read_qr_texts(rgb: np.ndarray) -> list[str]:
    """The text of every QR code zxing-cpp finds in the picture."""
    return [c["text"] for c in read_qr_codes(rgb)]


def identifiers_in_qr_text(text: str) -> list[Identifier]:
    """A QR payload as identifiers: a VietQR transfer (account, bank, amount), or links, handles,
    phones... read from its text. A VietQR whose CRC fails is kept only as low-confidence text."""
    if looks_emv(text):
        try:
            qr = decode_vietqr(text)
        except QRPayloadError:
            qr = None
        if qr is not None and qr.crc_ok:
            bank = bank_by_bin(qr.bin)
            label = bank.label if bank else f"BIN {qr.bin}"
            details = {"bin": qr.bin, "amount": qr.amount, "message": qr.message,
                       "service": qr.service, "vietqr": True}  # fmt: skip
            out = [
                Identifier(
                    "bank_account",
                    qr.account,
                    f"{label} {qr.account}",
                    text,
                    0.99,
                    bank=bank.code if bank else qr.bin,
                    span=(0, len(text)),
                    details=details,
                )  # fmt: skip
            ]
            if qr.amount:
                amount = int(float(qr.amount))
                out.append(Identifier("money", f"{amount} VND", f"{amount:,} đ".replace(",", "."),
                                      text, 0.99, span=(0, len(text))))  # fmt: skip
            return out
        return [Identifier("qr", text, text[:60], text, 0.2, details={"crc_ok": False})]
    found = extract_identifiers(text)
    return (
        [
            Identifier(
                i.kind,
                i.value,
                i.display,
                i.raw,
                min(0.99, i.confidence + 0.04),
                i.bank,
                i.span,
                i.details,
            )  # fmt: skip
            for i in found
        ]
        or [Identifier("qr", text, text[:60], text, 0.6)]
    )


def identifiers_in_image(rgb: np.ndarray) -> list[Identifier]:
    """Every identifier in the QR codes of one picture (H x W x 3, uint8, RGB)."""
    out: list[Identifier] = []
    for text in read_qr_texts(rgb):
        out.extend(identifiers_in_qr_text(text))
    return out

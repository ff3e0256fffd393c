"""QR codes: VietQR payloads decoded (CRC checked) and read from pictures with zxing-cpp."""

from __future__ import annotations

import io

import numpy as np
import pytest
import segno
from PIL import Image, ImageFilter

from reviewer.identifiers.qr import identifiers_in_image, identifiers_in_qr_text
from reviewer.identifiers.vietqr import (
    QRPayloadError,
    crc16_ccitt,
    decode_vietqr,
    encode_vietqr,
)

# A payload as a Vietnamese banking app writes it (CRC computed by the app, not by us).
REAL_STRUCTURE = (
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN6304"
)


def test_crc16_ccitt_false_check_value() -> None:
    assert crc16_ccitt("123456789") == "29B1"  # the published check value of CRC-16/CCITT-FALSE


def test_vietqr_round_trip() -> None:
    payload = encode_vietqr("970436", "1012345678", 500000, "NAP TIEN 123")
    qr = decode_vietqr(payload)
    assert (qr.bin, qr.account, qr.amount, qr.message, qr.crc_ok) == (
        "970436", "1012345678", "500000", "NAP TIEN 123", True
    )  # fmt: skip


def test_static_vietqr_of_real_structure() -> None:
    payload = REAL_STRUCTURE + crc16_ccitt(REAL_STRUCTURE)
    (acct,) = identifiers_in_qr_text(payload)
    assert (acct.kind, acct.value, acct.bank) == ("bank_account", "0011012345678", "STB")
    assert acct.display == "Sacombank 0011012345678"


def test_crc_failure_is_rejected_and_kept_as_low_confidence_text() -> None:
    payload = encode_vietqr("970436", "1012345678", 500000)
    tampered = payload.replace("1012345678", "1012345679")
    assert decode_vietqr(tampered).crc_ok is False
    (only,) = identifiers_in_qr_text(tampered)
    assert only.kind == "qr" and only.confidence <= 0.2
    assert not [i for i in identifiers_in_qr_text(tampered) if i.kind == "bank_account"]


def test_malformed_emv_payload_raises() -> None:
    with pytest.raises(QRPayloadError):
        decode_vietqr("000201010211389910A000000727")


def test_other_payloads_are_links_or_text() -> None:
    assert [(i.kind, i.value) for i in identifiers_in_qr_text("https://t.me/keo88vip")] == [
        ("handle", "telegram/keo88vip")
    ]
    assert [(i.kind, i.value) for i in identifiers_in_qr_text("https://keo88.club/r/1")] == [
        ("url", "keo88.club")
    ]
    assert [i.kind for i in identifiers_in_qr_text("hello")] == ["qr"]


def _frame_with_code(payload: str, px: int) -> np.ndarray:
    buf = io.BytesIO()
    segno.make(payload, error="m").save(buf, kind="png", scale=4, border=2)
    code = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").resize((px, px))
    frame = Image.new("RGB", (720, 400), (180, 20, 40))
    frame.paste(code, (400, 100))
    frame = frame.filter(ImageFilter.GaussianBlur(0.6))
    out = io.BytesIO()
    frame.save(out, "JPEG", quality=80)
    return np.asarray(Image.open(io.BytesIO(out.getvalue())).convert("RGB"))


@pytest.mark.parametrize("px", [90, 150, 240])
def test_vietqr_read_from_a_phone_screen_sized_picture(px: int) -> None:
    rgb = _frame_with_code(encode_vietqr("970407", "19035678901234", 200000, "UNG HO"), px)
    got = {(i.kind, i.value, i.bank) for i in identifiers_in_image(rgb)}
    assert got == {("bank_account", "19035678901234", "TCB"), ("money", "200000 VND", None)}


def test_picture_without_code() -> None:
    assert identifiers_in_image(np.zeros((200, 300, 3), np.uint8)) == []

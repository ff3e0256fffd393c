"""Identifier extraction from text: each kind, written and spoken Vietnamese, harmless numbers."""

from __future__ import annotations

import pytest

from reviewer.identifiers.extract import extract_identifiers
from reviewer.identifiers.normalize import normalize_query


def found(text: str) -> set[tuple[str, str]]:
    return {(i.kind, i.value) for i in extract_identifiers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ zalo 0938.456.127 nhé",
        "SĐT: 0938 456 127",
        "+84 938 456 127",
        "(+84) 938-456-127",
        "84938456127",
        "zalo 0938456127",
        "Hotline:0938456127",
        "số điện thoại không chín ba tám bốn năm sáu một hai bảy nha",
        "gọi em không chín ba tám, bốn năm sáu, một hai bảy",
        "zalo không chín ba tám 456 127",
    ],
)
def test_phone_forms_give_one_e164(text: str) -> None:
    assert found(text) == {("phone", "+84938456127")}


def test_landline_and_display() -> None:
    (ident,) = extract_identifiers("Hotline (028) 3822 1234")
    assert (ident.kind, ident.value, ident.display) == ("phone", "+842838221234", "028 3822 1234")


@pytest.mark.parametrize(
    "text",
    [
        "12:30 ngày 05/12/2024",
        "Tỉ số 2-1 phút 89",
        "12,5k người xem",
        "1.234 lượt thích",
        "Giảm 50% hôm nay",
        "Mã đơn DH20241205123",
        "Mã vận đơn 0938456127999",
        "Size 38 39 40 41",
        "mua 2 , com ơi",
        "xong,com nhé, ok, vip lắm",
        "Còn 3 ngày 14:05:33",
        "xong.Mai gặp nhé, v.v. 1.5 giờ",
        "Mã DH2024500k, mã A1500k",
        "hôm nay ngày năm tháng mười hai",
        "tiktok shop nhé, inbox mình",
    ],
)
def test_harmless_numbers_are_not_identifiers(text: str) -> None:
    assert found(text) == set()


def test_shop_price_is_money_not_phone_or_account() -> None:
    assert found("Giá 150.000đ, ship 30k") == {("money", "150000 VND"), ("money", "30000 VND")}


@pytest.mark.parametrize(
    ("text", "value", "bank"),
    [
        ("STK: 1903 5678 9012 34 Techcombank", "19035678901234", "TCB"),
        ("Chuyển khoản MB Bank 0123456789 - NGUYEN VAN A", "0123456789", "MB"),
        ("Vietcombank: 1012345678", "1012345678", "VCB"),
        ("số tài khoản 8848416342851 ngân hàng ACB", "8848416342851", "ACB"),
        ("STK MB: 0938456127", "0938456127", "MB"),
        ("ck vào tk 123456789012", "123456789012", None),
    ],
)
def test_bank_accounts_with_their_bank(text: str, value: str, bank: str | None) -> None:
    accounts = [i for i in extract_identifiers(text) if i.kind == "bank_account"]
    assert [(a.value, a.bank) for a in accounts] == [(value, bank)]
    assert not [i for i in extract_identifiers(text) if i.kind == "phone"]


def test_phone_before_a_bank_named_later_stays_a_phone() -> None:
    got = found("Zalo 0938.456.127 hoặc STK Vietcombank 1012345678")
    assert got == {("phone", "+84938456127"), ("bank_account", "1012345678")}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vào keo88 . club nhận quà", "keo88.club"),
        ("fb88vn[.]top", "fb88vn.top"),
        ("nhacai907(.jclub", "nhacai907.club"),  # OCR of "[.]"
        ("bet432.jclub", "bet432.club"),
        ("win651.ltop", "win651.top"),
        ("Vào keo147 ,club", "keo147.club"),
        ("sunwin938_.ltop", "sunwin938.top"),
        ("Vào keo88 , club", "keo88.club"),  # OCR of " . "
        ("https://www.Nhacai-VIP.com/dang-ky?ref=1", "nhacai-vip.com"),
        ("link keo88 chấm vip", "keo88.vip"),
    ],
)
def test_urls_normalised(text: str, value: str) -> None:
    assert found(text) == {("url", value)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("t.me/kenhkeo88", "telegram/kenhkeo88"),
        ("fb.com/nguyen.van.a", "facebook/nguyen.van.a"),
        ("tiktok @shop_abc123", "tiktok/shop_abc123"),
        ("Tele: keo88vip", "telegram/keo88vip"),
        ("ib tele abc_99", "telegram/abc_99"),
        ("@ngocanh_99", "@ngocanh_99"),
    ],
)
def test_handles(text: str, value: str) -> None:
    assert found(text) == {("handle", value)}


def test_email_beats_the_domain_inside_it() -> None:
    assert found("mail: HoTro @ gmail . com") == {("email", "hotro@gmail.com")}


def test_email_after_a_stray_dot_of_ocr() -> None:
    assert found("Email: .cskh616@keo88.vip") == {("email", "cskh616@keo88.vip")}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nạp 200k", "200000 VND"),
        ("thưởng 5 triệu", "5000000 VND"),
        ("chỉ 500.000đ", "500000 VND"),
        ("1,5 tỷ", "1500000000 VND"),
        ("hoàn 1,5tr", "1500000 VND"),
        ("Chỉ500.000đ", "500000 VND"),  # OCR lost the space
        ("chuyển năm trăm nghìn nha", "500000 VND"),
        ("hai triệu rưỡi", "2500000 VND"),
        ("một trăm hai mươi nghìn", "120000 VND"),
        ("mười lăm triệu", "15000000 VND"),
    ],
)
def test_money(text: str, value: str) -> None:
    assert found(text) == {("money", value)}


USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


@pytest.mark.parametrize(
    ("text", "value", "corrected"),
    [
        (f"USDT TRC20: {USDT}", USDT, False),
        ("TR7NHq)eKQxGTCi8q8ZY4pL8otSzgjLj6t", USDT, True),  # ")" read for "j"
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t)", USDT, False),
        ("1A1zPleP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", True),
        (
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            False,
        ),  # fmt: skip
        (
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            False,
        ),  # fmt: skip
        (  # "O" read for "0": EIP-55 confirms the one repair that fits
            "0x5aAeb6O53F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            True,
        ),
    ],
)
def test_wallets_checksummed_and_repaired(text: str, value: str, corrected: bool) -> None:
    (ident,) = extract_identifiers(text)
    assert (ident.kind, ident.value, ident.details["corrected"]) == ("wallet", value, corrected)


def test_tron_address_with_two_case_slips_is_repaired() -> None:
    (ident,) = extract_identifiers("TK5R9aWNj1pSA4npdNa1HkTQSNZj2tcDEu")  # "J" read "j" twice
    assert ident.value == "TK5R9aWNJ1pSA4npdNa1HkTQSNZJ2tcDEu" and ident.details["corrected"]


def test_tron_address_with_a_dot_the_ocr_put_inside() -> None:
    (ident,) = extract_identifiers("TCZgW7AWkt.Mw8VEmqCwaqgoTSaMrs62VwA")
    assert ident.value == "TCZgW7AWktMw8VEmqCwaqgoTSaMrs62VwA"


def test_wallet_with_a_wrong_checksum_is_not_a_wallet() -> None:
    assert found("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6x") == set()


def test_eth_one_misread_case_is_repaired_by_eip55() -> None:
    (ident,) = extract_identifiers("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")  # d read as D
    assert ident.confidence == 0.9 and ident.details["corrected"]
    assert ident.display == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def test_eth_mixed_case_failing_eip55_is_kept_with_low_confidence() -> None:
    (ident,) = extract_identifiers("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")  # two misreads
    assert ident.kind == "wallet" and ident.confidence < 0.5
    assert ident.display == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # the checksummed form


def test_everything_in_one_line() -> None:
    text = (
        "Liên hệ zalo 0938.456.127 hoặc STK Vietcombank 1012345678, nạp 200k vào keo88 . club, "
        f"mail hotro@gmail.com, tele @keo88vip, ví TRC20: {USDT}"
    )
    assert {k for k, _ in found(text)} == {
        "phone", "bank_account", "money", "url", "email", "handle", "wallet"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("0938 456 127", "+84938456127"),
        ("+84938456127", "+84938456127"),
        ("https://keo88.club/x", "keo88.club"),
        ("19035678901234", "19035678901234"),
        ("@keo88vip", "@keo88vip"),
    ],
)
def test_typed_queries_normalise(typed: str, value: str) -> None:
    assert value in normalize_query(typed)

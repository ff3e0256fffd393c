"""Phone numbers, bank accounts, links and handles near offers, deposit offers, profit rates."""

from __future__ import annotations

import pytest

from reviewer.text.patterns import find_patterns


def kinds(text: str) -> dict[str, str]:
    return {h.kind: h.text for h in find_patterns(text)}


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("gọi 0901234567 nhé", "0901234567"),
        ("gọi 0901 234 567 nhé", "0901 234 567"),
        ("gọi 090.123.4567 nhé", "090.123.4567"),
        ("gọi +84 912 345 678", "+84 912 345 678"),
        ("gọi 84912345678", "84912345678"),
        ("số bàn 024 3826 1234", "024 3826 1234"),
        ("hotline 1900 1234", "1900 1234"),
    ],
)
def test_vietnamese_phone_formats(text: str, phone: str) -> None:
    assert kinds(text).get("phone") == phone


@pytest.mark.parametrize("text", ["năm 2024 có 12345 người", "mã đơn 123", "giá 150.000đ"])
def test_not_phones(text: str) -> None:
    assert "phone" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "STK 0123456789 Vietcombank",
        "số tài khoản: 1903 5555 6666 77 techcombank",
        "ck vào 0901234567 MB bank nhé",
        "ngân hàng ACB số 12345678",
    ],
)
def test_bank_accounts_near_bank_words(text: str) -> None:
    assert "bank_account" in kinds(text)


def test_digits_without_bank_words_are_not_accounts() -> None:
    assert "bank_account" not in kinds("đơn hàng 0123456789 đã giao, cảm ơn chị")


def test_links_and_handles() -> None:
    assert kinds("vào t.me/keothom88 nạp tiền nhận thưởng")["link_offer"] == "t.me/keothom88"
    assert kinds("xem thêm ở https://example.com/a")["link"] == "https://example.com/a"
    assert "link_offer" in kinds("đăng ký abc88.bet nhận khuyến mãi")
    assert kinds("nhà cái abc chấm com tặng 100k").get("link_offer") == "abc chấm com"
    assert kinds("kết bạn zalo để nhận ưu đãi")["handle_offer"] == "zalo"
    assert kinds("follow @shopquanao nha")["handle"] == "@shopquanao"
    assert "handle" not in kinds("email me at a@b.com")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("nạp 100k tặng 200k", "nạp 100k tặng 200k"),
        ("Nạp một trăm k được x2 tài khoản", "Nạp một trăm k được x2"),
        ("tặng ngay 50k khi nạp 200k", "tặng ngay 50k khi nạp 200k"),
        ("nạp 500k nhân đôi", "nạp 500k nhân đôi"),
        ("deposit $100 get $200 bonus", "deposit $100 get $200"),
    ],
)
def test_deposit_offers(text: str, span: str) -> None:
    assert kinds(text)["deposit_offer"] == span


def test_prices_with_gifts_are_not_deposit_offers() -> None:
    assert "deposit_offer" not in kinds("giá 100k tặng kèm móc khóa")
    assert "deposit_offer" not in kinds("mua 2 tặng 1, mỗi cái 50k")


def test_profit_rates() -> None:
    assert "profit_rate" in kinds("lãi 3%/ngày cam kết")
    assert "profit_rate" in kinds("lợi nhuận 30% mỗi tháng")
    assert "profit_rate" in kinds("5 percent daily profit")
    assert "profit_rate" not in kinds("lãi suất tiết kiệm 6%/năm")
    assert "profit_rate" not in kinds("vay lãi 1% một tháng")


def test_spans_index_the_original_text() -> None:
    text = "Liên hệ 0901 234 567 hoặc t.me/abc để nhận thưởng"
    for hit in find_patterns(text):
        assert text[hit.start : hit.end] == hit.text

"""Normalisation: NFC, case, folding, separators, teencode and money, with spans in the original."""

from __future__ import annotations

import unicodedata

import pytest

from reviewer.text.normalize import (
    canonical,
    expand_teencode,
    fold,
    join_separated,
    normalize,
    tokenize,
)
from reviewer.text.numbers import find_money, number_to_words, words_to_number


def test_normalize_nfc_lower_whitespace() -> None:
    nfd = unicodedata.normalize("NFD", "  CỜ   Bạc\n\tOnline ")
    assert normalize(nfd) == "cờ bạc online"
    assert unicodedata.is_normalized("NFC", normalize(nfd))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("cờ bạc", "co bac"),
        ("Đường Đua", "Duong Dua"),
        ("nhà cái uy tín", "nha cai uy tin"),
        ("Ỷ ỵ ữ ẫ ặ", "Y y u a a"),
        (unicodedata.normalize("NFD", "chuyển khoản"), "chuyen khoan"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ko ck trước thì k0 nhận", "không chuyển khoản trước thì không nhận"),
        ("gửi stk với sdt", "gửi số tài khoản với số điện thoại"),
        ("vcl thật", "vãi cả lồn thật"),
        ("đm dm dcm", "địt mẹ địt mẹ địt con mẹ"),
        ("clgt", "cái lồn gì thế"),
        ("kh biết j", "không biết gì"),
    ],
)
def test_teencode(text: str, expected: str) -> None:
    assert expand_teencode(text) == expected


def test_teencode_is_not_applied_to_english() -> None:
    assert canonical("ok k", "en") == "ok k"
    assert canonical("ok k", "vi") == "ok không"


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("DM for the menu", False),  # a direct message: "for" is English
        ("dm me", False),
        ("nhu the dcm bon nay", True),  # "như thế" typed without tone marks is not English
        ("dm to the shop now", False),  # "to" counts beside a plainly English word ("now")
        ("gia len troi nhu the, dcm", True),  # across a comma: another clause
        ("for real, dm", True),
    ],
)
def test_english_neighbours_keep_an_abbreviation_english(text: str, expanded: bool) -> None:
    assert ("địt" in canonical(text)) is expanded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("n.h.à c.á.i", "nhà cái"),
        ("c-á đ-ộ", "cá độ"),
        ("N_H_À C*Á*I", "nhà cái"),
        ("n h a c a i", "nhacai"),
        ("cá-độ bóng.đá", "cá độ bóng đá"),
        ("s t k", "stk"),
    ],
)
def test_separators_inside_words(text: str, expected: str) -> None:
    assert join_separated(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100k", 100_000),
        ("100 k", 100_000),
        ("100 nghìn", 100_000),
        ("100 ngàn đồng", 100_000),
        ("một trăm k", 100_000),
        ("mot tram k", 100_000),
        ("năm trăm nghìn", 500_000),
        ("1tr", 1_000_000),
        ("1 triệu", 1_000_000),
        ("1tr5", 1_500_000),
        ("1,5 triệu", 1_500_000),
        ("hai triệu rưỡi", 2_500_000),
        ("một triệu hai", 1_200_000),
        ("hai mươi lăm nghìn", 25_000),
        ("500.000đ", 500_000),
        ("3 củ", 3_000_000),
    ],
)
def test_money_words_and_digits(text: str, value: int) -> None:
    toks = tokenize(text)
    money = [t for t in toks if t.kind == "money"]
    assert len(money) == 1 and money[0].value == value
    assert (money[0].start, money[0].end) == (0, len(text))


def test_money_needs_a_unit() -> None:
    assert not [t for t in tokenize("năm 2024 có ba trăm người") if t.kind == "money"]
    assert find_money(["hai", "nguoi"]) == []


def test_number_words_both_ways() -> None:
    for n in (5, 15, 21, 105, 250_000, 500_000, 1_200_000, 2_000_000_000):
        assert words_to_number(fold(number_to_words(n)).split()) == n
    assert number_to_words(500_000) == "năm trăm nghìn"


def test_spans_point_into_the_original_text() -> None:
    text = "Vào N.H.À C.Á.I, ck 100K nhé"
    toks = tokenize(text)
    by_text = {t.text: text[t.start : t.end] for t in toks}
    assert by_text["nhà"] == "N.H.À"
    assert by_text["cái"] == "C.Á.I"
    assert by_text["chuyển"] == "ck"  # teencode expansion keeps the abbreviation's span
    assert by_text["100000vnd"] == "100K"


def test_spans_survive_nfd_input() -> None:
    text = unicodedata.normalize("NFD", "chơi cờ bạc")
    toks = tokenize(text)
    assert [t.text for t in toks] == ["chơi", "cờ", "bạc"]
    assert unicodedata.normalize("NFC", text[toks[1].start : toks[1].end]) == "cờ"


def test_phone_dots_are_joined_for_matching() -> None:
    assert canonical("STK 0123.456.789 VCB") == "số tài khoản 0123456789 vcb"


def test_empty_and_punctuation_only() -> None:
    assert tokenize("") == []
    assert tokenize(" ... !!! ") == []

"""The sound key merges Vietnamese regional and ASR confusions."""

from __future__ import annotations

import pytest

from reviewer.text.phonetic import phonetic_key, phrase_key


def test_brief_examples_share_one_key() -> None:
    keys = {phrase_key(p) for p in ("cờ bạc", "co bac", "cờ bạt", "trờ bạc")}
    assert len(keys) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("chuyển", "truyền"),  # ch/tr
        ("sổ", "xổ"),  # s/x
        ("dì", "gì"),  # d/gi
        ("ra", "da"),  # r/d
        ("vui", "dui"),  # southern v
        ("khoản", "khoảng"),  # final n/ng
        ("bạc", "bạt"),  # final c/t
        ("anh", "an"),  # final nh/n
        ("mỹ", "mĩ"),  # y/i spelling
        ("cặc", "cak"),  # teencode final k
        ("quá", "wá"),  # teencode w = qu
    ],
)
def test_merges(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("a", "b"), [("bạc", "mạc"), ("lon", "non"), ("ba", "bốn")])
def test_distinct_sounds_stay_apart(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


def test_keep_vowels_separates_vowel_quality() -> None:
    # Folding turns ă/â/a into a; the matcher keeps them apart when the text has diacritics.
    assert phonetic_key("cảnh") == phonetic_key("trắng")
    assert phonetic_key("cảnh", keep_vowels=True) != phonetic_key("trắng", keep_vowels=True)
    assert phonetic_key("trờ", keep_vowels=True) == phonetic_key("cờ", keep_vowels=True)

"""Lexicon files and the tolerant matcher (diacritics, sound merges, ASR misspellings)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reviewer.paths import lexicon_dir
from reviewer.text.errors import LexiconError
from reviewer.text.lexicon import Lexicon, category_table, parse_terms
from reviewer.text.matcher import LexiconMatcher, within_one_edit

# The shipped categories, as categories.json lists them (one list: reviewer/text/lexicon.py).
DEFAULT_IDS = set(category_table())


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def matcher(lexicon: Lexicon) -> LexiconMatcher:
    return LexiconMatcher(lexicon.terms, lexicon.common_words)


def test_default_categories_and_labels(lexicon: Lexicon) -> None:
    assert len(DEFAULT_IDS) >= 7  # categories.json read, not empty
    assert set(lexicon.categories) == DEFAULT_IDS
    assert lexicon.categories["gambling"].label_vi == "Cờ bạc, cá độ, tổ chức đánh bạc"
    assert lexicon.categories["personal_data"].label_vi == "Mua bán thông tin cá nhân"
    assert all(c.label_en for c in lexicon.categories.values())
    for cid in DEFAULT_IDS:
        assert sum(t.category == cid for t in lexicon.terms) >= 30, cid
    assert len(lexicon.sha256) == 64


def test_profanity_file_names_its_source_and_licence() -> None:
    head = (lexicon_dir() / "profanity.txt").read_text(encoding="utf-8")[:1500]
    assert "viet-badwords-filter 1.0.1" in head
    assert "WTFPL" in head


def test_agency_can_add_a_category(tmp_path: Path) -> None:
    for name in ("categories.json", "_common_words.txt", "gambling.txt"):
        (tmp_path / name).write_bytes((lexicon_dir() / name).read_bytes())
    (tmp_path / "hang_gia.txt").write_text("# custom\nthuốc giả | 0.9\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path)
    assert set(lex.categories) == {"gambling", "hang_gia"}
    assert lex.categories["hang_gia"].label_vi == "hang_gia"  # no label given: the id
    m = LexiconMatcher(lex.terms, lex.common_words)
    assert [x.category for x in m.match("bán thuoc gia giá rẻ")] == ["hang_gia"]


def test_bad_files_raise_named_errors(tmp_path: Path) -> None:
    (tmp_path / "Bad Name.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="category id"):
        Lexicon.load(tmp_path)
    with pytest.raises(LexiconError, match="unknown option"):
        parse_terms("cá độ | loud\n", "gambling", "gambling.txt")
    with pytest.raises(LexiconError, match="weight"):
        parse_terms("cá độ | 1.5\n", "gambling", "gambling.txt")
    (tmp_path / "Bad Name.txt").unlink()
    (tmp_path / "categories.json").write_text(json.dumps({"x": "no"}), encoding="utf-8")
    (tmp_path / "x.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        Lexicon.load(tmp_path)
    with pytest.raises(LexiconError, match="does not exist"):
        Lexicon.load(tmp_path / "missing")


def test_term_options() -> None:
    terms = parse_terms("# c\nkèo | 0.3\nlồn | 0.9 exact\nbet | folded\n\n", "g", "g.txt")
    assert [(t.phrase, t.weight, t.mode) for t in terms] == [
        ("kèo", 0.3, "tolerant"),
        ("lồn", 0.9, "exact"),
        ("bet", 0.8, "folded"),
    ]
    assert terms[0].origin == "g.txt:2"


@pytest.mark.parametrize(
    ("text", "term", "quality"),
    [
        ("tham gia cờ bạc", "cờ bạc", "exact"),
        ("tham gia co bac", "cờ bạc", "folded"),
        ("tham gia cờ bạt", "cờ bạc", "phonetic"),  # ASR: final c/t
        ("trờ bạc online", "cờ bạc online", "phonetic"),  # ASR: c/tr
        ("chuyển khoảng trước", "chuyển khoản trước", "phonetic"),  # final n/ng
        ("chuyen khoang truoc", "chuyển khoản trước", "phonetic"),
        ("vào nhà cai", "nhà cái", "folded"),  # lost tone
        ("vào nhà cài", "nhà cái", "tone"),  # wrong tone
        ("vào nhacai", "nhà cái", "compact"),
        ("vào n h a c a i", "nhà cái", "compact"),
        ("vào n.h.à c.á.i", "nhà cái", "exact"),
        ("đặt cươc ngay", "đặt cược", "tone"),
        ("guaranted returns", "guaranteed returns", "fuzzy"),  # one edit, 4+ letters
    ],
)
def test_tolerant_matching(matcher: LexiconMatcher, text: str, term: str, quality: str) -> None:
    found = {m.term: m for m in matcher.match(text)}
    assert term in found, [m.term for m in found.values()]
    assert found[term].quality == quality


def test_spans_are_in_the_original_text(matcher: LexiconMatcher) -> None:
    text = "Anh em ơi, vào N.H.À C.Á.I chơi cờ bạt nhé"
    spans = {m.term: text[m.start : m.end] for m in matcher.match(text)}
    assert spans["nhà cái"] == "N.H.À C.Á.I"
    assert spans["chơi cờ bạc"] == "chơi cờ bạt"


@pytest.mark.parametrize(
    "text",
    [
        "thằng có tiền mua xe mới",  # common word "có" is never bent into "chó"
        "chơi có bạc không",  # "có" vs "cờ"
        "để mở cửa hàng",  # "để mở" vs "đê mờ"
        "mua một lon bia",  # 'lon' is excluded from the profanity list
        "các bạn ơi",  # 'cac' is excluded
        "cung cấp hàng",  # 'cunt' is English and short: never fuzzy
        "bánh lớn quá",
        "đánh bác",  # "bác" (uncle) is common
        "pháo hoa Z121 bán đúng quy định",  # "đúng" is one edit from "súng" (gun)
    ],
)
def test_common_words_do_not_become_bad_words(matcher: LexiconMatcher, text: str) -> None:
    assert [m for m in matcher.match(text) if m.strength >= 0.5] == []


def test_exact_mode_requires_diacritics(matcher: LexiconMatcher) -> None:
    assert any(m.term == "lồn" for m in matcher.match("lồn"))
    assert not any(m.term == "lồn" for m in matcher.match("lớn lên"))


def test_overlapping_terms_are_counted_once(matcher: LexiconMatcher) -> None:
    found = [m for m in matcher.match("cá độ bóng đá") if m.category == "gambling"]
    assert [m.term for m in found] == ["cá độ bóng đá"]


def test_within_one_edit() -> None:
    assert within_one_edit("khoan", "khoang")
    assert within_one_edit("khoang", "khoan")
    assert within_one_edit("bacc", "bacd")
    assert not within_one_edit("abcd", "abdc")  # a transposition is two edits
    assert not within_one_edit("khoan", "khoangg")


def test_matcher_gives_the_same_answer_every_time(matcher: LexiconMatcher) -> None:
    """Its speed is printed, not asserted (benchmarks, not timed tests, hold speed targets)."""
    texts = [
        "Anh em vào nhà cái uy tín chơi cờ bạt nhé nạp 100k tặng 200k",
        "Hôm nay mình nấu món gà kho gừng cho cả nhà cùng ăn nhé các bạn",
        "chuyển khoảng trước cho em rồi em gửi hàng cho",
        "Trận này Messi ghi hai bàn, tỷ số 2-1 cho Barca",
    ] * 250
    start = time.perf_counter()
    found = [matcher.match(t) for t in texts]
    print(f"\nlexicon matcher: {len(texts) / (time.perf_counter() - start):.0f} segments/s")
    assert found[0] and not found[1] and not found[3]  # gambling offer; cooking; football
    assert found[4:] == found[:4] * 249  # no state carried from one text to the next

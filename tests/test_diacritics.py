"""Tone marks put back on toneless Vietnamese before the meaning model reads it: the real CRF
(assembled from pyvi's wheel) and the syllable model the repository ships."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from reviewer.model_registry import assemble, manifest_entry
from reviewer.paths import text_model_dir
from reviewer.text.meaning.diacritics import (
    CRF_FILE,
    CRF_MODEL,
    LM_FILE,
    DiacriticModelError,
    DiacriticRestorer,
    SyllableModel,
    is_toneless,
    marked,
    shared_restorer,
    toneless_form,
)
from reviewer.text.meaning.engine import embed_form, matcher_form


@pytest.fixture(scope="module")
def restorer() -> DiacriticRestorer:
    return shared_restorer()


def test_toneless_scam_comes_back_with_its_tones(restorer: DiacriticRestorer) -> None:
    got = restorer.restore("tai khoan cua ban bi khoa bam vao link de xac minh ngay")
    assert got == "tài khoản của bạn bị khóa bấm vào link để xác minh ngay"
    # what the meaning model reads of a toneless chat line; the lexicons still see it as typed
    line = "Nha cai uy tin, nap 100k tang 50k rut tien nhanh"
    assert embed_form(line, "vi") == "nhà cái uy tín nạp 100k tặng 50k rút tiền nhanh"
    assert matcher_form(line, "vi") == "nha cai uy tin nap 100k tang 50k rut tien nhanh"


def test_only_the_unknown_marks_are_put_back(restorer: DiacriticRestorer) -> None:
    # English and text with its tones are left as they are
    assert embed_form("join my telegram group for free signals now", "vi") == (
        "join my telegram group for free signals now"
    )
    assert embed_form("deposit now and win big every single day", "en") == (
        "deposit now and win big every single day"
    )
    written = "chúc cả nhà buổi tối vui vẻ nhé"
    assert embed_form(written, "vi") == written
    # a marked word inside a restored text is kept as typed; words the model does not know too
    got = restorer.restore("tai khoản xyzq bi khoa")
    assert got.split(" ")[1:3] == ["khoản", "xyzq"]
    assert all(marked(w) for w in (got.split(" ")[0], got.split(" ")[3]))
    for odd in ["", " ", "...", "123 456", "a" * 2000]:
        assert isinstance(restorer.restore(odd), str)


def test_crf_reading_matches_the_letters(restorer: DiacriticRestorer) -> None:
    text = "hom nay troi dep qua, di choi thoi"
    reading = restorer.crf_reading(text)
    assert len(reading) == len(text)
    assert toneless_form(reading) == text
    assert reading.startswith("hôm nay trời đẹp")


def test_is_toneless() -> None:
    assert is_toneless("tai khoan cua ban bi khoa roi", "vi")
    assert not is_toneless("tài khoản của bạn bị khóa rồi", "vi")
    assert not is_toneless("ok nha", "vi")  # too short to tell
    assert not is_toneless("your account has been locked today", "en")
    assert toneless_form("Đường Trường Sơn") == "Duong Truong Son"


def test_damaged_or_missing_models_give_a_named_error(tmp_path: Path) -> None:
    entry = manifest_entry(CRF_MODEL)
    lm = text_model_dir() / LM_FILE
    with pytest.raises(DiacriticModelError, match="not the one recorded"):
        SyllableModel.load(lm, "0" * 64)
    words = SyllableModel.load(lm, entry["lm"]["sha256"])
    with pytest.raises(DiacriticModelError, match="missing"):
        DiacriticRestorer(tmp_path / CRF_FILE, words)
    # the shipped file is the counted one: its sources say so
    data = json.loads(gzip.decompress(lm.read_bytes()))
    assert data["format"] == 1 and any("pyvi" in s for s in data["sources"])
    assert (assemble(entry) / CRF_FILE).stat().st_size == entry["files"][CRF_FILE]["size"]

"""The exported ONNX text model: hash-checked load, probabilities, and its card."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from reviewer.paths import text_model_dir
from reviewer.text.classifier import (
    CARD_FILE,
    MODEL_FILE,
    PREDICT_BATCH,
    TextClassifier,
    batches,
    prepare,
)
from reviewer.text.errors import TextModelError, TextModelHashMismatch
from reviewer.text.lexicon import category_table
from reviewer.text.training import EXTRA_FILE

# The model is trained on categories.json, in its order (models/text/train.py).
CATEGORIES = list(category_table())


@pytest.fixture(scope="module")
def classifier() -> TextClassifier:
    return TextClassifier()


def test_card_describes_the_shipped_model() -> None:
    onnx = text_model_dir() / MODEL_FILE
    card = json.loads((text_model_dir() / CARD_FILE).read_text(encoding="utf-8"))
    data = onnx.read_bytes()
    assert len(data) < 2 * 1024 * 1024
    assert card["sha256"] == hashlib.sha256(data).hexdigest()
    assert card["categories"] == CATEGORIES
    corpus = (text_model_dir() / "corpus.jsonl").read_bytes()
    assert card["corpus_sha256"] == hashlib.sha256(corpus).hexdigest(), "corpus changed: retrain"
    extra = (text_model_dir() / EXTRA_FILE).read_bytes()
    assert card["extra_sha256"] == hashlib.sha256(extra).hexdigest(), "extra rows changed: retrain"
    assert card["metrics_held_out"]["micro_precision"] is not None
    assert card["trained_utc"]


def test_corpus_rows_say_where_they_came_from() -> None:
    rows = [
        json.loads(x) for x in (text_model_dir() / "corpus.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(rows) >= 300
    assert all(r["text"].strip() and r["source"] and isinstance(r["labels"], list) for r in rows)
    assert all(set(r["labels"]) <= set(CATEGORIES) for r in rows)
    assert sum(not r["labels"] for r in rows) >= 100  # benign look-alikes
    assert any("viet-badwords-filter" in r["source"] for r in rows)


def test_scores_real_text(classifier: TextClassifier) -> None:
    assert classifier.categories == tuple(CATEGORIES)
    probs = classifier.predict(
        [
            "Nhà cái uy tín, cá cược bóng đá, nạp tiền nhận thưởng",
            "Hôm nay mình nấu canh chua cá lóc",
        ],
        "vi",
    )
    assert probs.shape == (2, 7) and probs.dtype == np.float32
    assert ((probs >= 0) & (probs <= 1)).all()
    gambling = CATEGORIES.index("gambling")
    assert probs[0, gambling] > 0.5 > probs[1, gambling]
    scores = classifier.scores("Địt mẹ thằng ngu", "vi")
    assert max(scores, key=scores.get) in {"profanity", "insult"}
    assert classifier.predict_prepared([]).shape == (0, 7)


def test_prepare_folds_and_hides_numbers() -> None:
    assert prepare("Nạp 100K tặng 200k, gọi 0901234567") == ("_nap_zmoney_tang_zmoney_goi_znum_")


def test_hash_mismatch_refuses_to_load(tmp_path: Path) -> None:
    shutil.copy(text_model_dir() / MODEL_FILE, tmp_path / MODEL_FILE)
    shutil.copy(text_model_dir() / CARD_FILE, tmp_path / CARD_FILE)
    data = bytearray((tmp_path / MODEL_FILE).read_bytes())
    data[-1] ^= 0xFF
    (tmp_path / MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(TextModelHashMismatch):
        TextClassifier(tmp_path / MODEL_FILE)


def test_missing_files_raise_model_error(tmp_path: Path) -> None:
    with pytest.raises(TextModelError):
        TextClassifier(tmp_path / MODEL_FILE)
    (tmp_path / CARD_FILE).write_text(json.dumps({"categories": CATEGORIES, "sha256": "0"}))
    with pytest.raises(TextModelError):
        TextClassifier(tmp_path / MODEL_FILE)


def test_many_texts_run_in_bounded_batches_with_unchanged_scores(
    classifier: TextClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole 4-hour media is ~12k texts; one model run over all of them took 1.3 GB (issue 13).
    Batches stay bounded, none is a lone row, and the scores are those of one run over all."""
    words = ["nạp tiền", "chuyển khoản", "xin chào", "mua bán", "đồ ngu", "số tài khoản"]
    texts = [prepare(f"{words[i % 6]} {i} {words[(i * 7) % 6]}") for i in range(2 * 256 + 1)]
    whole = classifier._run(texts)
    sizes: list[int] = []
    run = classifier._run
    monkeypatch.setattr(classifier, "_run", lambda part: sizes.append(len(part)) or run(part))
    assert np.array_equal(classifier.predict_prepared(texts), whole)
    assert sum(sizes) == len(texts)
    assert max(sizes) <= PREDICT_BATCH and min(sizes) > PREDICT_BATCH // 2 - 1


@pytest.mark.parametrize("count", [0, 1, 255, 256, 257, 513, 12373])
def test_batches_are_near_equal_and_cover_all(count: int) -> None:
    items = [str(i) for i in range(count)]
    parts = batches(items, 256)
    assert [x for part in parts for x in part] == items
    assert all(len(p) <= 256 for p in parts)
    assert max(map(len, parts), default=0) - min(map(len, parts), default=0) <= 1

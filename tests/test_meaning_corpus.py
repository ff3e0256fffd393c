"""The written training sentences stay apart from every set the benches judge or tune on."""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEANING = ROOT / "models" / "text" / "meaning"
sys.path.insert(0, str(MEANING))

from build_corpus import old_rows, written_files  # noqa: E402

# Character 4-grams shared over all of either sentence: 0.6 and up is the same sentence with a
# word or two changed ("cc gì vậy trời" beside "cc gì vậy trời, dcm").
NEAR = 0.6


def _grams(text: str) -> set[str]:
    flat = re.sub(r"\W+", " ", unicodedata.normalize("NFC", text.casefold())).strip()
    return {flat[i : i + 4] for i in range(max(1, len(flat) - 3))}


def _texts(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def test_written_training_shares_no_sentence_with_the_judged_sets() -> None:
    judged = sorted(MEANING.glob("heldout*.jsonl")) + sorted(MEANING.glob("dev_written_*.jsonl"))
    assert len(judged) >= 8 and written_files()
    held = [_grams(t) for path in judged for t in _texts(path)]
    close = []
    for path in written_files():
        for text in _texts(path):
            g = _grams(text)
            if any(len(g & h) >= NEAR * len(g | h) for h in held):
                close.append(f"{path.name}: {text}")
    assert close == []


def test_written_training_joins_train_with_its_labels() -> None:
    rows = [r for r in old_rows() if r["written"]]
    wanted = sum(len(_texts(path)) for path in written_files())
    assert len(rows) == wanted > 1000
    assert {r["split"] for r in rows} == {"train"}
    cats = {"gambling", "fraud", "illegal_trade", "personal_data", "insult", "profanity"}
    assert {c for r in rows for c in r["labels"]} == cats
    assert sum(not r["labels"] for r in rows) > 300  # the look-alikes that teach "benign"


def test_the_ngram_model_was_fitted_on_the_meaning_corpus_as_it_stands() -> None:
    # models/text/train.py fits the n-gram model on corpus.jsonl and these rows: a written file
    # or template changed since means the shipped model (and its card) are stale: retrain.
    sys.path.insert(0, str(ROOT / "models" / "text"))
    from train import EXTRA, extra_rows

    with gzip.open(EXTRA, "rt", encoding="utf-8") as fh:
        shipped = [json.loads(line) for line in fh if line.strip()]
    assert shipped == extra_rows()

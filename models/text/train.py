"""Train the text classifier and export it to ONNX (training-time only: needs scikit-learn, skl2onnx).

    .venv/bin/python models/text/train.py            # train, evaluate, export
    .venv/bin/python models/text/train.py --check    # only verify the exported files still match

Input: models/text/corpus.jsonl, one {"text", "labels", "source"} per line (labels: category ids,
empty = benign), and the meaning corpus's training split (models/text/meaning/build_corpus.py:
templates, their heard and toneless copies, the sentences written whole), which this script
writes beside it as ngram_extra.jsonl.gz (text and labels; `reviewer learn` refits from both). The text goes through reviewer.text.classifier.prepare() - the very function
used at run time - then char 2-5-gram TF-IDF + one-vs-rest logistic regression.

Output: text_classifier.onnx (< 2 MB) and text_classifier.json (categories in output order,
SHA-256 of the ONNX, training date, corpus SHA-256, settings, and precision/recall on a held-out
20% split). Metrics come from a model fit on the other 80%; the exported model is then refit on
all rows with the same settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.text.classifier import CARD_FILE, MODEL_FILE, prepare  # noqa: E402
from reviewer.text.lexicon import category_table  # noqa: E402
from reviewer.text.training import (  # noqa: E402
    EXTRA_FILE,
    SETTINGS,
    build_pipeline,
    check_parity,
    export_onnx,
    metrics,
)

CORPUS = HERE / "corpus.jsonl"
EXTRA = HERE / EXTRA_FILE
MAX_BYTES = 2 * 1024 * 1024


def load_corpus(categories: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row.get("text"), str) or not row["text"].strip():
            raise SystemExit(f"corpus.jsonl:{number}: 'text' must be a non-empty string")
        unknown = set(row.get("labels", [])) - set(categories)
        if unknown:
            raise SystemExit(f"corpus.jsonl:{number}: unknown labels {sorted(unknown)}")
        if not row.get("source"):
            raise SystemExit(f"corpus.jsonl:{number}: every example must say where it came from")
        rows.append(row)
    return rows


def extra_rows() -> list[dict]:
    """The meaning corpus's TRAIN rows as {text, labels}, less those made from corpus.jsonl's own
    lines (they are read from there, with their labels outside the six meaning categories)."""
    sys.path.insert(0, str(HERE / "meaning"))
    from build_corpus import build

    own = {r["text"] for r in load_corpus(list(category_table()))}
    return [
        {"text": r["text"], "labels": r["labels"]}
        for r in build()
        if r["split"] == "train" and r["clean"] not in own
    ]


def write_extra() -> list[dict]:
    """extra_rows() into EXTRA, byte for byte the same on every run (gzip without a time stamp)."""
    rows = extra_rows()
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    EXTRA.write_bytes(gzip.compress(data, mtime=0))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the exported card and hash")
    args = parser.parse_args()
    onnx_path, card_path = HERE / MODEL_FILE, HERE / CARD_FILE
    if args.check:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        actual = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
        same = (
            hashlib.sha256(CORPUS.read_bytes()).hexdigest() == card["corpus_sha256"]
            and hashlib.sha256(EXTRA.read_bytes()).hexdigest() == card["extra_sha256"]
        )
        ok = actual == card["sha256"] and same
        print(
            f"onnx sha256 {'ok' if actual == card['sha256'] else 'MISMATCH'}; training rows "
            f"{'unchanged' if same else 'CHANGED: retrain'}"
        )
        return 0 if ok else 1

    from sklearn.model_selection import train_test_split

    categories = list(category_table())
    rows = load_corpus(categories) + write_extra()
    prepared = [prepare(r["text"]) for r in rows]
    y = np.array([[int(c in r["labels"]) for c in categories] for r in rows])
    strata = [r["labels"][0] if r["labels"] else "benign" for r in rows]
    idx_train, idx_test = train_test_split(
        np.arange(len(rows)),
        test_size=SETTINGS["test_size"],
        random_state=SETTINGS["seed"],
        stratify=strata,
    )
    model = build_pipeline().fit([prepared[i] for i in idx_train], y[idx_train])
    held_out = metrics(
        y[idx_test], model.predict_proba([prepared[i] for i in idx_test]), categories
    )
    print(json.dumps(held_out, indent=1))

    final = build_pipeline().fit(prepared, y)
    onnx_bytes = export_onnx(final, len(categories))
    diff = check_parity(onnx_bytes, final, prepared)
    if diff > 1e-4:
        raise SystemExit(f"ONNX and scikit-learn disagree by {diff:.2e}: not exported")
    if len(onnx_bytes) > MAX_BYTES:
        raise SystemExit(f"ONNX is {len(onnx_bytes)} bytes (> 2 MB): lower max_features")

    import onnx
    import skl2onnx
    import sklearn

    sha = hashlib.sha256(onnx_bytes).hexdigest()
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    card = {
        "model_id": f"text-charngram-lr-{today}-{sha[:8]}",
        "file": MODEL_FILE,
        "sha256": sha,
        "size": len(onnx_bytes),
        "categories": categories,
        "input": "reviewer.text.classifier.prepare(text) as a [N, 1] string tensor named 'text'",
        "output": "'probabilities' [N, categories], independent per category (one-vs-rest)",
        "trained_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "corpus": "models/text/corpus.jsonl",
        "corpus_sha256": hashlib.sha256(CORPUS.read_bytes()).hexdigest(),
        "extra": f"models/text/{EXTRA_FILE} (made by this script from models/text/meaning/)",
        "extra_sha256": hashlib.sha256(EXTRA.read_bytes()).hexdigest(),
        "corpus_rows": len(rows),
        "settings": SETTINGS,
        "metrics_held_out": held_out,
        "metrics_note": "fit on 80% (stratified, seed above), scored on the other 20%; the "
        "exported model is refit on all rows with the same settings",
        "onnx_parity_max_abs_diff": diff,
        "versions": {
            "scikit-learn": sklearn.__version__,
            "skl2onnx": skl2onnx.__version__,
            "onnx": onnx.__version__,
            "python": sys.version.split()[0],
        },
        "licence": "Apache-2.0 (this project); training data: see the source field of each row",
    }
    onnx_path.write_bytes(onnx_bytes)
    card_path.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"wrote {onnx_path.name} ({len(onnx_bytes)} bytes, sha256 {sha[:16]}...), parity {diff:.1e}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

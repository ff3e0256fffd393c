"""Train the text classifier and export it to ONNX (training-time only: needs scikit-learn, skl2onnx).

    .venv/bin/python models/text/train.py            # train, evaluate, export
    .venv/bin/python models/text/train.py --check    # only verify the exported files still match

Input: models/text/corpus.jsonl, one {"text", "labels", "source"} per line (labels: category ids,
empty = benign). The text goes through reviewer.text.classifier.prepare() - the very function
used at run time - then char 2-5-gram TF-IDF + one-vs-rest logistic regression.

Output: text_classifier.onnx (< 2 MB) and text_classifier.json (categories in output order,
SHA-256 of the ONNX, training date, corpus SHA-256, settings, and precision/recall on a held-out
20% split). Metrics come from a model fit on the other 80%; the exported model is then refit on
all rows with the same settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.text.classifier import CARD_FILE, MODEL_FILE, prepare  # noqa: E402

CORPUS = HERE / "corpus.jsonl"
CATEGORIES_JSON = ROOT / "resources" / "lexicons" / "categories.json"
MAX_BYTES = 2 * 1024 * 1024
SETTINGS = {
    "analyzer": "char",
    "ngram_range": [2, 5],
    "min_df": 2,
    "max_features": 40000,
    "C": 4.0,
    "class_weight": "balanced",
    "test_size": 0.2,
    "seed": 13,
}


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


def build_pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(
                    analyzer=SETTINGS["analyzer"],
                    ngram_range=tuple(SETTINGS["ngram_range"]),
                    min_df=SETTINGS["min_df"],
                    max_features=SETTINGS["max_features"],
                    lowercase=False,  # prepare() already lower-cases; ONNX lower-casing needs a locale
                    sublinear_tf=False,  # skl2onnx's sublinear tf disagrees with scikit-learn
                    dtype=np.float32,
                ),
            ),
            (
                "clf",
                OneVsRestClassifier(
                    LogisticRegression(
                        C=SETTINGS["C"], class_weight=SETTINGS["class_weight"], max_iter=5000
                    )
                ),
            ),
        ]
    )


def metrics(y_true: np.ndarray, probs: np.ndarray, categories: list[str]) -> dict:
    pred = probs >= 0.5
    out: dict = {"threshold": 0.5, "per_category": {}}
    tp_all = fp_all = fn_all = 0
    for k, cat in enumerate(categories):
        tp = int(np.sum(pred[:, k] & (y_true[:, k] == 1)))
        fp = int(np.sum(pred[:, k] & (y_true[:, k] == 0)))
        fn = int(np.sum(~pred[:, k] & (y_true[:, k] == 1)))
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        out["per_category"][cat] = {
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "support": int(np.sum(y_true[:, k])),
        }
    out["micro_precision"] = round(tp_all / (tp_all + fp_all), 3) if tp_all + fp_all else None
    out["micro_recall"] = round(tp_all / (tp_all + fn_all), 3) if tp_all + fn_all else None
    benign = y_true.sum(axis=1) == 0
    out["benign_rows"] = int(benign.sum())
    out["benign_false_alarm_rows"] = int((pred[benign].any(axis=1)).sum())
    return out


def export_onnx(pipeline, n_categories: int) -> bytes:
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import StringTensorType

    clf = pipeline.steps[-1][1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "char analyzer may not work": parity is checked below
        onx = convert_sklearn(
            pipeline,
            "livestream_reviewer_text_classifier",
            initial_types=[("text", StringTensorType([None, 1]))],
            options={id(clf): {"zipmap": False}},
            target_opset={"": 17, "ai.onnx.ml": 3},
        )
    onx.doc_string = f"char n-gram TF-IDF + one-vs-rest logistic regression, {n_categories} outputs"
    return onx.SerializeToString()


def check_parity(onnx_bytes: bytes, pipeline, prepared: list[str]) -> float:
    import onnxruntime as ort

    sess = ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    got = sess.run(["probabilities"], {"text": np.array(prepared, dtype=object).reshape(-1, 1)})[0]
    want = pipeline.predict_proba(prepared)
    return float(np.max(np.abs(got - want)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the exported card and hash")
    args = parser.parse_args()
    onnx_path, card_path = HERE / MODEL_FILE, HERE / CARD_FILE
    if args.check:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        actual = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
        corpus = hashlib.sha256(CORPUS.read_bytes()).hexdigest()
        ok = actual == card["sha256"] and corpus == card["corpus_sha256"]
        print(
            f"onnx sha256 {'ok' if actual == card['sha256'] else 'MISMATCH'}; corpus "
            f"{'unchanged' if corpus == card['corpus_sha256'] else 'CHANGED: retrain'}"
        )
        return 0 if ok else 1

    from sklearn.model_selection import train_test_split

    categories = list(json.loads(CATEGORIES_JSON.read_text(encoding="utf-8")))
    rows = load_corpus(categories)
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

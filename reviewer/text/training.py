"""Training functions of the text classifier, shared by models/text/train.py (the shipped model)
and `reviewer learn` (a model refit with the officers' decisions). scikit-learn and skl2onnx are
imported only when training (the `train` extra); scoring needs neither.
"""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import numpy as np

CORPUS_FILE = "corpus.jsonl"
# The meaning corpus's training sentences (templates in livestream register, their heard and
# toneless copies, and the sentences written whole), made by models/text/train.py from
# models/text/meaning/: the n-gram model learnt from the 732 lines of corpus.jsonl alone missed
# most phrasings nobody here wrote (devw recall 0.86 -> 0.89 clean, 0.75 -> 0.79 noisy, benign
# FPR 0.053 -> 0.042 with it).
EXTRA_FILE = "ngram_extra.jsonl.gz"

SETTINGS: dict = {
    "analyzer": "char",
    "ngram_range": [2, 5],
    "min_df": 2,
    "max_features": 20000,  # 40,000 made a 3.5 MB ONNX for no more recall (devw)
    "C": 4.0,
    "class_weight": "balanced",
    "test_size": 0.2,
    "seed": 13,
}


def training_rows(folder: Path) -> list[tuple[str, set[str]]]:
    """(text, labels) of corpus.jsonl and, where present, of EXTRA_FILE beside it: what the
    shipped model was fitted on, so that a refit starts from the same rows."""
    rows = [
        json.loads(line)
        for line in (folder / CORPUS_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    extra = folder / EXTRA_FILE
    if extra.exists():
        with gzip.open(extra, "rt", encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return [(r["text"], set(r.get("labels", []))) for r in rows]


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

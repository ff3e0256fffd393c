"""Refit the text classifier on the repo corpus plus the decided texts; keep it only if better.

Decided texts stay on the workstation: the n-gram vocabulary and its IDF are fitted on the repo
corpus alone, so the exported model holds corpus n-grams and weights, never a decided text; its
card holds counts only. "Better" is judged on the decisions: the new model by k-fold
cross-validation (each fold scored by a model that never saw it), the current model on all of them
(it never saw any), F1 over (text, category) pairs at p >= 0.5.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from ..paths import text_model_dir
from ..text.classifier import TextClassifier, prepare
from ..text.training import CORPUS_FILE, EXTRA_FILE, training_rows
from . import versions
from .decisions import Decision
from .errors import LearnError, TrainingUnavailable

MIN_TEXTS = 4
FOLDS = 3
SEED = 13


@dataclass
class ModelProposal:
    id: str
    current_model_id: str
    current_sha256: str
    decided_texts: int
    f1_current: float | None
    f1_new: float | None
    better: bool
    summary: str
    per_category: dict = field(default_factory=dict)
    _fit: dict | None = field(default=None, repr=False)  # matrices for the final fit

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


def _sklearn():
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
    except ImportError as exc:
        raise TrainingUnavailable(
            "Retraining the text model needs scikit-learn and skl2onnx (pip install "
            "'livestream-reviewer[train]'); thresholds and lexicon proposals work without them."
        ) from exc
    return TfidfVectorizer, LogisticRegression, OneVsRestClassifier


def _corpus(categories: list[str]) -> list[tuple[str, set[str]]]:
    try:
        rows = training_rows(text_model_dir())
    except (OSError, ValueError) as exc:
        raise LearnError(f"The training corpus in {text_model_dir()} is unreadable: {exc}") from exc
    return [(text, labels & set(categories)) for text, labels in rows]


def decided_texts(decisions: list[Decision]) -> dict[str, dict[str, int]]:
    """{text: {category: 1 confirmed/added, 0 rejected}}; a confirmation wins over a rejection."""
    out: dict[str, dict[str, int]] = {}
    for d in decisions:
        text = " ".join(d.text.split())
        if not text:
            continue
        labels = out.setdefault(text, {})
        labels[d.category] = max(labels.get(d.category, 0), int(d.positive))
    return out


def _f1(pairs: list[tuple[int, bool]]) -> float | None:
    tp = sum(y == 1 and p for y, p in pairs)
    fp = sum(y == 0 and p for y, p in pairs)
    fn = sum(y == 1 and not p for y, p in pairs)
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else None


def _pairs(texts, labels, probs, categories, cat_filter=None) -> list[tuple[int, bool]]:
    out = []
    for i, text in enumerate(texts):
        for cat, y in labels[text].items():
            if cat in categories and (cat_filter is None or cat == cat_filter):
                out.append((y, bool(probs[i][categories.index(cat)] >= 0.5)))
    return out


def _classifier(LogisticRegression, OneVsRestClassifier, settings: dict):
    return OneVsRestClassifier(
        LogisticRegression(C=settings["C"], class_weight=settings["class_weight"], max_iter=5000)
    )


def propose_model(decisions: list[Decision], folds: int = FOLDS) -> ModelProposal:
    from ..text.training import SETTINGS

    current = TextClassifier(versions.active_model_path())
    categories = list(current.categories)
    labels = decided_texts(decisions)
    texts = sorted(labels)
    base = dict(
        id="text-model",
        current_model_id=current.model_id,
        current_sha256=current.sha256,
        decided_texts=len(texts),
    )
    if len(texts) < MIN_TEXTS:
        return ModelProposal(
            **base, f1_current=None, f1_new=None, better=False,
            summary=f"only {len(texts)} decided texts (need {MIN_TEXTS}): no retraining",
        )  # fmt: skip
    TfidfVectorizer, LogisticRegression, OneVsRestClassifier = _sklearn()
    corpus = _corpus(categories)
    vectorizer = TfidfVectorizer(
        analyzer=SETTINGS["analyzer"],
        ngram_range=tuple(SETTINGS["ngram_range"]),
        min_df=SETTINGS["min_df"],
        max_features=SETTINGS["max_features"],
        lowercase=False,
        sublinear_tf=False,
        dtype=np.float32,
    ).fit([prepare(t) for t, _ in corpus])  # the corpus alone: no decided n-gram in the model
    from scipy.sparse import vstack

    x_corpus = vectorizer.transform([prepare(t) for t, _ in corpus])
    y_corpus = np.array([[int(c in labs) for c in categories] for _, labs in corpus])
    x_dec = vectorizer.transform([prepare(t) for t in texts])
    y_dec = np.array([[labels[t].get(c, 0) for c in categories] for t in texts])
    order = np.random.default_rng(SEED).permutation(len(texts))
    k = min(folds, len(texts))
    oof = np.zeros((len(texts), len(categories)), dtype=np.float32)
    for fold in range(k):
        held = order[fold::k]
        train = np.setdiff1d(order, held)
        clf = _classifier(LogisticRegression, OneVsRestClassifier, SETTINGS)
        clf.fit(vstack([x_corpus, x_dec[train]]), np.vstack([y_corpus, y_dec[train]]))
        oof[held] = clf.predict_proba(x_dec[held])
    now = current.predict(texts)
    f1_new = _f1(_pairs(texts, labels, oof, categories))
    f1_cur = _f1(_pairs(texts, labels, now, categories))
    per_category = {}
    for cat in sorted({c for labs in labels.values() for c in labs if c in categories}):
        per_category[cat] = {
            "f1_current": _f1(_pairs(texts, labels, now, categories, cat)),
            "f1_new": _f1(_pairs(texts, labels, oof, categories, cat)),
        }
    better = f1_new is not None and (f1_cur is None or f1_new > f1_cur)
    verdict = "better: install it" if better else "not better: keep the current model"
    return ModelProposal(
        **base,
        f1_current=f1_cur,
        f1_new=f1_new,
        better=better,
        summary=f"F1 on the decisions {f1_cur} now, {f1_new} retrained ({k}-fold): {verdict}",
        per_category=per_category,
        _fit={
            "vectorizer": vectorizer,
            "x": vstack([x_corpus, x_dec]),
            "y": np.vstack([y_corpus, y_dec]),
            "categories": categories,
            "corpus_rows": len(corpus),
            "per_category_counts": {
                c: {
                    "positive": int(y_dec[:, i].sum()),
                    "negative": int(sum(labels[t].get(c) == 0 for t in texts)),
                }
                for i, c in enumerate(categories)
            },
            "probe": [prepare(t) for t in texts[:20]],
        },
    )


def build_and_install(proposal: ModelProposal, cases: int) -> dict:
    """Fit on everything, export to ONNX, check parity, install as the next version."""
    if not proposal.better or proposal._fit is None:
        raise LearnError("The retrained model is not better than the current one: not installed.")
    from sklearn.pipeline import Pipeline

    from ..text.training import SETTINGS, check_parity, export_onnx

    _, LogisticRegression, OneVsRestClassifier = _sklearn()
    fit = proposal._fit
    clf = _classifier(LogisticRegression, OneVsRestClassifier, SETTINGS).fit(fit["x"], fit["y"])
    pipeline = Pipeline([("tfidf", fit["vectorizer"]), ("clf", clf)])
    onnx_bytes = export_onnx(pipeline, len(fit["categories"]))
    diff = check_parity(onnx_bytes, pipeline, fit["probe"])
    if diff > 1e-4:
        raise LearnError(
            f"The exported model disagrees with its training by {diff:.1e}: not installed."
        )
    sha = hashlib.sha256(onnx_bytes).hexdigest()
    version = versions.next_version()
    corpus = text_model_dir() / CORPUS_FILE
    extra = text_model_dir() / EXTRA_FILE
    card = {
        "model_id": f"text-learned-{version}-{sha[:8]}",
        "version": version,
        "file": "text_classifier.onnx",
        "sha256": sha,
        "size": len(onnx_bytes),
        "categories": fit["categories"],
        "input": "reviewer.text.classifier.prepare(text) as a [N, 1] string tensor named 'text'",
        "output": "'probabilities' [N, categories], independent per category (one-vs-rest)",
        "trained_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "based_on": {"model_id": proposal.current_model_id, "sha256": proposal.current_sha256},
        "training_data": {
            "corpus": "models/text/corpus.jsonl",
            "corpus_sha256": hashlib.sha256(corpus.read_bytes()).hexdigest(),
            "extra_sha256": hashlib.sha256(extra.read_bytes()).hexdigest()
            if extra.exists()
            else None,
            "corpus_rows": fit["corpus_rows"],
            "decided_texts": proposal.decided_texts,
            "cases": cases,
            "per_category": fit["per_category_counts"],
            "privacy": "n-gram vocabulary and IDF fitted on the corpus only; no decided text "
            "is stored in the model or this card",
        },
        "scores": {
            "metric": "F1 over (decided text, category) pairs at p >= 0.5",
            "current": proposal.f1_current,
            "new_cross_validated": proposal.f1_new,
            "per_category": proposal.per_category,
        },
        "settings": SETTINGS,
        "onnx_parity_max_abs_diff": diff,
        "python": sys.version.split()[0],
    }
    path = versions.install(version, onnx_bytes, card)
    TextClassifier(path)  # loads and hash-checks what was just written
    return card


def rollback() -> dict:
    left, now = versions.rollback()
    card = versions.card_of(now)
    return {
        "left": left,
        "active": now or "shipped",
        "model_id": card["model_id"],
        "sha256": card["sha256"],
    }

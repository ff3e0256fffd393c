"""Refit the meaning head from officers' decisions (numpy only: works in the Windows bundle).

The shipped corpus's sentence vectors travel with the head (models/text/meaning_train.npy, int8);
a refit adds the decided texts' vectors (confirmed / added = positive, rejected = negative for that
category), weighted DECIDED_WEIGHT each, and they join the corpus as neighbours that vote
(head.py): the refitted head's folder holds their vectors, never their text. A head with a hidden
layer (format 2) is refitted as one, warm-started from the current head (MLP_STEPS passes: it
moves to the decisions without relearning the corpus from scratch). "Better" as for the n-gram
model: the new head by k-fold cross-validation over the decided texts, the current head on all of
them, F1 over (text, category) pairs at the category's cut. Installed only when better;
`reviewer learn --rollback-meaning` goes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import numpy as np

from ..paths import text_model_dir
from ..text.meaning.engine import shared_engine
from ..text.meaning.fit import fit_logistic, fit_mlp
from ..text.meaning.head import HEAD_FILE, MeaningHead, Neighbours
from . import meaning_versions
from .decisions import Decision
from .errors import LearnError
from .retrain import decided_texts

MIN_TEXTS = 4
FOLDS = 3
SEED = 13
DECIDED_WEIGHT = 5.0
STEPS = 300
MLP_STEPS = 150  # warm-started: a few passes move it to the decisions without unlearning


@dataclass
class MeaningProposal:
    id: str
    current_model_id: str
    decided_texts: int
    f1_current: float | None
    f1_new: float | None
    better: bool
    summary: str
    _fit: dict | None = field(default=None, repr=False)

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


def shipped_training(categories: int) -> tuple[np.ndarray, np.ndarray]:
    """The shipped corpus vectors (float32) and their label matrix (rows x categories): the
    shipped head's neighbours, hash-checked as it loads."""
    near = MeaningHead.load(text_model_dir() / HEAD_FILE).neighbours
    if near is None:
        raise LearnError("The shipped meaning head carries no training vectors: cannot refit.")
    return near.vectors, near.labels(categories).astype(np.float64)


def _neighbours(x, y, like: Neighbours | None, decided: int) -> Neighbours | None:
    """The corpus and the decided texts as voting neighbours, at the shipped head's scale: a
    decision must be able to outvote the corpus around its sentence, not only move a plane."""
    if like is None:
        return None
    codes = np.clip(np.round(np.asarray(x) / like.scale), -127, 127).astype(np.int8)
    bits = [sum(1 << j for j, on in enumerate(row) if on > 0.5) for row in np.asarray(y)]
    heavy = len(codes) - decided  # the decided rows come last (see propose_meaning)
    return replace(
        like, codes=codes, label_bits=bits, heavy_from=heavy, heavy_weight=DECIDED_WEIGHT
    )


def _fit_all(x, y, w, categories, cuts_from: MeaningHead, decided: int) -> MeaningHead:
    """A head fitted on the corpus and the decided rows (the last `decided` rows of x)."""
    if cuts_from.hidden is not None:
        init = (*cuts_from.hidden, cuts_from.weights, cuts_from.bias)
        w1, b1, w2, b2 = fit_mlp(
            x, y, steps=MLP_STEPS, seed=SEED, init=init, sample_weight=np.asarray(w, np.float32)
        )
        return MeaningHead(
            list(categories),
            w2,
            b2,
            dict(cuts_from.cuts),
            cuts_from.example_texts,
            cuts_from.example_labels,
            cuts_from.example_vectors,
            hidden=(w1, b1),
            neighbours=_neighbours(x, y, cuts_from.neighbours, decided),
        )
    weights, biases = [], []
    for j in range(len(categories)):
        wj, bj = _weighted_fit(x, y[:, j], w)
        weights.append(wj)
        biases.append(bj)
    return MeaningHead(
        list(categories),
        np.stack(weights),
        np.asarray(biases, np.float32),
        dict(cuts_from.cuts),
        cuts_from.example_texts,
        cuts_from.example_labels,
        cuts_from.example_vectors,
        neighbours=_neighbours(x, y, cuts_from.neighbours, decided),
    )


def _weighted_fit(x, y, w) -> tuple[np.ndarray, float]:
    # Decided rows count DECIDED_WEIGHT times: repeat them (simple, exact for the balanced loss).
    reps = np.maximum(1, np.round(w)).astype(int)
    return fit_logistic(np.repeat(x, reps, axis=0), np.repeat(y, reps), steps=STEPS, seed=SEED)


def _f1(head: MeaningHead, x, labels: list[dict[str, int]]) -> float | None:
    probs = head.probabilities(x)
    tp = fp = fn = 0
    for i, labs in enumerate(labels):
        for cat, y in labs.items():
            if cat not in head.categories:
                continue
            j = head.categories.index(cat)
            fired = probs[i, j] >= head.cuts.get(cat, 0.5)
            tp += y == 1 and fired
            fp += y == 0 and fired
            fn += y == 1 and not fired
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else None


def propose_meaning(decisions: list[Decision], folds: int = FOLDS) -> MeaningProposal:
    current = MeaningHead.load(meaning_versions.current_head_path())
    by_text = decided_texts(decisions)
    texts = sorted(by_text)
    base = dict(id="meaning-head", current_model_id=current.model_id, decided_texts=len(texts))
    if len(texts) < MIN_TEXTS:
        return MeaningProposal(
            **base, f1_current=None, f1_new=None, better=False,
            summary=f"only {len(texts)} decided texts (need {MIN_TEXTS}): no refit",
        )  # fmt: skip
    cats = current.categories
    x_corpus, y_corpus = shipped_training(len(current.categories))
    x_dec = shared_engine().embed(texts)
    labels = [by_text[t] for t in texts]
    # A decided text says nothing about the categories nobody decided on it: 0 for those,
    # like the corpus's unlabelled rows.
    y_dec = np.array([[labs.get(c, 0) for c in cats] for labs in labels], np.float64)
    order = np.random.default_rng(SEED).permutation(len(texts))
    k = min(folds, len(texts))
    f1_parts: list[tuple[np.ndarray, list[int]]] = []
    oof_heads = []
    for fold in range(k):
        held = order[fold::k]
        train = np.setdiff1d(order, held)
        x = np.vstack([x_corpus, x_dec[train]])
        y = np.vstack([y_corpus, y_dec[train]])
        w = np.concatenate([np.ones(len(x_corpus)), np.full(len(train), DECIDED_WEIGHT)])
        oof_heads.append(_fit_all(x, y, w, cats, current, len(train)))
        f1_parts.append((held, list(held)))
    # Out-of-fold F1: each decided text scored by the head that did not see it.
    tp = fp = fn = 0
    for head, (held, _) in zip(oof_heads, f1_parts, strict=True):
        probs = head.probabilities(x_dec[held])
        for row, i in enumerate(held):
            for cat, y in labels[i].items():
                if cat in cats:
                    fired = bool(probs[row, cats.index(cat)] >= head.cuts.get(cat, 0.5))
                    tp += y == 1 and fired
                    fp += y == 0 and fired
                    fn += y == 1 and not fired
    f1_new = round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else None
    f1_cur = _f1(current, x_dec, labels)
    # plain Python values: the proposal goes out as JSON (numpy's bool is not serialisable)
    f1_cur = None if f1_cur is None else float(f1_cur)
    better = bool(f1_new is not None and (f1_cur is None or f1_new > f1_cur))
    verdict = "better: install it" if better else "not better: keep the current head"
    return MeaningProposal(
        **base,
        f1_current=f1_cur,
        f1_new=f1_new,
        better=better,
        summary=f"meaning head F1 on the decisions {f1_cur} now, {f1_new} refitted "
        f"({k}-fold): {verdict}",
        _fit={
            "x": np.vstack([x_corpus, x_dec]),
            "y": np.vstack([y_corpus, y_dec]),
            "n_dec": len(texts),
            "current": current,
        },  # fmt: skip
    )


def build_and_install_meaning(proposal: MeaningProposal, cases: int) -> dict:
    """Fit on everything and install as the next version (only when better)."""
    if not proposal.better or proposal._fit is None:
        raise LearnError("The refitted meaning head is not better than the current one.")
    fit = proposal._fit
    current: MeaningHead = fit["current"]
    n_corpus = len(fit["x"]) - fit["n_dec"]
    w = np.concatenate([np.ones(n_corpus), np.full(fit["n_dec"], DECIDED_WEIGHT)])
    head = _fit_all(fit["x"], fit["y"], w, current.categories, current, fit["n_dec"])
    version = meaning_versions.next_version()
    meta = {
        "model_id": f"meaning-learned-{version}",
        "engine": current.meta.get("engine", ""),
        "trained_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "based_on": current.model_id,
        "decided_texts": proposal.decided_texts,
        "cases": cases,
        "scores": {"current": proposal.f1_current, "new_cross_validated": proposal.f1_new},
        "privacy": "weights and sentence vectors (int8) only; no decided text is stored",
    }
    path = meaning_versions.install(head, meta)
    MeaningHead.load(path)  # loads and hash-checks what was just written
    return {"model_id": meta["model_id"], "path": str(path), **meta["scores"]}


def rollback_meaning() -> dict:
    left, now = meaning_versions.rollback()
    head = MeaningHead.load(meaning_versions.current_head_path())
    return {"left": left, "active": now or "shipped", "model_id": head.model_id}

"""The meaning head: per-category probabilities from sentence vectors, plus examples.

Format 1: one logistic regression per category on the vector (weights C x 384).
Format 2: one hidden layer of ReLU units shared by the categories (H x 384, stored base64 as
little-endian float32 in the card), then one logistic output per category (weights C x H): it
reads a sentence whose tones were lost better than a linear head (see fit.py, train_meaning.py).
Neighbours (optional, in either format): the labelled corpus vectors vote too. The k nearest by
cosine, weighted by a softmax over their cosines, give a probability per category, mixed with the
regression's: a sentence that sits among the corpus's hard negatives ("customs seized a lot of
pangolin scales") is pulled back even where one plane cannot part it from the offers around it
(on the dev split, at 1-5 % benign false positives: illegal trade and personal data 0.1-0.3
more, gambling and fraud 0.02-0.16, insult and profanity within 0.04).
Stored as plain data, all hashed in the card and in models/manifest.json:
  meaning_head.json      categories, weights, biases, per-category cuts chosen on the dev split,
                         the labelled examples' texts, SHA-256 of the vectors files
  meaning_examples.npy   float16 (N x 384): vectors of those examples, for "meaning close to «…»"
  meaning_train.npy      int8 (N x 384, one scale): the corpus vectors the neighbours vote with,
                         labels as bit masks in the card; `reviewer learn` refits on them too
Run time needs numpy only (the Windows bundle and `reviewer learn` included).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from reviewer.paths import text_model_dir
from reviewer.text.errors import TextModelError, TextModelHashMismatch

HEAD_FILE = "meaning_head.json"
EXAMPLES_FILE = "meaning_examples.npy"
TRAIN_FILE = "meaning_train.npy"
DIM = 384
FORMATS = (1, 2)
DEFAULT_CUT = 0.5
# Below its cut a probability fades fast (0.5 (p/cut)^GAMMA): a benign sentence often scores
# p = 0.6-0.8, and a linear fade let that tip weak lexicon evidence over (chosen on dev).
GAMMA = 4.0


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Neighbours:
    """Labelled corpus vectors that vote: the k nearest, softmax-weighted by cosine."""

    codes: np.ndarray  # (N, 384) int8
    scale: float
    label_bits: list[int]  # per row, bit j = category j
    k: int = 30
    temperature: float = 0.02
    weight: float = 0.5  # the vote's share of the probability
    # Rows from this index on (officers' decided texts, appended by `reviewer learn`) count
    # heavy_weight times: as in the refit's regression, a decision outweighs a corpus sentence.
    heavy_from: int | None = None
    heavy_weight: float = 1.0

    def __post_init__(self) -> None:
        self.vectors = self.codes.astype(np.float32) * np.float32(self.scale)
        self.row_weight = np.ones(len(self.codes), np.float32)
        if self.heavy_from is not None:
            self.row_weight[self.heavy_from :] = self.heavy_weight

    def labels(self, categories: int) -> np.ndarray:
        bits = np.asarray(self.label_bits, dtype=np.int64)
        return np.stack([(bits >> j) & 1 for j in range(categories)], axis=1).astype(np.float32)

    def vote(self, vectors: np.ndarray, categories: int) -> np.ndarray:
        labels = self.labels(categories)
        k = min(self.k, len(self.vectors))
        out = np.zeros((len(vectors), categories), np.float32)
        for lo in range(0, len(vectors), 256):  # bounded memory for long batches
            sims = vectors[lo : lo + 256] @ self.vectors.T
            idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            near = np.take_along_axis(sims, idx, axis=1)
            w = np.exp((near - near.max(axis=1, keepdims=True)) / self.temperature)
            w *= self.row_weight[idx]
            w /= w.sum(axis=1, keepdims=True)
            out[lo : lo + 256] = np.einsum("nk,nkc->nc", w, labels[idx])
        return out


@dataclass
class MeaningHead:
    categories: list[str]
    weights: np.ndarray  # (C, 384) float32
    bias: np.ndarray  # (C,) float32
    cuts: dict[str, float] = field(default_factory=dict)  # probability that counts as "alone 0.5"
    example_texts: list[str] = field(default_factory=list)
    example_labels: list[str] = field(default_factory=list)
    example_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 384), np.float16))
    meta: dict = field(default_factory=dict)
    sha256: str = ""
    # format 2: (H, 384) weights and (H,) biases of the hidden layer; None: a linear head
    hidden: tuple[np.ndarray, np.ndarray] | None = None
    neighbours: Neighbours | None = None

    @property
    def inputs(self) -> int:
        """What the output weights read: 384 (the vector) or H (the hidden units)."""
        return DIM if self.hidden is None else int(self.hidden[0].shape[0])

    def features(self, vectors: np.ndarray) -> np.ndarray:
        """What the per-category outputs read: the vectors, or the hidden layer's ReLU units."""
        vectors = np.asarray(vectors, dtype=np.float32)
        if self.hidden is None:
            return vectors
        return np.maximum(vectors @ self.hidden[0].T + self.hidden[1], 0.0)

    @property
    def model_id(self) -> str:
        return str(self.meta.get("model_id", f"meaning-head-{self.sha256[:12]}"))

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, C) probabilities; zero vectors (empty texts) get 0."""
        vectors = np.asarray(vectors, dtype=np.float32)
        logits = self.features(vectors) @ self.weights.T + self.bias
        probs = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        near = self.neighbours
        if near is not None and near.weight > 0 and len(vectors):
            probs = (1 - near.weight) * probs + near.weight * near.vote(
                vectors, len(self.categories)
            )
        empty = ~np.any(vectors, axis=1)
        probs[empty] = 0.0
        return probs

    def calibrated(self, probs: np.ndarray) -> np.ndarray:
        """Probabilities mapped so each category's dev-chosen cut lands on 0.5 (monotone)."""
        out = np.empty_like(probs)
        for j, cat in enumerate(self.categories):
            cut = min(max(self.cuts.get(cat, DEFAULT_CUT), 1e-3), 0.999)
            p = probs[:, j]
            low = 0.5 * np.power(np.clip(p / cut, 0.0, 1.0), self.meta.get("gamma", GAMMA))
            out[:, j] = np.where(p < cut, low, 0.5 + 0.5 * (p - cut) / (1.0 - cut))
        return out

    def nearest(self, vector: np.ndarray, category: str) -> tuple[str, float] | None:
        """The labelled example of `category` closest in meaning, and its cosine."""
        idx = [i for i, c in enumerate(self.example_labels) if c == category]
        if not idx or not np.any(vector):
            return None
        sims = self.example_vectors[idx].astype(np.float32) @ np.asarray(vector, np.float32)
        best = int(np.argmax(sims))
        return self.example_texts[idx[best]], float(sims[best])

    # --- storage -------------------------------------------------------------------------------

    def save(self, folder: Path, meta: dict | None = None) -> Path:
        """Write the vectors file, then the card that hashes it; returns the card's path."""
        folder.mkdir(parents=True, exist_ok=True)
        vec_path = folder / EXAMPLES_FILE
        np.save(vec_path, self.example_vectors.astype(np.float16), allow_pickle=False)
        card = {
            **(meta or self.meta),
            "format": 1 if self.hidden is None else 2,
            "categories": list(self.categories),
            "weights": [[round(float(x), 6) for x in row] for row in self.weights],
            "bias": [round(float(x), 6) for x in self.bias],
            "cuts": {k: round(float(v), 4) for k, v in self.cuts.items()},
            "examples": {
                "file": EXAMPLES_FILE,
                "sha256": _sha256(vec_path.read_bytes()),
                "texts": self.example_texts,
                "labels": self.example_labels,
            },
        }
        if self.neighbours is not None:
            near = self.neighbours
            np.save(folder / TRAIN_FILE, near.codes.astype(np.int8), allow_pickle=False)
            card["train"] = {
                "file": TRAIN_FILE,
                "sha256": _sha256((folder / TRAIN_FILE).read_bytes()),
                "scale": near.scale,
                "labels": list(near.label_bits),
            }
            card["neighbours"] = {
                "k": near.k,
                "temperature": near.temperature,
                "weight": near.weight,
            }
            if near.heavy_from is not None:
                card["neighbours"] |= {
                    "heavy_from": near.heavy_from,
                    "heavy_weight": near.heavy_weight,
                }
        if self.hidden is not None:
            card["hidden"] = {
                "units": int(self.hidden[0].shape[0]),
                "weights_f32le_b64": _b64(self.hidden[0]),
                "bias": [round(float(x), 6) for x in self.hidden[1]],
            }
        path = folder / HEAD_FILE
        path.write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path | None = None) -> MeaningHead:
        path = path or text_model_dir() / HEAD_FILE
        try:
            data = path.read_bytes()
            card = json.loads(data.decode("utf-8"))
            categories = list(card["categories"])
            weights = np.asarray(card["weights"], dtype=np.float32)
            bias = np.asarray(card["bias"], dtype=np.float32)
            ex = card["examples"]
            hidden = _read_hidden(card)
            near = _read_neighbours(card, path.parent)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise TextModelError(
                f"Cannot read the meaning head {path}: {exc}. Reinstall, or re-run "
                "models/text/train_meaning.py."
            ) from exc
        if card.get("format", 1) not in FORMATS:
            raise TextModelError(
                f"The meaning head {path} is of format {card.get('format')}, which this version "
                f"cannot read (it reads {', '.join(map(str, FORMATS))}): update the program."
            )
        inputs = DIM if hidden is None else hidden[0].shape[0]
        if weights.shape != (len(categories), inputs) or bias.shape != (len(categories),):
            raise TextModelError(f"The meaning head {path} has weights of the wrong shape.")
        vec_path = path.parent / ex["file"]
        try:
            raw = vec_path.read_bytes()
        except OSError as exc:
            raise TextModelError(f"Cannot read the meaning examples {vec_path}: {exc}") from exc
        if _sha256(raw) != ex["sha256"]:
            raise TextModelHashMismatch(
                f"{vec_path.name} differs from the one its card {path.name} hashed: it was changed "
                "or replaced. Not loaded; reinstall or retrain."
            )
        vectors = np.load(vec_path, allow_pickle=False)
        meta = {
            k: v
            for k, v in card.items()
            if k
            not in {"weights", "bias", "examples", "categories", "cuts", "hidden", "format"}
            | {"train", "neighbours"}
        }
        return cls(
            categories,
            weights,
            bias,
            {k: float(v) for k, v in card.get("cuts", {}).items()},
            list(ex["texts"]),
            list(ex["labels"]),
            vectors,
            meta,
            _sha256(data),
            hidden,
            near,
        )


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f4").tobytes()).decode("ascii")


def _read_hidden(card: dict) -> tuple[np.ndarray, np.ndarray] | None:
    """The hidden layer of a format-2 card (None for format 1); ValueError when malformed."""
    block = card.get("hidden")
    if block is None:
        return None
    units = int(block["units"])
    raw = base64.b64decode(block["weights_f32le_b64"], validate=True)
    w = np.frombuffer(raw, dtype="<f4").astype(np.float32)
    b = np.asarray(block["bias"], dtype=np.float32)
    if w.size != units * DIM or b.shape != (units,):
        raise ValueError(f"hidden layer of {units} units has {w.size} weights, {b.size} biases")
    return w.reshape(units, DIM), b


def _read_neighbours(card: dict, folder: Path) -> Neighbours | None:
    """The voting corpus vectors of a card with a "neighbours" block (None without one)."""
    block = card.get("neighbours")
    if block is None:
        return None
    train = card["train"]
    path = folder / train["file"]
    raw = path.read_bytes()
    if _sha256(raw) != train["sha256"]:
        raise TextModelHashMismatch(
            f"{path.name} differs from the one its card hashed: it was changed or replaced. "
            "Not loaded; reinstall or retrain."
        )
    codes = np.load(path, allow_pickle=False)
    labels = [int(b) for b in train["labels"]]
    if codes.dtype != np.int8 or codes.shape != (len(labels), DIM):
        raise ValueError(
            f"{path.name} holds {codes.shape} {codes.dtype}, not {len(labels)} x {DIM} int8"
        )
    return Neighbours(
        codes,
        float(train["scale"]),
        labels,
        int(block["k"]),
        float(block["temperature"]),
        float(block["weight"]),
        None if block.get("heavy_from") is None else int(block["heavy_from"]),
        float(block.get("heavy_weight", 1.0)),
    )


def pick_examples(
    texts: Sequence[str], labels: Sequence[str], families: Sequence[str], per_category: int
) -> list[int]:
    """Round-robin over families so every family has an example an officer can recognise."""
    chosen: list[int] = []
    for cat in dict.fromkeys(labels):
        if not cat:
            continue
        by_family: dict[str, list[int]] = {}
        for i, (lab, fam) in enumerate(zip(labels, families, strict=True)):
            if lab == cat:
                by_family.setdefault(fam, []).append(i)
        queues = list(by_family.values())
        picked: list[int] = []
        while len(picked) < per_category and any(queues):
            for q in queues:
                if q and len(picked) < per_category:
                    picked.append(q.pop(0))
        chosen += picked
    return chosen

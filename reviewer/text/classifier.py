"""The project's small ONNX text model: char n-gram TF-IDF + one-vs-rest logistic regression.

Trained by models/text/train.py from models/text/corpus.jsonl. Its JSON card records the category
order and the SHA-256 of the ONNX file; the file is hashed before it is loaded, and a mismatch
refuses to load (TextModelHashMismatch) rather than score with an unknown model.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort

from reviewer.paths import text_model_dir
from reviewer.text.errors import TextModelError, TextModelHashMismatch
from reviewer.text.normalize import tokenize

MODEL_FILE = "text_classifier.onnx"
CARD_FILE = "text_classifier.json"
# Rows per model run. The TF-IDF step is dense (rows x ~11k n-grams, float32, several copies),
# so one run over a whole 4-hour media (12k texts) took 1.3 GB, which onnxruntime's arena then
# kept; 256 rows take about 50 MB.
PREDICT_BATCH = 256


def prepare(text: str, language: str | None = None) -> str:
    """The model's input string: folded, teencode-expanded words joined by '_'.

    Amounts become 'zmoney' and digit runs 'znum' so the model learns "nạp <money> tặng <money>"
    rather than particular numbers. '_' replaces spaces because onnxruntime's tokenizer and
    scikit-learn disagree on counting spaces (checked at export by train.py).
    """
    words: list[str] = []
    for t in tokenize(text, language):
        if t.kind == "money":
            words.append("zmoney")
        elif t.kind == "number":
            words.append("znum")
        else:
            words.append(t.folded)
    return "_" + "_".join(words) + "_"


def batches(items: Sequence[str], size: int) -> list[Sequence[str]]:
    """`items` in near-equal consecutive parts of at most `size`.

    Near-equal, never a short tail: onnxruntime scores a lone row by another kernel (last digits
    differ, ~1e-7), and the results must stay those of one run over all rows.
    """
    count = -(-len(items) // size)  # ceil
    if not count:
        return []
    bounds = [len(items) * i // count for i in range(count + 1)]
    return [items[bounds[i] : bounds[i + 1]] for i in range(count)]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class TextClassifier:
    """Per-category probabilities from the exported ONNX model (CPU, one thread)."""

    def __init__(self, onnx_path: Path | None = None, card_path: Path | None = None) -> None:
        self.onnx_path = onnx_path or text_model_dir() / MODEL_FILE
        self.card_path = card_path or self.onnx_path.with_suffix(".json")
        try:
            card = json.loads(self.card_path.read_text(encoding="utf-8"))
            self.categories: tuple[str, ...] = tuple(card["categories"])
            expected = str(card["sha256"]).lower()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise TextModelError(
                f"Cannot read the text model card {self.card_path}: {exc}. "
                "Re-run models/text/train.py or reinstall."
            ) from exc
        try:
            data = self.onnx_path.read_bytes()
        except OSError as exc:
            raise TextModelError(f"Cannot read the text model {self.onnx_path}: {exc}") from exc
        actual = sha256_bytes(data)
        if actual != expected:
            raise TextModelHashMismatch(
                f"{self.onnx_path.name} has SHA-256 {actual}, its card says {expected}: "
                "the file was changed or replaced. It was not loaded; reinstall or retrain."
            )
        self.sha256 = actual
        self.model_id = str(card.get("model_id", f"text_classifier-{actual[:12]}"))
        self.card = card
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # tiny model: threads cost more than they save
        options.inter_op_num_threads = 1
        try:
            # Load from the bytes just hashed, so the checked file is the one that runs.
            self._session = ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own unexported error types
            raise TextModelError(f"onnxruntime cannot load {self.onnx_path}: {exc}") from exc
        self._input = self._session.get_inputs()[0].name
        names = [o.name for o in self._session.get_outputs()]
        self._output = "probabilities" if "probabilities" in names else names[-1]

    def predict_prepared(self, prepared: Sequence[str]) -> np.ndarray:
        """Probabilities, shape (len(prepared), len(categories)), for prepare()d strings.

        Run in bounded batches so memory does not grow with the number of texts.
        """
        if not prepared:
            return np.zeros((0, len(self.categories)), dtype=np.float32)
        return np.concatenate([self._run(part) for part in batches(prepared, PREDICT_BATCH)])

    def _run(self, prepared: Sequence[str]) -> np.ndarray:
        batch = np.array(list(prepared), dtype=object).reshape(-1, 1)
        (probs,) = self._session.run([self._output], {self._input: batch})
        return np.asarray(probs, dtype=np.float32)

    def predict(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        return self.predict_prepared([prepare(t, language) for t in texts])

    def scores(self, text: str, language: str | None = None) -> dict[str, float]:
        """{category: probability} for one text."""
        row = self.predict([text], language)[0]
        return {c: float(p) for c, p in zip(self.categories, row, strict=True)}

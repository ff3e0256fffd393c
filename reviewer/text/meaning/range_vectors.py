"""Sentence vectors computed where a range is analysed, carried in its payload.

A cluster worker embeds the sentences it heard (each alone and with the sentence before) and the
on-screen text it read, so the workstation's text detection and search by meaning find them in
the engine's cache instead of running the model over hours of text. Vectors are exact float32 from
an engine of the same identity (backend and version): the workstation's scores are the ones it
would have computed itself, and a vector block from another engine is ignored, not mixed in.
On a workstation the child leaves this off: there the parent's embedding runs beside the child's
analysis on the same cores, and one copy of the model in memory is enough.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import numpy as np

from reviewer.speech.sentences import previous_sentences, sentences
from reviewer.text.meaning.engine import DIM, MeaningEngine, embed_form

FORMAT = "reviewer-sentence-vectors/1"
# A range of a few minutes holds a few hundred texts; a block far over this is not a worker's.
MAX_VECTORS = 50000


class VectorBlockError(ValueError):
    """A payload's sentence vectors are malformed."""


def range_forms(
    segments: Sequence[dict], vision: Sequence[dict], language: str | None
) -> list[str]:
    """What text detection will embed for this range: each speech sentence, each sentence with
    the one before (detections.previous_sentences), each on-screen text item; once each."""
    rows = [piece for seg in segments if not seg.get("unintelligible") for piece in sentences(seg)]
    texts = [r["text"] for r in rows]
    pairs = [
        f"{before} {text}"
        for before, text in zip(previous_sentences(rows), texts, strict=True)
        if before
    ]
    items = [item["text"] for stretch in vision for item in stretch.get("items", [])]
    forms = (embed_form(t, language) for t in [*texts, *pairs, *items])
    return [f for f in dict.fromkeys(forms) if f]


def compute(
    engine: MeaningEngine,
    segments: Sequence[dict],
    vision: Sequence[dict],
    language: str | None,
) -> dict[str, Any]:
    """The payload's block: the forms and their vectors (float32, base64)."""
    forms = range_forms(segments, vision, language)
    vectors = engine.embed_forms(forms).astype("<f4")
    return {
        "format": FORMAT,
        "engine": engine.identity,
        "forms": forms,
        "vectors": base64.b64encode(vectors.tobytes()).decode("ascii"),
    }


def decode(block: Any) -> tuple[list[str], np.ndarray]:
    """The forms and vectors of a block; VectorBlockError when it is not one."""
    if not isinstance(block, dict) or block.get("format") != FORMAT:
        raise VectorBlockError("the sentence vectors are not in the expected format")
    forms = block.get("forms")
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise VectorBlockError("the sentence vectors name no texts")
    if len(forms) > MAX_VECTORS:
        raise VectorBlockError(
            f"{len(forms)} sentence vectors in one range (at most {MAX_VECTORS})"
        )
    try:
        raw = base64.b64decode(block.get("vectors", ""), validate=True)
    except (ValueError, TypeError) as exc:
        raise VectorBlockError("the sentence vectors are not base64") from exc
    if len(raw) != len(forms) * DIM * 4:
        raise VectorBlockError("the sentence vectors do not match their texts")
    vectors = np.frombuffer(raw, dtype="<f4").reshape(len(forms), DIM)
    if not np.isfinite(vectors).all():
        raise VectorBlockError("the sentence vectors hold non-numbers")
    return forms, vectors


def seed(engine: MeaningEngine, block: Any) -> int:
    """Put a payload's vectors in the engine's cache; 0 when another engine made them."""
    if not isinstance(block, dict) or block.get("engine") != engine.identity:
        return 0
    forms, vectors = decode(block)
    return engine.seed(forms, vectors)

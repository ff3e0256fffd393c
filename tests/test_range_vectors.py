"""Sentence vectors made where a range is analysed (reviewer/text/meaning/range_vectors.py): the
real engine embeds a range's sentences, pairs and on-screen lines; a workstation seeded with them
scores without running the model and gets exactly its own numbers; bad blocks are refused."""

from __future__ import annotations

import base64

import numpy as np
import pytest

from reviewer.analysis.core import CoreOptions, TimeRange
from reviewer.analysis.payload_check import PayloadRejected, validate_payload
from reviewer.text.meaning import range_vectors
from reviewer.text.meaning.engine import MeaningEngine, embed_form
from reviewer.text.meaning.fusion import MeaningScorer

pytestmark = pytest.mark.model


def _words(text: str, start: float) -> list[dict]:
    out, t = [], start
    for word in text.split():
        out.append({"word": f" {word}", "start": t, "end": t + 0.3})
        t += 0.35
    return out


SEGMENTS = [
    {
        "engine": "faster-whisper-base",
        "start_s": 0.0,
        "end_s": 6.0,
        "text": "chào cả nhà. anh em nạp tiền vào ví nhóm em nhé.",
        "words": _words("chào cả nhà. anh em nạp tiền vào ví nhóm em nhé.", 0.0),
    },
    {
        "engine": "faster-whisper-base",
        "start_s": 7.0,
        "end_s": 8.0,
        "text": "[không nghe rõ]",
        "unintelligible": True,
    },
]
VISION = [
    {
        "until": 10.0,
        "items": [
            {"text": "Shop nhà Lan – Bán hàng buổi tối"},
            {"text": "Shop nhà Lan – Bán hàng buổi tối"},
        ],
    }
]


def test_range_forms_are_sentences_pairs_and_lines_once() -> None:
    forms = range_vectors.range_forms(SEGMENTS, VISION, "vi")
    first, second = (
        embed_form("chào cả nhà.", "vi"),
        embed_form("anh em nạp tiền vào ví nhóm em nhé.", "vi"),
    )
    assert forms[:2] == [first, second]
    assert embed_form("chào cả nhà. anh em nạp tiền vào ví nhóm em nhé.", "vi") in forms  # the pair
    assert forms.count(embed_form("Shop nhà Lan – Bán hàng buổi tối", "vi")) == 1
    assert not any("nghe" in f for f in forms)  # an unintelligible marker is not embedded
    assert len(forms) == 4


def test_a_seeded_engine_scores_exactly_as_it_would_itself() -> None:
    worker = MeaningEngine()
    block = range_vectors.compute(worker, SEGMENTS, VISION, "vi")
    assert block["engine"] == worker.identity and len(block["forms"]) == 4
    workstation = MeaningEngine()
    assert range_vectors.seed(workstation, block) == 4
    texts = ["anh em nạp tiền vào ví nhóm em nhé.", "Shop nhà Lan – Bán hàng buổi tối"]
    seeded = MeaningScorer(engine=workstation).evidence(texts, "vi", ["chào cả nhà.", None])
    assert workstation.embedded == 0  # every vector, the pair's too, came from the worker
    own = MeaningScorer(engine=MeaningEngine()).evidence(texts, "vi", ["chào cả nhà.", None])
    for a, b in zip(seeded, own, strict=True):
        assert {c: e.score for c, e in a.items()} == {c: e.score for c, e in b.items()}


def test_foreign_or_broken_blocks_are_ignored_or_refused() -> None:
    engine = MeaningEngine()
    block = range_vectors.compute(engine, SEGMENTS[:1], [], "vi")
    assert range_vectors.seed(engine, {**block, "engine": "another-model/onnx"}) == 0
    short = {**block, "vectors": base64.b64encode(b"\0" * 12).decode()}
    nan = np.full((len(block["forms"]), 384), np.nan, dtype="<f4")
    for bad, reason in [
        (short, "do not match"),
        ({**block, "vectors": "***"}, "base64"),
        ({**block, "vectors": base64.b64encode(nan.tobytes()).decode()}, "non-numbers"),
        ({**block, "forms": [1, 2]}, "name no texts"),
        ({**block, "format": "x"}, "format"),
    ]:
        with pytest.raises(range_vectors.VectorBlockError, match=reason):
            range_vectors.decode(bad)
    with pytest.raises(range_vectors.VectorBlockError, match="do not match"):
        range_vectors.seed(engine, short)  # the same engine's block, broken: refused


def test_payload_check_refuses_a_broken_vector_block() -> None:
    rng = TimeRange(0, (0.0, 6.0), None, duration_s=6.0)
    payload = {
        "format": "reviewer-range-payload/2",
        "sha256": "a" * 64,
        "range": rng.as_json(),
        "segments": [],
        "speech_done_s": 6.0,
        "vision": [],
        "models": {"speech": [], "ocr": [], "image": None},
        "warnings": [],
        "worker": {"host": "w1"},
    }
    validate_payload(payload, "a" * 64, rng, 6.0)
    payload["sentence_vectors"] = {"format": range_vectors.FORMAT, "forms": ["x"], "vectors": ""}
    with pytest.raises(PayloadRejected, match="do not match"):
        validate_payload(payload, "a" * 64, rng, 6.0)
    assert CoreOptions().sentence_vectors is False  # the workstation's child embeds nothing

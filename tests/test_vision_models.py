"""Model files: pinned hashes are enforced for packaged files, user files are fingerprinted."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from reviewer.errors import ModelHashMismatch
from reviewer.vision.errors import VisionModelError, VisionModelHashMismatch
from reviewer.vision.models import LINE_RECOGNISER, NSFW_CLASSIFIER, TEXT_DETECTOR, resolve


@pytest.mark.parametrize("spec", [TEXT_DETECTOR, LINE_RECOGNISER, NSFW_CLASSIFIER])
def test_packaged_models_match_their_pins(spec) -> None:
    model = resolve(spec)
    assert model.sha256 == spec.sha256
    assert model.source == spec.distribution
    assert Path(model.path).is_file()


def test_pin_mismatch_is_refused() -> None:
    tampered = dataclasses.replace(TEXT_DETECTOR, sha256="0" * 64)
    with pytest.raises(VisionModelHashMismatch) as caught:
        resolve(tampered)
    assert isinstance(caught.value, ModelHashMismatch)  # engine-wide class catches it too


def test_user_model_is_recorded_by_hash(tmp_path: Path) -> None:
    custom = tmp_path / "det.onnx"
    custom.write_bytes(Path(resolve(TEXT_DETECTOR).path).read_bytes())
    model = resolve(TEXT_DETECTOR, custom)
    assert model.sha256 == hashlib.sha256(custom.read_bytes()).hexdigest()
    assert model.source.startswith("user file")
    with pytest.raises(VisionModelError):
        resolve(TEXT_DETECTOR, tmp_path / "missing.onnx")

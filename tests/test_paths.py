"""REVIEWER_RESOURCES moves every lookup of a shipped file (reviewer/paths.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer import paths
from reviewer.text.classifier import TextClassifier
from reviewer.text.errors import LexiconError, TextModelError
from reviewer.text.lexicon import Lexicon, category_ids

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REVIEWER_RESOURCES", str(tmp_path))
    return tmp_path


def test_every_path_function_follows_the_variable(moved: Path) -> None:
    assert paths.project_root() == moved
    assert paths.resource_path("fonts") == moved / "resources" / "fonts"
    assert paths.lexicon_dir() == moved / "resources" / "lexicons"
    assert paths.text_model_dir() == moved / "models" / "text"
    assert paths.manifest_path() == moved / "models" / "manifest.json"
    assert paths.demo_recording() == moved / "resources" / "demo" / "demo.mp4"


def test_text_data_is_read_from_the_moved_folder(moved: Path) -> None:
    """The lexicons and text models (reviewer/text/paths.py ignored the variable before)."""
    folder = moved / "resources" / "lexicons"
    shutil.copytree(ROOT / "resources" / "lexicons", folder)
    labels = json.loads((folder / "categories.json").read_text(encoding="utf-8"))
    labels["moved_here"] = {"vi": "chuyển", "en": "moved"}
    (folder / "categories.json").write_text(json.dumps(labels), encoding="utf-8")
    (folder / "moved_here.txt").write_text("cụm từ thử\n", encoding="utf-8")
    assert "moved_here" in category_ids()
    assert Lexicon.load().directory == folder
    assert "moved_here" in Lexicon.load().categories


def test_missing_moved_files_are_reported_not_taken_from_the_checkout(moved: Path) -> None:
    with pytest.raises(LexiconError, match=str(moved)):
        Lexicon.load()
    with pytest.raises(TextModelError, match=str(moved)):
        TextClassifier()

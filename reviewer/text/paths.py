"""Where the shipped text data lives, in a source checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    # A frozen bundle unpacks data next to sys._MEIPASS; a checkout has it two levels up.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def lexicon_dir() -> Path:
    """Folder of `<category>.txt` lexicons, `categories.json` and the `_*.txt/tsv` helper data."""
    return _root() / "resources" / "lexicons"


def model_dir() -> Path:
    """Folder holding text_classifier.onnx and text_classifier.json."""
    return _root() / "models" / "text"

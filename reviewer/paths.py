"""Where shipped files live: a source checkout, an installed package, or a frozen bundle.

Every lookup of a shipped file (lexicons, text models, the model manifest, bundled models,
report fonts, translations, the demo recording) goes through project_root(), so setting
REVIEWER_RESOURCES to a folder holding `models/` and `resources/` moves all of them.

A frozen bundle (PyInstaller onedir) ships the assembled speech model as `models/<name>/`
(build.spec); the registry looks there first and still re-hashes the files before every load
(model_registry.check_files).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def project_root() -> Path:
    """Folder holding `models/` and `resources/` (overridable with REVIEWER_RESOURCES)."""
    override = os.environ.get("REVIEWER_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def lexicon_dir() -> Path:
    """Folder of `<category>.txt` lexicons, `categories.json` and the `_*.txt/tsv` helper data."""
    return resource_path("lexicons")


def text_model_dir() -> Path:
    """Folder holding text_classifier.onnx, text_classifier.json and the meaning head."""
    return project_root() / "models" / "text"


def manifest_path() -> Path:
    return project_root() / "models" / "manifest.json"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundled_model_dir(name: str) -> Path | None:
    """The shipped copy of manifest model `name` inside a frozen bundle, or None."""
    if not is_frozen():
        return None
    folder = project_root() / "models" / name
    return folder if folder.is_dir() else None


def demo_recording() -> Path:
    return resource_path("demo", "demo.mp4")


def demo_case_dir() -> Path:
    """Where `reviewer demo` and the application keep the demo case (per user)."""
    from .userdirs import user_home

    return user_home() / "cases" / "demo"

"""Text model versions learned on this workstation, and which one analysis uses.

<user folder>/text_models/v<N>/text_classifier.onnx + .json, and active.json holding the stack of
installed versions ({"history": ["v1", "v2"]}): the last is in use, rollback pops it (its files
stay, for the record). An empty stack means the model shipped with the program.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..paths import text_model_dir
from ..text.classifier import CARD_FILE, MODEL_FILE
from ..userdirs import user_home
from .errors import LearnError, NoPreviousModel

STATE_FILE = "active.json"


def store_dir() -> Path:
    return user_home() / "text_models"


def read_history(folder: Path, shipped: str) -> list[str]:
    """The stack of installed versions in `folder` (the last is in use); [] means `shipped`."""
    path = folder / STATE_FILE
    if not path.is_file():
        return []
    try:
        return [str(v) for v in json.loads(path.read_text(encoding="utf-8"))["history"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LearnError(f"{path} is damaged ({exc}); delete it to go back to {shipped}.") from exc


def write_history(folder: Path, versions: list[str]) -> None:
    """Replace the stack atomically: a crash leaves the old one or the new one."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps({"history": versions}, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, folder / STATE_FILE)


def history() -> list[str]:
    return read_history(store_dir(), "the shipped text model")


def _save(versions: list[str]) -> None:
    write_history(store_dir(), versions)


def active_version() -> str | None:
    versions = history()
    return versions[-1] if versions else None


def active_model_path() -> Path | None:
    """The ONNX file analysis should load; None for the shipped one."""
    version = active_version()
    return store_dir() / version / MODEL_FILE if version else None


def card_of(version: str | None) -> dict:
    folder = store_dir() / version if version else text_model_dir()
    path = folder / CARD_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LearnError(f"Cannot read the text model card {path}: {exc}") from exc


def next_version() -> str:
    folder = store_dir()
    numbers = [int(p.name[1:]) for p in folder.glob("v*") if p.is_dir() and p.name[1:].isdigit()]
    return f"v{max(numbers, default=0) + 1}"


def install(version: str, onnx_bytes: bytes, card: dict) -> Path:
    """Write a new version's files, then make it the active one."""
    folder = store_dir() / version
    folder.mkdir(parents=True, exist_ok=False)
    (folder / MODEL_FILE).write_bytes(onnx_bytes)
    (folder / CARD_FILE).write_text(
        json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    _save([*history(), version])
    return folder / MODEL_FILE


def rollback() -> tuple[str, str | None]:
    """Stop using the active learned version; returns (left, now active or None = shipped)."""
    versions = history()
    if not versions:
        raise NoPreviousModel("The shipped text model is in use already: nothing to roll back.")
    _save(versions[:-1])
    return versions[-1], (versions[-2] if len(versions) > 1 else None)

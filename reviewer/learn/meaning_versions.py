"""Meaning heads refitted on this workstation, and which one analysis uses.

<user folder>/meaning_heads/v<N>/meaning_head.json + meaning_examples.npy, and active.json with the
stack of installed versions (the last is in use; rollback pops it, its files stay for the record).
An empty stack means the head shipped with the program.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import text_model_dir
from ..text.meaning.head import HEAD_FILE, MeaningHead
from ..userdirs import user_home
from .errors import NoPreviousModel
from .versions import read_history, write_history


def store_dir() -> Path:
    return user_home() / "meaning_heads"


def history() -> list[str]:
    return read_history(store_dir(), "the shipped meaning head")


def _save(versions: list[str]) -> None:
    write_history(store_dir(), versions)


def active_head() -> Path | None:
    """The head file analysis should load; None for the shipped one."""
    versions = history()
    return store_dir() / versions[-1] / HEAD_FILE if versions else None


def current_head_path() -> Path:
    return active_head() or text_model_dir() / HEAD_FILE


def next_version() -> str:
    folder = store_dir()
    numbers = [int(p.name[1:]) for p in folder.glob("v*") if p.is_dir() and p.name[1:].isdigit()]
    return f"v{max(numbers, default=0) + 1}"


def install(head: MeaningHead, meta: dict) -> Path:
    """Write a new version, then make it the active one."""
    version = next_version()
    folder = store_dir() / version
    folder.mkdir(parents=True, exist_ok=False)
    path = head.save(folder, meta)
    _save([*history(), version])
    return path


def rollback() -> tuple[str, str | None]:
    """Stop using the active refitted head; returns (left, now active or None = shipped)."""
    versions = history()
    if not versions:
        raise NoPreviousModel("The shipped meaning head is in use already: nothing to roll back.")
    _save(versions[:-1])
    return versions[-1], (versions[-2] if len(versions) > 1 else None)

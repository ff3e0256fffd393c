"""Models that a frozen bundle (PyInstaller onedir) ships already assembled.

In a checkout the speech model is assembled from its registry packages into the per-user
folder. The installed application has no registry packages: `build.spec` copies the assembled,
hash-checked folder into the bundle as `models/<name>/`, and the registry looks here first.
The files are still re-hashed before every load (model_registry.check_files).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .resources import project_root


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundled_model_dir(name: str) -> Path | None:
    """The shipped copy of manifest model `name` inside a frozen bundle, or None."""
    if not is_frozen():
        return None
    folder = project_root() / "models" / name
    return folder if folder.is_dir() else None

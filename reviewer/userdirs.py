"""Per-user folders (settings, model cache, keys), overridable with REVIEWER_HOME."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "LivestreamReviewer"


def user_home() -> Path:
    """The per-user state folder; REVIEWER_HOME wins so tests and portable installs stay contained."""
    override = os.environ.get("REVIEWER_HOME")
    home = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def models_dir() -> Path:
    path = user_home() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path

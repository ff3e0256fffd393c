"""Per-user folders (settings, model cache, keys), overridable with REVIEWER_HOME or portable mode."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "LivestreamReviewer"


def user_home() -> Path:
    """The per-user state folder; REVIEWER_HOME wins so tests and portable installs stay contained."""
    override = os.environ.get("REVIEWER_HOME")
    home = (
        Path(override)
        if override
        else portable_home() or Path(user_data_dir(APP_NAME, appauthor=False))
    )
    home.mkdir(parents=True, exist_ok=True)
    return home


def models_dir() -> Path:
    path = user_home() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- portable mode: an unzipped bundle with `portable.flag` beside its executable keeps its data
# (settings, keys, models, demo case) in `data/` next to it, so it runs from a USB stick or a
# folder the officer owns, without admin rights and without touching the user profile. --
PORTABLE_FLAG = "portable.flag"
PORTABLE_DATA = "data"


def portable_home(executable: str | None = None) -> Path | None:
    """`<exe folder>/data` when `portable.flag` sits next to the executable, else None.

    Only a frozen application is portable (a checkout's "executable" is the Python interpreter);
    pass `executable` to ask about a given program path."""
    if executable is None:
        if not getattr(sys, "frozen", False):
            return None
        executable = sys.executable
    folder = Path(executable).resolve().parent
    return folder / PORTABLE_DATA if (folder / PORTABLE_FLAG).is_file() else None
